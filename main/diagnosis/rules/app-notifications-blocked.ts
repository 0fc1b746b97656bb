import { msg } from '../../../common/i18n/msg.js';
import { appParam, vendorName, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'app-notifications-blocked';

export const appNotificationsBlocked: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.notificationsEnabled === null) return unknownFinding(ctx, ID, ['app.notificationsEnabled']);
  const evidence = evidenceFor(ctx.sheet, 'app.notificationsEnabled');
  const p = { app: appParam(ctx) };
  if (app.notificationsEnabled) return finding(ID, 'ok', { detail: msg('finding.app-notifications-blocked.ok', p), evidence });
  const path = screen(ctx, 'appNotifications');
  const offByDefault = ctx.vendor?.notificationsOffByDefault === true ? vendorName(ctx) : null;
  return finding(ID, 'error', {
    detail: offByDefault !== null
      ? msg('finding.app-notifications-blocked.off-default', { ...p, vendor: offByDefault })
      : msg('finding.app-notifications-blocked.off', p),
    evidence,
    remedy: offByDefault !== null && ctx.vendor?.channelIdField
      ? msg('finding.app-notifications-blocked.remedy-off-default', { vendor: offByDefault, path, field: ctx.vendor.channelIdField })
      : msg('finding.app-notifications-blocked.remedy', { path }),
    fixId: 'open-notification-settings',
  });
});
