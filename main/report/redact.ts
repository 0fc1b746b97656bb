import { createHash } from 'node:crypto';
import type { Report } from '../../common/domain/report.js';

/**
 * `--redact`: serials, push tokens, account ids, e-mail addresses and IMEI-like numbers become stable hashes
 * (`serial#3f2a91c0`), so two reports of the same lab still line up. The hash is unsalted sha256 cut to 8 hex
 * digits: stable across runs and machines, short enough to read, and 4 billion values keep a lab collision-free.
 */
export function redactToken(kind: string, value: string): string {
  return `${kind}#${createHash('sha256').update(value).digest('hex').slice(0, 8)}`;
}

/** Log shapes that carry a push token or registration id (TUIOfflinePush and vendor receivers, push-apis §4.5). */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /(pushToken = )(\S+)/g,
  /(huawei get token:\s*)(\S+)/g,
  /(Honor get pushToken )(\S+)/g,
  /(google fcm getToken = )(\S+)/g,
  /(google fcm onNewToken : )(\S+)/g,
  /(regId = )(\S+)/g,
  /(regId: )(\S+)/g,
  /(onReceiveRegId = )(\S+)/g,
  /(onNewToken token=)(\S+)/g,
  /(onRegisterStatus token = )(\S+)/g,
  /(registerID: )(\S+)/g,
  /(cmd: register \| arg: )([^\s|]+)/g,
  /(\btoken[=:]\s*)([A-Za-z0-9_\-:+/=.]{16,})/gi,
];

/** Log shapes that carry an IM or platform account id. */
const ACCOUNT_PATTERNS: readonly RegExp[] = [
  /(\buser_?id\s*[=:]\s*)([^\s,;|}]+)/gi,
  /(\bidentifier\s*[=:]\s*)([^\s,;|}]+)/gi,
  /(\baccount\s*[=:]\s*)([^\s,;|}]+)/gi,
  /(Account \{name=)([^,}]+)/g,
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** IMEI (15), MEID (14) and 16-digit IMEISV, standing alone. */
const IMEI_LIKE = /(?<![0-9A-Za-z])\d{14,16}(?![0-9A-Za-z])/g;
/** A bare token-shaped run: long, mixing letters and digits, no dots or slashes (so not a package or path). */
const TOKEN_LIKE = /(?<![A-Za-z0-9_\-:])[A-Za-z0-9_\-:]{40,}(?![A-Za-z0-9_\-:])/g;

function isHashed(value: string): boolean {
  return /^[a-z]+#[0-9a-f]{8}$/.test(value);
}

export function redactText(text: string, serials: readonly string[]): string {
  let out = text;
  // Longest first, so "emulator-5554" is not half-replaced by a shorter serial it contains.
  for (const serial of [...serials].sort((a, b) => b.length - a.length)) {
    if (serial) out = out.split(serial).join(redactToken('serial', serial));
  }
  for (const re of TOKEN_PATTERNS) {
    out = out.replace(re, (_m, prefix: string, value: string) => prefix + (isHashed(value) ? value : redactToken('token', value)));
  }
  for (const re of ACCOUNT_PATTERNS) {
    out = out.replace(re, (_m, prefix: string, value: string) => prefix + (isHashed(value) ? value : redactToken('account', value)));
  }
  out = out.replace(EMAIL, (m) => redactToken('account', m));
  out = out.replace(IMEI_LIKE, (m) => redactToken('imei', m));
  out = out.replace(TOKEN_LIKE, (m) => (/[A-Za-z]/.test(m) && /\d/.test(m) ? redactToken('token', m) : m));
  return out;
}

function walk(value: unknown, serials: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, serials);
  if (Array.isArray(value)) return value.map((v) => walk(v, serials));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, serials)]));
  }
  return value;
}

/** A redacted deep copy; the input is left untouched. */
export function redactReport(report: Report): Report {
  const serials = report.devices.map((d) => d.serial);
  return walk(report, serials) as Report;
}
