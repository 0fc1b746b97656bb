import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushDoctorApi } from '../common/ipc/contract.js';

type Fake = typeof import('../test/fakes/electron.js');
let electron: Fake;

// The preload binds itself at import, so each test loads a fresh copy against a fresh fake.
async function loadPreload(): Promise<PushDoctorApi> {
  await import('./index.js');
  return electron.contextBridge.exposed.get('pushDoctor') as PushDoctorApi;
}

beforeEach(async () => {
  vi.resetModules();
  electron = await import('../test/fakes/electron.js');
});

describe('preload bridge', () => {
  it('exposes only named methods as window.pushDoctor', async () => {
    const api = await loadPreload();
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['pushDoctor']);
    expect(Object.keys(api).sort()).toEqual([
      'appInfo', 'applyFix', 'checkPush', 'chooseAdb', 'clearCredential', 'exportReport', 'getSettings', 'listCredentials', 'listDevices',
      'listPackages', 'onAuditProgress', 'onDeviceEvent', 'onPushProgress', 'openExternal', 'planFix', 'runAudit', 'sendPush', 'setAnswer', 'setCredential', 'setSettings',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes the matching channel with the payload', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invokeImpl = async () => ({ ok: true, value: [] });
    await api.runAudit({ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.example.im' });
    await api.listDevices();
    await api.openExternal('https://developer.honor.com/');
    expect(electron.ipcRenderer.invocations).toEqual([
      { channel: 'audit:run', args: [{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.example.im' }] },
      { channel: 'device:list', args: [] },
      { channel: 'shell:open-external', args: ['https://developer.honor.com/'] },
    ]);
  });

  it('turns a rejected invoke into an INTERNAL result', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invokeImpl = async () => {
      throw new Error("Error invoking remote method 'device:list': Error: No handler registered for 'device:list'");
    };
    expect(await api.listDevices()).toEqual({
      ok: false, error: { code: 'INTERNAL', message: "Error invoking remote method 'device:list': Error: No handler registered for 'device:list'" },
    });
  });

  it('hands listeners the payload without the IPC event, and unsubscribes', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const off = api.onDeviceEvent(listener);
    electron.ipcRenderer.deliver('device:event', { type: 'removed', serial: 'R58M123ABC', server: '127.0.0.1:5037' });
    expect(listener.mock.calls).toEqual([[{ type: 'removed', serial: 'R58M123ABC', server: '127.0.0.1:5037' }]]);
    off();
    electron.ipcRenderer.deliver('device:event', { type: 'removed', serial: 'X', server: 'Y' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(electron.ipcRenderer.listenerCount('device:event')).toBe(0);
  });
});
