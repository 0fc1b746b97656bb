import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'background-restricted';

export const backgroundRestricted: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.backgroundRestricted === null) return unknownFinding(ctx, ID, ['app.backgroundRestricted']);
  const evidence = evidenceFor(ctx.sheet, 'app.backgroundRestricted');
  const p = { app: appParam(ctx) };
  if (!app.backgroundRestricted) return finding(ID, 'ok', { detail: msg('finding.background-restricted.ok', p), evidence });
  return finding(ID, 'warning', {
    detail: msg('finding.background-restricted.on', p),
    evidence,
    remedy: msg('finding.background-restricted.remedy', { path: screen(ctx, 'backgroundRunning') }),
    fixId: 'allow-background',
  });
});
