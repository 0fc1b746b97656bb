import { channelNames } from './channels.js';
import { evidenceFor, finding, unknownFinding, vendorText, type Rule } from './rule.js';

const ID = 'lockscreen-hidden';
/** Notification.VISIBILITY_SECRET. */
const SECRET = -1;

export const lockscreenHidden: Rule = (ctx) => {
  const show = ctx.sheet.facts.system.lockScreenShowNotifications;
  if (show === null) return unknownFinding(ctx, ID, ['system.lockScreenShowNotifications']);
  const remedy = vendorText(ctx.vendor, (v) => v.remedies.lockScreen,
    'Settings → Notifications → Notifications on lock screen: show all notifications.');
  if (!show) {
    return finding(ID, 'warning', {
      detail: 'The phone hides all notifications on the lock screen, so a push arriving while the phone is locked is not seen until it is unlocked.',
      evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications'),
      remedy,
      fixId: 'show-on-lockscreen',
    });
  }
  const secret = (ctx.app !== null && ctx.sheet.facts.app?.channels?.filter((c) => c.lockscreenVisibility === SECRET)) || [];
  if (secret.length > 0) {
    return finding(ID, 'warning', {
      detail: `The lock screen shows notifications, but ${ctx.app} channel(s) ${channelNames(secret)} are set to hide there.`,
      evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications', 'app.channels'),
      remedy: 'Settings → Apps → the app → Notifications → the category → Lock screen: show.',
      fixId: 'open-notification-settings',
    });
  }
  return finding(ID, 'ok', {
    detail: 'Notifications are shown on the lock screen.',
    evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications'),
  });
};
