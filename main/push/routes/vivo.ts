import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { VIVO_ERRORS, VIVO_INVALID_USER_STATUS } from '../errors/vivo.js';
import { asRecord, exchange, joinUrl, str, type Exchange } from '../http.js';
import { cappedTtl, decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';

const id = z.union([z.string().min(1), z.number().int().positive()]).transform(String);

export const vivoCredentialsSchema = z.object({
  appId: id,
  appKey: z.string().min(1),
  appSecret: z.string().min(1),
});
export type VivoCredentials = z.infer<typeof vivoCredentialsSchema>;

/** timeToLive maximum: 7 days (push-apis §3.5). */
const MAX_TTL = 604_800;

/** sign = lower-case hex MD5 of appId + appKey + timestamp + appSecret (push-apis §3.5). */
export function vivoSign(c: VivoCredentials, timestamp: number): string {
  return createHash('md5').update(`${c.appId}${c.appKey}${timestamp}${c.appSecret}`.trim()).digest('hex');
}

export function buildVivoAuth(baseUrl: string, c: VivoCredentials, timestamp: number): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, 'message/auth'),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ appId: c.appId, appKey: c.appKey, timestamp, sign: vivoSign(c, timestamp) }),
  };
}

/** /message/send body (push-apis §3.5): pushMode 1 = test (only devices registered on the vivo console). */
export function buildVivoBody(m: TestPushMessage, c: VivoCredentials, regId: string, requestId: string, ttlSeconds: number): Record<string, unknown> {
  const custom: Record<string, string> = { ...m.data };
  if (m.ext !== null) custom.ext = m.ext;
  const body: Record<string, unknown> = {
    appId: c.appId,
    regId,
    notifyType: m.vendor?.vivoNotifyType ?? 4,
    title: m.title,
    content: m.body,
    timeToLive: ttlSeconds,
    skipType: 1,
    networkType: -1,
    // 1 = system message (not subject to the operational-message limits); marketing is operational (0).
    classification: m.vendor?.vivoClassification ?? (m.category === 'MARKETING' ? 0 : 1),
    requestId,
    pushMode: m.testMode ? 1 : 0,
  };
  if (m.category) body.category = m.category;
  if (Object.keys(custom).length > 0) body.clientCustomMap = custom;
  return body;
}

export function buildVivoSend(baseUrl: string, authToken: string, body: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, 'message/send'),
    headers: { 'Content-Type': 'application/json', authToken },
    body: JSON.stringify(body),
  };
}

function explainVivo(res: Exchange) {
  const b = asRecord(res.json);
  const code = str(b?.result);
  return code === null ? explainStatus(VIVO_ERRORS, res) : explainCode(VIVO_ERRORS, code, str(b?.desc));
}

async function run(ctx: RunContext<VivoCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  const a = await exchange(ctx, 'auth', buildVivoAuth(ctx.authBaseUrl, c, ctx.now()));
  if (!a.ok) return networkFailure(VIVO_ERRORS, a.reason);
  const ae = explainVivo(a.res);
  const token = str(asRecord(a.res.json)?.authToken);
  if (!ae.success || !token) return { ...decide(ae.success ? explainStatus(VIVO_ERRORS, a.res) : ae, a.res.step.startedAt, a.res, null), sentAt: null };
  ctx.secrets.add(token);
  a.res.step.code = ae.code;
  const m = ctx.message;
  if (m.sound) ctx.notes.push('vivo ignores custom sounds (notifyType chooses ring and vibration only).');
  if (m.channelId) ctx.notes.push('vivo\'s send API in our sources has no channel id field: vivo posts on its own channel.');
  if (!m.testMode) ctx.notes.push('Formal mode (pushMode 0): identical text may be de-duplicated and operational messages are capped per day.');
  const body = buildVivoBody(m, c, ctx.target, randomUUID(), cappedTtl(ctx, m.ttlSeconds, MAX_TTL));
  const s = await exchange(ctx, 'send', buildVivoSend(ctx.baseUrl, token, body));
  if (!s.ok) return networkFailure(VIVO_ERRORS, s.reason);
  const e = explainVivo(s.res);
  const invalid = asRecord(asRecord(s.res.json)?.invalidUser);
  const status = typeof invalid?.status === 'number' ? invalid.status : null;
  if (status !== null) ctx.notes.push(`vivo invalidUser.status ${status}: ${VIVO_INVALID_USER_STATUS[status] ?? 'a status our sources do not list'}.`);
  return decide(e, s.res.step.startedAt, s.res, str(asRecord(s.res.json)?.taskId));
}

export const vivoRoute: PushRoute<VivoCredentials> = {
  id: 'vivo',
  displayName: 'vivo Push',
  credentialsSchema: vivoCredentialsSchema,
  errors: VIVO_ERRORS,
  defaultBaseUrl: () => 'https://api-push.vivo.com.cn',
  secretsOf: (c) => [c.appSecret, c.appKey],
  unsupported: (m) => (m.delivery === 'data' ? 'The vivo route sends notification messages only: our sources document no vivo pass-through API.' : null),
  run,
};
