import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../log/logger.js';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { startVivoServer } from '../../../test/push-servers/vivo.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { vivoRoute, type VivoCredentials } from './vivo.js';

const creds: VivoCredentials = { appId: '105512345', appKey: 'vivo-app-key-7f3a9c', appSecret: 'vivo-secret-1d2e3f4a5b6c' };
const SECRETS = [creds.appSecret, creds.appKey];
const REG = '16123456789012345678901';

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(testRegIds: string[] = [REG]) {
  const accepted: AcceptedPush[] = [];
  server = await startVivoServer({ ...creds, regIds: [REG], testRegIds, onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('vivo route', () => {
  it('signs the auth request and sends the documented body with pushMode 1 and classification', async () => {
    const { server, accepted } = await start();
    const records: LogRecord[] = [];
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: server.url, log: createLogger('push', (x) => records.push(x)) });
    expect(r.outcome).toBe('accepted');
    expect(r.explanation).toMatchObject({ code: '0', known: true, success: true });
    expect(r.messageId).toMatch(/^[0-9a-f]{16}$/);
    expect(r.steps.map((s) => [s.step, s.url.replace(server.url, ''), s.httpStatus, s.code])).toEqual([
      ['auth', '/message/auth', 200, '0'],
      ['send', '/message/send', 200, '0'],
    ]);

    const [auth, send] = server.requests;
    const a = auth!.json as Record<string, unknown>;
    expect(auth!.headers['content-type']).toBe('application/json');
    expect(Object.keys(a).sort()).toEqual(['appId', 'appKey', 'sign', 'timestamp']);
    expect(a.appId).toBe(creds.appId);
    expect(typeof a.timestamp).toBe('number');
    expect(a.sign).toBe(createHash('md5').update(`${creds.appId}${creds.appKey}${String(a.timestamp)}${creds.appSecret}`).digest('hex'));

    expect(typeof send!.headers.authtoken).toBe('string');
    const b = send!.json as Record<string, unknown>;
    expect(b).toMatchObject({
      appId: creds.appId, regId: REG, notifyType: 4, title: 'Push Doctor test', content: 'Offline push test 12:00:01',
      timeToLive: 3600, skipType: 1, networkType: -1, classification: 1, category: 'IM', pushMode: 1,
      clientCustomMap: { k1: 'v1', ext: '{"entity":{"page":"chat","id":"42"}}' },
    });
    expect(b.requestId).toMatch(/^[0-9a-f-]{36}$/);

    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ route: 'vivo', token: REG, title: 'Push Doctor test', channelId: null, kind: 'notification', data: { k1: 'v1' } });
    expectNoSecrets(r, SECRETS);
    expectNoSecrets(records, SECRETS);
    expectNoSecrets(send!.headers.authtoken, []);
  });

  it('formal mode sends pushMode 0 and marketing as operational (classification 0)', async () => {
    const { server } = await start();
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message({ testMode: false, category: 'MARKETING' }), baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(server.requests[1]!.json).toMatchObject({ pushMode: 0, classification: 0, category: 'MARKETING' });
    expect(r.notes.join(' ')).toMatch(/de-duplicated/);
  });

  it('explains 10070 (daily limit), 10302 with its invalidUser status, and 10094', async () => {
    const { server } = await start([]);
    server.failNext('10070');
    const limit = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message({ testMode: false }), baseUrl: server.url });
    expect(limit).toMatchObject({ outcome: 'rejected', explanation: { code: '10070', known: true, success: false }, acceptedAt: null, messageId: null });
    expect(limit.explanation!.action).toMatch(/today/);

    const notTest = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: server.url });
    expect(notTest.explanation!.code).toBe('10302');
    expect(notTest.notes.join(' ')).toMatch(/status 4: the phone is not a registered test user/);

    const unknownReg = await sendTestPush(vivoRoute, { credentials: creds, target: 'nope', message: message({ testMode: false }), baseUrl: server.url });
    expect(unknownReg.notes.join(' ')).toMatch(/status 1: the regId does not exist/);
  });

  it('reports a wrong secret as an unknown code, never as success, and leaks no secret', async () => {
    const { server, accepted } = await start();
    const wrong = { ...creds, appSecret: 'vivo-wrong-secret-000000' };
    const r = await sendTestPush(vivoRoute, { credentials: wrong, target: REG, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'unknown', explanation: { code: '10099', known: false, success: false }, sentAt: null });
    expect(r.explanation!.meaning).toMatch(/10099.*not in this route's error table/);
    expect(r.steps).toHaveLength(1);
    expect(accepted).toHaveLength(0);
    expectNoSecrets(r, [wrong.appSecret, wrong.appKey]);
  });

  it('refuses a data message: vivo has no pass-through API in our sources', async () => {
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message({ delivery: 'data' }), baseUrl: 'http://127.0.0.1:9' });
    expect(r).toMatchObject({ outcome: 'not-sent', steps: [] });
  });

  it('caps the TTL at 7 days and says so', async () => {
    const { server } = await start();
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message({ ttlSeconds: 30 * 86400 }), baseUrl: server.url });
    expect(server.requests[1]!.json).toMatchObject({ timeToLive: 604800 });
    expect(r.notes.join(' ')).toMatch(/maximum of 604800 s/);
  });

  it('a refused connection is a network error with the reason', async () => {
    const { server } = await start();
    const url = server.url;
    await server.close();
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: url, timeoutMs: 5000 });
    expect(r.outcome).toBe('network-error');
    expect(r.explanation!.meaning).toMatch(/auth request to .* failed/);
  });
});
