import { sendTestPush, type PushRoute, type SendOptions } from '../route.js';
import type { PushResult, RouteId } from '../types.js';
import { fcmRoute, type FcmCredentials } from './fcm.js';
import { honorRoute, type HonorCredentials } from './honor.js';
import { huaweiRoute, type HuaweiCredentials } from './huawei.js';
import { meizuRoute, type MeizuCredentials } from './meizu.js';
import { oppoRoute, type OppoCredentials } from './oppo.js';
import { tencentImRoute, type TencentCredentials } from './tencent-im.js';
import { vivoRoute, type VivoCredentials } from './vivo.js';
import { xiaomiRoute, type XiaomiCredentials } from './xiaomi.js';

export interface CredentialsByRoute {
  'tencent-im': TencentCredentials;
  fcm: FcmCredentials;
  huawei: HuaweiCredentials;
  honor: HonorCredentials;
  xiaomi: XiaomiCredentials;
  oppo: OppoCredentials;
  vivo: VivoCredentials;
  meizu: MeizuCredentials;
}

/** Every server route by id, each with its own credentials type. */
export const ROUTES: { readonly [K in RouteId]: PushRoute<CredentialsByRoute[K]> } = {
  'tencent-im': tencentImRoute,
  fcm: fcmRoute,
  huawei: huaweiRoute,
  honor: honorRoute,
  xiaomi: xiaomiRoute,
  oppo: oppoRoute,
  vivo: vivoRoute,
  meizu: meizuRoute,
};

/** sendTestPush by route id, with that route's credentials type. */
export function sendByRoute<R extends RouteId>(id: R, o: SendOptions<CredentialsByRoute[R]>): Promise<PushResult> {
  return sendTestPush(ROUTES[id] as PushRoute<CredentialsByRoute[R]>, o);
}
