import { msg } from '../../../common/i18n/msg.js';
import { channelNames } from './channels.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'lockscreen-hidden';
/** Notification.VISIBILITY_SECRET. */
const SECRET = -1;

export const lockscreenHidden: Rule = (ctx) => {
  const show = ctx.sheet.facts.system.lockScreenShowNotifications;
  if (show === null) return unknownFinding(ctx, ID, ['system.lockScreenShowNotifications']);
  if (!show) {
    return finding(ID, 'warning', {
      detail: msg('finding.lockscreen-hidden.all'),
      evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications'),
      remedy: msg('finding.lockscreen-hidden.remedy', { path: screen(ctx, 'lockScreenNotifications') }),
      fixId: 'show-on-lockscreen',
    });
  }
  const secret = (ctx.app !== null && ctx.sheet.facts.app?.channels?.filter((c) => c.lockscreenVisibility === SECRET)) || [];
  if (secret.length > 0) {
    return finding(ID, 'warning', {
      detail: msg('finding.lockscreen-hidden.channels', { app: appParam(ctx), channels: channelNames(secret) }),
      evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications', 'app.channels'),
      remedy: msg('finding.lockscreen-hidden.channels-remedy', { path: screen(ctx, 'notificationChannels') }),
      fixId: 'open-notification-settings',
    });
  }
  return finding(ID, 'ok', {
    detail: msg('finding.lockscreen-hidden.ok'),
    evidence: evidenceFor(ctx.sheet, 'system.lockScreenShowNotifications'),
  });
};
