import type { PushServiceFact } from '../../../common/domain/facts.js';
import type { RuleContext } from './rule.js';
import { channelOf } from './rule.js';

export type ServiceLookup =
  | { kind: 'not-applicable' }
  | { kind: 'channel-unknown' }
  | { kind: 'services'; services: PushServiceFact[]; packages: string[] };

/** The push-service facts for this phone's vendor channel (FCM is covered by `gms-missing`). */
export function serviceFacts(ctx: RuleContext): ServiceLookup {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return { kind: 'channel-unknown' };
  if (channel === 'fcm' || channel === 'none' || ctx.vendor === null) return { kind: 'not-applicable' };
  const packages = ctx.vendor.servicePackages.map((p) => p.package);
  const services = ctx.sheet.facts.pushServices.filter((s) => s.vendor === channel || packages.includes(s.package));
  return { kind: 'services', services, packages };
}

/** Fact paths of one field of the channel's service packages, as the probes key them ("pushServices.<pkg>.installed"). */
export function servicePaths(packages: readonly string[], field: 'installed' | 'enabled' | 'versionName' | 'versionCode'): string[] {
  return packages.map((p) => `pushServices.${p}.${field}`);
}

export function describe(s: PushServiceFact): string {
  return s.versionName ? `${s.package} ${s.versionName}` : s.package;
}
