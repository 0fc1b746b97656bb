import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import { startMeizuServer } from '../../../test/push-servers/meizu.js';
import type { AcceptedPush, PushServer } from '../../../test/push-servers/server.js';
import { sendTestPush } from '../route.js';
import { meizuCredentialsSchema, meizuRoute, meizuSign } from './meizu.js';

const creds = meizuCredentialsSchema.parse({ appId: 110012, appSecret: 'mz-secret-1a2b3c4d5e6f' });
const PUSH_ID = 'ULY6c596e6b7a427e47595f7b58467f585b557c6307';

let server: PushServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startMeizuServer({ appId: '110012', appSecret: creds.appSecret, pushIds: [PUSH_ID], onAccepted: (p) => accepted.push(p) });
  return { server, accepted };
}

describe('meizu route', () => {
  it('defaults to the documented plain-HTTP endpoint', () => {
    expect(meizuRoute.defaultBaseUrl(creds, PUSH_ID)).toBe('http://server-api-push.meizu.com');
  });

  it('signs md5 over the sorted "k=v" pairs plus the secret and sends the documented messageJson', async () => {
    const { server, accepted } = await start();
    const r = await sendTestPush(meizuRoute, { credentials: creds, target: PUSH_ID, message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'accepted', explanation: { code: '200', success: true } });
    const f = server.requests[0]!.form!;
    expect(server.requests[0]!.path).toBe('/garcia/api/server/push/varnished/pushByPushId');
    expect(Object.keys(f).sort()).toEqual(['appId', 'messageJson', 'pushIds', 'sign']);
    expect(f.sign).toBe(createHash('md5').update(`appId=110012messageJson=${f.messageJson}pushIds=${PUSH_ID}${creds.appSecret}`).digest('hex'));
    expect(meizuSign({ b: '2', a: '1' }, 's')).toBe(createHash('md5').update('a=1b=2s').digest('hex'));
    expect(JSON.parse(f.messageJson!)).toEqual({
      noticeBarInfo: { noticeBarType: 0, title: 'Push Doctor test', content: 'Offline push test 12:00:01' },
      noticeExpandInfo: { noticeExpandType: 0, noticeExpandContent: '' },
      clickTypeInfo: { clickType: 0, url: '', parameters: { k1: 'v1', ext: '{"entity":{"page":"chat","id":"42"}}' }, activity: '', customAttribute: '' },
      pushTimeInfo: { offLine: 1, validTime: 1 },
      extra: { callback: '', 'callback.param': '' },
    });
    expect(accepted[0]).toMatchObject({ route: 'meizu', token: PUSH_ID, data: { k1: 'v1' } });
    expectNoSecrets(r, [creds.appSecret]);
  });

  it('explains 1006 (wrong secret), 110000 (wrong appId) and 1003 (busy, retryable)', async () => {
    const { server } = await start();
    expect((await sendTestPush(meizuRoute, { credentials: { ...creds, appSecret: 'mz-wrong-000000' }, target: PUSH_ID, message: message(), baseUrl: server.url })).explanation).toMatchObject({ code: '1006', known: true });
    expect((await sendTestPush(meizuRoute, { credentials: { ...creds, appId: '999' }, target: PUSH_ID, message: message(), baseUrl: server.url })).explanation!.code).toBe('110000');
    server.failNext('1003');
    expect((await sendTestPush(meizuRoute, { credentials: creds, target: PUSH_ID, message: message(), baseUrl: server.url })).explanation).toMatchObject({ code: '1003', retryable: true });
  });
});
