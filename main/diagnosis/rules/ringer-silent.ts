import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'ringer-silent';

export const ringerSilent: Rule = (ctx) => {
  const mode = ctx.sheet.facts.system.ringerMode;
  if (mode === null) return unknownFinding(ctx, ID, ['system.ringerMode']);
  const evidence = evidenceFor(ctx.sheet, 'system.ringerMode');
  const remedy = msg('finding.ringer-silent.remedy', { path: screen(ctx, 'notificationSound') });
  if (mode === 0) return finding(ID, 'warning', { detail: msg('finding.ringer-silent.silent'), evidence, remedy });
  if (mode === 1) return finding(ID, 'info', { detail: msg('finding.ringer-silent.vibrate'), evidence, remedy });
  return finding(ID, 'ok', { detail: msg('finding.ringer-silent.ok'), evidence });
};
