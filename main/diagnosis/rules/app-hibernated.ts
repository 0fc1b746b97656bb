import { evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'app-hibernated';
/** App hibernation arrived in Android 12 (API 31). */
const S = 31;

export const appHibernated: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const sdk = ctx.sheet.facts.android?.sdk ?? null;
  const evidence = evidenceFor(ctx.sheet, 'app.hibernated');
  if (app.hibernated === true) {
    return finding(ID, 'error', {
      detail: `${ctx.app} is hibernated (unused for months): it is stopped and its permissions may be revoked.`,
      evidence,
      remedy: 'Open the app, and turn off Settings → Apps → the app → "Pause app activity if unused".',
      fixId: 'unhibernate-app',
    });
  }
  if (app.hibernated === false) return finding(ID, 'ok', { detail: `${ctx.app} is not hibernated.`, evidence });
  if (sdk !== null && sdk < S) {
    return finding(ID, 'ok', { detail: 'App hibernation does not exist before Android 12.', evidence: evidenceFor(ctx.sheet, 'android') });
  }
  return unknownFinding(ctx, ID, ['app.hibernated']);
});
