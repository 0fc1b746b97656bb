import { describe, serviceFacts, servicePaths } from './push-service-lookup.js';
import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, unknownFinding, vendorName, type Rule } from './rule.js';

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
    return finding(ID, 'ok', { detail: msg('finding.push-service-missing.ok', { services: installed.map(describe).join(', ') }), evidence });
  }
  if (services.length === 0 || services.some((s) => s.installed === null)) {
    return unknownFinding(ctx, ID, paths);
  }
  const vendor = vendorName(ctx);
  const packages = ctx.vendor?.servicePackages ?? [];
  const expected = packages.map((p) => p.package).join(' / ');
  // Where the SDK can also find the service inside the framework, a missing package is a strong hint, not proof.
  const unsure = packages.some((p) => p.missingSeverity === 'warning');
  return finding(ID, unsure ? 'warning' : 'error', {
    detail: msg(unsure ? 'finding.push-service-missing.unsure' : 'finding.push-service-missing.missing', { vendor, expected }),
    evidence,
    remedy: msg('finding.push-service-missing.remedy', { vendor }),
  });
};
