import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'battery-saver-on';

export const batterySaverOn: Rule = (ctx) => {
  const on = ctx.sheet.facts.system.batterySaver;
  if (on === null) return unknownFinding(ctx, ID, ['system.batterySaver']);
  const evidence = evidenceFor(ctx.sheet, 'system.batterySaver');
  if (!on) return finding(ID, 'ok', { detail: 'Battery saver is off.', evidence });
  return finding(ID, 'info', {
    detail: 'Battery saver is on: background work is limited and some ROMs delay pushes while it lasts.',
    evidence,
    remedy: 'Repeat the test with battery saver off to see whether it is the cause.',
  });
};
