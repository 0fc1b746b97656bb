import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { DevicePortError } from '../adb/device-port.js';
import { createSettingsStore } from '../app/settings-store.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { emptyDeviceFacts } from '../../common/domain/facts.js';
import type { AuditProgress, DeviceListItem } from '../../common/ipc/contract.js';
import { FakeWebContents, resetElectronFake } from '../../test/fakes/electron.js';
import { createAdbChooser } from '../app/adb-chooser.js';
import { createDispatch } from './dispatch.js';
import { serveOverElectron, type IpcMainLike } from './electron-transport.js';
import { allHandlers, type Services } from './register.js';

const APP_PAGE = 'app://bundle/index.html';

const pixel: DeviceListItem = {
  serial: 'R58M123ABC', server: '127.0.0.1:5037', state: 'device', model: 'Pixel_7',
  identity: { manufacturer: 'Google', brand: 'google', model: 'Pixel 7', android: { release: '14', sdk: 34 }, rom: { name: 'Android', version: null } },
};

const report: DeviceReport = { serial: 'R58M123ABC', state: 'device', facts: emptyDeviceFacts(), findings: [], pushTests: [], errors: [] };

let dir: string;
let fakeAdb: string;
let services: Services;
let logError: ReturnType<typeof vi.fn<(message: string, error: unknown) => void>>;

beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-ipc-'));
  fakeAdb = path.join(dir, 'adb');
  const settings = createSettingsStore(path.join(dir, 'settings.json'));
  await writeFile(fakeAdb, '#!/bin/sh\necho "Android Debug Bridge version 1.0.41"\necho "Version 35.0.2"\n', { mode: 0o755 });
  services = {
    appInfo: vi.fn(),
    listDevices: vi.fn(async () => [pixel]),
    runAudit: vi.fn(async (_request, onProgress: (p: AuditProgress) => void) => {
      onProgress({ type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, serial: 'R58M123ABC', probe: 'getprop', ok: true, done: 1, total: 2 });
      return report;
    }),
    getSettings: settings.getSettings,
    setSettings: settings.setSettings,
    chooseAdb: createAdbChooser({ dialog: electron.dialog, settings, platform: 'linux' }),
    openExternal: vi.fn(async () => undefined),
    listPackages: vi.fn(), planFix: vi.fn(), applyFix: vi.fn(), setAnswer: vi.fn(), exportReport: vi.fn(),
    listCredentials: vi.fn(), setCredential: vi.fn(), clearCredential: vi.fn(), checkPush: vi.fn(), sendPush: vi.fn(),
  };
  logError = vi.fn<(message: string, error: unknown) => void>();
  const dispatch = createDispatch(allHandlers(services, services), { trustedOrigins: ['app://bundle'], logError });
  serveOverElectron(dispatch, { ipcMain: electron.ipcMain as unknown as IpcMainLike, receivers: () => [] });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Electron transport on the real handlers', () => {
  it('returns the service value for a valid call from our page', async () => {
    await expect(electron.ipcMain.invoke('device:list', [], { url: APP_PAGE })).resolves.toEqual({ ok: true, value: [pixel] });
  });

  it('passes a parsed payload to the service and streams its progress to the calling page only', async () => {
    const sender = new FakeWebContents(APP_PAGE);
    const result = await electron.ipcMain.invoke('audit:run', [{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.tencent.qcloud.tim.tuikit' }], { sender });
    expect(result).toEqual({ ok: true, value: report });
    expect(services.runAudit).toHaveBeenCalledWith({ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.tencent.qcloud.tim.tuikit' }, expect.any(Function));
    expect(sender.sent).toEqual([
      { channel: 'audit:progress', args: [{ type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, serial: 'R58M123ABC', probe: 'getprop', ok: true, done: 1, total: 2 }] },
    ]);
  });

  it('answers INVALID_INPUT for a serial carrying shell syntax, without calling the service', async () => {
    const result = await electron.ipcMain.invoke('audit:run', [{ ref: { server: '127.0.0.1:5037', serial: 'abc; reboot' } }], { url: APP_PAGE });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(services.runAudit).not.toHaveBeenCalled();
  });

  it('answers INVALID_INPUT for a package name that is not one, unknown fields, and extra arguments', async () => {
    for (const args of [[{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.example;id' }], [{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, extra: 1 }], [{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } }, 2], [{ serial: 'R58M123ABC' }]]) {
      expect(await electron.ipcMain.invoke('audit:run', args, { url: APP_PAGE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await electron.ipcMain.invoke('device:list', ['surprise'], { url: APP_PAGE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a call from an iframe inside our page', async () => {
    await expect(electron.ipcMain.invoke('device:list', [], { url: APP_PAGE, subFrame: true })).rejects.toThrow(/refused/);
    expect(services.listDevices).not.toHaveBeenCalled();
  });

  it('refuses a call from a page on another origin, or from a frame already gone', async () => {
    await expect(electron.ipcMain.invoke('device:list', [], { url: 'https://evil.example/' })).rejects.toThrow(/refused/);
    await expect(electron.ipcMain.invoke('device:list', [], { url: 'file:///tmp/index.html' })).rejects.toThrow(/refused/);
    await expect(electron.ipcMain.invoke('device:list', [], { url: 'app://other/index.html' })).rejects.toThrow(/refused/);
    await expect(electron.ipcMain.invoke('device:list', [], { url: APP_PAGE, detached: true })).rejects.toThrow(/refused/);
    expect(services.listDevices).not.toHaveBeenCalled();
  });

  it("carries a DevicePortError's code and hint to the page", async () => {
    vi.mocked(services.listDevices).mockRejectedValueOnce(
      new DevicePortError('ADB_UNREACHABLE', 'No adb server on 127.0.0.1:5037', 'Start it with `adb start-server`.'),
    );
    expect(await electron.ipcMain.invoke('device:list', [], { url: APP_PAGE })).toEqual({
      ok: false, error: { code: 'ADB_UNREACHABLE', message: 'No adb server on 127.0.0.1:5037', hint: 'Start it with `adb start-server`.' },
    });
  });

  it('hides an unexpected error behind INTERNAL and logs it instead', async () => {
    const boom = new TypeError("Cannot read properties of undefined (reading 'serial') at /home/me/secret/path.ts:12");
    vi.mocked(services.listDevices).mockRejectedValueOnce(boom);
    const result = await electron.ipcMain.invoke('device:list', [], { url: APP_PAGE });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|TypeError|\.ts:/);
    expect(logError).toHaveBeenCalledWith('IPC device:list failed', boom);
  });

  it('refuses any adb path the page names, even an absolute one, and stores nothing', async () => {
    for (const adbPath of ['/bin/sh', '/opt/platform-tools/adb', '\\\\host\\share\\adb.exe', 'adb']) {
      expect(await electron.ipcMain.invoke('settings:set', [{ adbPath }], { url: APP_PAGE }))
        .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await electron.ipcMain.invoke('settings:get', [], { url: APP_PAGE })).toEqual({ ok: true, value: { adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} } });
  });

  it('stores the adb the user picks in main\'s chooser once it answers as adb, and clears it on request', async () => {
    electron.dialog.nextOpen = { canceled: false, filePaths: [fakeAdb] };
    expect(await electron.ipcMain.invoke('settings:choose-adb', [], { url: APP_PAGE })).toEqual({
      ok: true, value: { chosen: true, settings: { adbPath: fakeAdb, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} }, version: 'Android Debug Bridge version 1.0.41' },
    });
    expect(electron.dialog.opened).toHaveLength(1);
    expect(electron.dialog.opened[0]?.options).toMatchObject({ properties: expect.arrayContaining(['openFile']) });
    expect(await electron.ipcMain.invoke('settings:get', [], { url: APP_PAGE })).toEqual({ ok: true, value: { adbPath: fakeAdb, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} } });
    expect(await electron.ipcMain.invoke('settings:set', [{ adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} }], { url: APP_PAGE })).toEqual({ ok: true, value: { adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} } });
  });

  it('keeps the settings when the user closes the chooser or picks something that is not adb', async () => {
    electron.dialog.nextOpen = { canceled: true, filePaths: [] };
    expect(await electron.ipcMain.invoke('settings:choose-adb', [], { url: APP_PAGE })).toEqual({ ok: true, value: { chosen: false } });
    electron.dialog.nextOpen = { canceled: false, filePaths: ['/bin/sh'] };
    const refused = await electron.ipcMain.invoke('settings:choose-adb', [], { url: APP_PAGE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('/bin/sh was not saved as adb') } });
    expect(await electron.ipcMain.invoke('settings:get', [], { url: APP_PAGE })).toEqual({ ok: true, value: { adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} } });
  });

  it('opens only allow-listed https links', async () => {
    expect(await electron.ipcMain.invoke('shell:open-external', ['https://dev.mi.com/console/'], { url: APP_PAGE })).toEqual({ ok: true });
    for (const url of ['http://dev.mi.com/console/', 'https://evil.example/', 'file:///etc/passwd', 'https://dev.mi.com.evil.example/console/']) {
      expect(await electron.ipcMain.invoke('shell:open-external', [url], { url: APP_PAGE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(services.openExternal).toHaveBeenCalledTimes(1);
  });
});
