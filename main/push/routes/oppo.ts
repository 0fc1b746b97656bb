import { createHash } from 'node:crypto';
import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { OPPO_ERRORS } from '../errors/oppo.js';
import { asRecord, exchange, formBody, joinUrl, str, type Exchange } from '../http.js';
import { decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';

export const oppoCredentialsSchema = z.object({
  appKey: z.string().min(1),
  masterSecret: z.string().min(1),
});
export type OppoCredentials = z.infer<typeof oppoCredentialsSchema>;

export const OPPO_HOSTS = { cn: 'https://api.push.oppomobile.com', intl: 'https://api-intl.push.oppomobile.com' } as const;

/**
 * Which OPPO host serves a registration id (push-apis §3.4): split by "_"; one part → CN; two parts with the
 * first "CN" → CN; three parts with the second "CN" → CN; otherwise overseas.
 */
export function oppoHostFor(regId: string): string {
  const parts = regId.split('_');
  if (parts.length === 1) return OPPO_HOSTS.cn;
  if (parts.length === 2 && parts[0] === 'CN') return OPPO_HOSTS.cn;
  if (parts.length === 3 && parts[1] === 'CN') return OPPO_HOSTS.cn;
  return OPPO_HOSTS.intl;
}

/** sign = lower-case hex SHA-256 of app_key + timestamp + master_secret (push-apis §3.4). */
export function oppoSign(appKey: string, timestamp: number, masterSecret: string): string {
  return createHash('sha256').update(`${appKey}${timestamp}${masterSecret}`).digest('hex');
}

export function buildOppoAuth(baseUrl: string, c: OppoCredentials, timestamp: number): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, 'server/v1/auth'),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ app_key: c.appKey, timestamp, sign: oppoSign(c.appKey, timestamp, c.masterSecret) }),
  };
}

/**
 * action_parameters are delivered as Intent extras; TUIOfflinePush reads the key `entity` on OPPO (§4.8), so an
 * Ext of the documented form {"entity":{…}} is passed as its own top-level keys, with the data keys beside it.
 */
function actionParameters(m: TestPushMessage): string | null {
  let ext: Record<string, unknown> = {};
  if (m.ext !== null) {
    try {
      const parsed = JSON.parse(m.ext) as unknown;
      ext = asRecord(parsed) ?? { ext: m.ext };
    } catch {
      ext = { ext: m.ext };
    }
  }
  const all = { ...ext, ...m.data };
  return Object.keys(all).length > 0 ? JSON.stringify(all) : null;
}

/** The unicast `message` JSON (push-apis §3.4): target_type 2 = registration id. */
export function buildOppoMessage(m: TestPushMessage, regId: string): Record<string, unknown> {
  const n: Record<string, unknown> = { title: m.title, content: m.body, click_action_type: 0 };
  if (m.channelId) n.channel_id = m.channelId;
  if (m.category) {
    n.category = m.category;
    // notify_level requires category (push-apis §3.4); IM-type messages default to bar + lock screen.
    n.notify_level = m.vendor?.oppoNotifyLevel ?? 2;
  }
  n.off_line = true;
  n.off_line_ttl = m.ttlSeconds;
  const params = actionParameters(m);
  if (params !== null) n.action_parameters = params;
  return { target_type: 2, target_value: regId, notification: n };
}

export function buildOppoUnicast(baseUrl: string, authToken: string, message: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, 'server/v1/message/notification/unicast'),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ auth_token: authToken, message: JSON.stringify(message) }),
  };
}

function explainOppo(res: Exchange) {
  const b = asRecord(res.json);
  const code = str(b?.code);
  return code === null ? explainStatus(OPPO_ERRORS, res) : explainCode(OPPO_ERRORS, code, str(b?.message));
}

async function run(ctx: RunContext<OppoCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  const a = await exchange(ctx, 'auth', buildOppoAuth(ctx.authBaseUrl, c, ctx.now()));
  if (!a.ok) return networkFailure(OPPO_ERRORS, a.reason);
  const ae = explainOppo(a.res);
  const token = str(asRecord(asRecord(a.res.json)?.data)?.auth_token);
  if (!ae.success || !token) {
    const e = ae.success ? explainStatus(OPPO_ERRORS, a.res) : ae;
    return { ...decide(e, a.res.step.startedAt, a.res, null), sentAt: null };
  }
  ctx.secrets.add(token);
  a.res.step.code = ae.code;
  const m = ctx.message;
  if (!m.channelId) ctx.notes.push('No channel_id: OPPO requires one on Android 9+ and shows nothing on Android 8+ without a channel the app created (push-apis §3.4; FAQ "OPPO devices").');
  if (m.sound) ctx.notes.push('OPPO ignores custom sounds: the channel\'s sound plays.');
  if (m.priority === 'high') ctx.notes.push('OPPO\'s unicast API has no priority field; notify_level (with a category) decides how it alerts.');
  const s = await exchange(ctx, 'send', buildOppoUnicast(ctx.baseUrl, token, buildOppoMessage(m, ctx.target)));
  if (!s.ok) return networkFailure(OPPO_ERRORS, s.reason);
  return decide(explainOppo(s.res), s.res.step.startedAt, s.res, str(asRecord(asRecord(s.res.json)?.data)?.messageId));
}

export const oppoRoute: PushRoute<OppoCredentials> = {
  id: 'oppo',
  displayName: 'OPPO (HeyTap) Push',
  credentialsSchema: oppoCredentialsSchema,
  errors: OPPO_ERRORS,
  defaultBaseUrl: (_c, regId) => oppoHostFor(regId),
  secretsOf: (c) => [c.masterSecret],
  unsupported: (m) => (m.delivery === 'data' ? 'The OPPO route sends notification messages only: our sources document no OPPO data-message API.' : null),
  run,
};
