import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { FakeWebContents, resetElectronFake } from '../../test/fakes/electron.js';
import { createLogger, type LogRecord } from '../log/logger.js';
import { installCrashHandler, type CrashHandlerDeps } from './crash-handler.js';

let records: LogRecord[];
let proc: EventEmitter;
let uninstall: () => void;

beforeEach(async () => {
  resetElectronFake();
  records = [];
  // A stand-in process: emitting on the real one would reach the test runner's own handlers.
  proc = new EventEmitter();
  uninstall = installCrashHandler({
    process: proc as unknown as CrashHandlerDeps['process'],
    app: electron.app as unknown as CrashHandlerDeps['app'],
    dialog: electron.dialog as unknown as CrashHandlerDeps['dialog'],
    log: createLogger('crash', (r) => records.push(r)),
  });
  await electron.app.whenReady();
});

const TOKEN = 'dGhpc2lzYXZlcnlsb25nZmFrZWZjbXRva2VuMTIzNDU2Nzg5MA1234abcd';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('crash handler', () => {
  it('logs an uncaught exception redacted, tells the user in a blocking box, and exits with 1', () => {
    proc.emit('uncaughtException', new TypeError(`pushToken = ${TOKEN} for alice@example.com`), 'uncaughtException');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ level: 'error', scope: 'crash' });
    expect(records[0]?.message).toContain('Uncaught exception');
    expect(records[0]?.message).not.toMatch(new RegExp(`${TOKEN}|alice@example\\.com`));
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    expect(electron.dialog.errorBoxes[0]?.title).toMatch(/unexpected error/);
    expect(electron.dialog.errorBoxes[0]?.content).toContain('TypeError');
    expect(electron.dialog.errorBoxes[0]?.content).not.toMatch(new RegExp(`${TOKEN}|alice@example\\.com`));
    expect(electron.app.exitCode).toBe(1);
  });

  it('logs an unhandled rejection and tells the user without closing; one box at a time', async () => {
    proc.emit('unhandledRejection', new Error('adb went away'), Promise.resolve());
    proc.emit('unhandledRejection', 'second', Promise.resolve());
    await settle();
    expect(records.map((r) => r.message)).toEqual([
      expect.stringContaining('Unhandled promise rejection — Error: adb went away'),
      'Unhandled promise rejection — second',
    ]);
    expect(electron.dialog.messageBoxes).toHaveLength(1);
    expect(electron.dialog.messageBoxes[0]).toMatchObject({ type: 'error', detail: expect.stringContaining('Error: adb went away') });
    expect(electron.app.exitCode).toBeNull();
    proc.emit('unhandledRejection', 'third', Promise.resolve());
    expect(electron.dialog.messageBoxes).toHaveLength(2);
  });

  it('uses the error box before the app is ready, the only dialog Electron shows then', () => {
    resetElectronFake();
    const early = new EventEmitter();
    installCrashHandler({
      process: early as unknown as CrashHandlerDeps['process'],
      app: electron.app as unknown as CrashHandlerDeps['app'],
      dialog: electron.dialog as unknown as CrashHandlerDeps['dialog'],
      log: createLogger('crash', (r) => records.push(r)),
    });
    early.emit('unhandledRejection', new Error('early'), Promise.resolve());
    expect(electron.dialog.errorBoxes).toEqual([{ title: expect.any(String), content: expect.stringContaining('Error: early') }]);
    expect(electron.dialog.messageBoxes).toEqual([]);
  });

  it('offers to reload a window whose page crashed, and reloads it', async () => {
    const contents = new FakeWebContents();
    electron.dialog.nextResponse = 0;
    electron.app.emit('render-process-gone', { preventDefault: vi.fn() }, contents, { reason: 'crashed', exitCode: 139 });
    await settle();
    expect(records.map((r) => [r.level, r.message])).toEqual([['error', "The window's page stopped (crashed, exit code 139)"]]);
    expect(electron.dialog.messageBoxes[0]).toMatchObject({ message: 'The Push Doctor window stopped working', buttons: ['Reload', 'Quit'] });
    expect(contents.reloads).toBe(1);
    expect(electron.app.quitCalled).toBe(false);
  });

  it('quits when the user chooses Quit after a page crash', async () => {
    electron.dialog.nextResponse = 1;
    electron.app.emit('render-process-gone', {}, new FakeWebContents(), { reason: 'oom', exitCode: -1 });
    await settle();
    expect(electron.app.quitCalled).toBe(true);
  });

  it('logs a helper process that died and tells the user; a clean exit or one while quitting only goes to the log', async () => {
    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 11 });
    await settle();
    expect(electron.dialog.messageBoxes).toHaveLength(1);
    expect(electron.dialog.messageBoxes[0]?.message).toBe('A part of Push Doctor stopped (GPU)');
    electron.app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0, name: 'Network Service' });
    electron.app.emit('before-quit');
    electron.app.emit('render-process-gone', {}, new FakeWebContents(), { reason: 'killed', exitCode: 9 });
    await settle();
    expect(electron.dialog.messageBoxes).toHaveLength(1);
    expect(records.map((r) => r.level)).toEqual(['error', 'info', 'info']);
    expect(records[1]?.message).toContain('Network Service');
  });

  it('removes every listener it added', () => {
    uninstall();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
    expect(electron.app.listenerCount('render-process-gone') + electron.app.listenerCount('child-process-gone')).toBe(0);
  });
});
