import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createSettingsStore, DEFAULT_SETTINGS } from './settings-store.js';

const withDefaults = (over: object): object => ({ ...DEFAULT_SETTINGS, ...over });

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
    expect(await createSettingsStore(file).getSettings()).toEqual(withDefaults({ adbPath: null }));
  });

  it('keeps what was saved across instances, as JSON on disk', async () => {
    await createSettingsStore(file).setSettings({ adbPath: '/opt/android/platform-tools/adb' });
    expect(await createSettingsStore(file).getSettings()).toEqual(withDefaults({ adbPath: '/opt/android/platform-tools/adb' }));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(withDefaults({ adbPath: '/opt/android/platform-tools/adb' }));
  });

  it('accepts a Windows path and clearing with null', async () => {
    const store = createSettingsStore(file);
    expect(await store.setSettings({ adbPath: 'C:\\platform-tools\\adb.exe' })).toEqual(withDefaults({ adbPath: 'C:\\platform-tools\\adb.exe' }));
    expect(await store.setSettings({ adbPath: null })).toEqual(withDefaults({ adbPath: null }));
  });

  it('refuses a relative path or unknown keys and leaves the file as it was', async () => {
    const store = createSettingsStore(file);
    await store.setSettings({ adbPath: '/usr/bin/adb' });
    await expect(store.setSettings({ adbPath: 'adb' })).rejects.toBeInstanceOf(ZodError);
    await expect(store.setSettings({ adbPath: '/usr/bin/adb\0' })).rejects.toBeInstanceOf(ZodError);
    await expect(store.setSettings({ colour: 'dark' } as never)).rejects.toBeInstanceOf(ZodError);
    await expect(store.setSettings({ adbServers: ['http://evil/'] })).rejects.toBeInstanceOf(ZodError);
    expect(await store.getSettings()).toEqual(withDefaults({ adbPath: '/usr/bin/adb' }));
  });

  it('falls back to the defaults on a corrupt or hand-edited file', async () => {
    const store = createSettingsStore(path.join(dir, 'settings.json'));
    await writeFile(path.join(dir, 'settings.json'), '{"adbPath": ');
    expect(await store.getSettings()).toEqual(withDefaults({ adbPath: null }));
    await writeFile(path.join(dir, 'settings.json'), '{"adbPath": 42}');
    expect(await store.getSettings()).toEqual(withDefaults({ adbPath: null }));
  });

  it('keeps adb servers (unique, in order), theme and locale, and each field on its own when the file is hand-edited', async () => {
    const store = createSettingsStore(file);
    expect(await store.setSettings({ adbServers: ['10.0.0.2:5037', '[::1]:5038', '10.0.0.2:5037'], theme: 'dark', locale: 'zh-CN' }))
      .toEqual({ adbPath: null, adbServers: ['10.0.0.2:5037', '[::1]:5038'], theme: 'dark', locale: 'zh-CN', pushBaseUrls: {} });
    await writeFile(file, JSON.stringify({ adbPath: null, adbServers: ['10.0.0.2:5037'], theme: 'purple', locale: 'fr' }));
    expect(await store.getSettings()).toEqual({ adbPath: null, adbServers: ['10.0.0.2:5037'], theme: 'system', locale: 'system', pushBaseUrls: {} });
  });

  it('applies quick successive saves in order', async () => {
    const store = createSettingsStore(file);
    await Promise.all([store.setSettings({ adbPath: '/a/adb' }), store.setSettings({ adbPath: '/b/adb' })]);
    expect(await store.getSettings()).toEqual(withDefaults({ adbPath: '/b/adb' }));
  });
});
