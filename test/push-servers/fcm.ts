import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { obj, strings, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * FCM HTTP v1 (push-apis §2): the OAuth token endpoint (`token_uri`, JWT-bearer grant with an RS256 assertion,
 * §2.2) and `v1/projects/{project}/messages:send` (§2.1, §2.3) with the documented error shape (§2.4).
 */
export interface FcmToken {
  /** Firebase project the token was issued for (SENDER_ID_MISMATCH when another project sends). */
  project: string;
  /** An iOS token: FCM needs the APNs key for it (THIRD_PARTY_AUTH_ERROR when the project has none). */
  platform?: 'android' | 'ios';
}

export interface FcmServerOptions extends CommonServerOptions {
  projectId: string;
  clientEmail: string;
  /** The public half of the service account's key: assertions are verified with it. */
  publicKey: KeyObject | string;
  tokens: Record<string, FcmToken>;
}

export const FCM_TOKEN_PATH = '/token';

function fcmError(code: number, status: string, message: string, errorCode?: string): Reply {
  const details = errorCode ? [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] : [];
  return { status: code, body: { error: { code, message, status, details } } };
}

const FORCED: Record<string, Reply> = {
  QUOTA_EXCEEDED: fcmError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric', 'QUOTA_EXCEEDED'),
  UNAVAILABLE: { ...fcmError(503, 'UNAVAILABLE', 'The service is currently unavailable.', 'UNAVAILABLE'), headers: { 'Retry-After': '60' } },
  INTERNAL: fcmError(500, 'INTERNAL', 'Internal error encountered.', 'INTERNAL'),
};

const TTL = /^(\d+)(\.\d{1,9})?s$/;
const RESERVED_DATA = (k: string) => k === 'from' || k === 'gcm' || k.startsWith('google');

function b64json(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    return obj(JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
}

export async function startFcmServer(o: FcmServerOptions): Promise<PushServer> {
  const key = typeof o.publicKey === 'string' ? createPublicKey(o.publicKey) : o.publicKey;
  const accessTokens = new Set<string>();
  return startServer('fcm', o, (req, s) => {
    if (req.path === FCM_TOKEN_PATH) {
      const f = req.form;
      const grant = (error: string, error_description: string): Reply => ({ status: 400, body: { error, error_description } });
      if (!f) return grant('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
      if (f.grant_type !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return grant('unsupported_grant_type', 'Invalid grant_type');
      const parts = (f.assertion ?? '').split('.');
      const header = b64json(parts[0]);
      const claims = b64json(parts[1]);
      if (parts.length !== 3 || !header || !claims) return grant('invalid_request', 'Invalid JWT');
      if (header.alg !== 'RS256') return grant('invalid_grant', 'Invalid JWT: alg must be RS256');
      const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2] ?? '', 'base64url'));
      if (!signed) return grant('invalid_grant', 'Invalid JWT Signature.');
      if (claims.iss !== o.clientEmail) return grant('invalid_grant', 'Invalid issuer');
      if (claims.aud !== `${s.url}${FCM_TOKEN_PATH}`) return grant('invalid_grant', 'Invalid JWT audience');
      if (typeof claims.scope !== 'string' || !claims.scope.split(' ').includes('https://www.googleapis.com/auth/firebase.messaging')) {
        return grant('invalid_scope', 'Invalid OAuth scope');
      }
      const now = Math.floor(s.now() / 1000);
      const iat = Number(claims.iat);
      const exp = Number(claims.exp);
      if (!Number.isInteger(iat) || !Number.isInteger(exp) || exp - iat > 3600 || exp < now || iat > now + 300) {
        return grant('invalid_grant', 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
      }
      const token = `ya29.${randomBytes(24).toString('base64url')}`;
      accessTokens.add(token);
      return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
    }

    const m = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.path);
    if (!m) return { status: 404, body: 'Not Found' };
    const project = decodeURIComponent(m[1] ?? '');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !accessTokens.has(auth.slice(7))) {
      return fcmError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
    }
    if (project !== o.projectId) return fcmError(403, 'PERMISSION_DENIED', `Permission denied on resource project ${project}.`);
    const message = obj(obj(req.json)?.message);
    if (!message) return fcmError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.', 'INVALID_ARGUMENT');
    const token = message.token;
    if (typeof token !== 'string' || token.length < 20 || /\s/.test(token)) {
      return fcmError(400, 'INVALID_ARGUMENT', 'The registration token is not a valid FCM registration token', 'INVALID_ARGUMENT');
    }
    const rawData = message.data === undefined ? {} : obj(message.data);
    if (!rawData || Object.values(rawData).some((v) => typeof v !== 'string')) {
      return fcmError(400, 'INVALID_ARGUMENT', 'Invalid value at \'message.data\': values must be strings', 'INVALID_ARGUMENT');
    }
    const badKey = Object.keys(rawData).find(RESERVED_DATA);
    if (badKey) return fcmError(400, 'INVALID_ARGUMENT', `Invalid data payload key: ${badKey}`, 'INVALID_ARGUMENT');
    const android = obj(message.android) ?? {};
    if (android.priority !== undefined && android.priority !== 'normal' && android.priority !== 'high') {
      return fcmError(400, 'INVALID_ARGUMENT', 'Invalid value at \'message.android.priority\'', 'INVALID_ARGUMENT');
    }
    if (android.ttl !== undefined) {
      const t = typeof android.ttl === 'string' ? TTL.exec(android.ttl) : null;
      if (!t || Number(t[1]) > 2_419_200) return fcmError(400, 'INVALID_ARGUMENT', 'Invalid value at \'message.android.ttl\'', 'INVALID_ARGUMENT');
    }
    if (Buffer.byteLength(JSON.stringify({ notification: message.notification, data: message.data })) > 4096) {
      return fcmError(400, 'INVALID_ARGUMENT', 'Message is too big', 'INVALID_ARGUMENT');
    }
    const known = o.tokens[token];
    if (!known) return fcmError(404, 'NOT_FOUND', 'Requested entity was not found.', 'UNREGISTERED');
    if (known.project !== project) return fcmError(403, 'PERMISSION_DENIED', 'SenderId mismatch', 'SENDER_ID_MISMATCH');
    if (known.platform === 'ios') return fcmError(401, 'UNAUTHENTICATED', 'Auth error from APNS or Web Push Service', 'THIRD_PARTY_AUTH_ERROR');
    const forced = s.takeForced();
    if (forced) return FORCED[forced] ?? fcmError(400, 'INVALID_ARGUMENT', 'forced', forced);
    const notification = obj(message.notification);
    const data = strings(rawData);
    const an = obj(android.notification) ?? {};
    s.accept({
      token,
      title: typeof notification?.title === 'string' ? notification.title : data.title ?? '',
      body: typeof notification?.body === 'string' ? notification.body : data.body ?? '',
      channelId: typeof an.channel_id === 'string' ? an.channel_id : null,
      priority: android.priority === 'high' ? 'high' : 'normal',
      data,
      kind: notification ? 'notification' : 'data',
      raw: message,
    });
    return { status: 200, body: { name: `projects/${project}/messages/0:${s.now()}%${randomBytes(6).toString('hex')}` } };
  });
}
