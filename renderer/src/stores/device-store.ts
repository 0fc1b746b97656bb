import { create } from 'zustand';
import { refKey, type DeviceRef } from '../../../common/domain/device.js';
import type { DeviceEventPayload, DeviceListItem, IpcError } from '../../../common/ipc/contract.js';

interface DeviceState {
  devices: DeviceListItem[];
  /** `refKey` of the selected phone: a serial alone may name two phones. */
  selectedKey: string | null;
  /** Why the list could not be read, e.g. ADB_MISSING; null when it could. */
  listError: IpcError | null;
  /** Servers that reported an error while tracking, by "host:port". */
  serverErrors: Record<string, IpcError>;
  setDevices(devices: DeviceListItem[]): void;
  setListError(error: IpcError | null): void;
  applyEvent(event: DeviceEventPayload): void;
  select(key: string | null): void;
}

const sameDevice = (a: DeviceRef, b: DeviceRef): boolean => refKey(a) === refKey(b);

export const useDeviceStore = create<DeviceState>()((set) => ({
  devices: [],
  selectedKey: null,
  listError: null,
  serverErrors: {},
  setDevices: (devices) => set({ devices, listError: null }),
  setListError: (listError) => set({ listError }),
  applyEvent: (event) =>
    set((state) => {
      switch (event.type) {
        case 'added':
        case 'changed': {
          const known = state.devices.find((d) => sameDevice(d, event.device));
          const updated: DeviceListItem = { ...event.device, identity: event.device.identity ?? known?.identity ?? null };
          const devices = known
            ? state.devices.map((d) => (d === known ? updated : d))
            : [...state.devices, updated];
          const { [event.device.server]: _cleared, ...serverErrors } = state.serverErrors;
          return { devices, serverErrors };
        }
        case 'removed':
          return { devices: state.devices.filter((d) => !sameDevice(d, event.ref)) };
        case 'server-error':
          return { serverErrors: { ...state.serverErrors, [event.server]: event.error } };
      }
    }),
  select: (selectedKey) => set({ selectedKey }),
}));

export const useDevices = (): DeviceListItem[] => useDeviceStore((s) => s.devices);
export const useSelectedKey = (): string | null => useDeviceStore((s) => s.selectedKey);
export const useSelectedDevice = (): DeviceListItem | null =>
  useDeviceStore((s) => s.devices.find((d) => refKey(d) === s.selectedKey) ?? null);
export const useDeviceListError = (): IpcError | null => useDeviceStore((s) => s.listError);
export const useServerErrors = (): Record<string, IpcError> => useDeviceStore((s) => s.serverErrors);
