import { describe, expect, it } from 'vitest';
import { explainCode } from './error-table.js';
import { ROUTES } from './routes/index.js';
import { SecretSet } from './secrets.js';
import { ROUTE_IDS } from './types.js';

describe('error tables', () => {
  it.each(ROUTE_IDS.map((id) => [id]))('%s: one table, a success code, and every row says what it means, what to do and where from', (id) => {
    const t = ROUTES[id].errors;
    expect(t.route).toBe(id);
    const rows = Object.entries(t.entries);
    expect(rows.filter(([, e]) => e.success).length).toBeGreaterThanOrEqual(1);
    for (const [code, e] of rows) {
      expect(e.meaning.length, code).toBeGreaterThan(5);
      if (!e.success) expect(e.action.length, code).toBeGreaterThan(3);
      expect(e.source, code).toMatch(/https?:\/\/|push-apis §/);
    }
  });

  it('carries the codes issue 11 names', () => {
    const has = (id: keyof typeof ROUTES, ...codes: string[]) => {
      for (const c of codes) expect(ROUTES[id].errors.entries[c], `${id} ${c}`).toBeDefined();
    };
    has('huawei', '80300007', '80200003', '80200001');
    has('vivo', '10070', '10302');
    has('fcm', 'UNREGISTERED', 'SENDER_ID_MISMATCH', 'QUOTA_EXCEEDED', 'INVALID_ARGUMENT', 'THIRD_PARTY_AUTH_ERROR');
    has('tencent-im', '70001', '20003', '70107');
    has('oppo', '33', '67', '16');
    has('meizu', '1006', '110000');
  });

  it('an unknown code is unknown with the raw code and the server text, never success', () => {
    for (const id of ROUTE_IDS) {
      const e = explainCode(ROUTES[id].errors, 'ZZ-1234', 'quota of the day');
      expect(e).toMatchObject({ code: 'ZZ-1234', known: false, success: false, retryable: false });
      expect(e.meaning).toContain('ZZ-1234');
      expect(e.meaning).toContain('quota of the day');
    }
  });
});

describe('SecretSet', () => {
  it('scrubs plain and URL-encoded secrets, longest first, in nested values', () => {
    const s = new SecretSet();
    s.add('abc', 'secret+value/1=', 'secret+value/1=-longer', undefined, null);
    expect(s.list()).toEqual(['secret+value/1=', 'secret+value/1=-longer']);
    expect(s.scrub('x secret+value/1=-longer y secret%2Bvalue%2F1%3D z')).toBe('x [secret] y [secret] z');
    expect(s.scrubDeep({ a: ['secret+value/1='], b: { c: 1, d: 'ok abc' } })).toEqual({ a: ['[secret]'], b: { c: 1, d: 'ok abc' } });
  });
});

describe('runner', () => {
  it('a route that throws yields unknown (never accepted), keeping the steps and no secret', async () => {
    const { sendTestPush } = await import('./route.js');
    const broken = { ...ROUTES.vivo, run: async () => { throw new Error('boom with vivo-secret-0123456789'); } };
    const r = await sendTestPush(broken, { credentials: { appId: '1', appKey: 'vivo-key-0123', appSecret: 'vivo-secret-0123456789' }, target: 't', message: (await import('../../test/push-servers/fixtures.js')).message(), baseUrl: 'http://127.0.0.1:9' });
    expect(r).toMatchObject({ outcome: 'unknown', explanation: { code: 'internal-error', known: false, success: false } });
    expect(JSON.stringify(r)).not.toContain('vivo-secret-0123456789');
  });
});
