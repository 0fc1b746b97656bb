import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createSettingsStore } from './settings-store.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-settings-'));
  file = path.join(dir, 'nested', 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts from the defaults when there is no file', async () => {
    expect(await createSettingsStore(file).getSettings()).toEqual({ adbPath: null });
  });

  it('keeps what was saved across instances, as JSON on disk', async () => {
    await createSettingsStore(file).setSettings({ adbPath: '/opt/android/platform-tools/adb' });
    expect(await createSettingsStore(file).getSettings()).toEqual({ adbPath: '/opt/android/platform-tools/adb' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ adbPath: '/opt/android/platform-tools/adb' });
  });

  it('accepts a Windows path and clearing with null', async () => {
    const store = createSettingsStore(file);
    expect(await store.setSettings({ adbPath: 'C:\\platform-tools\\adb.exe' })).toEqual({ adbPath: 'C:\\platform-tools\\adb.exe' });
    expect(await store.setSettings({ adbPath: null })).toEqual({ adbPath: null });
  });

  it('refuses a relative path or unknown keys and leaves the file as it was', async () => {
    const store = createSettingsStore(file);
    await store.setSettings({ adbPath: '/usr/bin/adb' });
    await expect(store.setSettings({ adbPath: 'adb' })).rejects.toBeInstanceOf(ZodError);
    await expect(store.setSettings({ adbPath: '/usr/bin/adb\0' })).rejects.toBeInstanceOf(ZodError);
    await expect(store.setSettings({ theme: 'dark' } as never)).rejects.toBeInstanceOf(ZodError);
    expect(await store.getSettings()).toEqual({ adbPath: '/usr/bin/adb' });
  });

  it('falls back to the defaults on a corrupt or hand-edited file', async () => {
    const store = createSettingsStore(path.join(dir, 'settings.json'));
    await writeFile(path.join(dir, 'settings.json'), '{"adbPath": ');
    expect(await store.getSettings()).toEqual({ adbPath: null });
    await writeFile(path.join(dir, 'settings.json'), '{"adbPath": 42}');
    expect(await store.getSettings()).toEqual({ adbPath: null });
  });

  it('applies quick successive saves in order', async () => {
    const store = createSettingsStore(file);
    await Promise.all([store.setSettings({ adbPath: '/a/adb' }), store.setSettings({ adbPath: '/b/adb' })]);
    expect(await store.getSettings()).toEqual({ adbPath: '/b/adb' });
  });
});
