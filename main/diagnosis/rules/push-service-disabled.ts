import { describe, serviceFacts, servicePaths } from './push-service-lookup.js';
import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, unknownFinding, vendorName, type Rule } from './rule.js';

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
  if (enabled.length > 0) return finding(ID, 'ok', { detail: msg('finding.push-service-disabled.ok', { services: enabled.map(describe).join(', ') }), evidence });
  if (installed.some((s) => s.enabled === null)) return unknownFinding(ctx, ID, paths);
  return finding(ID, 'error', {
    detail: msg('finding.push-service-disabled.off', { vendor: vendorName(ctx), services: installed.map((s) => s.package).join(', ') }),
    evidence,
    remedy: msg('finding.push-service-disabled.remedy'),
    fixId: 'enable-push-service',
  });
};
