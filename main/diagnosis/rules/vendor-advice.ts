import type { Finding } from '../../../common/domain/findings.js';
import { msg } from '../../../common/i18n/msg.js';
import type { VendorRestrictions } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, unknownFinding, vendorName, type RuleContext } from './rule.js';

/**
 * Section 7 advice for the phone's channel: not a fault on the phone, what to check with the vendor. The
 * advice is the catalog's `vendor.<vendor>.<field>` (its English is the vendor table's, checked by a test).
 */
export function vendorAdvice(ctx: RuleContext, id: string, field: 'classification' | 'dailyLimit'): Finding | null {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return unknownFinding(ctx, id, ['pushChannel', 'brand', 'manufacturer']);
  if (channel === 'none' || ctx.vendor === null) return null;
  const v = ctx.vendor;
  const restrictions: VendorRestrictions = v.restrictions;
  return finding(id, 'info', {
    detail: msg('finding.vendor-advice.detail', { vendor: vendorName(ctx), rule: { key: `vendor.${v.vendor}.${field}`, fallback: restrictions[field] } }),
    evidence: evidenceFor(ctx.sheet, 'brand', 'manufacturer'),
    remedy: msg('finding.vendor-advice.remedy', {
      console: v.consoles[0]?.name ?? msg('word.vendor-console'),
      url: v.consoles[0]?.url ?? '',
      docs: restrictions.docs.join(' '),
    }),
  });
}
