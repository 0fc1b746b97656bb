import { evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'background-restricted';

export const backgroundRestricted: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.backgroundRestricted === null) return unknownFinding(ctx, ID, ['app.backgroundRestricted']);
  const evidence = evidenceFor(ctx.sheet, 'app.backgroundRestricted');
  if (!app.backgroundRestricted) return finding(ID, 'ok', { detail: `${ctx.app} may run in background.`, evidence });
  return finding(ID, 'warning', {
    detail: `${ctx.app} is background-restricted (RUN_ANY_IN_BACKGROUND denied): it cannot run jobs or services while in background.`,
    evidence,
    remedy: 'Settings → Apps → the app → Battery: remove the background restriction ("Unrestricted" or "Optimised").',
    fixId: 'allow-background',
  });
});
