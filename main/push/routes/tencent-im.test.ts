import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../log/logger.js';
import { expectNoSecrets, message } from '../../../test/push-servers/fixtures.js';
import type { AcceptedPush } from '../../../test/push-servers/server.js';
import { startTencentImServer, type TencentServer } from '../../../test/push-servers/tencent-im.js';
import { sendTestPush } from '../route.js';
import { verifyUserSig } from '../usersig.js';
import { tencentCredentialsSchema, tencentImRoute, type TencentCredentials } from './tencent-im.js';

const creds: TencentCredentials = tencentCredentialsSchema.parse({
  sdkAppId: 1400000000, secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
});

let server: TencentServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const accepted: AcceptedPush[] = [];
  server = await startTencentImServer({
    sdkAppId: creds.sdkAppId, secretKey: creds.secretKey,
    accounts: { bg_user: { status: 'PushOnline', vendor: 'oppo' }, fg_user: { status: 'Online', vendor: 'oppo' }, gone_user: { status: 'Offline' }, mi_user: { status: 'PushOnline', vendor: 'xiaomi' } },
    onAccepted: (p) => accepted.push(p),
  });
  return { server, accepted };
}

describe('tencent-im route', () => {
  it('defaults to the admin account and the China domain; regions pick their domain', () => {
    expect(creds.adminIdentifier).toBe('administrator');
    expect(tencentImRoute.defaultBaseUrl(creds, 'u')).toBe('https://console.tim.qq.com');
    expect(tencentImRoute.defaultBaseUrl({ ...creds, region: 'singapore' }, 'u')).toBe('https://adminapisgp.im.qcloud.com');
    expect(tencentImRoute.defaultBaseUrl({ ...creds, region: 'frankfurt', useBackupDomain: true }, 'u')).toBe('https://adminapiger.my-imcloud.com');
  });

  it('queries the online state, then sends sendmsg with the full OfflinePushInfo as the admin', async () => {
    const { server, accepted } = await start();
    const records: LogRecord[] = [];
    const m = message({
      sound: 'ring01',
      tencent: { element: 'text', fromAccount: 'pushtest_sender', androidInfo: { HonorImportance: 'NORMAL', VIVOClassification: 1, MeiZuNoticeMsgType: 1, XiaoMiChannelID: 'mi_high' } },
    });
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: m, baseUrl: server.url, log: createLogger('push', (x) => records.push(x)) });
    expect(r.outcome).toBe('accepted');
    expect(r.onlineStatus).toBe('PushOnline');
    expect(r.notes[0]).toMatch(/PushOnline.*offline push will be generated/);
    expect(r.messageId).toMatch(/^\d+_\d+_\d+$/);
    expect(r.steps.map((s) => [s.step, s.url.replace(server.url, ''), s.code])).toEqual([
      ['query_online_status', '/v4/openim/query_online_status', '0'],
      ['send', '/v4/openim/sendmsg', '0'],
    ]);

    const [q, s] = server.requests;
    for (const req of [q!, s!]) {
      expect(Object.keys(req.query).sort()).toEqual(['contenttype', 'identifier', 'random', 'sdkappid', 'usersig']);
      expect(req.query).toMatchObject({ sdkappid: '1400000000', identifier: 'administrator', contenttype: 'json' });
      expect(Number(req.query.random)).toBeGreaterThanOrEqual(0);
      expect(Number(req.query.random)).toBeLessThanOrEqual(4294967295);
      expect(verifyUserSig(req.query.usersig!, { sdkAppId: creds.sdkAppId, secretKey: creds.secretKey, identifier: 'administrator' }).ok).toBe(true);
      expect(req.headers['content-type']).toBe('application/json');
    }
    expect(q!.json).toEqual({ To_Account: ['bg_user'], IsNeedDetail: 1 });
    const body = s!.json as Record<string, unknown>;
    expect(body).toMatchObject({
      SyncOtherMachine: 2, From_Account: 'pushtest_sender', To_Account: 'bg_user', MsgLifeTime: 3600,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Offline push test 12:00:01' } }],
    });
    expect(Number.isInteger(body.MsgRandom)).toBe(true);
    expect(body.OfflinePushInfo).toEqual({
      PushFlag: 0, Title: 'Push Doctor test', Desc: 'Offline push test 12:00:01', Ext: '{"entity":{"page":"chat","id":"42"}}',
      AndroidInfo: {
        HonorImportance: 'NORMAL', VIVOClassification: 1, MeiZuNoticeMsgType: 1,
        XiaoMiChannelID: 'mi_high', OPPOChannelID: 'im_messages', HuaWeiChannelID: 'im_messages', GoogleChannelID: 'im_messages',
        HuaWeiCategory: 'IM', OPPOCategory: 'IM', VIVOCategory: 'IM', Sound: 'ring01',
      },
    });
    expect(accepted).toEqual([expect.objectContaining({
      route: 'tencent-im', token: 'bg_user', title: 'Push Doctor test', body: 'Offline push test 12:00:01', channelId: 'im_messages',
      data: { ext: '{"entity":{"page":"chat","id":"42"}}' },
    })]);
    const usersigs = server.requests.map((x) => x.query.usersig!);
    expectNoSecrets(r, [creds.secretKey, ...usersigs]);
    expectNoSecrets(records, [creds.secretKey, ...usersigs]);
  });

  it('sends a custom message as TIMCustomElem with Desc; the phone\'s vendor picks its channel field', async () => {
    const { server, accepted } = await start();
    const m = message({ body: '', channelId: null, tencent: { element: 'custom', customData: '{"type":"call"}', customDesc: 'Incoming call', androidInfo: { XiaoMiChannelID: 'mi_call' } } });
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'mi_user', message: m, baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    const body = server.requests[1]!.json as { MsgBody: unknown; OfflinePushInfo: Record<string, unknown> };
    expect(body.MsgBody).toEqual([{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"type":"call"}', Desc: 'Incoming call' } }]);
    expect(body.OfflinePushInfo.Desc).toBeUndefined();
    expect(accepted[0]).toMatchObject({ body: 'Incoming call', channelId: 'mi_call' });
  });

  it('a custom message without any desc is accepted but generates no offline push', async () => {
    const { server, accepted } = await start();
    const m = message({ body: '', tencent: { element: 'custom', customData: 'x' } });
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: m, baseUrl: server.url });
    expect(r.outcome).toBe('accepted');
    expect(accepted).toHaveLength(0);
    expect(server.noOfflinePush[0]?.reason).toMatch(/custom message without Desc/);
  });

  it('says an Online account gets no offline push, and an Offline one none either', async () => {
    const { server, accepted } = await start();
    const online = await sendTestPush(tencentImRoute, { credentials: creds, target: 'fg_user', message: message(), baseUrl: server.url });
    expect(online.onlineStatus).toBe('Online');
    expect(online.notes[0]).toMatch(/Online.*no offline push is generated/);
    expect(server.deliveredOnline).toHaveLength(1);
    const offline = await sendTestPush(tencentImRoute, { credentials: creds, target: 'gone_user', message: message(), baseUrl: server.url });
    expect(offline.onlineStatus).toBe('Offline');
    expect(offline.notes[0]).toMatch(/Offline.*no offline push will be delivered/);
    expect(accepted).toHaveLength(0);
  });

  it('an unknown account stops at query_online_status with 70107', async () => {
    const { server } = await start();
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'nobody', message: message(), baseUrl: server.url });
    expect(r).toMatchObject({ outcome: 'not-sent', explanation: { code: '70107', known: true }, sentAt: null });
    expect(r.explanation!.meaning).toMatch(/does not exist/);
    expect(server.requests).toHaveLength(1);
  });

  it('explains 70001 (UserSig expired: the computer clock is far behind)', async () => {
    const { server } = await start();
    const twoDaysAgo = Date.now() - 2 * 86400_000;
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message(), baseUrl: server.url, now: () => twoDaysAgo });
    expect(r).toMatchObject({ outcome: 'rejected', explanation: { code: '70001', known: true, success: false } });
    expect(r.explanation!.meaning).toMatch(/expired/);
    expect(r.explanation!.action).toMatch(/clock/);
  });

  it('explains 70009 (another app\'s key), 70020 (unknown SDKAppID), 90009 (not an admin)', async () => {
    const { server } = await start();
    const wrongKey = { ...creds, secretKey: 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' };
    const a = await sendTestPush(tencentImRoute, { credentials: wrongKey, target: 'bg_user', message: message(), baseUrl: server.url });
    expect(a.explanation).toMatchObject({ code: '70009', known: true });
    expectNoSecrets(a, [wrongKey.secretKey]);
    const b = await sendTestPush(tencentImRoute, { credentials: { ...creds, sdkAppId: 1400000001 }, target: 'bg_user', message: message(), baseUrl: server.url });
    expect(b.explanation).toMatchObject({ code: '70020', known: true });
    const c = await sendTestPush(tencentImRoute, { credentials: { ...creds, adminIdentifier: 'bg_user' }, target: 'bg_user', message: message(), baseUrl: server.url });
    expect(c.explanation).toMatchObject({ code: '90009', known: true });
  });

  it('explains codes the sendmsg step returns (80001 filtered, 90047 limit) and an unknown one as unknown', async () => {
    const { server } = await start();
    server.failNext('80001');
    const a = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message(), baseUrl: server.url });
    expect(a).toMatchObject({ outcome: 'rejected', explanation: { code: '80001' }, onlineStatus: 'PushOnline' });
    server.failNext('90047');
    expect((await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message(), baseUrl: server.url })).explanation!.code).toBe('90047');
    server.failNext('12345');
    const u = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message(), baseUrl: server.url });
    expect(u).toMatchObject({ outcome: 'unknown', explanation: { code: '12345', known: false, success: false }, acceptedAt: null });
  });

  it('explains 20003 when sendmsg names an account the server does not know', async () => {
    const { server } = await start();
    // Straight to sendmsg: the query step would have stopped at 70107 first.
    const { buildSendMsg, buildSendMsgBody } = await import('./tencent-im.js');
    const { generateUserSig } = await import('../usersig.js');
    const sig = generateUserSig({ sdkAppId: creds.sdkAppId, secretKey: creds.secretKey, identifier: 'administrator', expireSeconds: 600 });
    const req = buildSendMsg(server.url, creds, sig, 1, buildSendMsgBody(message(), 'nobody', 7, 60));
    const res = await fetch(req.url, req);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 20003 });
    expect(tencentImRoute.errors.entries['20003']?.meaning).toMatch(/does not exist/);
  });

  it('warns when Ext is not JSON, and about MsgLifeTime 0', async () => {
    const { server, accepted } = await start();
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message({ ext: 'page=chat', tencent: { element: 'text', msgLifeTime: 0 } }), baseUrl: server.url });
    expect(r.notes.join(' ')).toMatch(/Ext is not a JSON object/);
    expect(r.notes.join(' ')).toMatch(/MsgLifeTime is 0/);
    expect(accepted).toHaveLength(0);
  });

  it('refuses a data message', async () => {
    const r = await sendTestPush(tencentImRoute, { credentials: creds, target: 'bg_user', message: message({ delivery: 'data' }), baseUrl: 'http://127.0.0.1:9' });
    expect(r.outcome).toBe('not-sent');
  });
});
