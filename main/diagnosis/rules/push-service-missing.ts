import { describe, serviceFacts, servicePaths } from './push-service-lookup.js';
import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'push-service-missing';

export const pushServiceMissing: Rule = (ctx) => {
  const lookup = serviceFacts(ctx);
  if (lookup.kind === 'not-applicable') return null;
  if (lookup.kind === 'channel-unknown') return unknownFinding(ctx, ID, ['pushChannel']);
  const { services } = lookup;
  const paths = servicePaths(lookup.packages, 'installed');
  const evidence = evidenceFor(ctx.sheet, ...paths);
  const installed = services.filter((s) => s.installed === true);
  if (installed.length > 0) {
    return finding(ID, 'ok', { detail: `Push service installed: ${installed.map(describe).join(', ')}.`, evidence });
  }
  if (services.length === 0 || services.some((s) => s.installed === null)) {
    return unknownFinding(ctx, ID, paths);
  }
  const name = ctx.vendor?.displayName ?? 'vendor';
  const packages = ctx.vendor?.servicePackages ?? [];
  const expected = packages.map((p) => p.package).join(' or ');
  // Where the SDK can also find the service inside the framework, a missing package is a strong hint, not proof.
  const unsure = packages.some((p) => p.missingSeverity === 'warning');
  return finding(ID, unsure ? 'warning' : 'error', {
    detail: unsure
      ? `The ${name} push service package (${expected}) is not installed; unless this ROM hosts the service in the framework, ${name} push cannot deliver to this phone.`
      : `The ${name} push service (${expected}) is not installed, so ${name} push cannot deliver to this phone.`,
    evidence,
    remedy: `The ${name} push service ships with the ROM: update the system, or reinstall it (\`cmd package install-existing\` restores a `
      + 'package removed for the user by a debloat tool). A phone without it receives no offline push on this channel.',
  });
};
