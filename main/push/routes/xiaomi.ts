import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { XIAOMI_ERRORS } from '../errors/xiaomi.js';
import { asRecord, exchange, formBody, joinUrl, str } from '../http.js';
import { decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, TestPushMessage } from '../types.js';

export const xiaomiCredentialsSchema = z.object({
  /** The app's AppSecret: static, sent as `Authorization: key=…` (push-apis §3.3). */
  appSecret: z.string().min(1),
  /** restricted_package_name. */
  packageName: z.string().min(1),
  region: z.enum(['china', 'global']).default('china'),
});
export type XiaomiCredentials = z.infer<typeof xiaomiCredentialsSchema>;

/** Form fields of v3/message/regid (push-apis §3.3). Custom keys travel as extra.<key>; TUIOfflinePush reads `ext`. */
export function buildXiaomiForm(m: TestPushMessage, c: XiaomiCredentials, regId: string): Record<string, string | number> {
  const f: Record<string, string | number> = {
    registration_id: regId,
    restricted_package_name: m.vendor?.xiaomiPackage ?? c.packageName,
    pass_through: m.delivery === 'data' ? 1 : 0,
    title: m.title,
    description: m.body,
    time_to_live: m.ttlSeconds * 1000,
  };
  const data: Record<string, string> = { ...m.data };
  if (m.ext !== null) data.ext = m.ext;
  // A pass-through message is handed to the app as its payload; a notification shows title and description.
  if (m.delivery === 'data') f.payload = JSON.stringify({ ...data, title: m.title, body: m.body });
  if (m.sound) {
    // notify_type 6 = vibrate + lights (2|4), leaving out DEFAULT_SOUND (1) so extra.sound_uri plays instead
    // (INFERENCE from the notify_type bits in push-apis §3.3: a default sound would override the custom one).
    f.notify_type = 6;
    f['extra.sound_uri'] = `android.resource://${m.vendor?.xiaomiPackage ?? c.packageName}/raw/${m.sound}`;
  } else {
    f.notify_type = -1;
  }
  if (m.channelId) f['extra.channel_id'] = m.channelId;
  f['extra.notify_effect'] = '1';
  for (const [k, v] of Object.entries(data)) f[`extra.${k}`] = v;
  return f;
}

export function buildXiaomiSend(baseUrl: string, c: XiaomiCredentials, form: Record<string, string | number>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, 'v3/message/regid'),
    headers: { Authorization: `key=${c.appSecret}`, 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: formBody(form),
  };
}

async function run(ctx: RunContext<XiaomiCredentials>): Promise<RouteOutcome> {
  const m = ctx.message;
  if (m.testMode) ctx.notes.push('Xiaomi has no test-message flag in our sources (push-apis §3.3): the push counts against the app\'s daily quota.');
  if (m.title.length >= 50 || m.body.length >= 128) ctx.notes.push('Xiaomi limits the title to under 50 and the description to under 128 characters (push-apis §3.3).');
  if (Object.keys(m.data).length + (m.ext !== null ? 1 : 0) > 10) ctx.notes.push('Xiaomi takes at most 10 custom extra pairs (push-apis §3.3).');
  const s = await exchange(ctx, 'send', buildXiaomiSend(ctx.baseUrl, ctx.credentials, buildXiaomiForm(m, ctx.credentials, ctx.target)));
  if (!s.ok) return networkFailure(XIAOMI_ERRORS, s.reason);
  const b = asRecord(s.res.json);
  const code = str(b?.code);
  const e = code ? explainCode(XIAOMI_ERRORS, code, [str(b?.reason), str(b?.description)].filter(Boolean).join(' — ')) : explainStatus(XIAOMI_ERRORS, s.res);
  // result "ok" and code 0 must agree: a body saying code 0 with result "error" is not an acceptance.
  if (e.success && str(b?.result) !== 'ok') return decide(explainCode(XIAOMI_ERRORS, `result-${str(b?.result) ?? 'missing'}`, s.res.text.slice(0, 200)), s.res.step.startedAt, s.res, null);
  const quota = asRecord(b?.data);
  if (e.success && quota && str(quota.day_quota) !== null) ctx.notes.push(`Xiaomi daily quota: ${str(quota.day_acked) ?? '?'} of ${str(quota.day_quota)} used.`);
  return decide(e, s.res.step.startedAt, s.res, str(quota?.id));
}

export const xiaomiRoute: PushRoute<XiaomiCredentials> = {
  id: 'xiaomi',
  displayName: 'Xiaomi MiPush',
  credentialsSchema: xiaomiCredentialsSchema,
  errors: XIAOMI_ERRORS,
  defaultBaseUrl: (c) => (c.region === 'global' ? 'https://api.xmpush.global.xiaomi.com' : 'https://api.xmpush.xiaomi.com'),
  secretsOf: (c) => [c.appSecret],
  run,
};
