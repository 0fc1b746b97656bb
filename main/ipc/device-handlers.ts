import type { DeviceEvent } from '../adb/device-port.js';
import type { DeviceRef } from '../../common/domain/device.js';
import type { DeviceEventPayload, DeviceListItem } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface DeviceServices {
  listDevices(): Promise<DeviceListItem[]>;
  /** The phone's third-party packages (`pm list packages -3`), sorted, for picking the app under test. */
  listPackages(ref: DeviceRef): Promise<string[]>;
}

export function deviceHandlers(services: DeviceServices): Handlers {
  return {
    'device:list': () => services.listDevices(),
    'device:packages': ({ ref }) => services.listPackages(ref),
  };
}

/** A tracker event as it can cross IPC: the error class becomes plain data. */
export function toDeviceEventPayload(event: DeviceEvent): DeviceEventPayload {
  if (event.type !== 'server-error') return event;
  const { code, message, hint } = event.error;
  return { type: 'server-error', server: event.server, error: hint ? { code, message, hint } : { code, message } };
}
