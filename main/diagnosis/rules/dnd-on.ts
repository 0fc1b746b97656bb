import type { Msg } from '../../../common/domain/findings.js';
import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'dnd-on';

/** Settings.Global.ZEN_MODE values, as the reader's words. */
function zenLabel(zen: number): Msg {
  switch (zen) {
    case 1: return msg('finding.dnd-on.mode.1');
    case 2: return msg('finding.dnd-on.mode.2');
    case 3: return msg('finding.dnd-on.mode.3');
    default: return msg('finding.dnd-on.mode.other', { zen });
  }
}

/**
 * DND still posts notifications but silences them and keeps them from peeking. In priority mode a
 * channel allowed to bypass DND gets through, so that case is only worth knowing; every other mode is a warning.
 */
export const dndOn: Rule = (ctx) => {
  const zen = ctx.sheet.facts.system.zenMode;
  if (zen === null) return unknownFinding(ctx, ID, ['system.zenMode']);
  const evidence = evidenceFor(ctx.sheet, 'system.zenMode');
  if (zen === 0) return finding(ID, 'ok', { detail: msg('finding.dnd-on.ok'), evidence });
  const mode = zenLabel(zen);
  const bypass = ctx.app !== null ? (ctx.sheet.facts.app?.channels ?? []).filter((c) => c.bypassDnd === true) : [];
  if (zen === 1 && bypass.length > 0) {
    return finding(ID, 'info', {
      detail: msg('finding.dnd-on.bypass', { mode, app: appParam(ctx), channels: bypass.map((c) => c.id).join(', ') }),
      evidence: evidenceFor(ctx.sheet, 'system.zenMode', 'app.channels'),
      remedy: msg('finding.dnd-on.bypass-remedy'),
      fixId: 'dnd-off',
    });
  }
  return finding(ID, 'warning', {
    detail: msg('finding.dnd-on.on', { mode }),
    evidence,
    remedy: msg('finding.dnd-on.remedy', { path: screen(ctx, 'doNotDisturb') }),
    fixId: 'dnd-off',
  });
};
