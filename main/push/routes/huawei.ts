import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { HUAWEI_ERRORS } from '../errors/huawei.js';
import { asRecord, exchange, joinUrl, str } from '../http.js';
import { cappedTtl, decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';
import { clientCredentialsToken } from './client-credentials.js';

const id = z.union([z.string().min(1), z.number().int().positive()]).transform(String);

export const huaweiCredentialsSchema = z.object({
  /** AppGallery Connect app id (also the OAuth client id unless clientId says otherwise). */
  appId: id,
  clientId: id.optional(),
  clientSecret: z.string().min(1),
});
export type HuaweiCredentials = z.infer<typeof huaweiCredentialsSchema>;

/** android.ttl maximum: 15 days (push-apis §3.1). */
const MAX_TTL = 1_296_000;

/** Push Kit v1 body (push-apis §3.1): test messages use target_user_type 1; click opens the app (type 3). */
export function buildHuaweiBody(m: TestPushMessage, token: string, ttlSeconds: number): Record<string, unknown> {
  const data: Record<string, string> = { ...m.data };
  if (m.ext !== null) data.ext = m.ext;
  const android: Record<string, unknown> = {};
  if (m.category) android.category = m.category;
  android.ttl = `${ttlSeconds}s`;
  android.target_user_type = m.testMode ? 1 : 0;
  const message: Record<string, unknown> = {};
  if (m.delivery === 'notification') {
    message.notification = { title: m.title, body: m.body };
    const n: Record<string, unknown> = {
      title: m.title, body: m.body, importance: m.vendor?.importance ?? 'NORMAL', click_action: { type: 3 }, foreground_show: true,
    };
    if (m.channelId) n.channel_id = m.channelId;
    if (m.sound) n.sound = m.sound;
    else n.default_sound = true;
    android.notification = n;
    if (Object.keys(data).length > 0) message.data = JSON.stringify(data);
  } else {
    // urgency applies to data messages; HIGH needs Huawei's permission (push-apis §3.1).
    android.urgency = m.priority === 'high' ? 'HIGH' : 'NORMAL';
    message.data = JSON.stringify({ ...data, title: m.title, body: m.body });
  }
  message.android = android;
  message.token = [token];
  return { validate_only: false, message };
}

export function buildHuaweiSend(baseUrl: string, appId: string, accessToken: string, body: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, `v1/${encodeURIComponent(appId)}/messages:send`),
    headers: { 'Content-Type': 'application/json; charset=UTF-8', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  };
}

async function run(ctx: RunContext<HuaweiCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  const auth = await clientCredentialsToken(ctx, joinUrl(ctx.authBaseUrl, 'oauth2/v3/token'), c.clientId ?? c.appId, c.clientSecret, HUAWEI_ERRORS);
  if ('stop' in auth) return auth.stop;
  const body = buildHuaweiBody(ctx.message, ctx.target, cappedTtl(ctx, ctx.message.ttlSeconds, MAX_TTL));
  const s = await exchange(ctx, 'send', buildHuaweiSend(ctx.baseUrl, c.appId, auth.token, body));
  if (!s.ok) return networkFailure(HUAWEI_ERRORS, s.reason);
  const b = asRecord(s.res.json);
  const code = str(b?.code);
  const e = code ? explainCode(HUAWEI_ERRORS, code, str(b?.msg)) : explainStatus(HUAWEI_ERRORS, s.res);
  return decide(e, s.res.step.startedAt, s.res, str(b?.requestId));
}

export const huaweiRoute: PushRoute<HuaweiCredentials> = {
  id: 'huawei',
  displayName: 'Huawei Push Kit',
  credentialsSchema: huaweiCredentialsSchema,
  errors: HUAWEI_ERRORS,
  defaultBaseUrl: () => 'https://push-api.cloud.huawei.com',
  defaultAuthBaseUrl: () => 'https://oauth-login.cloud.huawei.com',
  secretsOf: (c) => [c.clientSecret],
  run,
};
