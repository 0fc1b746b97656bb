import { createHash, randomBytes } from 'node:crypto';
import { obj, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * OPPO push (push-apis §3.4): `server/v1/auth` with sign = sha256(app_key + timestamp + master_secret) and a
 * timestamp within 10 minutes, then `server/v1/message/notification/unicast` with the auth_token; return codes
 * from the OPPO table (11, 14–19, 29, 31, 33, 40, 41, 67 …).
 */
export interface OppoServerOptions extends CommonServerOptions {
  appKey: string;
  masterSecret: string;
  regIds: readonly string[];
}

function code(c: number, message: string, data?: unknown): Reply {
  return { status: 200, body: { code: c, message, ...(data === undefined ? {} : { data }) } };
}

export async function startOppoServer(o: OppoServerOptions): Promise<PushServer> {
  const tokens = new Set<string>();
  return startServer('oppo', o, (req, s) => {
    const f = req.form;
    if (req.path === '/server/v1/auth') {
      if (!f?.app_key) return code(15, 'Missing AppKey');
      if (f.app_key !== o.appKey) return code(14, 'Invalid AppKey');
      if (!f.timestamp) return code(18, 'Missing Timestamp');
      const ts = Number(f.timestamp);
      if (!/^\d{13}$/.test(f.timestamp) || Math.abs(ts - s.now()) > 10 * 60_000) return code(19, 'Invalid Timestamp');
      if (!f.sign) return code(17, 'Missing Signature');
      const expected = createHash('sha256').update(`${f.app_key}${f.timestamp}${o.masterSecret}`).digest('hex');
      if (f.sign !== expected) return code(16, 'Invalid Signature');
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      return code(0, 'success', { auth_token: token, create_time: s.now() });
    }
    if (req.path !== '/server/v1/message/notification/unicast') return { status: 404, body: 'Not Found' };
    if (!f?.auth_token) return code(29, 'Missing AuthToken');
    if (!tokens.has(f.auth_token)) return code(11, 'Invalid AuthToken');
    if (!f.message) return code(40, 'Missing Required Args: message');
    let message: Record<string, unknown> | null;
    try {
      message = obj(JSON.parse(f.message));
    } catch {
      message = null;
    }
    if (!message) return code(41, 'Invalid Args: message is not JSON');
    const n = obj(message.notification);
    if (message.target_type !== 2 || typeof message.target_value !== 'string' || !n) return code(40, 'Missing Required Args: target_type, target_value, notification');
    if (typeof n.title !== 'string' || typeof n.content !== 'string' || !n.title || !n.content) return code(40, 'Missing Required Args: title, content');
    if (n.notify_level !== undefined && (n.category === undefined || ![1, 2, 16].includes(Number(n.notify_level)))) {
      return code(67, 'category error: notify_level needs a category and must be 1, 2 or 16');
    }
    if (!o.regIds.includes(message.target_value)) return code(31, 'Data Not Exist: registration id');
    const forced = s.takeForced();
    if (forced) return code(Number(forced), 'forced');
    let data: Record<string, string> = {};
    if (typeof n.action_parameters === 'string') {
      try {
        const p = obj(JSON.parse(n.action_parameters)) ?? {};
        data = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      } catch {
        return code(41, 'Invalid Args: action_parameters is not JSON');
      }
    }
    s.accept({
      token: message.target_value, title: n.title, body: n.content,
      channelId: typeof n.channel_id === 'string' ? n.channel_id : null, priority: null, data, kind: 'notification', raw: message,
    });
    return code(0, 'Success', { messageId: `${randomBytes(6).toString('hex')}-1-1` });
  });
}
