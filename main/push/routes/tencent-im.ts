import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { explainCode } from '../error-table.js';
import { TENCENT_IM_ERRORS } from '../errors/tencent-im.js';
import { asRecord, exchange, joinUrl, str, type Exchange } from '../http.js';
import { cappedTtl, decide, explainStatus, networkFailure, type PushRoute, type RouteOutcome, type RunContext } from '../route.js';
import type { BuiltRequest, OnlineStatus, TencentAndroidInfo, TestPushMessage } from '../types.js';
import { generateUserSig } from '../usersig.js';

/** SDKAppID regions and their REST domains (push-apis §1.1), main and backup. */
export const TENCENT_REGIONS = {
  china: ['console.tim.qq.com', 'adminapi.my-imcloud.com'],
  singapore: ['adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com'],
  seoul: ['adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com'],
  tokyo: ['adminapijpn.im.qcloud.com', 'adminapijpn.my-imcloud.com'],
  frankfurt: ['adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com'],
  'silicon-valley': ['adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com'],
  jakarta: ['adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com'],
  // Listed on some pages only, with no backup domain (push-apis §1.1).
  mumbai: ['adminapiind.im.qcloud.com', 'adminapiind.im.qcloud.com'],
} as const;
export type TencentRegion = keyof typeof TENCENT_REGIONS;

export const tencentCredentialsSchema = z.object({
  sdkAppId: z.number().int().positive(),
  secretKey: z.string().min(1),
  /** Must be an App admin account (push-apis §1.1). */
  adminIdentifier: z.string().min(1).default('administrator'),
  region: z.enum(Object.keys(TENCENT_REGIONS) as [TencentRegion, ...TencentRegion[]]).default('china'),
  useBackupDomain: z.boolean().default(false),
  /** Validity of the admin UserSig we generate; 1 day, the minimum Tencent recommends. */
  userSigExpireSeconds: z.number().int().positive().default(86400),
});
export type TencentCredentials = z.infer<typeof tencentCredentialsSchema>;

/** MsgLifeTime maximum: 7 days (push-apis §1.2). */
const MAX_LIFETIME = 604800;

/** The common query string: sdkappid, admin identifier, its UserSig, a random uint32, contenttype=json. */
export function restUrl(baseUrl: string, command: string, c: TencentCredentials, userSig: string, random: number): string {
  const q = new URLSearchParams({
    sdkappid: String(c.sdkAppId), identifier: c.adminIdentifier, usersig: userSig, random: String(random), contenttype: 'json',
  });
  return `${joinUrl(baseUrl, `v4/${command}`)}?${q.toString()}`;
}

export function buildQueryOnlineStatus(baseUrl: string, c: TencentCredentials, userSig: string, random: number, account: string): BuiltRequest {
  return {
    method: 'POST', url: restUrl(baseUrl, 'openim/query_online_status', c, userSig, random),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ To_Account: [account], IsNeedDetail: 1 }),
  };
}

/**
 * AndroidInfo from the message: explicit per-vendor fields win; a message-wide channel id or category fills the
 * vendor fields left unset (one app normally names the same channel for every vendor), and the sound goes in
 * AndroidInfo.Sound (push-apis §1.5).
 */
export function androidInfoFor(m: TestPushMessage): TencentAndroidInfo {
  const info: TencentAndroidInfo = { ...m.tencent?.androidInfo };
  if (m.channelId) {
    info.OPPOChannelID ??= m.channelId;
    info.XiaoMiChannelID ??= m.channelId;
    info.HuaWeiChannelID ??= m.channelId;
    info.GoogleChannelID ??= m.channelId;
  }
  if (m.category) {
    info.HuaWeiCategory ??= m.category;
    info.OPPOCategory ??= m.category;
    info.VIVOCategory ??= m.category;
  }
  if (m.sound) info.Sound ??= m.sound;
  return info;
}

export function buildSendMsgBody(m: TestPushMessage, account: string, msgRandom: number, lifeTime: number): Record<string, unknown> {
  const t = m.tencent ?? { element: 'text' };
  const elem = t.element === 'custom'
    ? { MsgType: 'TIMCustomElem', MsgContent: { Data: t.customData ?? '', Desc: t.customDesc ?? '' } }
    : { MsgType: 'TIMTextElem', MsgContent: { Text: m.body } };
  const offline: Record<string, unknown> = { PushFlag: 0, Title: m.title };
  // An empty Desc would override the element's push text with nothing (push-apis §1.5): send it only when set.
  if (m.body) offline.Desc = m.body;
  if (m.ext !== null) offline.Ext = m.ext;
  const info = androidInfoFor(m);
  if (Object.keys(info).length > 0) offline.AndroidInfo = info;
  return {
    SyncOtherMachine: 2,
    ...(t.fromAccount ? { From_Account: t.fromAccount } : {}),
    To_Account: account,
    MsgLifeTime: lifeTime,
    MsgRandom: msgRandom,
    MsgBody: [elem],
    OfflinePushInfo: offline,
  };
}

