import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Tencent IM UserSig (TLSSigAPIv2), push-apis §1.8. Tencent's package only generates; diagnosing "expired",
 * "wrong SDKAppID" or "wrong key" needs decode and verify too, so this is our own small implementation and
 * `tls-sig-api-v2` stays a golden test (usersig.test.ts). Only the IM form (no TLS.userbuf) is generated.
 */

export interface UserSigDoc {
  'TLS.ver': string;
  'TLS.identifier': string;
  'TLS.sdkappid': number;
  'TLS.time': number;
  'TLS.expire': number;
  'TLS.sig': string;
  'TLS.userbuf'?: string;
}

/** The HMAC input: one line per field, each ending in "\n" (push-apis §1.8 step 2). */
export function stringToSign(identifier: string, sdkAppId: number, time: number, expire: number, userbuf?: string): string {
  let s = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbuf !== undefined) s += `TLS.userbuf:${userbuf}\n`;
  return s;
}

export function hmacSig(secretKey: string, identifier: string, sdkAppId: number, time: number, expire: number, userbuf?: string): string {
  return createHmac('sha256', secretKey).update(stringToSign(identifier, sdkAppId, time, expire, userbuf)).digest('base64');
}

/** Base64 with Tencent's URL-safe substitutions: + → *, / → -, = → _. */
function escape(b64: string): string {
  return b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

function unescape(s: string): string {
  return s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
}

export interface GenerateOptions {
  sdkAppId: number;
  secretKey: string;
  identifier: string;
  /** Validity in seconds, relative to `nowSeconds`. */
  expireSeconds: number;
  /** Issue time (seconds since epoch); default now. */
  nowSeconds?: number;
}

export function generateUserSig(o: GenerateOptions): string {
  const time = o.nowSeconds ?? Math.floor(Date.now() / 1000);
  // Field order as Tencent's node package writes it, so the output is byte-identical to tls-sig-api-v2.
  const doc: UserSigDoc = {
    'TLS.ver': '2.0',
    'TLS.identifier': String(o.identifier),
    'TLS.sdkappid': Number(o.sdkAppId),
    'TLS.time': time,
    'TLS.expire': Number(o.expireSeconds),
    'TLS.sig': hmacSig(o.secretKey, String(o.identifier), Number(o.sdkAppId), time, Number(o.expireSeconds)),
  };
  return escape(deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64'));
}

export type DecodeResult = { ok: true; doc: UserSigDoc } | { ok: false; reason: string };

/** Never throws: a UserSig that is not base64 + zlib + the expected JSON gives the reason instead. */
export function decodeUserSig(userSig: string): DecodeResult {
  if (!userSig) return { ok: false, reason: 'the UserSig is empty' };
  let json: string;
  try {
    json = inflateSync(Buffer.from(unescape(userSig), 'base64')).toString('utf8');
  } catch {
    return { ok: false, reason: 'the UserSig is not zlib data after base64 decoding (truncated or not a UserSig)' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the UserSig inflates to something that is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'the UserSig JSON is not an object' };
  const d = parsed as Record<string, unknown>;
  const missing = ['TLS.ver', 'TLS.identifier', 'TLS.sdkappid', 'TLS.time', 'TLS.expire', 'TLS.sig'].filter((k) => d[k] === undefined);
  if (missing.length > 0) return { ok: false, reason: `the UserSig JSON lacks ${missing.join(', ')}` };
  if (typeof d['TLS.identifier'] !== 'string' || typeof d['TLS.sig'] !== 'string' || typeof d['TLS.ver'] !== 'string') {
    return { ok: false, reason: 'TLS.identifier, TLS.sig and TLS.ver must be strings' };
  }
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : Number.NaN);
  if ([num('TLS.sdkappid'), num('TLS.time'), num('TLS.expire')].some((n) => !Number.isFinite(n))) {
    return { ok: false, reason: 'TLS.sdkappid, TLS.time and TLS.expire must be numbers' };
  }
  const doc: UserSigDoc = {
    'TLS.ver': d['TLS.ver'], 'TLS.identifier': d['TLS.identifier'], 'TLS.sdkappid': num('TLS.sdkappid'),
    'TLS.time': num('TLS.time'), 'TLS.expire': num('TLS.expire'), 'TLS.sig': d['TLS.sig'],
  };
  if (typeof d['TLS.userbuf'] === 'string') doc['TLS.userbuf'] = d['TLS.userbuf'];
  return { ok: true, doc };
}

/** When the UserSig stops being valid (seconds since epoch): TLS.time + TLS.expire. */
export function expiresAt(doc: UserSigDoc): number {
  return doc['TLS.time'] + doc['TLS.expire'];
}

export type VerifyFailure = 'malformed' | 'sdkappid-mismatch' | 'identifier-mismatch' | 'expired' | 'signature-mismatch';

export type VerifyResult =
  | { ok: true; doc: UserSigDoc; expiresAt: number }
  | { ok: false; failure: VerifyFailure; reason: string; doc: UserSigDoc | null };

export interface VerifyOptions {
  sdkAppId: number;
  secretKey: string;
  identifier: string;
  nowSeconds?: number;
}

/**
 * Checks a UserSig the way Tencent's verifier does (push-apis §1.8 step 7): identifier and SDKAppID match,
 * not expired (now > time + expire), and the HMAC recomputed with the key matches.
 */
export function verifyUserSig(userSig: string, o: VerifyOptions): VerifyResult {
  const decoded = decodeUserSig(userSig);
  if (!decoded.ok) return { ok: false, failure: 'malformed', reason: decoded.reason, doc: null };
  const doc = decoded.doc;
  if (doc['TLS.sdkappid'] !== o.sdkAppId) {
    return { ok: false, failure: 'sdkappid-mismatch', reason: `the UserSig was issued for SDKAppID ${doc['TLS.sdkappid']}, not ${o.sdkAppId}`, doc };
  }
  if (doc['TLS.identifier'] !== o.identifier) {
    return { ok: false, failure: 'identifier-mismatch', reason: `the UserSig was issued for another UserID than "${o.identifier}"`, doc };
  }
  const now = o.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (now > expiresAt(doc)) {
    return { ok: false, failure: 'expired', reason: `the UserSig expired at ${new Date(expiresAt(doc) * 1000).toISOString()}`, doc };
  }
  const expected = Buffer.from(hmacSig(o.secretKey, doc['TLS.identifier'], doc['TLS.sdkappid'], doc['TLS.time'], doc['TLS.expire'], doc['TLS.userbuf']));
  const got = Buffer.from(doc['TLS.sig']);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) {
    return { ok: false, failure: 'signature-mismatch', reason: 'the UserSig signature does not verify with this key (generated with another SDKAppID\'s key?)', doc };
  }
  return { ok: true, doc, expiresAt: expiresAt(doc) };
}
