import { VENDORS } from '../../common/vendors/vendor-table.js';
import type { Vendor } from '../../common/domain/facts.js';
import { verifyUserSig } from '../../main/push/usersig.js';
import { obj, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * Tencent IM REST (push-apis §1): `v4/openim/query_online_status` and `v4/openim/sendmsg` as the App admin.
 * The UserSig in the query is decoded and verified as Tencent's verifier does (§1.8 step 7), each failure with
 * its documented code (§1.6). HTTP status is 200 and the result is in the body (§1.1).
 */
export interface TencentAccount {
  status: 'Online' | 'PushOnline' | 'Offline';
  /** The push channel of the account's phone: picks the AndroidInfo channel field the push uses. */
  vendor?: Vendor;
}

export interface TencentServerOptions extends CommonServerOptions {
  sdkAppId: number;
  secretKey: string;
  admins?: readonly string[];
  accounts: Record<string, TencentAccount>;
}

export interface TencentServer extends PushServer {
  /** Messages delivered over the online connection (account Online): no offline push. */
  deliveredOnline: { account: string; text: string }[];
  /** Messages accepted that generate no offline push, with why (custom without desc, MsgLifeTime 0, PushFlag 1, Offline). */
  noOfflinePush: { account: string; reason: string }[];
}

function fail(code: number, info: string): Reply {
  return { status: 200, body: { ActionStatus: 'FAIL', ErrorInfo: info, ErrorCode: code } };
}

const FORCED: Record<string, string> = {
  '80001': 'text filtered: sensitive words',
  '60011': 'SDKAppID request frequency exceeded',
  '90047': 'daily push limit exceeded',
  '91000': 'internal error',
};

export async function startTencentImServer(o: TencentServerOptions): Promise<TencentServer> {
  const admins = o.admins ?? ['administrator'];
  const deliveredOnline: TencentServer['deliveredOnline'] = [];
  const noOfflinePush: TencentServer['noOfflinePush'] = [];
  let seq = 1000;
  const base = await startServer('tencent-im', o, (req, s) => {
    if (req.path !== '/v4/openim/query_online_status' && req.path !== '/v4/openim/sendmsg') return { status: 404, body: 'Not Found' };
    const q = req.query;
    if (!q.sdkappid) return fail(60012, 'SDKAppID missing in URL');
    if (Number(q.sdkappid) !== o.sdkAppId) return fail(70020, 'SDKAppID not found');
    if (!q.usersig) return fail(70002, 'UserSig length is 0');
    const v = verifyUserSig(q.usersig, { sdkAppId: o.sdkAppId, secretKey: o.secretKey, identifier: q.identifier ?? '', nowSeconds: Math.floor(s.now() / 1000) });
    if (!v.ok) {
      const code = { malformed: 70003, 'sdkappid-mismatch': 70014, 'identifier-mismatch': 70013, expired: 70001, 'signature-mismatch': 70009 }[v.failure];
      return fail(code, v.reason);
    }
    if (!admins.includes(q.identifier ?? '')) return fail(90009, 'the request requires App admin permissions');
    const body = obj(req.json);
    if (!body) return fail(90001, 'Fail to Parse json data of body, Please check it');

    if (req.path === '/v4/openim/query_online_status') {
      const to = body.To_Account;
      if (!Array.isArray(to)) return fail(90003, 'To_Account must be an array');
      if (to.length === 0) return fail(90001, 'To_Account is empty');
      const QueryResult: unknown[] = [];
      const ErrorList: unknown[] = [];
      for (const a of to) {
        const acc = typeof a === 'string' ? o.accounts[a] : undefined;
        if (!acc) ErrorList.push({ To_Account: a, ErrorCode: 70107 });
        else QueryResult.push({ To_Account: a, Status: acc.status, ...(body.IsNeedDetail === 1 ? { Detail: [] } : {}) });
      }
      return { status: 200, body: { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, QueryResult, ErrorList } };
    }

    // sendmsg
    if (typeof body.To_Account !== 'string') return fail(90003, 'To_Account must be a string');
    if (!Number.isInteger(body.MsgRandom)) return fail(90005, 'MsgRandom missing or not an integer');
    if (!Array.isArray(body.MsgBody) || body.MsgBody.length === 0) return fail(90001, 'MsgBody is missing');
    const lifeTime = body.MsgLifeTime === undefined ? 604800 : body.MsgLifeTime;
    if (typeof lifeTime !== 'number' || lifeTime < 0 || lifeTime > 604800) return fail(90026, 'invalid MsgLifeTime');
    const acc = o.accounts[body.To_Account];
    if (!acc) return fail(20003, 'the recipient UserID is invalid or does not exist');
    const forced = s.takeForced();
    if (forced) return fail(Number(forced), FORCED[forced] ?? 'forced error');
    const elems = body.MsgBody.map(obj);
    if (elems.some((e) => !e || typeof e.MsgType !== 'string' || !obj(e.MsgContent))) return fail(90001, 'bad MsgBody element');
    if (elems.filter((e) => e?.MsgType === 'TIMCustomElem').length > 1) return fail(90001, 'only one TIMCustomElem per message');
    const info = obj(body.OfflinePushInfo) ?? {};
    // Push text: OfflinePushInfo.Desc overrides the elements' text; the texts concatenate (push-apis §1.4, §1.5).
    const elemText = elems.map((e) => {
      const c = obj(e?.MsgContent) ?? {};
      return e?.MsgType === 'TIMTextElem' ? String(c.Text ?? '') : e?.MsgType === 'TIMCustomElem' ? String(c.Desc ?? '') : '';
    }).join('');
    const text = typeof info.Desc === 'string' && info.Desc !== '' ? info.Desc : elemText;
    const time = Math.floor(s.now() / 1000);
    const key = `${seq++}_${body.MsgRandom}_${time}`;
    const ok: Reply = { status: 200, body: { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: 0, MsgTime: time, MsgKey: key } };
    const account = body.To_Account;
    if (acc.status === 'Online') {
      deliveredOnline.push({ account, text: elemText });
      return ok;
    }
    const why = acc.status === 'Offline' ? 'the account is Offline (logged out)'
      : lifeTime === 0 ? 'MsgLifeTime 0 (online-only message)'
        : info.PushFlag === 1 ? 'PushFlag 1 (no offline push)'
          : text === '' ? 'the message has no push text (custom message without Desc)' : null;
    if (why) {
      noOfflinePush.push({ account, reason: why });
      return ok;
    }
    const android = obj(info.AndroidInfo) ?? {};
    const field = acc.vendor ? VENDORS[acc.vendor].channelIdField : null;
    const channel = field ? android[field] : undefined;
    s.accept({
      token: account, title: typeof info.Title === 'string' ? info.Title : '', body: text,
      channelId: typeof channel === 'string' ? channel : null, priority: null,
      data: typeof info.Ext === 'string' ? { ext: info.Ext } : {}, kind: 'notification', raw: body,
    });
    return ok;
  });
  return { ...base, deliveredOnline, noOfflinePush };
}
