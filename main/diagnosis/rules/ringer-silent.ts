import { evidenceFor, finding, unknownFinding, vendorText, type Rule } from './rule.js';

const ID = 'ringer-silent';

export const ringerSilent: Rule = (ctx) => {
  const mode = ctx.sheet.facts.system.ringerMode;
  if (mode === null) return unknownFinding(ctx, ID, ['system.ringerMode']);
  const evidence = evidenceFor(ctx.sheet, 'system.ringerMode');
  const remedy = vendorText(ctx.vendor, (v) => v.remedies.sound, 'Switch the phone from silent to ring (volume keys or the quick-settings sound tile).');
  if (mode === 0) {
    return finding(ID, 'warning', { detail: 'The phone is in silent mode: pushes arrive without sound or vibration.', evidence, remedy });
  }
  if (mode === 1) {
    return finding(ID, 'info', { detail: 'The phone is in vibrate mode: pushes vibrate but make no sound.', evidence, remedy });
  }
  return finding(ID, 'ok', { detail: 'The ringer is on.', evidence });
};
