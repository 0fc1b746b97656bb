import { describe, expect, it } from 'vitest';
import {
  checkPageRequest, checkUpgrade, cookieValue, generateToken, hostAllowed, isLoopbackHost, tokenCookie, tokenMatches, TOKEN_COOKIE,
  type AccessPolicy,
} from './access.js';

const TOKEN = 'c2VjcmV0LXRva2VuLWZvci10ZXN0cw';
const loopback: AccessPolicy = { port: 8717, token: null, loopbackOnly: true };
const lan: AccessPolicy = { port: 8717, token: TOKEN, loopbackOnly: false };

describe('lab server access', () => {
  it('knows loopback addresses and names', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', 'LOCALHOST', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'localhost.evil.example', '127.0.0.1.nip.io']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.slice(1), TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
    expect(tokenMatches(null, TOKEN)).toBe(false);
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('reads the token cookie among others and survives malformed headers', () => {
    expect(cookieValue(`a=1; ${TOKEN_COOKIE}=${TOKEN}; b=2`, TOKEN_COOKIE)).toBe(TOKEN);
    expect(cookieValue('a=1; b', TOKEN_COOKIE)).toBeNull();
    expect(cookieValue(`${TOKEN_COOKIE}=%E0%A4%A`, TOKEN_COOKIE)).toBeNull();
    expect(cookieValue(undefined, TOKEN_COOKIE)).toBeNull();
    expect(tokenCookie(TOKEN)).toBe(`${TOKEN_COOKIE}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('on a loopback bind accepts only loopback Host names on its port (no DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:8717', loopback)).toBe(true);
    expect(hostAllowed('localhost:8717', loopback)).toBe(true);
    expect(hostAllowed('[::1]:8717', loopback)).toBe(true);
    expect(hostAllowed('rebind.evil.example:8717', loopback)).toBe(false);
    expect(hostAllowed('127.0.0.1:8718', loopback)).toBe(false);
    expect(hostAllowed('127.0.0.1', loopback)).toBe(false);
    expect(hostAllowed(undefined, loopback)).toBe(false);
    expect(hostAllowed('127.0.0.1:8717/x', loopback)).toBe(false);
    expect(checkPageRequest({ host: '127.0.0.1:8717', cookie: undefined, queryToken: null }, loopback)).toEqual({ allowed: true, setCookie: null });
    expect(checkPageRequest({ host: 'rebind.evil.example:8717', cookie: undefined, queryToken: null }, loopback)).toMatchObject({ allowed: false, status: 400 });
  });

  it('on any other bind asks every page request for the token, from the cookie or the first load\'s query', () => {
    const host = '192.168.1.20:8717';
    expect(checkPageRequest({ host, cookie: undefined, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 401 });
    expect(checkPageRequest({ host, cookie: `${TOKEN_COOKIE}=wrong`, queryToken: 'wrong' }, lan)).toMatchObject({ allowed: false, status: 401 });
    expect(checkPageRequest({ host, cookie: `${TOKEN_COOKIE}=${TOKEN}`, queryToken: null }, lan)).toEqual({ allowed: true, setCookie: null });
    expect(checkPageRequest({ host, cookie: undefined, queryToken: TOKEN }, lan)).toEqual({ allowed: true, setCookie: tokenCookie(TOKEN) });
  });

  it('lets the WebSocket upgrade in only from the origin served under its Host, with the token', () => {
    const host = '192.168.1.20:8717';
    const cookie = `${TOKEN_COOKIE}=${TOKEN}`;
    expect(checkUpgrade({ host, origin: `http://${host}`, cookie, queryToken: null }, lan)).toEqual({ allowed: true, setCookie: null });
    expect(checkUpgrade({ host, origin: 'http://evil.example', cookie, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ host, origin: undefined, cookie, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ host, origin: `https://${host}`, cookie, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 403 });
    expect(checkUpgrade({ host, origin: `http://${host}`, cookie: undefined, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 401 });
    expect(checkUpgrade({ host, origin: `http://${host}`, cookie: `${TOKEN_COOKIE}=nope`, queryToken: null }, lan)).toMatchObject({ allowed: false, status: 401 });
    expect(checkUpgrade({ host: '127.0.0.1:8717', origin: 'http://127.0.0.1:8717', cookie: undefined, queryToken: null }, loopback)).toEqual({ allowed: true, setCookie: null });
    expect(checkUpgrade({ host: '127.0.0.1:8717', origin: 'http://localhost:8717', cookie: undefined, queryToken: null }, loopback)).toMatchObject({ allowed: false, status: 403 });
  });
});
