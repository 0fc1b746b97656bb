import type { Finding } from '../../../common/domain/findings.js';
import type { VendorRestrictions } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, unknownFinding, type RuleContext } from './rule.js';

/** Section 7 advice for the phone's channel: not a fault on the phone, what to check with the vendor. */
export function vendorAdvice(ctx: RuleContext, id: string, pick: (r: VendorRestrictions) => string): Finding | null {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return unknownFinding(ctx, id, ['pushChannel', 'brand', 'manufacturer']);
  if (channel === 'none' || ctx.vendor === null) return null;
  const v = ctx.vendor;
  return finding(id, 'info', {
    detail: `${v.displayName}: ${pick(v.restrictions)}`,
    evidence: evidenceFor(ctx.sheet, 'brand', 'manufacturer'),
    remedy: `If pushes are late or missing after the phone checks pass, check this in ${v.consoles[0]?.name ?? 'the vendor console'}`
      + ` (${v.consoles[0]?.url ?? ''}). Vendor rules: ${v.restrictions.docs.join(' ')}`,
  });
}
