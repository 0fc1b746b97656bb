import { createBridgeApi } from '../common/ipc/client.js';
import type { PushDoctorApi } from '../common/ipc/contract.js';
import { BRIDGE_PATH, createSocketLink } from '../common/ipc/ws-protocol.js';

/**
 * What the preload is to the desktop app, for a browser on the lab server: builds `window.pushDoctor`
 * from the same channel maps (common/ipc/client.ts), over a WebSocket to the origin that served the page.
 * The lab server's index.html loads this module before the app's (module scripts run in document order),
 * so main.tsx finds the bridge exactly as under Electron. Not part of the page the desktop app loads.
 */

function labBridge(): PushDoctorApi {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const api = createBridgeApi(createSocketLink(new WebSocket(`${scheme}//${location.host}${BRIDGE_PATH}`)));
  return {
    ...api,
    // Main checks the link against the allow-list; then this browser, not the lab host, opens it.
    async openExternal(url) {
      const result = await api.openExternal(url);
      if (result.ok) window.open(url, '_blank', 'noopener,noreferrer');
      return result;
    },
  };
}

window.pushDoctor = labBridge();
