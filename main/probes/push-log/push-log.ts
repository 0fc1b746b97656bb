import type { Vendor } from '../../../common/domain/facts.js';
import { parseLogLine, type LogLine } from './logcat.js';
import { toLines } from '../text.js';

/**
 * Finds what TUIOfflinePush and the vendor push SDKs logged about registration in `logcat -d` output:
 * the token a vendor handed out, the certificate (business) id and token passed to
 * `setOfflinePushConfig`, whether `setOfflinePushToken` succeeded, registration errors, and Google Play
 * services dropping an FCM message because the app is stopped (`GCM-DMM … result=CANCELLED … pkg=APP`).
 * Strings and tags from TIMSDK TUIOfflinePush (`oempush/OEMPushSetting.java`, `TUIOfflinePushManager.java`,
 * the vendor receivers; ../shared/reference/push-apis.md §4.5). Tokens never leave this module whole:
 * every event carries `excerpt`, the line with the token shortened.
 */
export type PushLogEvent =
  | { kind: 'token-received'; vendor: Vendor; token: string; excerpt: string; time: string | null }
  | { kind: 'token-config'; businessId: string; token: string; excerpt: string; time: string | null }
  | { kind: 'token-reported'; excerpt: string; time: string | null }
  | { kind: 'report-error'; code: number | null; desc: string; excerpt: string; time: string | null }
  | { kind: 'registration-error'; vendor: Vendor | null; code: string | null; desc: string; excerpt: string; time: string | null }
  | { kind: 'fcm-cancelled'; excerpt: string; time: string | null };

export interface PushLogScan {
  events: PushLogEvent[];
  /** Lines that looked like logcat at all; 0 means the text was not a log. */
  logLines: number;
}

/** Shortens a token so reports can show that one was logged without exposing it. */
export function redactToken(token: string): string {
  if (token.length <= 8) return '…';
  return `${token.slice(0, 6)}…(${token.length})`;
}

function redactIn(line: string, token: string): string {
  return token.length > 0 ? line.split(token).join(redactToken(token)) : line;
}

interface TokenPattern {
  tag: string;
  re: RegExp;
  vendor: Vendor;
}

/** Tag suffixes after "TUIOfflinePush-"; IMLog and android.util.Log both put the class name in the tag. */
const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { tag: 'OEMPushSetting', re: /^huawei get token:\s*(\S+)/, vendor: 'huawei' },
  { tag: 'OEMPushSetting', re: /^Honor get pushToken (\S+)/, vendor: 'honor' },
  { tag: 'OEMPushSetting', re: /^google fcm getToken = (\S+)/, vendor: 'fcm' },
  { tag: 'OEMPushSetting', re: /^vivopush open vivo push success regId = (\S+)/, vendor: 'vivo' },
  { tag: 'HUAWEIHmsMessageService', re: /^onNewToken token=(\S+)/, vendor: 'huawei' },
  { tag: 'MyHonorMessageService', re: /^onNewToken token=(\S+)/, vendor: 'honor' },
  { tag: 'MEIZUPushReceiver', re: /^onRegisterStatus token = (\S+)/, vendor: 'meizu' },
  { tag: 'VIVOPushMessageReceiverImpl', re: /^onReceiveRegId = (\S+)/, vendor: 'vivo' },
  { tag: 'GoogleFCMMsgService', re: /^google fcm onNewToken : (\S+)/, vendor: 'fcm' },
  { tag: 'XiaomiMsgReceiver', re: /^regId: (\S+)/, vendor: 'xiaomi' },
];

const ERROR_PATTERNS: readonly { tag: string; re: RegExp; vendor: Vendor | null }[] = [
  { tag: 'OEMPushSetting', re: /^(huawei get token failed.*)$/, vendor: 'huawei' },
  { tag: 'OEMPushSetting', re: /^(huawei turnOnPush failed.*)$/, vendor: 'huawei' },
  { tag: 'OEMPushSetting', re: /^(Honor get pushToken failed.*)$/, vendor: 'honor' },
  { tag: 'OEMPushSetting', re: /^(Honor turnOn push failed.*)$/, vendor: 'honor' },
  { tag: 'OEMPushSetting', re: /^(vivopush open vivo push fail state = .*)$/, vendor: 'vivo' },
  { tag: 'OEMPushSetting', re: /^(getInstanceId failed exception = .*)$/, vendor: 'fcm' },
  { tag: 'HUAWEIHmsMessageService', re: /^(onTokenError exception=.*)$/, vendor: 'huawei' },
  { tag: 'OPPOPushImpl', re: /^(onError code: .*)$/, vendor: 'oppo' },
];

