import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../common/ipc/client.js';

/**
 * The bridge the sandboxed page gets as `window.pushDoctor`: one method per channel of the contract,
 * generated from its channel maps. The page never sees ipcRenderer or the IPC event (whose `sender`
 * would let it reach any channel), and can name no channel the contract does not declare.
 * Bundled into one CommonJS file (out/preload/index.cjs): a sandboxed preload cannot load modules.
 */
const api = createBridgeApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  subscribe(event, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('pushDoctor', api);
