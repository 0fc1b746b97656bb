import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { resetElectronFake } from '../../test/fakes/electron.js';
import { createCredentialStore } from './credential-store.js';

let dir: string;
beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-creds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A Xiaomi section as `--credentials` takes it (main/push/routes/xiaomi.ts); the values are made up.
const XIAOMI = JSON.stringify({ appSecret: 'S3cr3tValue-do-not-leak', packageName: 'com.example.im', region: 'global' });
const xiaomiSecret = async (): Promise<string> => XIAOMI;

describe('credential store', () => {
  it('encrypts with the OS key store; the page sees only statuses and the file holds no plain text', async () => {
    const file = path.join(dir, 'credentials.json');
    const store = createCredentialStore({ file, safeStorage: electron.safeStorage, platform: 'linux' });
    expect(store.sessionOnlyReason()).toBeNull();
    const statuses = await store.setCredential({ route: 'xiaomi', secret: await xiaomiSecret() });
    expect(statuses.find((s) => s.route === 'xiaomi')).toEqual({ route: 'xiaomi', set: true, storage: 'encrypted' });
    expect(statuses.find((s) => s.route === 'fcm')).toEqual({ route: 'fcm', set: false, storage: 'none' });
    expect(JSON.stringify(statuses)).not.toContain('S3cr3t');
    expect(await readFile(file, 'utf8')).not.toContain('S3cr3t');
    // A new store (the next start) still has it, and main can read it back for the push route.
    const again = createCredentialStore({ file, safeStorage: electron.safeStorage, platform: 'linux' });
    expect((await again.listCredentials()).find((s) => s.route === 'xiaomi')?.storage).toBe('encrypted');
    expect(JSON.stringify(await again.secretFor('xiaomi'))).toContain('S3cr3t');
    expect((await again.clearCredential('xiaomi')).find((s) => s.route === 'xiaomi')).toEqual({ route: 'xiaomi', set: false, storage: 'none' });
  });

  it('keeps credentials for the session only when Linux has no secret service (basic_text), and says so', async () => {
    electron.safeStorage.backend = 'basic_text';
    const file = path.join(dir, 'credentials.json');
    const store = createCredentialStore({ file, safeStorage: electron.safeStorage, platform: 'linux' });
    expect(store.sessionOnlyReason()).toContain('session only');
    const statuses = await store.setCredential({ route: 'xiaomi', secret: await xiaomiSecret() });
    expect(statuses.find((s) => s.route === 'xiaomi')?.storage).toBe('session');
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    expect((await createCredentialStore({ file, safeStorage: electron.safeStorage, platform: 'linux' }).listCredentials())
      .find((s) => s.route === 'xiaomi')?.set).toBe(false);
  });

  it('keeps them for the session when encryption is unavailable', async () => {
    electron.safeStorage.available = false;
    const store = createCredentialStore({ file: path.join(dir, 'c.json'), safeStorage: electron.safeStorage, platform: 'darwin' });
    expect((await store.setCredential({ route: 'xiaomi', secret: await xiaomiSecret() })).find((s) => s.route === 'xiaomi')?.storage).toBe('session');
  });

  it('refuses bad JSON and incomplete credentials without quoting what was pasted', async () => {
    const store = createCredentialStore({ file: path.join(dir, 'c.json'), safeStorage: electron.safeStorage, platform: 'linux' });
    await expect(store.setCredential({ route: 'xiaomi', secret: '{"appSecret": "S3cr3t' })).rejects.toThrow(/not valid JSON/);
    const incomplete = store.setCredential({ route: 'xiaomi', secret: JSON.stringify({ unrelated: 'S3cr3tValue' }) });
    await expect(incomplete).rejects.toThrow(/incomplete/);
    await expect(incomplete).rejects.not.toThrow(/S3cr3t/);
    await expect(store.setCredential({ route: 'pager', secret: '{}' })).rejects.toThrow(/no push route/);
  });
});
