import { generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { FCM_TOKEN_PATH, startFcmServer } from '../../../test/push-servers/fcm.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { fcmCredentialsSchema, fcmRoute, type FcmCredentials } from './fcm.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const TOKEN = 'cXk3ZmFrZTpBUEE5MWJHZmFrZXRva2VuZm9ydGVzdGluZ19wdXNoX2RvY3Rvcg';
const IOS = 'aW9zdG9rZW46QVBBOTFiR2Zha2V0b2tlbmZvcmlvcw';
const OTHER_PROJECT = 'b3RoZXJwcm9qZWN0OkFQQTkxYkdmYWtldG9rZW4xMjM0';

/** A key file shaped exactly as Firebase downloads it, pointing token_uri at the local server. */
function keyFile(tokenUri: string, pem = PEM): FcmCredentials {
  return fcmCredentialsSchema.parse({
    type: 'service_account', project_id: 'push-doctor-test', private_key_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4',
    private_key: pem, client_email: 'firebase-adminsdk-x1y2z@push-doctor-test.iam.gserviceaccount.com', client_id: '104857600000000000001',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth', token_uri: tokenUri,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/firebase-adminsdk', universe_domain: 'googleapis.com',
  });
}

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startFcmServer({
    projectId: 'push-doctor-test', clientEmail: 'firebase-adminsdk-x1y2z@push-doctor-test.iam.gserviceaccount.com', publicKey,
    tokens: { [TOKEN]: { project: 'push-doctor-test' }, [IOS]: { project: 'push-doctor-test', platform: 'ios' }, [OTHER_PROJECT]: { project: 'another-project' } },
    onAccepted: (p) => accepted.push(p),
  });
  return { server, accepted, creds: keyFile(`${server.url}${FCM_TOKEN_PATH}`) };
}

