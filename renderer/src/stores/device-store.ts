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
  /**
   * Phones that left the list, as last seen but in state "gone", by `refKey`: the view of a phone unplugged
   * mid-audit keeps saying which phone it was and what was read. A phone that comes back leaves this map.
   */
  lost: Record<string, DeviceListItem>;
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
  lost: {},
  setDevices: (devices) => set((state) => {
    const listed = new Set(devices.map(refKey));
    const lost = Object.fromEntries(Object.entries(state.lost).filter(([key]) => !listed.has(key)));
    // A phone that vanished between two listings (no event seen) is lost too.
    for (const d of state.devices) if (!listed.has(refKey(d))) lost[refKey(d)] = { ...d, state: 'gone' };
    return { devices, listError: null, lost };
  }),
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
          const { [refKey(event.device)]: _back, ...lost } = state.lost;
          return { devices, serverErrors, lost };
        }
        case 'removed': {
          const gone = state.devices.find((d) => sameDevice(d, event.ref));
          return {
            devices: state.devices.filter((d) => d !== gone),
            lost: gone ? { ...state.lost, [refKey(gone)]: { ...gone, state: 'gone' } } : state.lost,
          };
        }
        case 'server-error':
          return { serverErrors: { ...state.serverErrors, [event.server]: event.error } };
      }
    }),
  select: (selectedKey) => set({ selectedKey }),
}));

export const useDevices = (): DeviceListItem[] => useDeviceStore((s) => s.devices);
export const useSelectedKey = (): string | null => useDeviceStore((s) => s.selectedKey);
/** The selected phone as listed, or as last seen (state "gone") when it has left the list. */
export const useSelectedDevice = (): DeviceListItem | null =>
  useDeviceStore((s) => s.devices.find((d) => refKey(d) === s.selectedKey) ?? (s.selectedKey ? s.lost[s.selectedKey] ?? null : null));
export const useLostDevices = (): Record<string, DeviceListItem> => useDeviceStore((s) => s.lost);
export const useDeviceListError = (): IpcError | null => useDeviceStore((s) => s.listError);
export const useServerErrors = (): Record<string, IpcError> => useDeviceStore((s) => s.serverErrors);
