import { createHash } from 'node:crypto';
import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { MEIZU_ERRORS } from '../errors/meizu.js';
import { asRecord, exchange, formBody, joinUrl, str } from '../http.js';
import { decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';

const id = z.union([z.string().min(1), z.number().int().positive()]).transform(String);

export const meizuCredentialsSchema = z.object({
  appId: id,
  appSecret: z.string().min(1),
});
export type MeizuCredentials = z.infer<typeof meizuCredentialsSchema>;

/**
 * sign = hex MD5 of "key=value" pairs concatenated with no separator, keys sorted ascending, then the
 * appSecret (push-apis §3.6).
 */
export function meizuSign(params: Record<string, string>, appSecret: string): string {
  const s = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('');
  return createHash('md5').update(`${s}${appSecret}`).digest('hex');
}

/** messageJson for pushByPushId (push-apis §3.6); clickType 0 opens the app. */
export function buildMeizuMessage(m: TestPushMessage): Record<string, unknown> {
  const parameters: Record<string, string> = { ...m.data };
  if (m.ext !== null) parameters.ext = m.ext;
  return {
    noticeBarInfo: { noticeBarType: m.vendor?.meizuNoticeBarType ?? 0, title: m.title, content: m.body },
    noticeExpandInfo: { noticeExpandType: 0, noticeExpandContent: '' },
    clickTypeInfo: { clickType: 0, url: '', parameters, activity: '', customAttribute: '' },
    // offLine 1 keeps the message for a phone that is offline, validTime in hours (1–72). INFERENCE: push-apis
    // §3.6 shows the field names with 0/0 only; a test of offline push needs the message stored.
    pushTimeInfo: { offLine: 1, validTime: Math.min(72, Math.max(1, Math.ceil(m.ttlSeconds / 3600))) },
    extra: { callback: '', 'callback.param': '' },
  };
}

export function buildMeizuSend(baseUrl: string, c: MeizuCredentials, pushId: string, message: Record<string, unknown>): BuiltRequest {
  const params = { appId: c.appId, pushIds: pushId, messageJson: JSON.stringify(message) };
  return {
    method: 'POST', url: joinUrl(baseUrl, 'garcia/api/server/push/varnished/pushByPushId'),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ ...params, sign: meizuSign(params, c.appSecret) }),
  };
}

async function run(ctx: RunContext<MeizuCredentials>): Promise<RouteOutcome> {
  const m = ctx.message;
  if (m.sound) ctx.notes.push('Meizu ignores custom sounds.');
  if (m.channelId) ctx.notes.push('Meizu\'s push API in our sources has no channel id field.');
  if (m.testMode) ctx.notes.push('Meizu has no test-message flag in our sources: sent as a normal message.');
  const s = await exchange(ctx, 'send', buildMeizuSend(ctx.baseUrl, ctx.credentials, ctx.target, buildMeizuMessage(m)));
  if (!s.ok) return networkFailure(MEIZU_ERRORS, s.reason);
  const b = asRecord(s.res.json);
  const code = str(b?.code);
  const e = code ? explainCode(MEIZU_ERRORS, code, str(b?.message)) : explainStatus(MEIZU_ERRORS, s.res);
  return decide(e, s.res.step.startedAt, s.res, str(b?.msgId));
}

export const meizuRoute: PushRoute<MeizuCredentials> = {
  id: 'meizu',
  displayName: 'Meizu (Flyme) Push',
  credentialsSchema: meizuCredentialsSchema,
  errors: MEIZU_ERRORS,
  // Plain HTTP, as the documented endpoint is (push-apis §3.6).
  defaultBaseUrl: () => 'http://server-api-push.meizu.com',
  secretsOf: (c) => [c.appSecret],
  unsupported: (m) => (m.delivery === 'data' ? 'The Meizu route sends notification messages only: our sources document no Meizu pass-through API.' : null),
  run,
};
