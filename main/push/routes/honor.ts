import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { HONOR_ERRORS } from '../errors/honor.js';
import { asRecord, exchange, joinUrl, str } from '../http.js';
import { decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';
import { clientCredentialsToken } from './client-credentials.js';

const id = z.union([z.string().min(1), z.number().int().positive()]).transform(String);

export const honorCredentialsSchema = z.object({
  appId: id,
  clientId: id,
  clientSecret: z.string().min(1),
});
export type HonorCredentials = z.infer<typeof honorCredentialsSchema>;

/** The token path the Honor doc shows (push-apis §3.2: "try the documented one first"). */
export const HONOR_TOKEN_PATH = 'auth/realms/developer/protocol/openid-connect/token';
/** The shorter path public clients use on the same host (push-apis §3.2), tried when the documented one is 404. */
export const HONOR_TOKEN_PATH_SHORT = 'auth/token';

/** Honor sendMessage body, camelCase (push-apis §3.2); targetUserType 1 marks a test message (UNVERIFIED there). */
export function buildHonorBody(m: TestPushMessage, token: string): Record<string, unknown> {
  const data: Record<string, string> = { ...m.data };
  if (m.ext !== null) data.ext = m.ext;
  const android: Record<string, unknown> = { ttl: `${m.ttlSeconds}s`, targetUserType: m.testMode ? 1 : 0 };
  const body: Record<string, unknown> = {};
  if (m.delivery === 'notification') {
    // importance LOW = marketing, NORMAL = service & communication (push-apis §3.2).
    const n: Record<string, unknown> = { title: m.title, body: m.body, importance: m.vendor?.importance === 'LOW' ? 'LOW' : 'NORMAL', clickAction: { type: 3 } };
    if (m.channelId) n.channelId = m.channelId;
    android.notification = n;
    if (Object.keys(data).length > 0) body.data = JSON.stringify(data);
  } else {
    body.data = JSON.stringify({ ...data, title: m.title, body: m.body });
  }
  body.android = android;
  body.token = [token];
  return body;
}

export function buildHonorSend(baseUrl: string, appId: string, accessToken: string, nowMs: number, body: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, `api/v1/${encodeURIComponent(appId)}/sendMessage`),
    headers: {
      'Content-Type': 'application/json; charset=UTF-8', Authorization: `Bearer ${accessToken}`, timestamp: String(nowMs),
    },
    body: JSON.stringify(body),
  };
}

async function run(ctx: RunContext<HonorCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  let auth = await clientCredentialsToken(ctx, joinUrl(ctx.authBaseUrl, HONOR_TOKEN_PATH), c.clientId, c.clientSecret, HONOR_ERRORS);
  if ('stop' in auth && ctx.steps.at(-1)?.httpStatus === 404) {
    ctx.notes.push(`Honor's documented token path answered 404; tried /${HONOR_TOKEN_PATH_SHORT}.`);
    auth = await clientCredentialsToken(ctx, joinUrl(ctx.authBaseUrl, HONOR_TOKEN_PATH_SHORT), c.clientId, c.clientSecret, HONOR_ERRORS);
  }
  if ('stop' in auth) return auth.stop;
  if (ctx.message.sound) ctx.notes.push('Honor\'s send API in our sources has no sound field; the channel\'s sound plays.');
  const s = await exchange(ctx, 'send', buildHonorSend(ctx.baseUrl, c.appId, auth.token, ctx.now(), buildHonorBody(ctx.message, ctx.target)));
  if (!s.ok) return networkFailure(HONOR_ERRORS, s.reason);
  const b = asRecord(s.res.json);
  const code = str(b?.code);
  const e = code ? explainCode(HONOR_ERRORS, code, str(b?.message) ?? str(b?.msg)) : explainStatus(HONOR_ERRORS, s.res);
  return decide(e, s.res.step.startedAt, s.res, str(asRecord(b?.data)?.msgId) ?? str(b?.requestId));
}

export const honorRoute: PushRoute<HonorCredentials> = {
  id: 'honor',
  displayName: 'Honor Push',
  credentialsSchema: honorCredentialsSchema,
  errors: HONOR_ERRORS,
  defaultBaseUrl: () => 'https://push-api.cloud.honor.com',
  defaultAuthBaseUrl: () => 'https://iam.developer.honor.com',
  secretsOf: (c) => [c.clientSecret],
  run,
};
