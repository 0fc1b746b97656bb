import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log/logger.js';
import { expectNoSecrets, message } from '../../test/push-servers/fixtures.js';
import {
  FCM_TOKEN_PATH, startFcmServer, startHonorServer, startHuaweiServer, startMeizuServer, startOppoServer, startTencentImServer,
  startVivoServer, startXiaomiServer, type PushServer,
} from '../../test/push-servers/index.js';
import { sendTestPush, type PushRoute } from './route.js';
import { ROUTES, sendByRoute, type CredentialsByRoute } from './routes/index.js';
import { ROUTE_IDS, type RouteId, type TestPushMessage } from './types.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const TOKEN = 'cXk3ZmFrZTpBUEE5MWJHZmFrZXRva2VuZm9ydGVzdGluZ19wdXNoX2RvY3Rvcg';
const EMAIL = 'sa@push-doctor-test.iam.gserviceaccount.com';

interface Setup<R extends RouteId> {
  credentials(url: string): CredentialsByRoute[R];
  wrong(url: string): CredentialsByRoute[R];
  target: string;
  start(): Promise<PushServer>;
  message?: Partial<TestPushMessage>;
}

const SETUPS: { [R in RouteId]: Setup<R> } = {
  'tencent-im': {
    credentials: () => ({ sdkAppId: 1400000000, secretKey: 'im-secret-key-0123456789abcdef', adminIdentifier: 'administrator', region: 'china', useBackupDomain: false, userSigExpireSeconds: 86400 }),
    wrong: () => ({ sdkAppId: 1400000000, secretKey: 'im-wrong-key-fedcba9876543210', adminIdentifier: 'administrator', region: 'china', useBackupDomain: false, userSigExpireSeconds: 86400 }),
    target: 'bg_user',
    start: () => startTencentImServer({ sdkAppId: 1400000000, secretKey: 'im-secret-key-0123456789abcdef', accounts: { bg_user: { status: 'PushOnline', vendor: 'fcm' } } }),
  },
  fcm: {
    credentials: (url) => ({ type: 'service_account', project_id: 'pd', private_key_id: 'kid-0123456789', private_key: PEM, client_email: EMAIL, token_uri: `${url}${FCM_TOKEN_PATH}` }),
    wrong: (url) => ({ type: 'service_account', project_id: 'pd', private_key_id: 'kid-0123456789', private_key: wrongKey, client_email: EMAIL, token_uri: `${url}${FCM_TOKEN_PATH}` }),
    target: TOKEN,
    start: () => startFcmServer({ projectId: 'pd', clientEmail: EMAIL, publicKey, tokens: { [TOKEN]: { project: 'pd' } } }),
  },
  huawei: {
    credentials: () => ({ appId: '1044', clientSecret: 'hw-secret-0123456789' }),
    wrong: () => ({ appId: '1044', clientSecret: 'hw-wrong-0123456789' }),
    target: TOKEN,
    start: () => startHuaweiServer({ appId: '1044', clientSecret: 'hw-secret-0123456789', tokens: [TOKEN] }),
  },
  honor: {
    credentials: () => ({ appId: '1044', clientId: '99', clientSecret: 'honor-secret-0123456789' }),
    wrong: () => ({ appId: '1044', clientId: '99', clientSecret: 'honor-wrong-0123456789' }),
    target: TOKEN,
    start: () => startHonorServer({ appId: '1044', clientId: '99', clientSecret: 'honor-secret-0123456789', tokens: [TOKEN] }),
  },
  xiaomi: {
    credentials: () => ({ appSecret: 'mi-secret-0123456789', packageName: 'com.example.im', region: 'china' }),
    wrong: () => ({ appSecret: 'mi-wrong-0123456789', packageName: 'com.example.im', region: 'china' }),
    target: TOKEN,
    start: () => startXiaomiServer({ appSecret: 'mi-secret-0123456789', packageName: 'com.example.im', regIds: [TOKEN] }),
  },
  oppo: {
    credentials: () => ({ appKey: 'oppo-key-0123', masterSecret: 'oppo-master-0123456789' }),
    wrong: () => ({ appKey: 'oppo-key-0123', masterSecret: 'oppo-wrong-0123456789' }),
    target: TOKEN,
    start: () => startOppoServer({ appKey: 'oppo-key-0123', masterSecret: 'oppo-master-0123456789', regIds: [TOKEN] }),
  },
  vivo: {
    credentials: () => ({ appId: '1055', appKey: 'vivo-key-0123', appSecret: 'vivo-secret-0123456789' }),
    wrong: () => ({ appId: '1055', appKey: 'vivo-key-0123', appSecret: 'vivo-wrong-0123456789' }),
    target: TOKEN,
    start: () => startVivoServer({ appId: '1055', appKey: 'vivo-key-0123', appSecret: 'vivo-secret-0123456789', regIds: [TOKEN], testRegIds: [TOKEN] }),
  },
  meizu: {
    credentials: () => ({ appId: '1100', appSecret: 'mz-secret-0123456789' }),
    wrong: () => ({ appId: '1100', appSecret: 'mz-wrong-0123456789' }),
    target: TOKEN,
    start: () => startMeizuServer({ appId: '1100', appSecret: 'mz-secret-0123456789', pushIds: [TOKEN] }),
  },
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

/** Every secret a run could leak: the credentials and what the servers saw derived from them. */
function secretsOf(creds: unknown, server: PushServer): string[] {
  const out = Object.entries(creds as Record<string, unknown>)
    .filter(([k, v]) => typeof v === 'string' && /secret|key|private/i.test(k) && !/id$/i.test(k))
    .map(([, v]) => v as string);
  for (const r of server.requests) {
    const auth = r.headers.authorization;
    if (auth) out.push(auth.replace(/^(Bearer |key=)/, ''));
    if (typeof r.headers.authtoken === 'string') out.push(r.headers.authtoken);
    if (r.form?.auth_token) out.push(r.form.auth_token);
    if (r.form?.assertion) out.push(r.form.assertion);
    if (r.query.usersig) out.push(r.query.usersig);
  }
  return out.filter((s) => s.length >= 6);
}

function route<R extends RouteId>(id: R): PushRoute<CredentialsByRoute[R]> {
  return ROUTES[id] as PushRoute<CredentialsByRoute[R]>;
}

describe.each(ROUTE_IDS.map((id) => [id]))('%s', (id) => {
  const setup = SETUPS[id] as Setup<RouteId>;

  it('is accepted by its server, and no secret reaches the result or the log', async () => {
    const server = await setup.start();
    closers.push(() => server.close());
    const records: LogRecord[] = [];
    const creds = setup.credentials(server.url);
    const r = await sendByRoute(id, { credentials: creds, target: setup.target, message: message(setup.message), baseUrl: server.url, log: createLogger('push', (x) => records.push(x)) });
    expect(r.outcome, JSON.stringify(r.explanation)).toBe('accepted');
    expect(r.sentAt).not.toBeNull();
    expect(r.acceptedAt! >= r.sentAt!).toBe(true);
    expect(server.accepted).toHaveLength(1);
    expect(server.accepted[0]).toMatchObject({ route: id, title: 'Push Doctor test', body: 'Offline push test 12:00:01' });
    expect(records.length).toBeGreaterThan(0);
    const secrets = secretsOf(creds, server);
    expect(secrets.length).toBeGreaterThan(0);
    expectNoSecrets(r, secrets);
    expectNoSecrets(records, secrets);
    // Nothing left 127.0.0.1.
    for (const s of r.steps) expect(s.url.startsWith('http://127.0.0.1:')).toBe(true);
  });

  it('wrong credentials are never accepted, and leak neither the right nor the wrong secret', async () => {
    const server = await setup.start();
    closers.push(() => server.close());
    const records: LogRecord[] = [];
    const wrong = setup.wrong(server.url);
    const r = await sendTestPush(route(id) as PushRoute<unknown>, { credentials: wrong, target: setup.target, message: message(setup.message), baseUrl: server.url, log: createLogger('push', (x) => records.push(x)) });
    expect(r.outcome).not.toBe('accepted');
    expect(r.explanation?.success).toBe(false);
    expect(server.accepted).toHaveLength(0);
    const secrets = [...secretsOf(wrong, server), ...secretsOf(setup.credentials(server.url), server)];
    expectNoSecrets(r, secrets);
    expectNoSecrets(records, secrets);
  });

  it.each([
    ['an empty object', '{}'],
    ['text that is not JSON', '<html>502 Bad Gateway</html>'],
    ['a code nobody documents', '{"code":"4242","result":4242,"ErrorCode":4242,"ActionStatus":"OK","access_token":"tok-abcdef","authToken":"tok-abcdef","data":{"auth_token":"tok-abcdef"}}'],
  ])('a server answering %s is never taken for success', async (_label, answer) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = await sendTestPush(route(id) as PushRoute<unknown>, { credentials: setup.credentials(url), target: setup.target, message: message(setup.message), baseUrl: url });
    expect(r.outcome).not.toBe('accepted');
    expect(r.explanation?.success).toBe(false);
    expect(r.acceptedAt).toBeNull();
    expect(r.messageId).toBeNull();
  });
});
