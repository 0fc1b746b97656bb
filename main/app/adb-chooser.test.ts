import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { resetElectronFake } from '../../test/fakes/electron.js';
import { IpcFailure } from '../ipc/dispatch.js';
import { createAdbChooser, type AdbChooserDeps } from './adb-chooser.js';
import { createSettingsStore, type SettingsStore } from './settings-store.js';

let dir: string;
let settings: SettingsStore;
const dialog = () => electron.dialog as unknown as AdbChooserDeps['dialog'];

beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-chooser-'));
  settings = createSettingsStore(path.join(dir, 'settings.json'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('adb chooser', () => {
  it('opens one file chooser, checks the pick, and stores it', async () => {
    const adb = path.join(dir, 'adb');
    await writeFile(adb, '#!/bin/sh\necho "Android Debug Bridge version 1.0.41"\n', { mode: 0o755 });
    electron.dialog.nextOpen = { canceled: false, filePaths: [adb] };
    const choice = await createAdbChooser({ dialog: dialog(), settings, platform: 'linux' })();
    expect(choice).toEqual({ chosen: true, settings: { adbPath: adb, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} }, version: 'Android Debug Bridge version 1.0.41' });
    expect(electron.dialog.opened[0]?.options).toMatchObject({ properties: ['openFile', 'dontAddToRecent'] });
    expect(electron.dialog.opened[0]?.options).not.toHaveProperty('filters');
  });

  it('offers only .exe files on Windows', async () => {
    await createAdbChooser({ dialog: dialog(), settings, platform: 'win32' })();
    expect(electron.dialog.opened[0]?.options).toMatchObject({ filters: [{ name: 'adb.exe', extensions: ['exe'] }] });
  });

  it('refuses a pick that is not adb with the reason, and keeps the settings', async () => {
    await settings.setSettings({ adbPath: '/usr/bin/adb', adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} });
    electron.dialog.nextOpen = { canceled: false, filePaths: ['/bin/sh'] };
    const check = vi.fn(async () => ({ ok: false as const, reason: 'it printed nothing for `version`' }));
    const error = await createAdbChooser({ dialog: dialog(), settings, platform: 'linux', check })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '/bin/sh was not saved as adb: it printed nothing for `version`.' });
    expect(check).toHaveBeenCalledWith('/bin/sh');
    expect(await settings.getSettings()).toEqual({ adbPath: '/usr/bin/adb', adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} });
  });

  it('opens one chooser for two quick clicks', async () => {
    const choose = createAdbChooser({ dialog: dialog(), settings, platform: 'linux' });
    const [a, b] = await Promise.all([choose(), choose()]);
    expect(a).toEqual({ chosen: false });
    expect(b).toBe(a);
    expect(electron.dialog.opened).toHaveLength(1);
    await choose();
    expect(electron.dialog.opened).toHaveLength(2);
  });
});