function b64(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('fcm route', () => {
  it('keeps every field of the downloaded key file', () => {
    const c = keyFile('https://oauth2.googleapis.com/token');
    expect(c.universe_domain).toBe('googleapis.com');
    expect(fcmRoute.defaultBaseUrl(c, TOKEN)).toBe('https://fcm.googleapis.com');
  });

  it('signs the RS256 assertion itself, posts it to the key\'s token_uri, and sends the v1 message', async () => {
    const { server, accepted, creds } = await start();
    const before = Math.floor(Date.now() / 1000);
    const r = await sendTestPush(fcmRoute, { credentials: creds, target: TOKEN, message: message({ sound: 'ring01' }), baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(r.explanation).toMatchObject({ code: 'SUCCESS', success: true });
    expect(r.messageId).toMatch(/^projects\/push-doctor-test\/messages\//);

    const [tok, send] = server.requests;
    expect(tok!.path).toBe(FCM_TOKEN_PATH);
    expect(tok!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(tok!.form!).sort()).toEqual(['assertion', 'grant_type']);
    expect(tok!.form!.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [h, c, sig] = tok!.form!.assertion!.split('.');
    expect(b64(h!)).toEqual({ alg: 'RS256', typ: 'JWT', kid: creds.private_key_id });
    const claims = b64(c!);
    expect(claims).toMatchObject({ iss: creds.client_email, scope: 'https://www.googleapis.com/auth/firebase.messaging', aud: creds.token_uri });
    expect(claims.iat as number).toBeGreaterThanOrEqual(before);
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${c}`), publicKey, Buffer.from(sig!, 'base64url'))).toBe(true);

    expect(send!.path).toBe('/v1/projects/push-doctor-test/messages:send');
    expect(send!.headers.authorization).toMatch(/^Bearer ya29\./);
    expect(send!.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(send!.json).toEqual({
      message: {
        token: TOKEN,
        notification: { title: 'Push Doctor test', body: 'Offline push test 12:00:01' },
        data: { k1: 'v1', ext: '{"entity":{"page":"chat","id":"42"}}' },
        android: { priority: 'high', ttl: '3600s', notification: { channel_id: 'im_messages', sound: 'ring01', notification_priority: 'PRIORITY_HIGH' } },
      },
    });
    expect(accepted[0]).toMatchObject({ route: 'fcm', token: TOKEN, channelId: 'im_messages', priority: 'high', kind: 'notification' });
    expectNoSecrets(r, [PEM, creds.private_key_id, tok!.form!.assertion!, send!.headers.authorization!.slice(7)]);
  });

  it('sends a normal-priority data message with the text in data and no notification block', async () => {
    const { server, accepted, creds } = await start();
    const r = await sendTestPush(fcmRoute, { credentials: creds, target: TOKEN, message: message({ delivery: 'data', priority: 'normal', ttlSeconds: 0 }), baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(server.requests[1]!.json).toEqual({
      message: { token: TOKEN, data: { k1: 'v1', ext: '{"entity":{"page":"chat","id":"42"}}', title: 'Push Doctor test', body: 'Offline push test 12:00:01' }, android: { priority: 'normal', ttl: '0s' } },
    });
    expect(accepted[0]).toMatchObject({ kind: 'data', priority: 'normal', title: 'Push Doctor test' });
  });

  it('a key the token endpoint cannot verify gives oauth:invalid_grant, explained', async () => {
    const { server, creds } = await start();
    const wrong = { ...creds, private_key: other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    const r = await sendTestPush(fcmRoute, { credentials: wrong, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'rejected', explanation: { code: 'oauth:invalid_grant', known: true }, sentAt: null });
    expect(server.requests).toHaveLength(1);
    expectNoSecrets(r, [wrong.private_key]);
  });

  it('a clock an hour off makes the assertion invalid_grant too', async () => {
    const { server, creds } = await start();
    const r = await sendTestPush(fcmRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url, now: () => Date.now() - 2 * 3600_000 });
    expect(r.explanation!.code).toBe('oauth:invalid_grant');
  });

  it.each([
    ['UNREGISTERED', 'cXk3ZmFrZTpBUEE5MWJHdW5rbm93bnRva2VuMTIzNDU2', 404],
    ['INVALID_ARGUMENT', 'short token', 400],
    ['SENDER_ID_MISMATCH', OTHER_PROJECT, 403],
    ['THIRD_PARTY_AUTH_ERROR', IOS, 401],
  ])('explains %s', async (code, token, status) => {
    const { server, creds } = await start();
    const r = await sendTestPush(fcmRoute, { credentials: creds, target: token, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'rejected', explanation: { code, known: true, success: false }, acceptedAt: null });
    expect(r.steps[1]!.httpStatus).toBe(status);
  });

  it('explains QUOTA_EXCEEDED as retryable, and INVALID_ARGUMENT for a reserved data key', async () => {
    const { server, creds } = await start();
    server.failNext('QUOTA_EXCEEDED');
    const q = await sendTestPush(fcmRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url });
    expect(q.explanation).toMatchObject({ code: 'QUOTA_EXCEEDED', retryable: true });
    const bad = await sendTestPush(fcmRoute, { credentials: creds, target: TOKEN, message: message({ data: { google_x: '1' } }), baseUrl: server.url });
    expect(bad.explanation!.code).toBe('INVALID_ARGUMENT');
    expect(bad.explanation!.meaning).toMatch(/not a valid FCM registration token|bad field/);
  });

  it('an access token the send API does not accept is UNAUTHENTICATED', async () => {
    const { server, creds } = await start();
    const { buildSendRequest } = await import('./fcm.js');
    const req = buildSendRequest(server.url, creds, 'ya29.not-issued', { message: { token: TOKEN } });
    const res = await fetch(req.url, req);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { status: string } }).error.status).toBe('UNAUTHENTICATED');
  });

  it('a key file whose private_key is not PEM is not sent, and the key is not echoed', async () => {
    const { server, creds } = await start();
    const bad = { ...creds, private_key: '-----BEGIN PRIVATE KEY-----\nnot-a-key-at-all\n-----END PRIVATE KEY-----\n' };
    const r = await sendTestPush(fcmRoute, { credentials: bad, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'not-sent', explanation: { code: 'bad-private-key' } });
    expect(server.requests).toHaveLength(0);
    expectNoSecrets(r, [bad.private_key]);
  });
});
