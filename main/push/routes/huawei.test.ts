import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { startHuaweiServer, type HuaweiServer } from '../../../test/push-servers/huawei.js';
import type { AcceptedPush } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { huaweiCredentialsSchema, huaweiRoute } from './huawei.js';

const creds = huaweiCredentialsSchema.parse({ appId: 104412345, clientSecret: 'hw-secret-a1b2c3d4e5f6a7b8c9d0' });
const TOKEN = 'IQAAAACy0kYhAAD3b1wXq5Zr8mX9fakeHmsTokenForTesting0123456789';

let server: HuaweiServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startHuaweiServer({ appId: '104412345', clientSecret: creds.clientSecret, tokens: [TOKEN], onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('huawei route', () => {
  it('uses the two production hosts by default', () => {
    expect(huaweiRoute.defaultBaseUrl(creds, TOKEN)).toBe('https://push-api.cloud.huawei.com');
    expect(huaweiRoute.defaultAuthBaseUrl!(creds)).toBe('https://oauth-login.cloud.huawei.com');
  });

  it('gets a client-credentials token, then sends a test message (target_user_type 1) with category and channel', async () => {
    const { server, accepted } = await start();
    const r = await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(r.explanation).toMatchObject({ code: '80000000', success: true });
    const [tok, send] = server.requests;
    expect(tok!.path).toBe('/oauth2/v3/token');
    expect(tok!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tok!.form).toEqual({ grant_type: 'client_credentials', client_id: '104412345', client_secret: creds.clientSecret });
    expect(send!.path).toBe('/v1/104412345/messages:send');
    expect(send!.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(send!.headers.authorization).toMatch(/^Bearer CgB6e3x9/);
    expect(send!.json).toEqual({
      validate_only: false,
      message: {
        notification: { title: 'Push Doctor test', body: 'Offline push test 12:00:01' },
        data: '{"k1":"v1","ext":"{\\"entity\\":{\\"page\\":\\"chat\\",\\"id\\":\\"42\\"}}"}',
        android: {
          category: 'IM', ttl: '3600s', target_user_type: 1,
          notification: { title: 'Push Doctor test', body: 'Offline push test 12:00:01', importance: 'NORMAL', click_action: { type: 3 }, foreground_show: true, channel_id: 'im_messages', default_sound: true },
        },
        token: [TOKEN],
      },
    });
    expect(server.testMessages).toBe(1);
    expect(accepted[0]).toMatchObject({ route: 'huawei', token: TOKEN, channelId: 'im_messages', kind: 'notification', data: { k1: 'v1' } });
    expectNoSecrets(r, [creds.clientSecret, send!.headers.authorization!.slice(7)]);
  });

  it('a data message carries urgency and the text in data', async () => {
    const { server, accepted } = await start();
    await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message({ delivery: 'data', testMode: false }), baseUrl: server.url });
    const msg = (server.requests[1]!.json as { message: Record<string, unknown> }).message;
    expect(msg.notification).toBeUndefined();
    expect(msg.android).toEqual({ category: 'IM', ttl: '3600s', target_user_type: 0, urgency: 'HIGH' });
    expect(JSON.parse(msg.data as string)).toMatchObject({ title: 'Push Doctor test', body: 'Offline push test 12:00:01' });
    expect(accepted[0]).toMatchObject({ kind: 'data', priority: 'high' });
  });

  it('explains 80300007 (invalid token)', async () => {
    const { server } = await start();
    const r = await sendTestPush(huaweiRoute, { credentials: creds, target: `${TOKEN} `, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'rejected', explanation: { code: '80300007', known: true } });
    expect(r.explanation!.action).toMatch(/huawei get token/);
  });

  it('a wrong client secret fails at the token endpoint, explained by its HTTP status', async () => {
    const { server } = await start();
    const wrong = { ...creds, clientSecret: 'hw-wrong-secret-000000000' };
    const r = await sendTestPush(huaweiRoute, { credentials: wrong, target: TOKEN, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'rejected', explanation: { code: 'http-401', known: true }, sentAt: null });
    expectNoSecrets(r, [wrong.clientSecret]);
  });

  it('explains 80200003 (expired access token) and 80200001 (another app\'s token)', async () => {
    const { server } = await start();
    const { buildHuaweiSend, buildHuaweiBody } = await import('./huawei.js');
    const tok = await fetch(`${server.url}/oauth2/v3/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=104412345&client_secret=${creds.clientSecret}` });
    const access = ((await tok.json()) as { access_token: string }).access_token;
    const other = buildHuaweiSend(server.url, '999', access, buildHuaweiBody(message(), TOKEN, 60));
    expect(await (await fetch(other.url, other)).json()).toMatchObject({ code: '80200001' });
    server.expireAccessTokens();
    const req = buildHuaweiSend(server.url, '104412345', access, buildHuaweiBody(message(), TOKEN, 60));
    const expired = await (await fetch(req.url, req)).json();
    expect(expired).toMatchObject({ code: '80200003' });
    expect(huaweiRoute.errors.entries['80200003']!.meaning).toMatch(/expired/);
  });

  it('a malformed body gives 80100003 / 80300010, and a large one 80300008', async () => {
    const { server } = await start();
    const tok = await fetch(`${server.url}/oauth2/v3/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_id=104412345&client_secret=${creds.clientSecret}` });
    const access = ((await tok.json()) as { access_token: string }).access_token;
    const post = async (body: string) => (await fetch(`${server.url}/v1/104412345/messages:send`, { method: 'POST', headers: { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json' }, body })).json();
    expect(await post('{"msg":{}}')).toMatchObject({ code: '80100003' });
    expect(await post('{"message":{"tokens":["x"]}}')).toMatchObject({ code: '80300010' });
    const r = await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message({ body: 'x'.repeat(5000) }), baseUrl: server.url });
    expect(r.explanation).toMatchObject({ code: '80300008', known: true });
  });

  it('explains 80100016 (sensitive content) and an unknown code as unknown', async () => {
    const { server } = await start();
    server.failNext('80100016');
    expect((await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url })).explanation!.code).toBe('80100016');
    server.failNext('80999999');
    const u = await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message(), baseUrl: server.url });
    expect(u).toMatchObject({ outcome: 'unknown', explanation: { code: '80999999', known: false, success: false } });
  });

  it('caps the TTL at 15 days', async () => {
    const { server } = await start();
    await sendTestPush(huaweiRoute, { credentials: creds, target: TOKEN, message: message({ ttlSeconds: 30 * 86400 }), baseUrl: server.url });
    expect((server.requests[1]!.json as { message: { android: { ttl: string } } }).message.android.ttl).toBe('1296000s');
  });
});
