import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { startXiaomiServer } from '../../../test/push-servers/xiaomi.js';
import { sendTestPush } from '../route.js';
import { xiaomiCredentialsSchema, xiaomiRoute } from './xiaomi.js';

const creds = xiaomiCredentialsSchema.parse({ appSecret: 'mi-secret-Zx9Yw8Vu7Ts6==', packageName: 'com.example.im' });
const REG = 'fakeRegId/XiaomiAbc123+def456ghi789jkl012mno345pqr';

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startXiaomiServer({ appSecret: creds.appSecret, packageName: 'com.example.im', regIds: [REG], onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('xiaomi route', () => {
  it('sends the documented form with Authorization key=, channel_id and ext as an extra', async () => {
    const { server, accepted } = await start();
    const r = await sendTestPush(xiaomiRoute, { credentials: creds, target: REG, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'accepted', explanation: { code: '0', success: true } });
    expect(r.messageId).toMatch(/^sdm/);
    expect(r.notes.join(' ')).toMatch(/no test-message flag/);
    expect(r.notes.join(' ')).toMatch(/daily quota: 1 of 1000/);
    const req = server.requests[0]!;
    expect(req.path).toBe('/v3/message/regid');
    expect(req.headers.authorization).toBe(`key=${creds.appSecret}`);
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(req.form).toEqual({
      registration_id: REG, restricted_package_name: 'com.example.im', pass_through: '0', title: 'Push Doctor test',
      description: 'Offline push test 12:00:01', time_to_live: '3600000', notify_type: '-1', 'extra.channel_id': 'im_messages',
      'extra.notify_effect': '1', 'extra.k1': 'v1', 'extra.ext': '{"entity":{"page":"chat","id":"42"}}',
    });
    expect(accepted[0]).toMatchObject({ route: 'xiaomi', token: REG, channelId: 'im_messages', data: { k1: 'v1', ext: '{"entity":{"page":"chat","id":"42"}}' } });
    expectNoSecrets(r, [creds.appSecret]);
  });

  it('a custom sound goes in extra.sound_uri without DEFAULT_SOUND; a data message is pass-through with a payload', async () => {
    const { server, accepted } = await start();
    await sendTestPush(xiaomiRoute, { credentials: creds, target: REG, message: message({ sound: 'ring01' }), baseUrl: server.url });
    expect(server.requests[0]!.form).toMatchObject({ notify_type: '6', 'extra.sound_uri': 'android.resource://com.example.im/raw/ring01' });
    await sendTestPush(xiaomiRoute, { credentials: creds, target: REG, message: message({ delivery: 'data' }), baseUrl: server.url });
    expect(server.requests[1]!.form).toMatchObject({ pass_through: '1' });
    expect(JSON.parse(server.requests[1]!.form!.payload!)).toMatchObject({ title: 'Push Doctor test', k1: 'v1' });
    expect(accepted[1]).toMatchObject({ kind: 'data' });
  });

  it('Xiaomi\'s error numbers are not in our sources: a wrong secret or regId is unknown with code and reason', async () => {
    const { server } = await start();
    const wrong = await sendTestPush(xiaomiRoute, { credentials: { ...creds, appSecret: 'mi-wrong-secret-0000' }, target: REG, message: message(), baseUrl: server.url });
    expect(wrong).toMatchObject({ outcome: 'unknown', explanation: { code: '21301', known: false, success: false } });
    expect(wrong.explanation!.meaning).toMatch(/Authentication failed/);
    expectNoSecrets(wrong, ['mi-wrong-secret-0000']);
    const reg = await sendTestPush(xiaomiRoute, { credentials: creds, target: 'other', message: message(), baseUrl: server.url });
    expect(reg).toMatchObject({ outcome: 'unknown', explanation: { code: '20301' } });
  });
});
