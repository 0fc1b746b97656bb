/** Local stand-ins for every push route's server (issue 11), for tests and the simulated lab. */
export { startFcmServer, FCM_TOKEN_PATH, type FcmServerOptions, type FcmToken } from './fcm.js';
export { startHonorServer, type HonorServerOptions } from './honor.js';
export { startHuaweiServer, type HuaweiServer, type HuaweiServerOptions } from './huawei.js';
export { startMeizuServer, type MeizuServerOptions } from './meizu.js';
export { startOppoServer, type OppoServerOptions } from './oppo.js';
export type { AcceptedPush, PushServer, RecordedRequest } from './server.js';
export { startTencentImServer, type TencentAccount, type TencentServer, type TencentServerOptions } from './tencent-im.js';
export { startVivoServer, type VivoServerOptions } from './vivo.js';
export { startXiaomiServer, type XiaomiServerOptions } from './xiaomi.js';
