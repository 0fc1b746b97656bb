import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, withApp, type Rule } from './rule.js';

const ID = 'session-logged-out';

/** The phone cannot say whether the IM user is still logged in; the engineer asks (FAQ Overview). */
export const sessionLoggedOut: Rule = (ctx) => withApp(ctx, ID, () => {
  const reported = ctx.sheet.facts.pushLog?.tokenReported === true;
  return finding(ID, 'manual', {
    detail: reported ? msg('finding.session-logged-out.reported') : msg('finding.session-logged-out.unknown'),
    evidence: reported ? evidenceFor(ctx.sheet, 'pushLog.tokenReported') : [],
    remedy: msg('finding.session-logged-out.remedy'),
  });
});
