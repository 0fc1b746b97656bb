import { evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'post-notifications-denied';
/** Android 13 (API 33) made posting notifications a runtime permission. */
const TIRAMISU = 33;

export const postNotificationsDenied: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const sdk = ctx.sheet.facts.android?.sdk ?? null;
  const evidence = evidenceFor(ctx.sheet, 'app.postNotificationsGranted');
  if (app.postNotificationsGranted === true) {
    return finding(ID, 'ok', { detail: `POST_NOTIFICATIONS is granted to ${ctx.app}.`, evidence });
  }
  if (sdk !== null && sdk < TIRAMISU) {
    return finding(ID, 'ok', {
      detail: `Android ${ctx.sheet.facts.android?.release ?? sdk} needs no notification permission (it arrived in Android 13).`,
      evidence: evidenceFor(ctx.sheet, 'android'),
    });
  }
  if (app.postNotificationsGranted === false) {
    return finding(ID, 'error', {
      detail: `${ctx.app} does not hold POST_NOTIFICATIONS, so Android 13+ shows none of its notifications.`,
      evidence,
      remedy: 'Grant the notification permission (Settings → Apps → the app → Notifications → Allow), or have the app request it at login.',
      fixId: 'grant-post-notifications',
    });
  }
  return unknownFinding(ctx, ID, ['app.postNotificationsGranted', 'android']);
});
