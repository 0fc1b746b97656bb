import { randomBytes } from 'node:crypto';
import { ClientCredentialsIssuer } from './oauth.js';
import { obj, strings, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * Honor Push (push-apis §3.2): token at `auth/realms/developer/protocol/openid-connect/token`, then
 * `api/v1/{appId}/sendMessage` with Bearer and a `timestamp` header; success is body code "200". Honor's error
 * table is not in our sources (UNVERIFIED), so failures here carry HTTP statuses and Honor-style bodies whose
 * codes a client can only report as unknown.
 */
export interface HonorServerOptions extends CommonServerOptions {
  appId: string;
  clientId: string;
  clientSecret: string;
  tokens: readonly string[];
  /** Where the token endpoint lives (default: the documented path). */
  tokenPath?: string;
}

export const HONOR_SERVER_TOKEN_PATH = '/auth/realms/developer/protocol/openid-connect/token';

function reply(status: number, code: string, message: string): Reply {
  return { status, body: { code, message, requestId: randomBytes(8).toString('hex') } };
}

export async function startHonorServer(o: HonorServerOptions): Promise<PushServer> {
  const issuer = new ClientCredentialsIssuer(o.clientId, o.clientSecret, () => (o.now ?? Date.now)());
  return startServer('honor', o, (req, s) => {
    if (req.path === (o.tokenPath ?? HONOR_SERVER_TOKEN_PATH)) return issuer.handle(req);
    const m = /^\/api\/v1\/([^/]+)\/sendMessage$/.exec(req.path);
    if (!m) return { status: 404, body: 'Not Found' };
    if (issuer.check(req.headers.authorization) !== 'ok') return { status: 401, body: 'Unauthorized' };
    if (decodeURIComponent(m[1] ?? '') !== o.appId) return { status: 403, body: 'Forbidden' };
    const ts = Number(req.headers.timestamp);
    if (!Number.isFinite(ts) || Math.abs(ts - s.now()) > 10 * 60_000) return { status: 400, body: 'timestamp header missing or off' };
    const body = obj(req.json);
    const android = obj(body?.android);
    if (!body || !android || !Array.isArray(body.token) || body.token.length === 0) return { status: 400, body: 'Bad Request' };
    const forced = s.takeForced();
    if (forced) return reply(200, forced, 'forced');
    const token = body.token[0];
    if (typeof token !== 'string' || !o.tokens.includes(token)) return reply(200, '80300007', 'invalid token');
    const n = obj(android.notification);
    let data: Record<string, string> = {};
    if (typeof body.data === 'string') {
      try {
        data = strings(JSON.parse(body.data));
      } catch {
        data = { data: body.data };
      }
    }
    s.accept({
      token,
      title: String(n?.title ?? data.title ?? ''),
      body: String(n?.body ?? data.body ?? ''),
      channelId: typeof n?.channelId === 'string' ? n.channelId : null,
      priority: null,
      data, kind: n ? 'notification' : 'data', raw: body,
    });
    return reply(200, '200', 'Success');
  });
}
