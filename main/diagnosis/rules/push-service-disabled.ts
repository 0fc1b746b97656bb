import { describe, serviceFacts, servicePaths } from './push-service-lookup.js';
import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'push-service-disabled';

export const pushServiceDisabled: Rule = (ctx) => {
  const lookup = serviceFacts(ctx);
  if (lookup.kind === 'not-applicable') return null;
  if (lookup.kind === 'channel-unknown') return unknownFinding(ctx, ID, ['pushChannel']);
  const installed = lookup.services.filter((s) => s.installed === true);
  const paths = servicePaths(installed.map((s) => s.package), 'enabled');
  // A missing service is `push-service-missing`'s finding; whether it is enabled does not apply then.
  if (installed.length === 0) {
    return lookup.services.some((s) => s.installed === null) || lookup.services.length === 0
      ? unknownFinding(ctx, ID, servicePaths(lookup.packages, 'installed'))
      : null;
  }
  const evidence = evidenceFor(ctx.sheet, ...paths);
  const enabled = installed.filter((s) => s.enabled === true);
  if (enabled.length > 0) return finding(ID, 'ok', { detail: `Push service enabled: ${enabled.map(describe).join(', ')}.`, evidence });
  if (installed.some((s) => s.enabled === null)) return unknownFinding(ctx, ID, paths);
  const name = ctx.vendor?.displayName ?? 'vendor';
  return finding(ID, 'error', {
    detail: `The ${name} push service ${installed.map((s) => s.package).join(', ')} is disabled, so no ${name} push reaches this phone.`,
    evidence,
    remedy: 'Re-enable the push service (Settings → Apps → show system apps → the service → Enable, or `pm enable` it); debloat tools often disable it.',
    fixId: 'enable-push-service',
  });
};
