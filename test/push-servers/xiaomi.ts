import { randomBytes } from 'node:crypto';
import { startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * Xiaomi MiPush `v3/message/regid` (push-apis §3.3): static `Authorization: key=<AppSecret>`, form fields, answer
 * `{result, code, description, data:{id,…}, reason}`. Xiaomi's numeric error table is not in our sources, so the
 * failure codes below are this server's own (documented shape: result "error", non-zero code, reason); a client
 * can only show them verbatim as unknown.
 */
export interface XiaomiServerOptions extends CommonServerOptions {
  appSecret: string;
  packageName: string;
  regIds: readonly string[];
  dayQuota?: number;
}

function error(code: number, reason: string): Reply {
  return { status: 200, body: { result: 'error', code, description: reason, reason, trace_id: randomBytes(8).toString('hex') } };
}

/** extra.* keys with a meaning of their own; the rest are the app's custom keys. */
const RESERVED_EXTRA = new Set(['channel_id', 'channel_name', 'channel_description', 'notify_effect', 'intent_uri', 'web_uri', 'notify_foreground', 'sound_uri', 'callback', 'only_send_once']);

export async function startXiaomiServer(o: XiaomiServerOptions): Promise<PushServer> {
  let acked = 0;
  const quota = o.dayQuota ?? 1000;
  return startServer('xiaomi', o, (req, s) => {
    if (req.path !== '/v3/message/regid') return { status: 404, body: 'Not Found' };
    if (req.headers.authorization !== `key=${o.appSecret}`) return error(21301, 'Authentication failed');
    const f = req.form;
    if (!f) return error(10017, 'Invalid parameters: expected a form body');
    if (f.restricted_package_name !== o.packageName) return error(10017, 'Invalid parameters: restricted_package_name');
    const passThrough = f.pass_through === '1';
    if (!passThrough && (!f.title || !f.description)) return error(10017, 'Invalid parameters: title and description are required');
    if (passThrough && !f.payload) return error(10017, 'Invalid parameters: payload is required for pass-through');
    const ids = (f.registration_id ?? '').split(',').filter(Boolean);
    const valid = ids.filter((i) => o.regIds.includes(i));
    if (valid.length === 0) return error(20301, 'Invalid registration_id');
    const forced = s.takeForced();
    if (forced) return error(Number(forced), 'forced');
    if (acked >= quota) return error(200001, 'daily quota exceeded');
    acked += 1;
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(f)) if (k.startsWith('extra.') && !RESERVED_EXTRA.has(k.slice(6))) data[k.slice(6)] = v;
    if (passThrough && f.payload) data.payload = f.payload;
    for (const id of valid) {
      s.accept({
        token: id, title: f.title ?? '', body: f.description ?? '', channelId: f['extra.channel_id'] ?? null,
        priority: null, data, kind: passThrough ? 'data' : 'notification', raw: f,
      });
    }
    return {
      status: 200,
      body: {
        result: 'ok', code: 0, description: '成功', trace_id: randomBytes(8).toString('hex'), info: `Received push messages for ${valid.length} REGID`,
        data: { id: `sdm${randomBytes(10).toString('hex')}`, day_quota: String(quota), day_acked: String(acked) },
      },
    };
  });
}
