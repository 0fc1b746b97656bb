import { describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { FakeWebContents, resetElectronFake } from '../../test/fakes/electron.js';
import { EVENT_METHODS, INVOKE_METHODS, type AuditProgress, type DeviceListItem } from '../../common/ipc/contract.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { emptyDeviceFacts } from '../../common/domain/facts.js';
import { createDispatch, IpcFailure, type Handlers } from './dispatch.js';
import { serveOverElectron, type IpcMainLike } from './electron-transport.js';
import { serveInMemory } from './memory-transport.test-helper.js';
import { allHandlers, type Services } from './register.js';
import { DEFAULT_SETTINGS } from '../app/settings-store.js';

const ORIGIN = 'app://bundle';
const ourPage = { origin: ORIGIN, mainFrame: true };
const progress: AuditProgress = { type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, serial: 'R58M123ABC', probe: 'getprop', ok: true, done: 1, total: 2 };
const report: DeviceReport = { serial: 'R58M123ABC', state: 'device', facts: emptyDeviceFacts(), findings: [], pushTests: [], errors: [] };
const device: DeviceListItem = { serial: 'R58M123ABC', server: '127.0.0.1:5037', state: 'device', model: 'Pixel_7', identity: null };

function services(): Services {
  return {
    appInfo: vi.fn(),
    listDevices: vi.fn(async () => [device]),
    runAudit: vi.fn(async (_request, onProgress: (p: AuditProgress) => void) => {
      onProgress(progress);
      return report;
    }),
    getSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    setSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    chooseAdb: vi.fn(async () => {
      throw new IpcFailure('INVALID_INPUT', '/bin/sh was not saved as adb: it printed nothing.', 'Choose platform-tools/adb.');
    }),
    openExternal: vi.fn(async () => undefined),
    listPackages: vi.fn(), planFix: vi.fn(), applyFix: vi.fn(), setAnswer: vi.fn(), exportReport: vi.fn(),
    listCredentials: vi.fn(), setCredential: vi.fn(), clearCredential: vi.fn(), checkPush: vi.fn(), sendPush: vi.fn(),
  };
}

describe('the dispatch, served over memory (no Electron)', () => {
  it('answers the same handlers as over Electron, and streams progress to the caller only', async () => {
    const svc = services();
    const memory = serveInMemory(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] }));
    const caller = memory.connect(ourPage);
    const bystander = memory.connect(ourPage);
    const seen = { caller: vi.fn(), bystander: vi.fn() };
    caller.api.onAuditProgress(seen.caller);
    bystander.api.onAuditProgress(seen.bystander);

    expect(await caller.api.listDevices()).toEqual({ ok: true, value: [device] });
    expect(await caller.api.runAudit({ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } })).toEqual({ ok: true, value: report });
    expect(seen.caller.mock.calls).toEqual([[progress]]);
    expect(seen.bystander).not.toHaveBeenCalled();
  });

  it('broadcasts an event to every connection', async () => {
    const svc = services();
    const memory = serveInMemory(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] }));
    const a = vi.fn();
    const b = vi.fn();
    memory.connect(ourPage).api.onDeviceEvent(a);
    const second = memory.connect(ourPage);
    second.api.onDeviceEvent(b);
    memory.broadcast('device:event', { type: 'removed', ref: { server: 'Y', serial: 'X' } });
    second.close();
    memory.broadcast('device:event', { type: 'removed', ref: { server: 'Y', serial: 'Z' } });
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('validates payloads the same way: INVALID_INPUT before any handler runs', async () => {
    const svc = services();
    const memory = serveInMemory(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] }));
    const { api } = memory.connect(ourPage);
    expect(await api.runAudit({ ref: { server: '127.0.0.1:5037', serial: 'abc; reboot' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await api.setSettings({ adbPath: '/bin/sh' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(svc.runAudit).not.toHaveBeenCalled();
    expect(svc.setSettings).not.toHaveBeenCalled();
  });

  it("carries a handler's expected failure with its code and hint", async () => {
    const svc = services();
    const { api } = serveInMemory(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] })).connect(ourPage);
    expect(await api.chooseAdb()).toEqual({
      ok: false, error: { code: 'INVALID_INPUT', message: '/bin/sh was not saved as adb: it printed nothing.', hint: 'Choose platform-tools/adb.' },
    });
  });

  it('refuses a caller from another origin or not in the main frame, and a channel nobody declared', async () => {
    const svc = services();
    const dispatch = createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] });
    const emit = vi.fn();
    for (const caller of [{ origin: 'https://evil.example', mainFrame: true }, { origin: ORIGIN, mainFrame: false }, { origin: null, mainFrame: true }]) {
      expect(await dispatch.call('device:list', [], caller, emit)).toEqual({ refused: true, reason: "device:list refused: caller is not the app's main frame" });
    }
    expect(await dispatch.call('shell:exec', ['rm -rf /'], ourPage, emit)).toEqual({ refused: true, reason: 'shell:exec refused: no such channel' });
    expect(await dispatch.call('toString', [], ourPage, emit)).toMatchObject({ refused: true });
    // A declared channel without a handler (no lab given) is refused too, never answered by accident.
    const noLab = createDispatch(allHandlers(svc), { trustedOrigins: [ORIGIN] });
    expect(noLab.channels()).not.toContain('device:list');
    expect(await noLab.call('device:list', [], ourPage, emit)).toMatchObject({ refused: true });
    expect(svc.listDevices).not.toHaveBeenCalled();
  });

  it('gives a connected page exactly one method per declared channel', () => {
    const svc = services();
    const { api } = serveInMemory(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] })).connect(ourPage);
    expect(Object.keys(api).sort()).toEqual([...Object.values(INVOKE_METHODS), ...Object.values(EVENT_METHODS)].sort());
  });

  it('serves one handler table over Electron and memory at once, each emitting to its own caller', async () => {
    resetElectronFake();
    const handlers: Handlers = {
      'audit:run': async (request, ctx) => {
        ctx.emit('audit:progress', { ...progress, ref: request.ref, serial: request.ref.serial });
        return { ...report, serial: request.ref.serial };
      },
    };
    const dispatch = createDispatch(handlers, { trustedOrigins: [ORIGIN] });
    const overElectron = serveOverElectron(dispatch, { ipcMain: electron.ipcMain as unknown as IpcMainLike, receivers: () => [] });
    const overMemory = serveInMemory(dispatch);
    const page = new FakeWebContents(`${ORIGIN}/index.html`);
    const browser = overMemory.connect(ourPage);
    const browserProgress = vi.fn();
    browser.api.onAuditProgress(browserProgress);

    expect(await electron.ipcMain.invoke('audit:run', [{ ref: { server: '127.0.0.1:5037', serial: 'AAA' } }], { sender: page })).toMatchObject({ ok: true, value: { serial: 'AAA' } });
    expect(await browser.api.runAudit({ ref: { server: '127.0.0.1:5037', serial: 'BBB' } })).toMatchObject({ ok: true, value: { serial: 'BBB' } });
    expect(page.sent).toEqual([{ channel: 'audit:progress', args: [{ ...progress, ref: { server: '127.0.0.1:5037', serial: 'AAA' }, serial: 'AAA' }] }]);
    expect(browserProgress.mock.calls).toEqual([[{ ...progress, ref: { server: '127.0.0.1:5037', serial: 'BBB' }, serial: 'BBB' }]]);
    overElectron.close();
    expect(electron.ipcMain.channels()).toEqual([]);
  });
});
