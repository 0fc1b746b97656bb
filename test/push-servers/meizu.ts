import { createHash, randomBytes } from 'node:crypto';
import { obj, strings, startServer, type CommonServerOptions, type PushServer, type Reply } from './server.js';

/**
 * Meizu (Flyme) `garcia/api/server/push/varnished/pushByPushId` (push-apis §3.6): form appId, pushIds,
 * messageJson, sign = md5(sorted "k=v" concatenated + appSecret); codes 200, 1005, 1006, 110000, 110004 …
 */
export interface MeizuServerOptions extends CommonServerOptions {
  appId: string;
  appSecret: string;
  pushIds: readonly string[];
}

function code(c: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status: 200, body: { code: c, message, value: {}, redirect: '', ...extra } };
}

export async function startMeizuServer(o: MeizuServerOptions): Promise<PushServer> {
  return startServer('meizu', o, (req, s) => {
    if (req.path !== '/garcia/api/server/push/varnished/pushByPushId') return { status: 404, body: 'Not Found' };
    const f = req.form;
    if (!f || !f.appId || !f.pushIds || !f.messageJson || !f.sign) return code('110004', 'parameter is empty');
    if (f.appId !== o.appId) return code('110000', 'appId is illegal');
    const { sign, ...params } = f;
    const expected = createHash('md5').update(Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('') + o.appSecret).digest('hex');
    if (sign !== expected) return code('1006', 'sign error');
    let m: Record<string, unknown> | null;
    try {
      m = obj(JSON.parse(f.messageJson));
    } catch {
      m = null;
    }
    const bar = obj(m?.noticeBarInfo);
    if (!m || !bar || typeof bar.title !== 'string' || typeof bar.content !== 'string') return code('1005', 'messageJson: noticeBarInfo.title and content are required');
    const ids = f.pushIds.split(',').filter((i) => o.pushIds.includes(i));
    if (ids.length === 0) return code('1005', 'pushIds: no registered pushId');
    const forced = s.takeForced();
    if (forced) return code(forced, 'forced');
    for (const id of ids) {
      s.accept({
        token: id, title: bar.title, body: bar.content, channelId: null, priority: null,
        data: strings(obj(m.clickTypeInfo)?.parameters), kind: 'notification', raw: m,
      });
    }
    return code('200', '', { msgId: randomBytes(8).toString('hex') });
  });
}
