import { createHash } from 'node:crypto';
import type { AndroidDevice } from '../android-device.js';
import type { SimPackage } from '../profile.js';

/** TUIOfflinePushConfig vendor ids, as `setPushTokenToTIM brand is…` logs them. */
const VENDOR_IDS: Record<string, number> = { xiaomi: 2000, huawei: 2001, fcm: 2002, meizu: 2003, oppo: 2004, vivo: 2005, honor: 2006 };

function token(seed: string, alphabet: string, length: number): string {
  let out = '';
  let block = Buffer.alloc(0);
  let counter = 0;
  while (out.length < length) {
    if (block.length === 0) block = createHash('sha256').update(`${seed}:${counter++}`).digest();
    out += alphabet[block[0]! % alphabet.length];
    block = block.subarray(1);
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

/** A token of the shape each vendor hands out; stable for a phone, app and channel. */
function vendorToken(channel: string, seed: string): string {
  switch (channel) {
    case 'fcm':
      return `${token(seed, B64, 11)}:APA91b${token(seed + 'f', B64, 134)}`;
    case 'huawei':
      return `IQAAAACy0${token(seed, B64, 63)}`;
    case 'xiaomi':
      return `${token(seed, B64.slice(0, 62) + '+/', 64)}`;
    case 'honor':
      return `${token(seed, HEX, 40)}`;
    default:
      return token(seed, HEX, 32);
  }
}

/** The token this phone's app logs for its push channel (the one a test push must name to reach it). */
export function pushTokenOf(device: AndroidDevice, pkg: SimPackage): string | null {
  const behaviour = pkg.pushBehaviour;
  if (!behaviour || (behaviour.tokenResult !== 'success' && behaviour.tokenResult.errorCode === -1)) return null;
  const channel = behaviour.channel.toLowerCase();
  return vendorToken(channel, `${device.manifest.name}:${pkg.name}:${channel}`);
}

/**
 * The logcat lines an app built on TUIOfflinePush writes when it starts and registers, per
 * vendor channel (exact strings: ../shared/reference/push-apis.md §4.5, from
 * TencentCloud/TIMSDK OEMPushSetting, TUIOfflinePushManager and the vendor receivers).
 * `tokenResult` with errorCode -1 (REGISTER_TOKEN_ERROR_CODE) is a vendor token failure; any
 * other code is the IM server refusing the token in setOfflinePushToken.
 */
export function logPushRegistration(device: AndroidDevice, pkg: SimPackage, pid: number): void {
  const behaviour = pkg.pushBehaviour;
  if (!behaviour) return;
  const channel = behaviour.channel.toLowerCase();
  const tid = pid + 37;
  const log = (priority: string, tag: string, message: string): void => device.log('main', priority, tag, message, pid, tid);
  const seed = `${device.manifest.name}:${pkg.name}:${channel}`;
  const value = vendorToken(channel, seed);
  log('I', 'TUIBuild', `get BRAND by Build.BRAND :${device.prop('ro.product.brand')}`);
  log('I', 'TUIBuild', `get MANUFACTURER by Build.MANUFACTURER :${device.prop('ro.product.manufacturer')}`);
  log('I', 'TUIBuild', `get MODEL by Build.MODEL :${device.prop('ro.product.model')}`);

  const result = behaviour.tokenResult;
  const vendorFailed = result !== 'success' && result.errorCode === -1;
  if (vendorFailed) {
    const failure: Record<string, [string, string]> = {
      huawei: ['TUIOfflinePush-OEMPushSetting', `huawei get token failed, com.huawei.hms.common.ApiException: ${result.desc}`],
      honor: ['TUIOfflinePush-OEMPushSetting', `Honor get pushToken failed, com.hihonor.push.sdk.common.ApiException: ${result.desc}`],
      fcm: ['TUIOfflinePush-OEMPushSetting', `getInstanceId failed exception = java.io.IOException: ${result.desc}`],
      vivo: ['TUIOfflinePush-OEMPushSetting', `vivopush open vivo push fail state = ${result.desc}`],
      oppo: ['TUIOfflinePush-OPPOPushImpl', `onRegister responseCode: ${result.desc} registerID: `],
      xiaomi: ['TUIOfflinePush-XiaomiMsgReceiver', `cmd: register | arg: null | result: 70000001 | reason: ${result.desc}`],
      meizu: ['TUIOfflinePush-MEIZUPushReceiver', `onRegisterStatus token = `],
    };
    const [tag, message] = failure[channel] ?? ['TUIOfflinePush-OEMPushSetting', result.desc];
    log('E', tag, message);
    log('E', 'TUIOfflinePush-TUIOfflinePushManager', `onTokenErrorCallBack code = ${result.errorCode}, code des = ${channel} ${result.desc}`);
    return;
  }

  switch (channel) {
    case 'huawei':
      log('I', 'TUIOfflinePush-OEMPushSetting', 'huawei turnOnPush Complete');
      log('I', 'TUIOfflinePush-OEMPushSetting', `huawei get token:${value}`);
      break;
    case 'honor':
      log('I', 'TUIOfflinePush-OEMPushSetting', 'Honor turnOn push successfully.');
      log('I', 'TUIOfflinePush-OEMPushSetting', `Honor get pushToken ${value}`);
      break;
    case 'vivo':
      log('I', 'TUIOfflinePush-OEMPushSetting', 'vivo support push: true');
      log('I', 'TUIOfflinePush-OEMPushSetting', `vivopush open vivo push success regId = ${value}`);
      break;
    case 'xiaomi':
      log('I', 'TUIOfflinePush-XiaomiMsgReceiver', `onReceiveRegisterResult is called. command={register}, resultCode={0}, reason={null}, category={null}, commandArguments={[${value}]}`);
      log('I', 'TUIOfflinePush-XiaomiMsgReceiver', `cmd: register | arg: ${value} | result: 0 | reason: null`);
      log('I', 'TUIOfflinePush-XiaomiMsgReceiver', `regId: ${value}`);
      break;
    case 'oppo':
      log('I', 'TUIOfflinePush-OPPOPushImpl', `onRegister responseCode: 0 registerID: ${value}`);
      break;
    case 'meizu':
      log('I', 'TUIOfflinePush-MEIZUPushReceiver', `onRegisterStatus token = ${value}`);
      break;
    default:
      log('I', 'TUIOfflinePush-OEMPushSetting', `google fcm getToken = ${value}`);
      log('I', 'TUIOfflinePush-GoogleFCMMsgService', `google fcm onNewToken : ${value}`);
  }
  const vendorId = VENDOR_IDS[channel] ?? VENDOR_IDS['fcm']!;
  log('I', 'TUIOfflinePush-TUIOfflinePushManager', `setPushTokenToTIM brand is${vendorId}`);
  log('I', 'TUIOfflinePush-TUIOfflinePushManager', 'flavor local');
  log('D', 'TUIOfflinePush-TUIOfflinePushManager', `setOfflinePushConfig businessID = ${behaviour.businessId} pushToken = ${value}`);
  if (result === 'success') log('D', 'TUIOfflinePush-TUIOfflinePushManager', 'setOfflinePushToken success');
  else log('D', 'TUIOfflinePush-TUIOfflinePushManager', `setOfflinePushToken err code = ${result.errorCode} desc = ${result.desc}`);
}
