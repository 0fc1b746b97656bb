import { channelNames, isSilent } from './channels.js';
import { evidenceFor, finding, unknownFinding, vendorText, withApp, type Rule } from './rule.js';

const ID = 'channel-silent';

export const channelSilent: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const evidence = evidenceFor(ctx.sheet, 'app.channels');
  const silent = app.channels.filter(isSilent);
  if (silent.length === 0) {
    return finding(ID, 'ok', {
      detail: app.channels.length === 0
        ? `${ctx.app} has created no notification channels yet.`
        : `${ctx.app}'s channels can alert with sound or vibration.`,
      evidence,
    });
  }
  return finding(ID, 'warning', {
    detail: `Silent channel(s): ${channelNames(silent)} — importance low or no sound and no vibration, so a push there arrives without alerting.`,
    evidence,
    remedy: vendorText(ctx.vendor, (v) => v.remedies.sound,
      'Settings → Apps → the app → Notifications → the category: set it to "Alerting" / "Make sound" (importance Default or High).'),
    fixId: 'open-notification-settings',
  });
});
