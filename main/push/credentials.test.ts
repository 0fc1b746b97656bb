import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSecrets } from '../../test/push-servers/fixtures.js';
import { loadCredentials, permissionWarning } from './credentials.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'push-creds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: unknown, mode = 0o600): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  await chmod(p, mode);
  return p;
}

const SECRET = 'hw-secret-a1b2c3d4e5f6a7b8c9d0';
const KEYFILE = {
  type: 'service_account', project_id: 'p', private_key_id: 'kid123', private_key: '-----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----\n',
  client_email: 'a@p.iam.gserviceaccount.com', client_id: '1', token_uri: 'https://oauth2.googleapis.com/token', universe_domain: 'googleapis.com',
};

describe('credentials file', () => {
  it('reads a route\'s section, applying defaults, with no warning for mode 600', async () => {
    const p = await file('c.json', { huawei: { appId: 104412345, clientSecret: SECRET }, 'tencent-im': { sdkAppId: 1400000000, secretKey: 'k'.repeat(64) } });
    const hw = await loadCredentials(p, 'huawei');
    expect(hw).toEqual({ ok: true, credentials: { appId: '104412345', clientSecret: SECRET }, warnings: [] });
    const im = await loadCredentials(p, 'tencent-im');
    expect(im.ok && im.credentials).toMatchObject({ adminIdentifier: 'administrator', region: 'china', userSigExpireSeconds: 86400 });
  });

  it('warns when group or others can read it', async () => {
    const p = await file('c.json', { huawei: { appId: '1', clientSecret: SECRET } }, 0o644);
    const r = await loadCredentials(p, 'huawei');
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([`credentials file ${p} is readable by other users (mode 644); restrict it with: chmod 600 ${p}`]);
    expect(permissionWarning('f', 0o100640)).toMatch(/mode 640/);
    expect(permissionWarning('f', 0o100600)).toBeNull();
    expect(permissionWarning('f', null)).toBeNull();
  });

  it('takes the Firebase key file itself for fcm, keeping its extra fields', async () => {
    const p = await file('sa.json', KEYFILE);
    const r = await loadCredentials(p, 'fcm');
    expect(r.ok && r.credentials.universe_domain).toBe('googleapis.com');
    const wrong = await loadCredentials(p, 'vivo');
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/service-account key: it serves the fcm route only, not vivo/) });
  });

  it('names the missing field, the wrong-typed field and the missing section', async () => {
    const p = await file('c.json', { vivo: { appId: '1', appKey: 'k' }, oppo: { appKey: 1, masterSecret: 'oppo-master-secret-x' } });
    expect(await loadCredentials(p, 'vivo')).toMatchObject({ ok: false, error: `credentials file ${p}, section "vivo": missing field "appSecret"` });
    const oppo = await loadCredentials(p, 'oppo');
    expect(oppo.ok).toBe(false);
    expect(!oppo.ok && oppo.error).toMatch(/field "appKey": .*expected string/);
    expect(await loadCredentials(p, 'meizu')).toMatchObject({ ok: false, error: `credentials file ${p} has no "meizu" section (it has: vivo, oppo)` });
    const sa = await file('sa.json', { ...KEYFILE, token_uri: undefined, client_email: 3 });
    const r = await loadCredentials(sa, 'fcm');
    expect(!r.ok && r.error).toMatch(/field "client_email".*; missing field "token_uri"/);
  });

  it('never quotes a value from the file in an error', async () => {
    const broken = await file('broken.json', `{"huawei": {"clientSecret": "${SECRET}", oops}}`);
    const a = await loadCredentials(broken, 'huawei');
    expect(a).toMatchObject({ ok: false, error: `credentials file ${broken} is not valid JSON` });
    const typed = await file('typed.json', { 'tencent-im': { sdkAppId: SECRET, secretKey: 42, region: SECRET } });
    const b = await loadCredentials(typed, 'tencent-im');
    expect(b.ok).toBe(false);
    expect(!b.ok && b.error).toMatch(/sdkAppId.*secretKey.*region/);
    expectNoSecrets([a, b], [SECRET]);
    const fcm = await file('sa.json', { ...KEYFILE, type: 'authorized_user' });
    const c = await loadCredentials(fcm, 'fcm');
    expect(!c.ok && c.error).toMatch(/"authorized_user" file, not a service-account key/);
    expectNoSecrets(c, [KEYFILE.private_key, 'MIIsecret']);
  });

  it('says when the file cannot be read', async () => {
    expect(await loadCredentials(join(dir, 'none.json'), 'xiaomi')).toMatchObject({ ok: false, error: expect.stringMatching(/cannot read credentials file .*none\.json \(ENOENT\)/) });
  });
});
