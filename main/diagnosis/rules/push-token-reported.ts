import type { Msg } from '../../../common/domain/findings.js';
import { msg } from '../../../common/i18n/msg.js';
import { reasonMsg } from './reason-messages.js';
import { IM_TOKEN_ERRORS } from '../../../common/vendors/vendor-table.js';
import { channelOf, evidenceFor, finding, unknownReason, vendorName, withApp, type Rule, type RuleContext } from './rule.js';

const ID = 'push-token-reported';

/**
 * Read from what the push SDKs and TUIOfflinePush logged (push-apis §4.5): `setOfflinePushToken success` is
 * the proof; an error line is explained from its code; no line at all only means the log does not cover a login.
 */
export const pushTokenReported: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'none') return null;
  return withApp(ctx, ID, () => {
    const rerun = msg('finding.push-token-reported.rerun');
    const log = ctx.sheet.facts.pushLog;
    if (log === null) {
      return finding(ID, 'unknown', {
        detail: msg('finding.push-token-reported.no-log', { reason: reasonMsg(unknownReason(ctx.sheet, 'pushLog')) }),
        evidence: evidenceFor(ctx.sheet, 'pushLog'),
        remedy: rerun,
      });
    }
    if (log.tokenReported === true) {
      return finding(ID, 'ok', {
        detail: log.businessId
          ? msg('finding.push-token-reported.ok-business', { businessId: log.businessId })
          : msg('finding.push-token-reported.ok'),
        evidence: evidenceFor(ctx.sheet, 'pushLog.tokenReported', 'pushLog.businessId'),
      });
    }
    if (log.lastError !== null) {
      return finding(ID, 'error', {
        detail: msg('finding.push-token-reported.failed', { line: log.lastError, meaning: explainError(ctx, log.lastError) }),
        evidence: evidenceFor(ctx.sheet, 'pushLog.lastError'),
        remedy: msg('finding.push-token-reported.failed-remedy'),
      });
    }
    if (log.tokenReceived === true) {
      return finding(ID, 'warning', {
        detail: msg('finding.push-token-reported.not-reported'),
        evidence: evidenceFor(ctx.sheet, 'pushLog.tokenReceived'),
        remedy: msg('finding.push-token-reported.not-reported-remedy'),
      });
    }
    return finding(ID, 'unknown', {
      detail: msg('finding.push-token-reported.no-line'),
      evidence: evidenceFor(ctx.sheet, 'pushLog'),
      remedy: rerun,
    });
  });
};

/**
 * Meaning of the codes in a registration error line: vendor codes first, then IM SDK codes. The meanings are
 * catalog messages `token-error.<vendor|im>.<code>` (their English is the vendor table's, checked by a test).
 */
export function explainError(ctx: RuleContext, line: string): Msg {
  const vendorCodes = ctx.vendor?.tokenErrors ?? {};
  for (const [code, meaning] of Object.entries(vendorCodes)) {
    if (new RegExp(`(^|[^0-9])${code}([^0-9]|$)`).test(line)) return { key: `token-error.${ctx.vendor?.vendor}.${code}`, fallback: meaning };
  }
  const m = /(?:err code|code|state)\s*=\s*(-?\d+)/.exec(line);
  const code = m?.[1];
  if (code !== undefined) {
    const meaning = IM_TOKEN_ERRORS[code];
    if (meaning) return { key: `token-error.im.${code}`, fallback: meaning };
    return msg('finding.push-token-reported.code-unknown', { code, vendor: vendorName(ctx) });
  }
  return msg('finding.push-token-reported.no-code');
}
