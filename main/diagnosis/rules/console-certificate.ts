import { msg } from '../../../common/i18n/msg.js';
import { TENCENT_PUSH_CHECK_TOOL } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, vendorName, type Rule } from './rule.js';

const ID = 'console-certificate';

/** The console cannot be read from the phone; the engineer confirms it, helped by the logged certificate ID. */
export const consoleCertificate: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'none') return null;
  const vendor = vendorName(ctx);
  const businessId = ctx.app !== null ? ctx.sheet.facts.pushLog?.businessId ?? null : null;
  return finding(ID, 'manual', {
    detail: businessId
      ? msg('finding.console-certificate.logged', { businessId, vendor })
      : msg('finding.console-certificate.confirm', { vendor }),
    evidence: businessId ? evidenceFor(ctx.sheet, 'pushLog.businessId') : [],
    remedy: msg('finding.console-certificate.remedy', { vendor, tool: TENCENT_PUSH_CHECK_TOOL }),
  });
};
