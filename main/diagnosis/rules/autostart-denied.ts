import { msg } from '../../../common/i18n/msg.js';
import { reasonMsg } from './reason-messages.js';
import { appParam, channelOf, evidenceFor, finding, screen, unknownReason, withApp, type Rule } from './rule.js';

const ID = 'autostart-denied';

/**
 * Vendor autostart managers stop the app being started by broadcasts or the push service. Only MIUI exposes
 * it to adb (appops op 10008); elsewhere the engineer checks the screen the ROM labels (rom-labels.ts).
 */
export const autostartDenied: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'fcm' || channel === 'none') return null;
  return withApp(ctx, ID, (app) => {
    const path = screen(ctx, 'autostart');
    const p = { app: appParam(ctx) };
    const remedy = msg('finding.autostart-denied.remedy', { ...p, path });
    const evidence = evidenceFor(ctx.sheet, 'app.autostartAllowed');
    if (app.autostartAllowed === null) {
      return finding(ID, 'manual', {
        detail: msg('finding.autostart-denied.manual-screen', { reason: reasonMsg(unknownReason(ctx.sheet, 'app.autostartAllowed')), screen: path }),
        evidence,
        remedy,
        fixId: 'open-autostart-settings',
      });
    }
    if (app.autostartAllowed) return finding(ID, 'ok', { detail: msg('finding.autostart-denied.ok', p), evidence });
    return finding(ID, 'warning', {
      detail: msg('finding.autostart-denied.denied', p),
      evidence,
      remedy,
      fixId: 'open-autostart-settings',
    });
  });
};
