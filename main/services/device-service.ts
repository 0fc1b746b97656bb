import { refKey, toRef } from '../../common/domain/device.js';
import type { DeviceEvent, DeviceInfo, DevicePort, DeviceRef, DeviceTracker } from '../adb/device-port.js';
import { DevicePortError } from '../adb/device-port.js';
import { androidVersion, detectRom, marketName, productProp } from '../probes/props/device-props.js';
import { parseGetprop } from '../probes/props/getprop.js';
import type { DeviceIdentity, DeviceListItem } from '../../common/ipc/contract.js';

export type { DeviceIdentity, DeviceListItem };

/** A device event with the identity the UI shows; `added`/`changed` carry it once the phone was read. */
export type DeviceListEvent =
  | { type: 'added' | 'changed'; device: DeviceListItem }
  | { type: 'removed'; ref: DeviceRef }
  | { type: 'server-error'; server: string; error: DevicePortError };

/** What the service needs of the port; `listServers` is optional so any DevicePort will do. */
export type DeviceServicePort = DevicePort & {
  listServers?: () => Promise<{ server: string; devices: DeviceInfo[]; error: DevicePortError | null }[]>;
};

export interface DeviceListing {
  devices: DeviceListItem[];
  /** Servers that could not be reached, each with its fix; empty when all answered. */
  serverErrors: { server: string; error: DevicePortError }[];
  /** Ready phones whose identity could not be read (e.g. no answer within the deadline), each with why. */
  identityErrors: { ref: DeviceRef; error: DevicePortError }[];
}

export interface DeviceService {
  /** Every device of every server, ready ones with their identity. Rejects only when no server answers. */
  list(): Promise<DeviceListing>;
  /** `list()` without the server errors, as the `device:list` IPC handler wants it. */
  listDevices(): Promise<DeviceListItem[]>;
  /** Live events; phones already attached arrive as `added`. Returns the unsubscribe function. */
  subscribe(onEvent: (event: DeviceListEvent) => void): Promise<() => void>;
  /** `subscribe` in the DevicePort shape, so the workstation can take this service for the port's tracker. */
  trackDevices(onEvent: (event: DeviceListEvent) => void): Promise<DeviceTracker>;
  /** The identity of one ready phone (cached until it leaves). */
  identify(device: DeviceRef): Promise<DeviceIdentity>;
  /** Stops the subscriptions; the port belongs to whoever created it. */
  close(): Promise<void>;
}

export interface DeviceServiceOptions {
  identityTimeoutMs?: number;
}

/**
 * Reads the identity from plain `getprop` output (never adb-ts getProp, which turns "Pixel 7" into a
 * Date), with the same product, Android and ROM rules the audit uses, so the sidebar and the report agree.
 */
export function identityFromGetprop(text: string): DeviceIdentity | null {
  const result = parseGetprop(text);
  if (!result.ok) return null;
  const props = result.value.props;
  const manufacturer = productProp(props, 'manufacturer')?.value ?? null;
  const brand = productProp(props, 'brand')?.value ?? null;
  return {
    manufacturer,
    brand,
    model: productProp(props, 'model')?.value ?? null,
    marketName: marketName(props)?.value ?? null,
    android: androidVersion(props)?.version ?? null,
    rom: manufacturer === null && brand === null ? null : detectRom(props, brand, manufacturer).rom,
  };
}


export function createDeviceService(port: DeviceServicePort, options: DeviceServiceOptions = {}): DeviceService {
  const identities = new Map<string, Promise<DeviceIdentity>>();
  const unsubscribers = new Set<() => void>();

  function identify(device: DeviceRef): Promise<DeviceIdentity> {
    const k = refKey(device);
    const cached = identities.get(k);
    if (cached) return cached;
    const reading = port.shell(toRef(device), 'getprop', { timeoutMs: options.identityTimeoutMs ?? 15_000 })
      .then((result) => {
        const identity = identityFromGetprop(result.output);
        if (!identity) throw new DevicePortError('COMMAND_FAILED', `getprop on ${device.serial} printed no properties`);
        return identity;
      });
    identities.set(k, reading);
    // A failed read is not cached: the next event or list tries again.
    reading.catch(() => identities.delete(k));
    return reading;
  }

  async function enrich(device: DeviceInfo, failures?: DeviceListing['identityErrors']): Promise<DeviceListItem> {
    if (device.state !== 'device') return { ...device, identity: null };
    try {
      return { ...device, identity: await identify(device) };
    } catch (error) {
      failures?.push({ ref: toRef(device), error: error instanceof DevicePortError ? error : new DevicePortError('INTERNAL', String(error)) });
      return { ...device, identity: null };
    }
  }

  async function list(): Promise<DeviceListing> {
    let devices: DeviceInfo[];
    let serverErrors: DeviceListing['serverErrors'] = [];
    if (port.listServers) {
      const listings = await port.listServers();
      serverErrors = listings.flatMap((l) => (l.error ? [{ server: l.server, error: l.error }] : []));
      if (serverErrors.length === listings.length && serverErrors[0]) throw serverErrors[0].error;
      devices = listings.flatMap((l) => l.devices);
    } else {
      devices = await port.listDevices();
    }
    const identityErrors: DeviceListing['identityErrors'] = [];
    return { devices: await Promise.all(devices.map((device) => enrich(device, identityErrors))), serverErrors, identityErrors };
  }

  async function subscribe(onEvent: (event: DeviceListEvent) => void): Promise<() => void> {
    let active = true;
    // Events of one phone are handled in order, so an enriched `added` never arrives after its `removed`.
    const chains = new Map<string, Promise<void>>();
    const handle = async (event: DeviceEvent): Promise<void> => {
      if (event.type === 'server-error') {
        if (active) onEvent(event);
        return;
      }
      if (event.type === 'removed') {
        identities.delete(refKey(event.ref));
        if (active) onEvent(event);
        return;
      }
      const device = await enrich(event.device, undefined);
      if (active) onEvent({ type: event.type, device });
    };
    const tracker = await port.trackDevices((event) => {
      const k = event.type === 'server-error' ? `server:${event.server}` : refKey(event.type === 'removed' ? event.ref : event.device);
      const next = (chains.get(k) ?? Promise.resolve()).then(() => handle(event));
      chains.set(k, next);
      void next.finally(() => {
        if (chains.get(k) === next) chains.delete(k);
      });
    });
    const unsubscribe = () => {
      active = false;
      tracker.close();
      unsubscribers.delete(unsubscribe);
    };
    unsubscribers.add(unsubscribe);
    return unsubscribe;
  }

  return {
    list,
    listDevices: async () => (await list()).devices,
    subscribe,
    trackDevices: async (onEvent) => ({ close: await subscribe(onEvent) }),
    identify,
    close: async () => {
      for (const unsubscribe of [...unsubscribers]) unsubscribe();
      identities.clear();
    },
  };
}
