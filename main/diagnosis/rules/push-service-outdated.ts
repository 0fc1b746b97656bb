import type { PushServiceFact } from '../../../common/domain/facts.js';
import type { PushServicePackage } from '../../../common/vendors/vendor-table.js';
import { describe, serviceFacts, servicePaths } from './push-service-lookup.js';
import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'push-service-outdated';

export const pushServiceOutdated: Rule = (ctx) => {
  const lookup = serviceFacts(ctx);
  if (lookup.kind === 'not-applicable') return null;
  if (lookup.kind === 'channel-unknown') return unknownFinding(ctx, ID, ['pushChannel']);
  const service = lookup.services.find((s) => s.installed === true && s.enabled !== false)
    ?? lookup.services.find((s) => s.installed === true);
  if (!service) return lookup.services.some((s) => s.installed === null) || lookup.services.length === 0
    ? unknownFinding(ctx, ID, servicePaths(lookup.packages, 'installed'))
    : null;
  const paths = [...servicePaths([service.package], 'versionName'), ...servicePaths([service.package], 'versionCode')];
  const evidence = evidenceFor(ctx.sheet, ...paths);
  const min = ctx.vendor?.servicePackages.find((p) => p.package === service.package);
  if (!min || (min.minVersionCode === null && min.minVersionName === null)) {
    return finding(ID, 'ok', { detail: msg('finding.push-service-outdated.no-minimum', { service: describe(service) }), evidence });
  }
  const verdict = meetsMinimum(service, min);
  if (verdict === null) return unknownFinding(ctx, ID, paths);
  const wanted = min.minVersionName ?? `versionCode ${min.minVersionCode}`;
  if (verdict) return finding(ID, 'ok', { detail: msg('finding.push-service-outdated.ok', { service: describe(service), wanted }), evidence });
  const have = service.versionName ?? `versionCode ${service.versionCode}`;
  return finding(ID, 'error', {
    detail: msg('finding.push-service-outdated.old', { package: service.package, have, wanted }),
    evidence,
    remedy: msg('finding.push-service-outdated.remedy', { package: service.package }),
  });
};

/** versionCode when both sides have one, else the dotted versionName; null when neither can be compared. */
export function meetsMinimum(s: PushServiceFact, min: PushServicePackage): boolean | null {
  if (min.minVersionCode !== null && s.versionCode !== null) return s.versionCode >= min.minVersionCode;
  if (min.minVersionName !== null && s.versionName !== null) {
    const cmp = compareDotted(s.versionName, min.minVersionName);
    return cmp === null ? null : cmp >= 0;
  }
  return null;
}

/** Compares the leading numeric parts of two dotted versions ("6.11.0.332" vs "3.0.0"); null when unparsable. */
export function compareDotted(a: string, b: string): number | null {
  const parse = (v: string): number[] | null => {
    const m = /^\s*v?(\d+(?:\.\d+)*)/i.exec(v);
    return m?.[1] ? m[1].split('.').map(Number) : null;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
