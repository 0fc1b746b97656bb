import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ArgsOf, EventChannel, EventChannels, InvokeChannel, PushDoctorApi, Result, ResultOf } from '../common/ipc/contract.js';

/**
 * The bridge the sandboxed page gets as `window.pushDoctor`: one named method per channel. The page
 * never sees ipcRenderer or the IPC event (whose `sender` would let it reach any channel).
 */

async function invoke<C extends InvokeChannel>(channel: C, ...args: ArgsOf<C> extends void ? [] : [ArgsOf<C>]): Promise<Result<ResultOf<C>>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<ResultOf<C>>;
  } catch (error) {
    // Main rejects only when a channel has no handler or refuses the caller: neither is the user's doing.
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventChannels[C]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: PushDoctorApi = {
  appInfo: () => invoke('app:info'),
  listDevices: () => invoke('device:list'),
  runAudit: (request) => invoke('audit:run', request),
  getSettings: () => invoke('settings:get'),
  setSettings: (patch) => invoke('settings:set', patch),
  openExternal: (url) => invoke('shell:open-external', url),
  onDeviceEvent: (listener) => subscribe('device:event', listener),
  onAuditProgress: (listener) => subscribe('audit:progress', listener),
};

contextBridge.exposeInMainWorld('pushDoctor', api);
