import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'data-saver-on';

export const dataSaverOn: Rule = (ctx) => {
  const on = ctx.sheet.facts.system.dataSaver;
  if (on === null) return unknownFinding(ctx, ID, ['system.dataSaver']);
  if (!on) return finding(ID, 'ok', { detail: 'Data Saver is off.', evidence: evidenceFor(ctx.sheet, 'system.dataSaver') });
  const exempt = ctx.app !== null ? ctx.sheet.facts.app?.dataSaverExempt ?? null : null;
  const evidence = evidenceFor(ctx.sheet, 'system.dataSaver', ...(ctx.app !== null ? ['app.dataSaverExempt'] : []));
  if (exempt === true) {
    return finding(ID, 'ok', { detail: `Data Saver is on, but ${ctx.app} is allowed unrestricted data.`, evidence });
  }
  return finding(ID, 'warning', {
    detail: 'Data Saver is on' + (ctx.app === null ? '.' : exempt === false
      ? `, and ${ctx.app} may not use data in background.`
      : `; whether ${ctx.app} is exempt could not be read (${ctx.sheet.unknown['app.dataSaverExempt'] ?? 'not read'}).`),
    evidence,
    remedy: 'Turn Data Saver off, or allow the app unrestricted data (Settings → Apps → the app → Mobile data → Unrestricted data usage).',
    fixId: 'open-data-saver-settings',
  });
};