export function buildSendMsg(baseUrl: string, c: TencentCredentials, userSig: string, random: number, body: Record<string, unknown>): BuiltRequest {
  return {
    method: 'POST', url: restUrl(baseUrl, 'openim/sendmsg', c, userSig, random),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const STATUS_NOTES: Record<OnlineStatus, string> = {
  Online: 'The account is Online (the app holds its IM connection): the message is delivered online and no offline push is generated. Put the app in the background, lock the phone or kill the app first.',
  PushOnline: 'The account is PushOnline: the app is in the background or killed but still logged in with a push token bound, so an offline push will be generated.',
  Offline: 'The account is Offline (logged out, or offline for more than 7 days): no offline push will be delivered until the user logs in again.',
};

function uint32(): number {
  return randomInt(0, 2 ** 32);
}

/** Reads ActionStatus/ErrorCode; a body without ErrorCode is explained by its HTTP status. */
function explainBody(res: Exchange) {
  const body = asRecord(res.json);
  const code = body ? str(body.ErrorCode) : null;
  if (code === null) return explainStatus(TENCENT_IM_ERRORS, res);
  return explainCode(TENCENT_IM_ERRORS, code, str(body?.ErrorInfo));
}

async function run(ctx: RunContext<TencentCredentials>): Promise<RouteOutcome> {
  const c = ctx.credentials;
  const userSig = generateUserSig({
    sdkAppId: c.sdkAppId, secretKey: c.secretKey, identifier: c.adminIdentifier,
    expireSeconds: c.userSigExpireSeconds, nowSeconds: Math.floor(ctx.now() / 1000),
  });
  ctx.secrets.add(userSig);

  // 1. query_online_status: an Online account gets no offline push; an unknown one gets nothing.
  const q = await exchange(ctx, 'query_online_status', buildQueryOnlineStatus(ctx.baseUrl, c, userSig, uint32(), ctx.target));
  if (!q.ok) return networkFailure(TENCENT_IM_ERRORS, q.reason);
  const qe = explainBody(q.res);
  q.res.step.code = qe.code;
  if (!qe.success) return { ...decide(qe, q.res.step.startedAt, q.res, null), sentAt: null };
  const qb = asRecord(q.res.json);
  const errorList = Array.isArray(qb?.ErrorList) ? qb.ErrorList.map(asRecord) : [];
  const failed = errorList.find((e) => e && str(e.ErrorCode) !== null && str(e.ErrorCode) !== '0');
  if (failed) {
    const e = explainCode(TENCENT_IM_ERRORS, str(failed.ErrorCode) ?? '', null);
    q.res.step.code = e.code;
    return { outcome: 'not-sent', explanation: e, messageId: null, sentAt: null, acceptedAt: null };
  }
  const results = Array.isArray(qb?.QueryResult) ? qb.QueryResult.map(asRecord) : [];
  const status = str(results.find((r) => r && str(r.To_Account) === ctx.target)?.Status ?? results[0]?.Status);
  let onlineStatus: OnlineStatus | null = null;
  if (status === 'Online' || status === 'PushOnline' || status === 'Offline') {
    onlineStatus = status;
    ctx.notes.push(STATUS_NOTES[status]);
  } else {
    ctx.notes.push(`query_online_status did not say the account's state (Status ${status === null ? 'missing' : `"${status}"`}); whether an offline push is generated is unknown.`);
  }

  // 2. sendmsg with the full OfflinePushInfo.
  const m = ctx.message;
  const lifeTime = m.tencent?.msgLifeTime ?? cappedTtl(ctx, m.ttlSeconds, MAX_LIFETIME);
  if (lifeTime === 0) ctx.notes.push('MsgLifeTime is 0: the message is online-only and generates no offline push (push-apis §1.2).');
  if (m.ext !== null && typeof safeJson(m.ext) !== 'object') {
    ctx.notes.push('Ext is not a JSON object string: some Android vendors drop such a push (push-apis §1.5).');
  }
  const body = buildSendMsgBody(m, ctx.target, uint32(), lifeTime);
  const s = await exchange(ctx, 'send', buildSendMsg(ctx.baseUrl, c, userSig, uint32(), body));
  if (!s.ok) return networkFailure(TENCENT_IM_ERRORS, s.reason);
  const se = explainBody(s.res);
  return { ...decide(se, s.res.step.startedAt, s.res, str(asRecord(s.res.json)?.MsgKey)), onlineStatus };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

export const tencentImRoute: PushRoute<TencentCredentials> = {
  id: 'tencent-im',
  displayName: 'Tencent Cloud IM (REST sendmsg)',
  credentialsSchema: tencentCredentialsSchema,
  errors: TENCENT_IM_ERRORS,
  defaultBaseUrl: (c) => `https://${TENCENT_REGIONS[c.region][c.useBackupDomain ? 1 : 0]}`,
  secretsOf: (c) => [c.secretKey],
  unsupported: (m) => (m.delivery === 'data'
    ? 'The IM REST API sends a chat message whose offline push is always a notification; a data message needs the fcm or a vendor route.'
    : null),
  run,
};
