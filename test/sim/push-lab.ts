import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  FCM_TOKEN_PATH, startFcmServer, startHonorServer, startHuaweiServer, startMeizuServer, startOppoServer, startTencentImServer,
  startVivoServer, startXiaomiServer, type PushServer, type TencentAccount,
} from '../push-servers/index.js';
import type { RouteId } from '../../main/push/types.js';
import { createPushHub, type HubPhone, type PushHub } from './push-hub.js';

/**
 * Every route's local server (127.0.0.1) wired to simulated phones through the hub, with a fresh set of
 * credentials in the `--credentials FILE` shape: what `npm run sim -- --push-servers FILE` and the push
 * integration test run. The servers know the tokens the phones' apps log; `imAccounts` binds IM accounts to
 * a phone's app for the tencent-im route.
 */
export interface PushLabOptions {
  app: string;
  /** IM account → the serial of the phone it is logged in on (through the app). */
  imAccounts?: Record<string, string>;
  /** Tokens every vendor server accepts even though no phone logged them (stale-token cases). */
  extraTokens?: Partial<Record<RouteId, string[]>>;
}

export interface PushLab {
  hub: PushHub;
  servers: Map<RouteId, PushServer>;
  /** The JSON for `--credentials FILE`: a section per route, each route's secrets freshly random. */
  credentials: Record<RouteId, Record<string, unknown>>;
  /** Every secret in `credentials`, for leak scans. */
  secrets: string[];
  close(): Promise<void>;
}

export async function startPushLab(phones: readonly HubPhone[], o: PushLabOptions): Promise<PushLab> {
  const hub = createPushHub(phones);
  const onAccepted = hub.onAccepted;
  const tokens = (route: RouteId) => [
    ...phones.flatMap((p) => [...(p.phone.pushTokens?.() ?? new Map())].filter(([, t]) => t.transport === route).map(([tok]) => tok as string)),
    ...(o.extraTokens?.[route] ?? []),
  ];
  const secret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const s = { im: secret('im'), hw: secret('hw'), honor: secret('honor'), mi: secret('mi'), oppo: secret('oppo'), vivo: secret('vivo'), mz: secret('mz') };
  const email = 'push-doctor@pd-lab.iam.gserviceaccount.com';
  const servers = new Map<RouteId, PushServer>();
  // The Tencent server reads this object on every request, so accounts can be bound once the phones are known.
  const accounts: Record<string, TencentAccount> = {};
  try {
    servers.set('fcm', await startFcmServer({ projectId: 'pd-lab', clientEmail: email, publicKey, tokens: Object.fromEntries(tokens('fcm').map((t) => [t, { project: 'pd-lab' }])), onAccepted }));
    servers.set('huawei', await startHuaweiServer({ appId: '1044', clientSecret: s.hw, tokens: tokens('huawei'), onAccepted }));
    servers.set('honor', await startHonorServer({ appId: '1044', clientId: '99', clientSecret: s.honor, tokens: tokens('honor'), onAccepted }));
    servers.set('xiaomi', await startXiaomiServer({ appSecret: s.mi, packageName: o.app, regIds: tokens('xiaomi'), onAccepted }));
    servers.set('oppo', await startOppoServer({ appKey: 'oppo-key-0123', masterSecret: s.oppo, regIds: tokens('oppo'), onAccepted }));
    servers.set('vivo', await startVivoServer({ appId: '1055', appKey: 'vivo-key-0123', appSecret: s.vivo, regIds: tokens('vivo'), testRegIds: tokens('vivo'), onAccepted }));
    servers.set('meizu', await startMeizuServer({ appId: '1100', appSecret: s.mz, pushIds: tokens('meizu'), onAccepted }));
    const tencent = await startTencentImServer({ sdkAppId: 1400000000, secretKey: s.im, accounts, onAccepted });
    servers.set('tencent-im', tencent);
    for (const [account, serial] of Object.entries(o.imAccounts ?? {})) {
      const phone = phones.find((p) => p.serial === serial);
      const own = [...(phone?.phone.pushTokens?.().values() ?? [])].find((t) => t.pkg === o.app);
      // The Tencent server picks the AndroidInfo channel field by the phone's vendor, as IM does from the bound token.
      // Online while the app is on screen (it holds its IM connection), PushOnline otherwise: read on every request.
      const entry: TencentAccount = { status: 'PushOnline', ...(own ? { vendor: own.transport } : {}) };
      Object.defineProperty(entry, 'status', { enumerable: true, get: () => (phone?.phone.foregroundPackage?.() === o.app ? 'Online' : 'PushOnline') });
      accounts[account] = entry;
      hub.bindAccount(account, serial, o.app);
    }
  } catch (error) {
    for (const server of servers.values()) await server.close();
    throw error;
  }
  const credentials: Record<RouteId, Record<string, unknown>> = {
    'tencent-im': { sdkAppId: 1400000000, secretKey: s.im, adminIdentifier: 'administrator', region: 'china', useBackupDomain: false, userSigExpireSeconds: 86400 },
    fcm: { type: 'service_account', project_id: 'pd-lab', private_key_id: 'kid-0123456789', private_key: pem, client_email: email, token_uri: `${servers.get('fcm')!.url}${FCM_TOKEN_PATH}` },
    huawei: { appId: '1044', clientSecret: s.hw },
    honor: { appId: '1044', clientId: '99', clientSecret: s.honor },
    xiaomi: { appSecret: s.mi, packageName: o.app, region: 'china' },
    oppo: { appKey: 'oppo-key-0123', masterSecret: s.oppo },
    vivo: { appId: '1055', appKey: 'vivo-key-0123', appSecret: s.vivo },
    meizu: { appId: '1100', appSecret: s.mz },
  };
  return {
    hub, servers, credentials,
    secrets: [...Object.values(s), ...pem.split('\n').filter((l) => l.length > 40)],
    async close() {
      for (const server of servers.values()) await server.close();
    },
  };
}
