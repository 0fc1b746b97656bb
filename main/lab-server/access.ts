import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may use the lab server, as small pure functions the server and its tests share.
 * - On a loopback bind only this machine can connect, but any web page in its browser could still try:
 *   the Host must name the loopback (so a DNS-rebinding page, whose Host is its own name, is refused)
 *   and a token is optional.
 * - On any other bind a token is required, on every page request and on the WebSocket upgrade.
 * - The upgrade's Origin must be the origin the page was served from, so another site open in the
 *   same browser cannot drive the phones even when the browser would send our cookie.
 */

export const TOKEN_COOKIE = 'push_doctor_token';
export const TOKEN_QUERY = 'token';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for an address or name that only reaches this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::ffff:127.0.0.1';
}

/** 32 random bytes as URL-safe text: long enough that guessing is not an attack. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time (over digests, so lengths do not leak either). */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A cookie's value from a Cookie header, or null; malformed pairs are skipped, never thrown on. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const raw = pair.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}

/** `Set-Cookie` for the token: not readable by scripts, never sent from another site, whole origin. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

export interface AccessPolicy {
  /** The port the server listens on, which every accepted Host must name. */
  port: number;
  /** Null when no token is asked (loopback bind without --token). */
  token: string | null;
  /** True when bound to loopback only: then the Host must be a loopback name. */
  loopbackOnly: boolean;
}

/** The `host[:port]` of a Host header, split; null when it is not a plain host and port. */
export function splitHost(header: string | undefined): { host: string; port: number | null } | null {
  if (!header || header.length > 255) return null;
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(header);
  if (!match || !match[1]) return null;
  return { host: match[1], port: match[2] === undefined ? null : Number(match[2]) };
}

/** Whether a request's Host header names this server as the policy allows. */
export function hostAllowed(header: string | undefined, policy: AccessPolicy): boolean {
  const parsed = splitHost(header);
  if (!parsed) return false;
  // Browsers omit the port only for 80; the server never assumes it.
  if ((parsed.port ?? 80) !== policy.port) return false;
  return policy.loopbackOnly ? isLoopbackHost(parsed.host) : true;
}

/** The origin a page served under this Host header has: what its WebSocket's Origin must be. */
export function servedOrigin(hostHeader: string): string {
  return `http://${hostHeader.toLowerCase()}`;
}

export type AccessDecision =
  | { allowed: true; /** Set on a first load that brought the token in the query: the cookie to keep. */ setCookie: string | null }
  | { allowed: false; status: 400 | 401 | 403; reason: string };

export interface RequestFacts {
  host: string | undefined;
  cookie: string | undefined;
  /** The token query parameter, page requests only (the WebSocket takes the cookie). */
  queryToken: string | null;
}

/** Page requests: a Host naming us, then the token from the cookie or the query (first load). */
export function checkPageRequest(request: RequestFacts, policy: AccessPolicy): AccessDecision {
  if (!hostAllowed(request.host, policy)) return { allowed: false, status: 400, reason: 'unexpected Host header' };
  if (policy.token === null) return { allowed: true, setCookie: null };
  if (tokenMatches(cookieValue(request.cookie, TOKEN_COOKIE), policy.token)) return { allowed: true, setCookie: null };
  if (tokenMatches(request.queryToken, policy.token)) return { allowed: true, setCookie: tokenCookie(policy.token) };
  return { allowed: false, status: 401, reason: 'a valid token is required: open the address the server printed' };
}

/** The WebSocket upgrade: Host as for pages, Origin equal to the origin served under that Host, token. */
export function checkUpgrade(request: RequestFacts & { origin: string | undefined }, policy: AccessPolicy): AccessDecision {
  if (!hostAllowed(request.host, policy) || request.host === undefined) return { allowed: false, status: 400, reason: 'unexpected Host header' };
  if (request.origin === undefined || request.origin.toLowerCase() !== servedOrigin(request.host)) {
    return { allowed: false, status: 403, reason: 'the Origin is not the page this server served' };
  }
  if (policy.token !== null) {
    const given = cookieValue(request.cookie, TOKEN_COOKIE) ?? request.queryToken;
    if (!tokenMatches(given, policy.token)) return { allowed: false, status: 401, reason: 'a valid token is required' };
  }
  return { allowed: true, setCookie: null };
}