function tagIs(line: LogLine, suffix: string): boolean {
  return line.tag === `TUIOfflinePush-${suffix}` || line.tag.endsWith(suffix);
}

export function scanPushLog(text: string, app: string | null): PushLogScan {
  const events: PushLogEvent[] = [];
  let logLines = 0;
  try {
    for (const raw of toLines(text)) {
      const line = parseLogLine(raw);
      if (!line) continue;
      logLines++;
      const event = classify(line, app);
      if (event) events.push(event);
    }
  } catch {
    // A scanner that cannot read a line keeps what it found so far.
  }
  return { events, logLines };
}

function classify(line: LogLine, app: string | null): PushLogEvent | null {
  const msg = line.message.trim();
  const raw = line.raw.trim();
  const time = line.time;

  if (line.tag.includes('GCM-DMM') || line.tag === 'GCM') {
    if (/result=CANCELLED/.test(msg) && (app === null || msg.includes(`pkg=${app} `) || msg.includes(`pkg=${app}}`))) {
      return { kind: 'fcm-cancelled', excerpt: raw, time };
    }
    return null;
  }

  if (tagIs(line, 'TUIOfflinePushManager')) {
    const config = /setOfflinePushConfig businessID = (\S+) pushToken = (\S*)/.exec(msg);
    if (config) {
      const token = config[2] ?? '';
      return { kind: 'token-config', businessId: config[1] ?? '', token, excerpt: redactIn(raw, token), time };
    }
    if (/setOfflinePushToken success/.test(msg)) return { kind: 'token-reported', excerpt: raw, time };
    const err = /setOfflinePushToken err code = (-?\d+) desc = (.*)$/.exec(msg);
    if (err) return { kind: 'report-error', code: Number(err[1]), desc: (err[2] ?? '').trim(), excerpt: raw, time };
    const tokenErr = /onTokenErrorCallBack code = (-?\d+), code des = (.*)$/.exec(msg);
    if (tokenErr) {
      return { kind: 'registration-error', vendor: null, code: tokenErr[1] ?? null, desc: (tokenErr[2] ?? '').trim(), excerpt: raw, time };
    }
    if (/setPushTokenToTIM third token is empty/.test(msg)) {
      return { kind: 'registration-error', vendor: null, code: null, desc: msg, excerpt: raw, time };
    }
    return null;
  }

  if (tagIs(line, 'XiaomiMsgReceiver')) {
    const reg = /cmd: register \| arg: (\S*) \| result: (-?\d+)(?: \| reason: (.*))?/.exec(msg);
    if (reg) {
      const token = reg[1] ?? '';
      if (reg[2] === '0') return { kind: 'token-received', vendor: 'xiaomi', token, excerpt: redactIn(raw, token), time };
      return { kind: 'registration-error', vendor: 'xiaomi', code: reg[2] ?? null, desc: (reg[3] ?? '').trim(), excerpt: redactIn(raw, token), time };
    }
  }

  if (tagIs(line, 'OPPOPushImpl')) {
    const reg = /onRegister responseCode: (-?\d+) registerID:\s*(\S*)/.exec(msg);
    if (reg) {
      const token = reg[2] ?? '';
      if (reg[1] === '0' && token !== '' && token !== 'null') {
        return { kind: 'token-received', vendor: 'oppo', token, excerpt: redactIn(raw, token), time };
      }
      return { kind: 'registration-error', vendor: 'oppo', code: reg[1] ?? null, desc: msg, excerpt: redactIn(raw, token), time };
    }
  }

  for (const p of TOKEN_PATTERNS) {
    if (!tagIs(line, p.tag)) continue;
    const m = p.re.exec(msg);
    if (m) {
      const token = m[1] ?? '';
      return { kind: 'token-received', vendor: p.vendor, token, excerpt: redactIn(raw, token), time };
    }
  }
  for (const p of ERROR_PATTERNS) {
    if (!tagIs(line, p.tag)) continue;
    const m = p.re.exec(msg);
    if (m) return { kind: 'registration-error', vendor: p.vendor, code: null, desc: m[1] ?? msg, excerpt: raw, time };
  }
  return null;
}
