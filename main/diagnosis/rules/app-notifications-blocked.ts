import { evidenceFor, finding, unknownFinding, vendorText, withApp, type Rule } from './rule.js';

const ID = 'app-notifications-blocked';

export const appNotificationsBlocked: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.notificationsEnabled === null) return unknownFinding(ctx, ID, ['app.notificationsEnabled']);
  const evidence = evidenceFor(ctx.sheet, 'app.notificationsEnabled');
  if (app.notificationsEnabled) return finding(ID, 'ok', { detail: `Notifications are allowed for ${ctx.app}.`, evidence });
  const oppo = ctx.vendor?.notificationsOffByDefault === true;
  return finding(ID, 'error', {
    detail: `Notifications are turned off for ${ctx.app}, so no push can be shown.`
      + (oppo ? ` ${ctx.vendor?.displayName} turns notifications off by default for newly installed apps.` : ''),
    evidence,
    remedy: vendorText(ctx.vendor, (v) => v.remedies.appNotifications,
      'Settings → Notifications → App notifications → the app: turn notifications on.'),
    fixId: 'open-notification-settings',
  });
});
