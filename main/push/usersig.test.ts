import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeUserSig, expiresAt, generateUserSig, hmacSig, verifyUserSig } from './usersig.js';

// Tencent's package, pinned as a devDependency, is the golden reference (push-apis §1.8; libraries.md).
const require = createRequire(import.meta.url);
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkappid: number, key: string) => { genUserSig(userid: string, expire: number): string } };

// The test vector from push-apis §1.8 (Tencent's own test inputs with a fixed time).
const SDKAPPID = 1400000000;
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const T = 1700000000;

afterEach(() => vi.useRealTimers());

describe('UserSig', () => {
  it('computes the documented HMAC for the push-apis test vectors', () => {
    expect(hmacSig(KEY, 'xiaojun', SDKAPPID, T, 15552000)).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
    expect(hmacSig(KEY, 'administrator', SDKAPPID, T, 86400)).toBe('yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=');
  });

  it.each([
    ['xiaojun', 15552000],
    ['administrator', 86400],
    ['user_with-dash_09', 1],
    ['测试', 3600],
  ])('is byte-identical to tls-sig-api-v2 for %s / %i s', (user, expire) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(T * 1000 + 456));
    const theirs = new Api(SDKAPPID, KEY).genUserSig(user, expire);
    const ours = generateUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, identifier: user, expireSeconds: expire });
    expect(ours).toBe(theirs);
    expect(ours).not.toMatch(/[+/=]/);
  });

  it('decodes to the documented JSON and computes the expiry', () => {
    const sig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, identifier: 'xiaojun', expireSeconds: 15552000, nowSeconds: T });
    const d = decodeUserSig(sig);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(JSON.stringify(d.doc)).toBe('{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}');
    expect(expiresAt(d.doc)).toBe(T + 15552000);
  });

  it('decodes the UserSig produced by python zlib in push-apis (another deflate stream, same JSON)', () => {
    const py = 'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi0DipqamRnDR4sx0oMk*ZY7mKfqe5ebpwcV5xdllYVVOLgH*zs4uSaV*zuUm7h7lIc4GSZkF2k4mtkq1AKIXMfI_';
    const v = verifyUserSig(py, { sdkAppId: SDKAPPID, secretKey: KEY, identifier: 'xiaojun', nowSeconds: T + 10 });
    expect(v.ok).toBe(true);
  });

  it('verifies, and names each way a UserSig can be wrong', () => {
    const sig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, identifier: 'administrator', expireSeconds: 86400, nowSeconds: T });
    const base = { sdkAppId: SDKAPPID, secretKey: KEY, identifier: 'administrator', nowSeconds: T + 100 };
    expect(verifyUserSig(sig, base)).toMatchObject({ ok: true, expiresAt: T + 86400 });
    expect(verifyUserSig(sig, { ...base, nowSeconds: T + 86400 })).toMatchObject({ ok: true });
    expect(verifyUserSig(sig, { ...base, nowSeconds: T + 86401 })).toMatchObject({ ok: false, failure: 'expired' });
    expect(verifyUserSig(sig, { ...base, sdkAppId: 1400000001 })).toMatchObject({ ok: false, failure: 'sdkappid-mismatch' });
    expect(verifyUserSig(sig, { ...base, identifier: 'admin2' })).toMatchObject({ ok: false, failure: 'identifier-mismatch' });
    expect(verifyUserSig(sig, { ...base, secretKey: `${KEY.slice(0, -1)}f` })).toMatchObject({ ok: false, failure: 'signature-mismatch' });
    expect(verifyUserSig(sig.slice(0, 20), base)).toMatchObject({ ok: false, failure: 'malformed' });
    expect(verifyUserSig('', base)).toMatchObject({ ok: false, failure: 'malformed' });
  });

  it('never throws on garbage, and says why it cannot decode', () => {
    for (const junk of ['!!!!', 'eJyr', 'aGVsbG8_', generateUserSig({ sdkAppId: 1, secretKey: '2', identifier: '3', expireSeconds: 4 }).slice(0, -8)]) {
      const d = decodeUserSig(junk);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.reason.length).toBeGreaterThan(5);
    }
  });
});
