import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import type { DeviceEvent } from '../adb/device-port.js';
import { DevicePortError } from '../adb/device-port.js';
import { resetElectronFake } from '../../test/fakes/electron.js';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { startWorkstation, type ElectronParts, type LabServices, type WorkstationOptions } from './workstation.js';

let userData: string;

beforeEach(async () => {
  resetElectronFake();
  userData = await mkdtemp(path.join(os.tmpdir(), 'pd-ws-'));
  electron.app.userDataDir = userData;
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

function parts(): ElectronParts {
  return {
    app: electron.app as unknown as ElectronParts['app'],
    ipcMain: electron.ipcMain as unknown as ElectronParts['ipcMain'],
    protocol: electron.protocol as unknown as ElectronParts['protocol'],
    session: electron.session.defaultSession as unknown as ElectronParts['session'],
    shell: electron.shell as unknown as ElectronParts['shell'],
    dialog: electron.dialog as unknown as ElectronParts['dialog'],
    safeStorage: electron.safeStorage as unknown as ElectronParts['safeStorage'],
    createWindow: (options) => new electron.BrowserWindow(options as Record<string, unknown>) as unknown as ReturnType<ElectronParts['createWindow']>,
    allWindows: () => electron.BrowserWindow.getAllWindows() as unknown as ReturnType<ElectronParts['allWindows']>,
  };
}

const options = (over: Partial<WorkstationOptions> = {}): WorkstationOptions => ({
  outMainDir: '/opt/push-doctor/out/main',
  devServerUrl: undefined,
  env: { PATH: '' },
  platform: 'linux',
  arch: 'x64',
  versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' },
  lab: null,
  ...over,
});

describe('startWorkstation', () => {
  it('opens one sandboxed window on app://bundle with the CommonJS preload beside main', async () => {
    await startWorkstation(parts(), options());
    const [window] = electron.BrowserWindow.getAllWindows();
    expect(window?.loadedUrl).toBe('app://bundle/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join('/opt/push-doctor/out/preload/index.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false,
    });
  });

  it('serves the renderer folder over app:// with the CSP and denies permissions', async () => {
    await startWorkstation(parts(), options());
    const handler = electron.protocol.handlers.get('app');
    const res = await handler!(new Request('app://bundle/missing.js'));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(electron.session.defaultSession.permissionCheckHandler?.(null, 'media', 'app://bundle', {})).toBe(false);
  });

  it('answers app:info with versions and where adb is, and settings from userData', async () => {
    await startWorkstation(parts(), options());
    const info = await electron.ipcMain.invoke('app:info', [], { url: 'app://bundle/index.html' });
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Push Doctor', version: '0.1.0', platform: 'linux', adb: { found: false, source: null } },
    });
    expect((info as { value: { adb: { message: string } } }).value.adb.message).toContain('sudo apt-get install adb');
    // A path reaches Settings only through main's chooser (the page cannot name one), checked as adb.
    const adb = path.join(userData, 'adb');
    await writeFile(adb, '#!/bin/sh\necho "Android Debug Bridge version 1.0.41"\n', { mode: 0o755 });
    electron.dialog.nextOpen = { canceled: false, filePaths: [adb] };
    await electron.ipcMain.invoke('settings:choose-adb', [], { url: 'app://bundle/index.html' });
    expect(await electron.ipcMain.invoke('settings:get', [], { url: 'app://bundle/index.html' })).toEqual({ ok: true, value: { adbPath: adb, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} } });
    expect(await electron.ipcMain.invoke('app:info', [], { url: 'app://bundle/index.html' })).toMatchObject({ value: { adb: { found: true, path: adb, source: 'settings' } } });
  });

  it('tells the composition root of each saved settings change, and keeps credentials out of the page', async () => {
    const changed = vi.fn();
    await startWorkstation(parts(), options({ onSettingsChanged: changed }));
    const page = { url: 'app://bundle/index.html' };
    const saved = await electron.ipcMain.invoke('settings:set', [{ adbServers: ['10.1.2.3:5037'], theme: 'dark' }], page);
    expect(saved).toEqual({ ok: true, value: { adbPath: null, adbServers: ['10.1.2.3:5037'], theme: 'dark', locale: 'system', pushBaseUrls: {} } });
    expect(changed).toHaveBeenCalledWith({ adbPath: null, adbServers: ['10.1.2.3:5037'], theme: 'dark', locale: 'system', pushBaseUrls: {} });
    const secret = JSON.stringify({ appSecret: 'S3cr3tValue', packageName: 'com.example.im' });
    const statuses = await electron.ipcMain.invoke('credentials:set', [{ route: 'xiaomi', secret }], page);
    expect(statuses).toMatchObject({ ok: true, value: expect.arrayContaining([{ route: 'xiaomi', set: true, storage: 'encrypted' }]) });
    expect(JSON.stringify(statuses)).not.toContain('S3cr3t');
    // No lab: there is nothing to export, and the page is told so before any dialog opens.
    expect(await electron.ipcMain.invoke('report:export', [{ format: 'json', refs: [{ server: '127.0.0.1:5037', serial: 'x' }] }], page))
      .toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(electron.dialog.saved).toEqual([]);
  });

  it('leaves the phone channels unregistered until a lab is given', async () => {
    await startWorkstation(parts(), options());
    expect(electron.ipcMain.channels()).toEqual([
      'app:info', 'credentials:clear', 'credentials:list', 'credentials:set', 'report:export',
      'settings:choose-adb', 'settings:get', 'settings:set', 'shell:open-external',
    ]);
  });

  it('with a lab, serves device:list and forwards tracker events to every window as plain data', async () => {
    let emit: (event: DeviceEvent) => void = () => undefined;
    const close = vi.fn();
    const lab: LabServices = {
      listDevices: async () => [],
      runAudit: async () => { throw new Error('not called'); },
      listPackages: vi.fn(), planFix: vi.fn(), applyFix: vi.fn(), setAnswer: vi.fn(), checkPush: vi.fn(), sendPush: vi.fn(),
      trackDevices: async (onEvent) => {
        emit = onEvent;
        return { close };
      },
    };
    const ws = await startWorkstation(parts(), options({ lab }));
    expect(await electron.ipcMain.invoke('device:list', [], { url: 'app://bundle/index.html' })).toEqual({ ok: true, value: [] });
    emit({ type: 'server-error', server: '127.0.0.1:5037', error: new DevicePortError('ADB_UNREACHABLE', 'refused', 'Start adb') });
    emit({ type: 'removed', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } });
    const [window] = electron.BrowserWindow.getAllWindows();
    expect(window?.webContents.sent).toEqual([
      { channel: 'device:event', args: [{ type: 'server-error', server: '127.0.0.1:5037', error: { code: 'ADB_UNREACHABLE', message: 'refused', hint: 'Start adb' } }] },
      { channel: 'device:event', args: [{ type: 'removed', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } }] },
    ]);
    ws.stop();
    expect(close).toHaveBeenCalledOnce();
  });

  it('trusts the dev server origin only while unpackaged', async () => {
    await startWorkstation(parts(), options({ devServerUrl: 'http://localhost:5173/' }));
    expect(electron.BrowserWindow.getAllWindows()[0]?.loadedUrl).toBe('http://localhost:5173/');
    expect(await electron.ipcMain.invoke('settings:get', [], { url: 'http://localhost:5173/' })).toMatchObject({ ok: true });

    resetElectronFake();
    electron.app.userDataDir = userData;
    electron.app.isPackaged = true;
    await startWorkstation(parts(), options({ devServerUrl: 'http://localhost:5173/' }));
    expect(electron.BrowserWindow.getAllWindows()[0]?.loadedUrl).toBe('app://bundle/index.html');
    await expect(electron.ipcMain.invoke('settings:get', [], { url: 'http://localhost:5173/' })).rejects.toThrow(/refused/);
  });
});
