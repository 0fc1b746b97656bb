import { createHash } from 'node:crypto';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { Report } from '../../common/domain/report.js';

/**
 * `--redact`: one mechanism for every output (report JSON and Markdown, capture files and their manifest,
 * progress lines and logs). Serials, hardware ids, IMEI/MEID, push tokens, account ids, e-mail addresses and
 * phone numbers become stable hashes (`serial#3f2a91c0`), so two reports of the same lab still line up. The
 * hash is unsalted sha256 cut to 8 hex digits: stable across runs and machines, short enough to read, and
 * 4 billion values keep a lab collision-free.
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

/** Shapes that carry a phone number: a key naming one, a tel: URI. */
const PHONE_PATTERNS: readonly RegExp[] = [
  /(\b(?:phone(?:_?number)?|mobile|msisdn|line1_?number|tel)\s*[=:]\s*)(\+?\d[\d ()-]{5,}\d)/gi,
  /(tel:)(\+?[\d-]{6,})/gi,
];
/** +CC NNN NNNN NNNN with separators, and E.164 without (not after `=`, where `+86400000` is a duration). */
const INTERNATIONAL_PHONE = /(?<![\w+])\+\d{1,3}[ -]\d{2,4}(?:[ -]\d{2,5}){1,4}(?![\w-])|(?<![\w=:+.-])\+\d{10,14}(?!\w)/g;
/** Mainland China mobile numbers (11 digits, 13x–19x), standing alone; not after `=` (a `versionCode=13…` is no phone). */
const CN_MOBILE = /(?<![\w.:/+=-])1[3-9]\d{9}(?![\w.])/g;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** IMEI (15), MEID (14) and 16-digit IMEISV, standing alone. */
const IMEI_LIKE = /(?<![0-9A-Za-z])\d{14,16}(?![0-9A-Za-z])/g;
/** A bare token-shaped run: long, mixing letters and digits, no dots or slashes (so not a package or path). */
const TOKEN_LIKE = /(?<![A-Za-z0-9_\-:])[A-Za-z0-9_\-:]{40,}(?![A-Za-z0-9_\-:])/g;

/**
 * System properties that hold a hardware identity (getprop's `[name]: [value]`): serial numbers
 * (`ro.serialno`, `ro.boot.serialno`, `ro.vendor.meizu.serialno`, Samsung's `ril.serialnumber`), IMEI/MEID
 * (`ro.ril.miui.imei0`, `ro.meizu.hardware.imei1`), SIM and chip ids, MAC addresses.
 */
const HARDWARE_ID_NAME = /(?:^|[._])(?:serialno|serialnumber|serial|sn|sno|psn|psno|imei\d*|meid\d*|esn|iccid|imsi|cpuid|chipid|did|uuid|wifimac|btmac|macaddr|bdaddr|wifi_?mac|bt_?mac)(?:$|[._\d])/i;
const PROP_LINE = /(\[([^\]\n]+)\]: \[)([^\]\n]*)(\])/g;
/** Values a ROM prints in place of an id, and short flags (`ro.miui.restrict_imei=1`) that identify nothing. */
const NOT_AN_ID = /^(?:|unknown|null|none|redacted|0+|1|true|false|n\/a)$/i;

function isHashed(value: string): boolean {
  return /^[a-z]+#[0-9a-f]{8}$/.test(value);
}

function kindOfProp(name: string): string {
  return /imei|meid|esn/i.test(name) ? 'imei' : 'serial';
}

export class Redactor {
  /** Exact values seen (the adb serial, ids read from getprop), replaced wherever they appear afterwards. */
  private readonly known = new Map<string, string>();

  /**
   * Remembers a secret value so every later text, report or file has it replaced. A value read from a phone
   * must look like an id; one the caller names (an adb serial) is taken as it is.
   */
  learn(kind: string, value: string, named = false): void {
    const v = value.trim();
    if (!v || isHashed(v) || this.known.has(v)) return;
    if (!named && (v.length < 4 || NOT_AN_ID.test(v))) return;
    this.known.set(v, redactToken(kind, v));
  }

  /** Learns the hardware ids a getprop output (or a bug report's SYSTEM PROPERTIES) names. */
  learnFromProps(text: string): void {
    for (const m of text.matchAll(PROP_LINE)) {
      const name = m[2] ?? '';
      if (HARDWARE_ID_NAME.test(name)) this.learn(kindOfProp(name), m[3] ?? '');
    }
  }

  text(text: string): string {
    this.learnFromProps(text);
    let out = text.replace(PROP_LINE, (line, open: string, name: string, value: string, close: string) =>
      HARDWARE_ID_NAME.test(name) && !NOT_AN_ID.test(value.trim()) && !isHashed(value) ? `${open}${redactToken(kindOfProp(name), value)}${close}` : line);
    // Longest first, so "emulator-5554" is not half-replaced by a shorter value it contains.
    for (const [value, hashed] of [...this.known].sort((a, b) => b[0].length - a[0].length)) {
      if (out.includes(value)) out = out.split(value).join(hashed);
    }
    const keep = (kind: string) => (_m: string, prefix: string, value: string) => prefix + (isHashed(value) ? value : redactToken(kind, value));
    for (const re of TOKEN_PATTERNS) out = out.replace(re, keep('token'));
    for (const re of ACCOUNT_PATTERNS) out = out.replace(re, keep('account'));
    for (const re of PHONE_PATTERNS) out = out.replace(re, keep('phone'));
    out = out.replace(EMAIL, (m) => redactToken('account', m));
    out = out.replace(IMEI_LIKE, (m) => redactToken('imei', m));
    out = out.replace(INTERNATIONAL_PHONE, (m) => (m.replace(/\D/g, '').length >= 8 ? redactToken('phone', m) : m));
    out = out.replace(CN_MOBILE, (m) => redactToken('phone', m));
    out = out.replace(TOKEN_LIKE, (m) => (/[A-Za-z]/.test(m) && /\d/.test(m) ? redactToken('token', m) : m));
    return out;
  }

  /** A redacted deep copy of a report; the input is left untouched. */
  report(report: Report): Report {
    for (const d of report.devices) this.learn('serial', d.serial, true);
    return this.walk(report) as Report;
  }

  /** Raw outputs as a capture saves them; getprop is read first so its ids are known in every other file. */
  outputs(outputs: readonly RawOutput[]): RawOutput[] {
    for (const o of outputs) if (o.text !== null) this.learnFromProps(o.text);
    return outputs.map((o) => ({
      ...o,
      text: o.text === null ? null : this.text(o.text),
      ...(o.error !== undefined ? { error: this.text(o.error) } : {}),
    }));
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v)]));
    }
    return value;
  }
}

/** A redactor that already knows these serials (the adb serials of the phones at hand). */
export function createRedactor(serials: readonly string[] = []): Redactor {
  const redactor = new Redactor();
  for (const s of serials) redactor.learn('serial', s, true);
  return redactor;
}

export function redactText(text: string, serials: readonly string[]): string {
  return createRedactor(serials).text(text);
}

/** A redacted deep copy; the input is left untouched. */
export function redactReport(report: Report): Report {
  return createRedactor().report(report);
}
