import { randomBytes } from 'node:crypto';
import { ClientCredentialsIssuer } from './oauth.js';
import { obj, strings, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * Huawei Push Kit v1 (push-apis §3.1): OAuth `oauth2/v3/token`, then `v1/{appId}/messages:send` with the
 * documented result codes. One server stands in for both hosts (the route sends both to --base-url).
 */
export interface HuaweiServerOptions extends CommonServerOptions {
  appId: string;
  clientSecret: string;
  /** Registered HMS tokens; any other token is invalid (80300007). */
  tokens: readonly string[];
}

export interface HuaweiServer extends PushServer {
  expireAccessTokens(): void;
  /** Test messages (target_user_type 1) accepted today. */
  testMessages: number;
}

function result(status: number, code: string, msg: string): Reply {
  return { status, body: { code, msg, requestId: `${Date.now()}${randomBytes(4).toString('hex')}` } };
}

const MESSAGE_KEYS = new Set(['data', 'notification', 'android', 'apns', 'webpush', 'token', 'topic', 'condition']);
const ANDROID_KEYS = new Set(['collapse_key', 'urgency', 'category', 'ttl', 'bi_tag', 'fast_app_target', 'data', 'notification', 'receipt_id', 'target_user_type']);
const CATEGORIES = new Set(['IM', 'VOIP', 'SUBSCRIPTION', 'TRAVEL', 'HEALTH', 'WORK', 'ACCOUNT', 'EXPRESS', 'FINANCE', 'DEVICE_REMINDER', 'MAIL', 'PLAY_VOICE', 'MARKETING']);

const FORCED: Record<string, Reply> = {
  '80100016': result(400, '80100016', 'The message contains sensitive information'),
  '81000001': result(500, '81000001', 'Internal error'),
  '80300011': result(400, '80300011', 'No permission to send high-priority notification messages'),
};

export async function startHuaweiServer(o: HuaweiServerOptions): Promise<HuaweiServer> {
  const issuer = new ClientCredentialsIssuer(o.appId, o.clientSecret, () => (o.now ?? Date.now)());
  const state = { testMessages: 0 };
  const base = await startServer('huawei', o, (req, s) => {
    if (req.path === '/oauth2/v3/token') return issuer.handle(req);
    const m = /^\/v1\/([^/]+)\/messages:send$/.exec(req.path);
    if (!m) return { status: 404, body: 'Not Found' };
    const auth = issuer.check(req.headers.authorization);
    if (auth === 'missing' || auth === 'unknown') return result(401, '80200001', 'Oauth authentication error');
    if (auth === 'expired') return result(401, '80200003', 'Oauth Token expired');
    if (decodeURIComponent(m[1] ?? '') !== o.appId) return result(401, '80200001', 'Oauth authentication error: token of another app');
    const body = obj(req.json);
    const message = obj(body?.message);
    if (!message) return result(400, '80100003', 'Incorrect message structure');
    if (Buffer.byteLength(req.body) > 4096) return result(400, '80300008', 'The message body size exceeds the default value');
    const unknownKey = Object.keys(message).find((k) => !MESSAGE_KEYS.has(k));
    if (unknownKey) return result(400, '80300010', `Invalid message field: ${unknownKey}`);
    const android = obj(message.android) ?? {};
    const unknownAndroid = Object.keys(android).find((k) => !ANDROID_KEYS.has(k));
    if (unknownAndroid) return result(400, '80300010', `Invalid android field: ${unknownAndroid}`);
    const tokens = message.token;
    if (!Array.isArray(tokens) || tokens.length < 1 || tokens.length > 1000) return result(400, '80300010', 'The number of tokens is out of range');
    if (android.ttl !== undefined && (typeof android.ttl !== 'string' || !/^\d+(\.\d+)?s$/.test(android.ttl))) return result(400, '80100001', 'Invalid ttl');
    if (android.category !== undefined && !CATEGORIES.has(String(android.category))) return result(400, '80100001', 'Invalid category');
    if (android.target_user_type !== undefined && android.target_user_type !== 0 && android.target_user_type !== 1) return result(400, '80100001', 'Invalid target_user_type');
    if (message.data !== undefined && typeof message.data !== 'string') return result(400, '80100003', 'data must be a string');
    const an = obj(android.notification);
    const notification = obj(message.notification);
    if (!an && !notification && message.data === undefined) return result(400, '80100003', 'A message needs notification or data');
    const valid = tokens.filter((t): t is string => typeof t === 'string' && o.tokens.includes(t));
    if (valid.length === 0) return result(400, '80300007', 'All the tokens are invalid');
    const forced = s.takeForced();
    if (forced) return FORCED[forced] ?? result(400, forced, 'forced');
    if (android.target_user_type === 1) state.testMessages += 1;
    let data: Record<string, string> = {};
    if (typeof message.data === 'string') {
      try {
        data = strings(JSON.parse(message.data));
      } catch {
        data = { data: message.data };
      }
    }
    const kind = an || notification ? 'notification' : 'data';
    for (const t of valid) {
      s.accept({
        token: t,
        title: String(an?.title ?? notification?.title ?? data.title ?? ''),
        body: String(an?.body ?? notification?.body ?? data.body ?? ''),
        channelId: typeof an?.channel_id === 'string' ? an.channel_id : null,
        priority: kind === 'data' ? (android.urgency === 'HIGH' ? 'high' : 'normal') : an?.importance === 'HIGH' ? 'high' : 'normal',
        data, kind, raw: message,
      });
    }
    const partial = valid.length < tokens.length;
    return partial ? result(200, '80100000', JSON.stringify({ success: valid.length, failure: tokens.length - valid.length, illegal_tokens: tokens.filter((t) => !valid.includes(t as string)) })) : result(200, '80000000', 'Success');
  });
  return {
    ...base,
    expireAccessTokens: () => issuer.expireAll(),
    get testMessages() {
      return state.testMessages;
    },
  };
}
