import { channelOf, evidenceFor, finding, unknownReason, vendorText, withApp, type Rule } from './rule.js';

const ID = 'autostart-denied';

/**
 * Vendor autostart managers stop the app being started by broadcasts or the push service. Only MIUI exposes
 * it to adb (appops op 10008); elsewhere the engineer checks the screen named in the vendor table.
 */
export const autostartDenied: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'fcm' || channel === 'none') return null;
  return withApp(ctx, ID, (app) => {
    const remedy = vendorText(ctx.vendor, (v) => v.remedies.autostart, 'Allow the app to start automatically in the ROM\'s autostart or app-launch manager.');
    const screen = ctx.vendor?.autostartScreens[0]?.label;
    if (app.autostartAllowed === null) {
      return finding(ID, 'manual', {
        detail: `Autostart cannot be read over adb here (${unknownReason(ctx.sheet, 'app.autostartAllowed')}). Check it on the phone${screen ? `: ${screen}` : ''}.`,
        evidence: evidenceFor(ctx.sheet, 'app.autostartAllowed'),
        remedy,
        fixId: 'open-autostart-settings',
      });
    }
    const evidence = evidenceFor(ctx.sheet, 'app.autostartAllowed');
    if (app.autostartAllowed) return finding(ID, 'ok', { detail: `Autostart is allowed for ${ctx.app}.`, evidence });
    return finding(ID, 'warning', {
      detail: `Autostart is denied for ${ctx.app}: the ROM stops the push service and the system from starting it in background.`,
      evidence,
      remedy,
      fixId: 'open-autostart-settings',
    });
  });
};
