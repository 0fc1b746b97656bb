import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { startOppoServer } from '../../../test/push-servers/oppo.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { oppoHostFor, oppoRoute, oppoSign } from './oppo.js';

const creds = { appKey: 'oppo-app-key-4b5c6d', masterSecret: 'oppo-master-secret-7e8f9a0b' };
const REG = 'CN_4a1b2c3d4e5f60718293a4b5c6d7e8f9';

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startOppoServer({ ...creds, regIds: [REG], onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('oppo route', () => {
  it('picks the host from the registration id', () => {
    expect(oppoHostFor('abc')).toBe('https://api.push.oppomobile.com');
    expect(oppoHostFor('CN_abc')).toBe('https://api.push.oppomobile.com');
    expect(oppoHostFor('OPPO_CN_abc')).toBe('https://api.push.oppomobile.com');
    expect(oppoHostFor('EU_abc')).toBe('https://api-intl.push.oppomobile.com');
    expect(oppoHostFor('OPPO_SG_abc')).toBe('https://api-intl.push.oppomobile.com');
  });

  it('signs sha256(app_key + timestamp + master_secret), then sends the unicast form with channel_id and category', async () => {
    const { server, accepted } = await start();
    const r = await sendTestPush(oppoRoute, { credentials: creds, target: REG, message: message({ channelId: 'tuikit' }), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'accepted', explanation: { code: '0', success: true } });
    const [auth, send] = server.requests;
    expect(auth!.path).toBe('/server/v1/auth');
    expect(Object.keys(auth!.form!).sort()).toEqual(['app_key', 'sign', 'timestamp']);
    expect(auth!.form!.timestamp).toMatch(/^\d{13}$/);
    expect(auth!.form!.sign).toBe(createHash('sha256').update(`${creds.appKey}${auth!.form!.timestamp}${creds.masterSecret}`).digest('hex'));
    expect(oppoSign('k', 1, 's')).toBe(createHash('sha256').update('k1s').digest('hex'));
    expect(send!.path).toBe('/server/v1/message/notification/unicast');
    expect(Object.keys(send!.form!).sort()).toEqual(['auth_token', 'message']);
    expect(JSON.parse(send!.form!.message!)).toEqual({
      target_type: 2, target_value: REG,
      notification: {
        title: 'Push Doctor test', content: 'Offline push test 12:00:01', click_action_type: 0, channel_id: 'tuikit', category: 'IM',
        notify_level: 2, off_line: true, off_line_ttl: 3600, action_parameters: '{"entity":{"page":"chat","id":"42"},"k1":"v1"}',
      },
    });
    expect(accepted[0]).toMatchObject({ route: 'oppo', token: REG, channelId: 'tuikit', data: { entity: '{"page":"chat","id":"42"}', k1: 'v1' } });
    expectNoSecrets(r, [creds.masterSecret, send!.form!.auth_token!]);
  });

  it('a wrong master secret gives 16 (invalid signature); a clock 20 minutes off gives 19', async () => {
    const { server } = await start();
    const wrong = await sendTestPush(oppoRoute, { credentials: { ...creds, masterSecret: 'oppo-wrong-0000000' }, target: REG, message: message(), baseUrl: server.url });
    expect(wrong).toMatchObject({ outcome: 'rejected', explanation: { code: '16', known: true }, sentAt: null });
    const clock = await sendTestPush(oppoRoute, { credentials: creds, target: REG, message: message(), baseUrl: server.url, now: () => Date.now() - 20 * 60_000 });
    expect(clock.explanation).toMatchObject({ code: '19', known: true });
    expect(clock.explanation!.action).toMatch(/clock/);
  });

  it('explains 33 (daily limit), 31 (unknown registration id) and 67 (notify_level without category)', async () => {
    const { server } = await start();
    server.failNext('33');
    expect((await sendTestPush(oppoRoute, { credentials: creds, target: REG, message: message(), baseUrl: server.url })).explanation).toMatchObject({ code: '33', known: true });
    expect((await sendTestPush(oppoRoute, { credentials: creds, target: 'CN_unknown', message: message(), baseUrl: server.url })).explanation!.code).toBe('31');
    const { buildOppoUnicast } = await import('./oppo.js');
    const auth = server.requests.find((x) => x.form?.auth_token)!.form!.auth_token!;
    const req = buildOppoUnicast(server.url, auth, { target_type: 2, target_value: REG, notification: { title: 't', content: 'c', notify_level: 16 } });
    expect(await (await fetch(req.url, req)).json()).toMatchObject({ code: 67 });
  });

  it('notes a missing channel id, and refuses a data message', async () => {
    const { server } = await start();
    const r = await sendTestPush(oppoRoute, { credentials: creds, target: REG, message: message({ channelId: null }), baseUrl: server.url });
    expect(r.notes.join(' ')).toMatch(/No channel_id/);
    expect((await sendTestPush(oppoRoute, { credentials: creds, target: REG, message: message({ delivery: 'data' }), baseUrl: server.url })).outcome).toBe('not-sent');
  });
});
