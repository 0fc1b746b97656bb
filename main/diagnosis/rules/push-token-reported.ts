import { IM_TOKEN_ERRORS } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, unknownReason, withApp, type Rule, type RuleContext } from './rule.js';

const ID = 'push-token-reported';
const RERUN = 'Start the app and log in (registration runs after login), then re-run the audit so the log holds the registration lines.';

/**
 * Read from what the push SDKs and TUIOfflinePush logged (push-apis §4.5): `setOfflinePushToken success` is
 * the proof; an error line is explained from its code; no line at all only means the log does not cover a login.
 */
export const pushTokenReported: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'none') return null;
  return withApp(ctx, ID, () => {
    const log = ctx.sheet.facts.pushLog;
    if (log === null) {
      return finding(ID, 'unknown', {
        detail: `The push log could not be read: ${unknownReason(ctx.sheet, 'pushLog')}.`,
        evidence: evidenceFor(ctx.sheet, 'pushLog'),
        remedy: RERUN,
      });
    }
    const business = log.businessId ? ` with certificate ID ${log.businessId}` : '';
    if (log.tokenReported === true) {
      return finding(ID, 'ok', {
        detail: `The app reported its push token to IM${business} (setOfflinePushToken success).`,
        evidence: evidenceFor(ctx.sheet, 'pushLog.tokenReported', 'pushLog.businessId'),
      });
    }
    if (log.lastError !== null) {
      return finding(ID, 'error', {
        detail: `Registration failed: ${log.lastError} — ${explainError(ctx, log.lastError)}.`,
        evidence: evidenceFor(ctx.sheet, 'pushLog.lastError'),
        remedy: 'Fix the cause above, then start the app, log in and re-run the audit. '
          + 'Check the vendor app id/key in the build and the certificate ID against the IM console.',
      });
    }
    if (log.tokenReceived === true) {
      return finding(ID, 'warning', {
        detail: 'A vendor token was received but the log shows no setOfflinePushToken success: it was not reported to IM, or not yet.',
        evidence: evidenceFor(ctx.sheet, 'pushLog.tokenReceived'),
        remedy: 'Make sure the app reports the token after login (TUILogin login, or registerPush after a manual login), then re-run.',
      });
    }
    return finding(ID, 'unknown', {
      detail: 'The log holds no push registration line, so whether a token was reported cannot be told.',
      evidence: evidenceFor(ctx.sheet, 'pushLog'),
      remedy: RERUN,
    });
  });
};

/** Meaning of the codes in a registration error line: vendor codes first, then IM SDK codes. */
export function explainError(ctx: RuleContext, line: string): string {
  const vendorCodes = ctx.vendor?.tokenErrors ?? {};
  for (const [code, meaning] of Object.entries(vendorCodes)) {
    if (new RegExp(`(^|[^0-9])${code}([^0-9]|$)`).test(line)) return meaning;
  }
  const m = /(?:err code|code|state)\s*=\s*(-?\d+)/.exec(line);
  const code = m?.[1];
  if (code !== undefined) {
    const meaning = IM_TOKEN_ERRORS[code];
    if (meaning) return meaning;
    return `code ${code} is not in our table; look it up in the ${ctx.vendor?.displayName ?? 'vendor'} or IM error codes`;
  }
  return 'no error code in the line; the description is the vendor\'s message';
}
