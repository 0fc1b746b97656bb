import { TENCENT_PUSH_CHECK_TOOL } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, type Rule } from './rule.js';

const ID = 'console-certificate';

/** The console cannot be read from the phone; the engineer confirms it, helped by the logged certificate ID. */
export const consoleCertificate: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'none') return null;
  const name = ctx.vendor?.displayName ?? 'vendor';
  const businessId = ctx.app !== null ? ctx.sheet.facts.pushLog?.businessId ?? null : null;
  return finding(ID, 'manual', {
    detail: businessId
      ? `The app registered with certificate ID ${businessId}; confirm the ${name} certificate with this ID is in the IM console.`
      : `Confirm the ${name} certificate is uploaded in the IM console and its certificate ID is the one built into the app.`,
    evidence: businessId ? evidenceFor(ctx.sheet, 'pushLog.businessId') : [],
    remedy: `IM console → Offline push: the ${name} certificate's ID must equal the businessID the app passes to setOfflinePushConfig. `
      + `Then use the console's push check tool (${TENCENT_PUSH_CHECK_TOOL}) or a test push to confirm.`,
  });
};
