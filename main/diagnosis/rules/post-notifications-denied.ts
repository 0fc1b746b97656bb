import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'post-notifications-denied';
/** Android 13 (API 33) made posting notifications a runtime permission. */
const TIRAMISU = 33;

export const postNotificationsDenied: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const sdk = ctx.sheet.facts.android?.sdk ?? null;
  const evidence = evidenceFor(ctx.sheet, 'app.postNotificationsGranted');
  const p = { app: appParam(ctx) };
  if (app.postNotificationsGranted === true) return finding(ID, 'ok', { detail: msg('finding.post-notifications-denied.ok', p), evidence });
  if (sdk !== null && sdk < TIRAMISU) {
    return finding(ID, 'ok', {
      detail: msg('finding.post-notifications-denied.old-android', { release: ctx.sheet.facts.android?.release ?? String(sdk) }),
      evidence: evidenceFor(ctx.sheet, 'android'),
    });
  }
  if (app.postNotificationsGranted === false) {
    return finding(ID, 'error', {
      detail: msg('finding.post-notifications-denied.denied', p),
      evidence,
      remedy: msg('finding.post-notifications-denied.remedy', { path: screen(ctx, 'appNotifications') }),
      fixId: 'grant-post-notifications',
    });
  }
  return unknownFinding(ctx, ID, ['app.postNotificationsGranted', 'android']);
});
