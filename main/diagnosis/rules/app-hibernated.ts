import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'app-hibernated';
/** App hibernation arrived in Android 12 (API 31). */
const S = 31;

export const appHibernated: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const sdk = ctx.sheet.facts.android?.sdk ?? null;
  const evidence = evidenceFor(ctx.sheet, 'app.hibernated');
  const p = { app: appParam(ctx) };
  if (app.hibernated === true) {
    return finding(ID, 'error', {
      detail: msg('finding.app-hibernated.on', p),
      evidence,
      remedy: msg('finding.app-hibernated.remedy', p),
      fixId: 'unhibernate-app',
    });
  }
  if (app.hibernated === false) return finding(ID, 'ok', { detail: msg('finding.app-hibernated.ok', p), evidence });
  if (sdk !== null && sdk < S) {
    return finding(ID, 'ok', { detail: msg('finding.app-hibernated.old-android'), evidence: evidenceFor(ctx.sheet, 'android') });
  }
  return unknownFinding(ctx, ID, ['app.hibernated']);
});
