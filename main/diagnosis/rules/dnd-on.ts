import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'dnd-on';
const ZEN_LABEL: Record<number, string> = {
  1: 'priority only',
  2: 'total silence',
  3: 'alarms only',
};

/**
 * DND still posts notifications but silences them and keeps them from peeking. In priority mode a
 * channel allowed to bypass DND gets through, so that case is only worth knowing; every other mode is a warning.
 */
export const dndOn: Rule = (ctx) => {
  const zen = ctx.sheet.facts.system.zenMode;
  if (zen === null) return unknownFinding(ctx, ID, ['system.zenMode']);
  const evidence = evidenceFor(ctx.sheet, 'system.zenMode');
  if (zen === 0) return finding(ID, 'ok', { detail: 'Do Not Disturb is off.', evidence });
  const mode = ZEN_LABEL[zen] ?? `mode ${zen}`;
  const bypass = ctx.app !== null ? (ctx.sheet.facts.app?.channels ?? []).filter((c) => c.bypassDnd === true) : [];
  if (zen === 1 && bypass.length > 0) {
    return finding(ID, 'info', {
      detail: `Do Not Disturb is on (${mode}); ${ctx.app} channel(s) ${bypass.map((c) => c.id).join(', ')} may override it.`,
      evidence: evidenceFor(ctx.sheet, 'system.zenMode', 'app.channels'),
      remedy: 'Pushes on other channels arrive silently while DND is on; make sure the push names a channel that overrides DND, or turn DND off.',
      fixId: 'dnd-off',
    });
  }
  return finding(ID, 'warning', {
    detail: `Do Not Disturb is on (${mode}): pushes are posted silently and do not pop up.`,
    evidence,
    remedy: 'Turn Do Not Disturb off, or add the app to the DND exceptions (Settings → Notifications → Do Not Disturb → Apps).',
    fixId: 'dnd-off',
  });
};
