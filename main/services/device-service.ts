import type { DeviceEvent, DeviceInfo, DevicePort, DeviceTracker } from '../adb/device-port.js';
import { DevicePortError } from '../adb/device-port.js';
import { VENDORS } from '../diagnosis/vendor-table.js';
import type { RomFact } from '../domain/facts.js';
import { firstProp, parseGetprop } from '../probes/parsers/getprop.js';
import type { DeviceIdentity, DeviceListItem } from '../../preload/contract.js';

export type { DeviceIdentity, DeviceListItem };

/** A device event with the identity the UI shows; `added`/`changed` carry it once the phone was read. */
export type DeviceListEvent =
  | { type: 'added' | 'changed'; device: DeviceListItem }
  | { type: 'removed'; serial: string; server: string }
  | { type: 'server-error'; server: string; error: DevicePortError };

/** What the service needs of the port; `listServers` is optional so any DevicePort will do. */
export type DeviceServicePort = DevicePort & {
  listServers?: () => Promise<{ server: string; devices: DeviceInfo[]; error: DevicePortError | null }[]>;
};

export interface DeviceListing {
  devices: DeviceListItem[];
  /** Servers that could not be reached, each with its fix; empty when all answered. */
  serverErrors: { server: string; error: DevicePortError }[];
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
  identify(device: Pick<DeviceInfo, 'serial' | 'server'>): Promise<DeviceIdentity>;
  /** Stops the subscriptions; the port belongs to whoever created it. */
  close(): Promise<void>;
}

export interface DeviceServiceOptions {
  identityTimeoutMs?: number;
}

/** The props an identity needs: who made it, Android, and every ROM-version prop of the vendor table. */
export const IDENTITY_PROPS: readonly string[] = [
  'ro.product.manufacturer', 'ro.product.brand', 'ro.product.model', 'ro.build.version.release', 'ro.build.version.sdk',
  ...new Set(Object.values(VENDORS).flatMap((vendor) => vendor.roms.flatMap((rom) => rom.versionProps))),
];

/**
 * Reads the identity from plain `getprop` output (never adb-ts getProp, which turns "Pixel 7" into a
 * Date). The ROM is the vendor table's first ROM, for the phone's brand or maker, whose own props are set;
 * a prop two ROMs share (vivo's OriginOS/Funtouch) only decides when no ROM-specific one does.
 */
export function identityFromGetprop(text: string): DeviceIdentity | null {
  const result = parseGetprop(text);
  if (!result.ok) return null;
  const props = result.value.props;
  const get = (name: string): string | null => firstProp(props, [name])?.value.trim() ?? null;
  const manufacturer = get('ro.product.manufacturer');
  const brand = get('ro.product.brand');
  const release = get('ro.build.version.release');
  const sdkText = get('ro.build.version.sdk');
  const sdk = sdkText && /^\d{1,3}$/.test(sdkText) ? Number(sdkText) : null;
  return {
    manufacturer,
    brand,
    model: get('ro.product.model'),
    android: release !== null && sdk !== null ? { release, sdk } : null,
    rom: romOf(brand, manufacturer, get),
  };
}

function romOf(brand: string | null, manufacturer: string | null, get: (name: string) => string | null): RomFact | null {
  const names = [brand, manufacturer].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  if (names.length === 0) return null;
  const vendor = Object.values(VENDORS).find((entry) => entry.brands.some((b) => names.includes(b)));
  if (!vendor) return { name: 'Android', version: null };
  const shared = (prop: string) => vendor.roms.filter((rom) => rom.versionProps.includes(prop)).length > 1;
  const firstSet = (props: readonly string[]) => props.map(get).find((v): v is string => v !== null && v !== '') ?? null;
  for (const rom of vendor.roms) {
    if (firstSet(rom.versionProps.filter((p) => !shared(p))) !== null) return { name: rom.name, version: firstSet(rom.versionProps) };
  }
  const preferred = AMBIGUOUS_ROM_BY_BRAND[names[0] ?? ''];
  const ordered = [...vendor.roms].sort((x, y) => Number(y.name === preferred) - Number(x.name === preferred));
  for (const rom of ordered) {
    const version = firstSet(rom.versionProps);
    if (version !== null) return { name: rom.name, version };
  }
  return null;
}

/**
 * When only a prop two ROMs share is set (OxygenOS 14 carries ColorOS's ro.build.version.oplusrom and no
 * ro.oxygen.version), the brand decides. Belongs in the vendor table once it grows a field for it.
 */
const AMBIGUOUS_ROM_BY_BRAND: Readonly<Record<string, RomFact['name']>> = { oneplus: 'OxygenOS' };

const key = (device: Pick<DeviceInfo, 'serial' | 'server'>) => `${device.serial}@${device.server}`;

export function createDeviceService(port: DeviceServicePort, options: DeviceServiceOptions = {}): DeviceService {
  const identities = new Map<string, Promise<DeviceIdentity>>();
  const unsubscribers = new Set<() => void>();

  function identify(device: Pick<DeviceInfo, 'serial' | 'server'>): Promise<DeviceIdentity> {
    const k = key(device);
    const cached = identities.get(k);
    if (cached) return cached;
    const reading = port.shell(device.serial, 'getprop', { server: device.server, timeoutMs: options.identityTimeoutMs ?? 15_000 })
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

  async function enrich(device: DeviceInfo): Promise<DeviceListItem> {
    if (device.state !== 'device') return { ...device, identity: null };
    try {
      return { ...device, identity: await identify(device) };
    } catch {
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
    return { devices: await Promise.all(devices.map(enrich)), serverErrors };
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
        identities.delete(key(event));
        if (active) onEvent(event);
        return;
      }
      const device = await enrich(event.device);
      if (active) onEvent({ type: event.type, device });
    };
    const tracker = await port.trackDevices((event) => {
      const k = event.type === 'server-error' ? `server:${event.server}` : key(event.type === 'removed' ? event : event.device);
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
