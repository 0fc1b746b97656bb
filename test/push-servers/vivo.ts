import { createHash, randomBytes } from 'node:crypto';
import { obj, strings, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * vivo push (push-apis §3.5): `/message/auth` with sign = md5(appId + appKey + timestamp + appSecret), then
 * `/message/send` with the `authToken` header. Documented answers: 10094 appId mismatch, 10302 invalid regId
 * (with invalidUser.status), 10070 daily limit. vivo's auth failure codes are not in our sources: this server
 * answers them with its own code 10099 ("server-local"), which a client can only report as unknown.
 */
export interface VivoServerOptions extends CommonServerOptions {
  appId: string;
  appKey: string;
  appSecret: string;
  regIds: readonly string[];
  /** regIds registered as test devices on the vivo console (pushMode 1 reaches only these). */
  testRegIds?: readonly string[];
}

function result(r: number, desc: string, extra: Record<string, unknown> = {}): Reply {
  return { status: 200, body: { result: r, desc, ...extra } };
}

export async function startVivoServer(o: VivoServerOptions): Promise<PushServer> {
  const tokens = new Map<string, string>();
  return startServer('vivo', o, (req, s) => {
    const b = obj(req.json);
    if (req.path === '/message/auth') {
      if (!b) return result(10099, 'server-local: body is not JSON');
      const ts = Number(b.timestamp);
      if (!Number.isFinite(ts) || Math.abs(ts - s.now()) > 10 * 60_000) return result(10099, 'server-local: timestamp off by more than 10 minutes');
      const expected = createHash('md5').update(`${String(b.appId)}${String(b.appKey)}${ts}${o.appSecret}`).digest('hex');
      if (String(b.appId) !== o.appId || b.appKey !== o.appKey || b.sign !== expected) return result(10099, 'server-local: sign check failed');
      const token = randomBytes(16).toString('hex');
      tokens.set(token, String(b.appId));
      return result(0, 'success', { authToken: token });
    }
    if (req.path !== '/message/send') return { status: 404, body: 'Not Found' };
    const header = req.headers.authtoken;
    const tokenApp = typeof header === 'string' ? tokens.get(header) : undefined;
    if (!tokenApp) return result(10099, 'server-local: authToken invalid');
    if (!b) return result(10099, 'server-local: body is not JSON');
    if (String(b.appId) !== tokenApp) return result(10094, 'appId不一致');
    if (typeof b.requestId !== 'string' || b.requestId.length === 0 || b.requestId.length > 64) return result(10099, 'server-local: requestId missing');
    if (typeof b.title !== 'string' || typeof b.content !== 'string' || !b.title || !b.content) return result(10099, 'server-local: title/content missing');
    const regId = typeof b.regId === 'string' ? b.regId : '';
    if (!o.regIds.includes(regId)) return result(10302, 'regId不合法', { invalidUser: { status: 1, userid: regId } });
    if (b.pushMode === 1 && !(o.testRegIds ?? []).includes(regId)) return result(10302, 'regId不合法', { invalidUser: { status: 4, userid: regId } });
    const forced = s.takeForced();
    if (forced) return result(Number(forced), forced === '10070' ? '超过总发送量' : 'forced');
    s.accept({
      token: regId, title: b.title, body: b.content, channelId: null, priority: null,
      data: strings(b.clientCustomMap), kind: 'notification', raw: b,
    });
    return result(0, '请求成功', { taskId: randomBytes(8).toString('hex') });
  });
}
