import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'battery-saver-on';

export const batterySaverOn: Rule = (ctx) => {
  const on = ctx.sheet.facts.system.batterySaver;
  if (on === null) return unknownFinding(ctx, ID, ['system.batterySaver']);
  const evidence = evidenceFor(ctx.sheet, 'system.batterySaver');
  if (!on) return finding(ID, 'ok', { detail: msg('finding.battery-saver-on.ok'), evidence });
  return finding(ID, 'info', {
    detail: msg('finding.battery-saver-on.on'),
    evidence,
    remedy: msg('finding.battery-saver-on.remedy', { path: screen(ctx, 'batterySaver') }),
  });
};
