import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

type Fake = typeof import('../test/fakes/electron.js');
let electron: Fake;
let userData: string;

// The composition root runs at import; each test loads it afresh against a fresh fake.
beforeEach(async () => {
  vi.resetModules();
  electron = await import('../test/fakes/electron.js');
  userData = await mkdtemp(path.join(os.tmpdir(), 'pd-index-'));
  electron.app.userDataDir = userData;
  await import('./index.js');
  await vi.waitFor(() => expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1));
});

afterEach(async () => {
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
  expect(contents.windowOpenHandler?.({ url: 'https://dontkillmyapp.com/', frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
  expect(electron.shell.opened).toEqual(['https://dontkillmyapp.com/']);
});

it('opens the page from app://bundle with the CommonJS preload from the build', () => {
  const [window] = electron.BrowserWindow.getAllWindows();
  expect(window?.loadedUrl).toBe('app://bundle/index.html');
  expect(window?.options.webPreferences).toMatchObject({ preload: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'), sandbox: true });
  expect(electron.ipcMain.channels()).toContain('app:info');
});
