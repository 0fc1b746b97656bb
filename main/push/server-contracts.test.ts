import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../test/push-servers/fixtures.js';
import { startMeizuServer, startOppoServer, startTencentImServer, startVivoServer, type PushServer } from '../../test/push-servers/index.js';
import { buildOppoAuth } from './routes/oppo.js';
import { buildVivoAuth, buildVivoBody, buildVivoSend } from './routes/vivo.js';
import { generateUserSig } from './usersig.js';

/** Malformed requests straight at the local servers: each answers with the code its vendor documents. */
const servers: PushServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function post(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  return (await fetch(url, { method: 'POST', headers, body })).json();
}

describe('local servers answer malformed requests with the documented codes', () => {
  it('tencent-im: 90001 unparseable body, 90003 To_Account type, 90005 MsgRandom, 70002 empty UserSig, 60012 no SDKAppID', async () => {
    const s = await startTencentImServer({ sdkAppId: 1400000000, secretKey: 'im-secret-key-0123456789', accounts: { u: { status: 'PushOnline' } } });
    servers.push(s);
    const sig = generateUserSig({ sdkAppId: 1400000000, secretKey: 'im-secret-key-0123456789', identifier: 'administrator', expireSeconds: 600 });
    const url = (cmd: string, q = `sdkappid=1400000000&identifier=administrator&usersig=${sig}&random=1&contenttype=json`) => `${s.url}/v4/openim/${cmd}?${q}`;
    const json = { 'Content-Type': 'application/json' };
    expect(await post(url('sendmsg'), '{not json', json)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 90001 });
    expect(await post(url('query_online_status'), '{"To_Account":"u"}', json)).toMatchObject({ ErrorCode: 90003 });
    expect(await post(url('sendmsg'), '{"To_Account":"u","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"x"}}]}', json)).toMatchObject({ ErrorCode: 90005 });
    expect(await post(url('sendmsg', 'sdkappid=1400000000&identifier=administrator&usersig=&random=1'), '{}', json)).toMatchObject({ ErrorCode: 70002 });
    expect(await post(url('sendmsg', 'identifier=administrator&usersig=x'), '{}', json)).toMatchObject({ ErrorCode: 60012 });
    expect(await post(url('sendmsg', `sdkappid=1400000000&identifier=administrator&usersig=${sig.slice(0, 30)}`), '{}', json)).toMatchObject({ ErrorCode: 70003 });
  });

  it('oppo: 29 no auth_token, 11 unknown auth_token, 40 no message, 41 message not JSON, 15/18/17 missing auth fields', async () => {
    const s = await startOppoServer({ appKey: 'k', masterSecret: 'oppo-master-0123', regIds: ['r'] });
    servers.push(s);
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const unicast = `${s.url}/server/v1/message/notification/unicast`;
    expect(await post(unicast, 'message=%7B%7D', form)).toMatchObject({ code: 29 });
    expect(await post(unicast, 'auth_token=nope&message=%7B%7D', form)).toMatchObject({ code: 11 });
    const auth = buildOppoAuth(s.url, { appKey: 'k', masterSecret: 'oppo-master-0123' }, Date.now());
    const token = ((await post(auth.url, auth.body, auth.headers)) as { data: { auth_token: string } }).data.auth_token;
    expect(await post(unicast, `auth_token=${token}`, form)).toMatchObject({ code: 40 });
    expect(await post(unicast, `auth_token=${token}&message=%7Bnot`, form)).toMatchObject({ code: 41 });
    expect(await post(`${s.url}/server/v1/auth`, 'timestamp=1', form)).toMatchObject({ code: 15 });
    expect(await post(`${s.url}/server/v1/auth`, 'app_key=k', form)).toMatchObject({ code: 18 });
    expect(await post(`${s.url}/server/v1/auth`, `app_key=k&timestamp=${Date.now()}`, form)).toMatchObject({ code: 17 });
  });

  it('vivo: 10094 when the body names another appId than the auth token\'s', async () => {
    const c = { appId: '1055', appKey: 'vivo-key-0123', appSecret: 'vivo-secret-0123456789' };
    const s = await startVivoServer({ ...c, regIds: ['r'] });
    servers.push(s);
    const auth = buildVivoAuth(s.url, c, Date.now());
    const token = ((await post(auth.url, auth.body, auth.headers)) as { authToken: string }).authToken;
    const send = buildVivoSend(s.url, token, buildVivoBody(message(), { ...c, appId: '2066' }, 'r', 'req-1', 3600));
    expect(await post(send.url, send.body, send.headers)).toMatchObject({ result: 10094 });
  });

  it('meizu: 110004 a parameter missing, 1005 messageJson not usable', async () => {
    const s = await startMeizuServer({ appId: '1100', appSecret: 'mz-secret-0123456789', pushIds: ['p'] });
    servers.push(s);
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const url = `${s.url}/garcia/api/server/push/varnished/pushByPushId`;
    expect(await post(url, 'appId=1100&pushIds=p&sign=x', form)).toMatchObject({ code: '110004' });
    const { createHash } = await import('node:crypto');
    const sign = createHash('md5').update('appId=1100messageJson={}pushIds=pmz-secret-0123456789').digest('hex');
    expect(await post(url, `appId=1100&pushIds=p&messageJson=%7B%7D&sign=${sign}`, form)).toMatchObject({ code: '1005' });
  });
});
