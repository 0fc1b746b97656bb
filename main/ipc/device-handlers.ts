import type { DeviceEvent } from '../adb/device-port.js';
import type { DeviceEventPayload, DeviceListItem } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface DeviceServices {
  listDevices(): Promise<DeviceListItem[]>;
}

export function deviceHandlers(services: DeviceServices): Handlers {
  return { 'device:list': () => services.listDevices() };
}

/** A tracker event as it can cross IPC: the error class becomes plain data. */
export function toDeviceEventPayload(event: DeviceEvent): DeviceEventPayload {
  if (event.type !== 'server-error') return event;
  const { code, message, hint } = event.error;
  return { type: 'server-error', server: event.server, error: hint ? { code, message, hint } : { code, message } };
}
