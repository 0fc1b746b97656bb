import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

import { FakeAdbServer } from './adb/fake-adb-server.test-helper.js';

type Fake = typeof import('../test/fakes/electron.js');
let electron: Fake;
let userData: string;
let adbServer: FakeAdbServer;
const savedPort = process.env.ANDROID_ADB_SERVER_PORT;
// The root installs the crash handler on the real process; each test removes what its import added.
const crashEvents = ['uncaughtException', 'unhandledRejection'] as const;
// Through EventEmitter's untyped view: process.listeners() is overloaded per event name.
const emitter = process as unknown as import('node:events').EventEmitter;
let listenersBefore: Map<string, unknown[]>;

// The composition root runs at import; each test loads it afresh against a fresh fake.
beforeEach(async () => {
  vi.resetModules();
  // The root talks to the adb server of ANDROID_ADB_SERVER_PORT: give it an in-process one, never 5037.
  adbServer = await new FakeAdbServer().start();
  adbServer.devices.push({ serial: 'FAKE0001', state: 'unauthorized' });
  process.env.ANDROID_ADB_SERVER_PORT = String(adbServer.port);
  electron = await import('../test/fakes/electron.js');
  userData = await mkdtemp(path.join(os.tmpdir(), 'pd-index-'));
  electron.app.userDataDir = userData;
  listenersBefore = new Map(crashEvents.map((e) => [e, emitter.listeners(e)]));
  await import('./index.js');
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
});

afterEach(async () => {
  for (const event of crashEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!listenersBefore.get(event)?.includes(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  electron.app.emit('before-quit');
  await adbServer.stop();
  if (savedPort === undefined) delete process.env.ANDROID_ADB_SERVER_PORT;
  else process.env.ANDROID_ADB_SERVER_PORT = savedPort;
  await rm(userData, { recursive: true, force: true });
});

it('registers app:// as privileged and turns on the sandbox for every renderer', () => {
  expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
  expect(electron.app.sandboxEnabled).toBe(true);
  expect(electron.protocol.isProtocolHandled('app')).toBe(true);
});

it('guards every web contents the app creates', () => {
  const contents = new electron.FakeWebContents();
  electron.app.emit('web-contents-created', {}, contents);
  const navigate = { preventDefault: vi.fn() };
  contents.emit('will-navigate', navigate, 'https://evil.example/');
  expect(navigate.preventDefault).toHaveBeenCalled();
  expect(contents.windowOpenHandler?.({ url: 'https://developer.honor.com/', frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
  expect(electron.shell.opened).toEqual(['https://developer.honor.com/']);
});

it('opens the page from app://bundle with the CommonJS preload from the build', () => {
  const [window] = electron.BrowserWindow.getAllWindows();
  expect(window?.loadedUrl).toBe('app://bundle/index.html');
  expect(window?.options.webPreferences).toMatchObject({ preload: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'), sandbox: true });
  expect(electron.ipcMain.channels()).toContain('app:info');
});

it('wires the phone channels to the adb server the environment names', async () => {
  expect(electron.ipcMain.channels()).toEqual(expect.arrayContaining(['device:list', 'audit:run']));
  const listed = await electron.ipcMain.invoke('device:list', []);
  expect(listed).toMatchObject({ ok: true, value: [{ serial: 'FAKE0001', state: 'unauthorized' }] });
});

it('installs the crash handler first: on the process, and for crashed pages and helper processes', async () => {
  for (const event of crashEvents) expect(emitter.listeners(event).length).toBe((listenersBefore.get(event)?.length ?? 0) + 1);
  const contents = new electron.FakeWebContents();
  electron.app.emit('render-process-gone', {}, contents, { reason: 'crashed', exitCode: 139 });
  await vi.waitFor(() => expect(contents.reloads).toBe(1));
  expect(electron.dialog.messageBoxes[0]?.message).toBe('The Push Doctor window stopped working');
  // Written to a file in the app's logs folder, which the dialog names.
  const logFile = path.join(userData, 'logs', 'main.log');
  expect(electron.dialog.messageBoxes[0]?.detail).toContain(logFile);
  expect(await readFile(logFile, 'utf8')).toMatch(/ERROR \[crash\] The window's page stopped \(crashed, exit code 139\)\n$/);
});
