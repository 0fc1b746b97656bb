import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { FCM_ERRORS } from '../errors/fcm.js';
import { asRecord, exchange, formBody, joinUrl, str, type Exchange } from '../http.js';
import { cappedTtl, decide, explainStatus, networkFailure, notSent, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, CodeExplanation, TestPushMessage } from '../types.js';

/**
 * The service-account key exactly as Firebase downloads it (push-apis §2.2). The fields we read are required;
 * the others (client_id, auth_uri, …) are kept as they are.
 */
export const fcmCredentialsSchema = z.looseObject({
  type: z.literal('service_account'),
  project_id: z.string().min(1),
  private_key_id: z.string().min(1),
  private_key: z.string().min(1),
  client_email: z.string().min(1),
  token_uri: z.url(),
});
export type FcmCredentials = z.infer<typeof fcmCredentialsSchema>;

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** android.ttl maximum: 4 weeks (push-apis §2.3). */
const MAX_TTL = 2_419_200;

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * The OAuth assertion, signed here with node:crypto: google-auth-library hard-codes Google's token URL and
 * ignores the key's token_uri (libraries.md), so it could never reach a test server. aud = token_uri.
 */
export function signAssertion(c: FcmCredentials, key: KeyObject, nowSeconds: number): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: c.private_key_id };
  const claims = { iss: c.client_email, scope: FCM_SCOPE, aud: c.token_uri, iat: nowSeconds, exp: nowSeconds + 3600 };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(sign('RSA-SHA256', Buffer.from(input), key))}`;
}

export function buildTokenRequest(c: FcmCredentials, assertion: string): BuiltRequest {
  return {
    method: 'POST', url: c.token_uri,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ grant_type: JWT_BEARER, assertion }),
  };
}

/** The v1 message: notification or data-only, with Android priority, ttl and channel (push-apis §2.3). */
export function buildFcmMessage(m: TestPushMessage, token: string, ttlSeconds: number): Record<string, unknown> {
  const data: Record<string, string> = { ...m.data };
  if (m.ext !== null) data.ext = m.ext;
  const android: Record<string, unknown> = { priority: m.priority, ttl: `${ttlSeconds}s` };
  const message: Record<string, unknown> = { token };
  if (m.delivery === 'notification') {
    message.notification = { title: m.title, body: m.body };
    const n: Record<string, unknown> = {};
    if (m.channelId) n.channel_id = m.channelId;
    if (m.sound) n.sound = m.sound;
    if (m.priority === 'high') n.notification_priority = 'PRIORITY_HIGH';
    if (Object.keys(n).length > 0) android.notification = n;
  } else {
    // A data message carries the text as data: the app's FirebaseMessagingService builds the notification.
    data.title = m.title;
    data.body = m.body;
  }
  if (Object.keys(data).length > 0) message.data = data;
  message.android = android;
  return { message };
}

export function buildSendRequest(baseUrl: string, c: FcmCredentials, accessToken: string, body: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: joinUrl(baseUrl, `v1/projects/${encodeURIComponent(c.project_id)}/messages:send`),
    headers: { 'Content-Type': 'application/json; charset=UTF-8', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  };
}

/** `{"error":{"status","message","details":[{"@type":"…FcmError","errorCode"}]}}`: the FcmError code wins. */
export function explainFcmError(res: Exchange): CodeExplanation {
  const err = asRecord(asRecord(res.json)?.error);
  if (!err) return explainStatus(FCM_ERRORS, res);
  const details = Array.isArray(err.details) ? err.details.map(asRecord) : [];
  const fcm = details.find((d) => d && str(d['@type'])?.endsWith('google.firebase.fcm.v1.FcmError'));
  const code = str(fcm?.errorCode) ?? str(err.status);
  if (!code) return explainStatus(FCM_ERRORS, res);
  return explainCode(FCM_ERRORS, code, str(err.message));
}

async function run(ctx: RunContext<FcmCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  let key: KeyObject;
  try {
    key = createPrivateKey(c.private_key);
  } catch {
    return {
      outcome: 'not-sent',
      explanation: notSent(FCM_ERRORS, 'bad-private-key', 'private_key in the service-account key file is not a PEM private key.', 'Download the key again from the Firebase console (Project settings → Service accounts).'),
      messageId: null, sentAt: null, acceptedAt: null,
    };
  }
  const assertion = signAssertion(c, key, Math.floor(ctx.now() / 1000));
  ctx.secrets.add(assertion);
  const t = await exchange(ctx, 'auth', buildTokenRequest(c, assertion));
  if (!t.ok) return networkFailure(FCM_ERRORS, t.reason);
  const tb = asRecord(t.res.json);
  const accessToken = str(tb?.access_token);
  if (t.res.status !== 200 || !accessToken) {
    const oauthError = str(tb?.error);
    const e = oauthError ? explainCode(FCM_ERRORS, `oauth:${oauthError}`, str(tb?.error_description)) : explainStatus(FCM_ERRORS, t.res);
    return { ...decide(e, t.res.step.startedAt, t.res, null), sentAt: null };
  }
  ctx.secrets.add(accessToken);
  t.res.step.code = 'ok';

  const body = buildFcmMessage(ctx.message, ctx.target, cappedTtl(ctx, ctx.message.ttlSeconds, MAX_TTL));
  if (ctx.message.testMode) ctx.notes.push('FCM has no test-message flag for delivered messages (validate_only does not deliver); sent as a normal message.');
  const s = await exchange(ctx, 'send', buildSendRequest(ctx.baseUrl, c, accessToken, body));
  if (!s.ok) return networkFailure(FCM_ERRORS, s.reason);
  const name = str(asRecord(s.res.json)?.name);
  const e = s.res.status === 200 && name ? explainCode(FCM_ERRORS, 'SUCCESS') : explainFcmError(s.res);
  return decide(e, s.res.step.startedAt, s.res, name);
}

export const fcmRoute: PushRoute<FcmCredentials> = {
  id: 'fcm',
  displayName: 'Firebase Cloud Messaging (HTTP v1)',
  credentialsSchema: fcmCredentialsSchema,
  errors: FCM_ERRORS,
  defaultBaseUrl: () => 'https://fcm.googleapis.com',
  secretsOf: (c) => [c.private_key, c.private_key_id],
  run,
};
