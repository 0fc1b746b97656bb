import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_DEFINITION, createAppProtocolHandler, resolveAppPath } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'pd-proto-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'not for the page');
  await writeFile(path.join(base, 'renderer-other.txt'), 'sibling with the same prefix');
  // Links inside the served folder: one to a file outside it, one to a folder outside it, one that stays inside.
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'passwd'), 'not for the page either');
  await symlink(path.join(base, 'outside'), path.join(root, 'linked-dir'));
  await symlink(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'alias.js'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is a standard, secure scheme so the page has an origin for CSP', () => {
    expect(APP_SCHEME_DEFINITION).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves index.html for the root with the CSP header', async () => {
    const res = await get('app://bundle/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('id="root"');
  });

  it('serves scripts as JavaScript so nosniff lets them run', async () => {
    const res = await get('app://bundle/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/assets/..%2F..%2Fsecret.txt',
    'app://bundle/..%5Csecret.txt',
    'app://bundle/%2E%2E%2Frenderer-other.txt',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'app://bundle/missing.js',
  ])('answers 404 with the CSP for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toMatch(/not for the page|sibling/);
  });

  it.each(['app://bundle/leak.txt', 'app://bundle/linked-dir/passwd', 'app://bundle/assets'])(
    'does not follow a symlink or name a folder out of the root: %s',
    async (url) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/not for the page/);
    },
  );

  it('serves a symlink that stays inside the root', async () => {
    const res = await get('app://bundle/alias.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('keeps every resolved path inside the root', () => {
    expect(resolveAppPath(root, 'app://bundle/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://bundle/..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
  });
});
