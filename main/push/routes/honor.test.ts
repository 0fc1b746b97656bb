import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { HONOR_SERVER_TOKEN_PATH, startHonorServer } from '../../../test/push-servers/honor.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { honorCredentialsSchema, honorRoute } from './honor.js';

const creds = honorCredentialsSchema.parse({ appId: '104498765', clientId: '10987654321', clientSecret: 'honor-secret-9f8e7d6c5b4a' });
const TOKEN = 'honorToken-AAAAbbbbCCCCdddd0123456789abcdefEEEE';

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startHonorServer({ appId: creds.appId, clientId: creds.clientId, clientSecret: creds.clientSecret, tokens: [TOKEN], onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('honor route', () => {
  it('gets a token from the documented path and sends camelCase sendMessage with the timestamp header', async () => {
    const { server, accepted } = await start();
    const before = Date.now();
    const r = await sendTestPush(honorRoute, { credentials: creds, target: TOKEN, message: message({ vendor: { importance: 'NORMAL' } }), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'accepted', explanation: { code: '200', success: true } });
    const [tok, send] = server.requests;
    expect(tok!.path).toBe(HONOR_SERVER_TOKEN_PATH);
    expect(tok!.form).toEqual({ grant_type: 'client_credentials', client_id: creds.clientId, client_secret: creds.clientSecret });
    expect(send!.path).toBe('/api/v1/104498765/sendMessage');
    expect(send!.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(send!.headers.authorization).toMatch(/^Bearer /);
    expect(Number(send!.headers.timestamp)).toBeGreaterThanOrEqual(before);
    expect(send!.json).toEqual({
      data: '{"k1":"v1","ext":"{\\"entity\\":{\\"page\\":\\"chat\\",\\"id\\":\\"42\\"}}"}',
      android: { ttl: '3600s', targetUserType: 1, notification: { title: 'Push Doctor test', body: 'Offline push test 12:00:01', importance: 'NORMAL', clickAction: { type: 3 }, channelId: 'im_messages' } },
      token: [TOKEN],
    });
    expect(accepted[0]).toMatchObject({ route: 'honor', token: TOKEN, channelId: 'im_messages' });
    expectNoSecrets(r, [creds.clientSecret]);
  });

  it('Honor\'s error codes are not in our sources: a rejection is reported unknown, with the raw code', async () => {
    const { server } = await start();
    const r = await sendTestPush(honorRoute, { credentials: creds, target: 'not-a-registered-token', message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'unknown', explanation: { code: '80300007', known: false, success: false }, acceptedAt: null });
    expect(r.explanation!.meaning).toMatch(/invalid token/);
  });

  it('falls back to /auth/token when the documented token path is 404', async () => {
    server = await startHonorServer({ appId: creds.appId, clientId: creds.clientId, clientSecret: creds.clientSecret, tokens: [TOKEN], tokenPath: '/auth/token' });
    const r = await sendTestPush(honorRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(r.steps.map((s) => [s.step, s.httpStatus])).toEqual([['auth', 404], ['auth', 200], ['send', 200]]);
    expect(r.notes.join(' ')).toMatch(/answered 404; tried \/auth\/token/);
  });

  it('a wrong secret is HTTP 401 at the token endpoint, reported as unknown', async () => {
    const { server } = await start();
    const r = await sendTestPush(honorRoute, { credentials: { ...creds, clientSecret: 'honor-wrong-000000' }, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'unknown', explanation: { code: 'http-401', known: false } });
  });
});
