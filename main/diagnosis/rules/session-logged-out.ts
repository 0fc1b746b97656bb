import { FAQ } from '../../../common/checklist/checklist.js';
import { evidenceFor, finding, withApp, type Rule } from './rule.js';

const ID = 'session-logged-out';

/** The phone cannot say whether the IM user is still logged in; the engineer asks (FAQ Overview). */
export const sessionLoggedOut: Rule = (ctx) => withApp(ctx, ID, () => {
  const reported = ctx.sheet.facts.pushLog?.tokenReported === true;
  return finding(ID, 'manual', {
    detail: reported
      ? 'The log shows a push token reported after a login; whether the user has logged out or been kicked since cannot be read from the phone.'
      : 'Whether the user is still logged in cannot be read from the phone.',
    evidence: reported ? evidenceFor(ctx.sheet, 'pushLog.tokenReported') : [],
    remedy: 'Ask whether the user logged out, or logged in on another device (multi-device kick), since the last message arrived: '
      + `either stops offline push until the next login (${FAQ.overview}). The REST call query_online_status should show PushOnline for the account.`,
  });
});
