import type { DeviceState } from './report.js';

/**
 * Which phone, exactly: the adb server it is attached to and the serial adb names it by. Two servers
 * may each have an `emulator-5554`, and cheap phones often share one serial (`0123456789ABCDEF`) on the
 * same server, where only adb's transport id tells them apart; so above the port a phone is always
 * named by this reference, never by its serial alone.
 */
export interface DeviceRef {
  /** "host:port" of the adb server. */
  server: string;
  /** As adb names it, e.g. "R58M123ABC" or "127.0.0.1:6001". */
  serial: string;
  /** adb's transport id (`adb devices -l` → `transport_id:N`), when the server reports one. */
  transportId?: number;
}

/** A listed device is its own reference: server, serial and (when adb printed one) transport id. */
export interface DeviceInfo extends DeviceRef {
  state: DeviceState;
  /** From `adb devices -l` (product/model/device), when known. */
  product?: string;
  model?: string;
  device?: string;
}

/**
 * The string form of a reference, for map keys and React keys: `serial@server`, plus `#transportId` when
 * known, so two phones sharing a serial on one server never share a key.
 */
export function refKey(ref: DeviceRef): string {
  return `${ref.serial}@${ref.server}${ref.transportId !== undefined ? `#${ref.transportId}` : ''}`;
}

/** Only the reference fields of a device (a DeviceInfo carries state and model too). */
export function toRef(device: DeviceRef): DeviceRef {
  return { server: device.server, serial: device.serial, ...(device.transportId !== undefined ? { transportId: device.transportId } : {}) };
}

/** How a person reads a reference: the serial, then where it is when that is needed to tell it apart. */
export function describeRef(ref: DeviceRef): string {
  return `${ref.serial} on ${ref.server}${ref.transportId !== undefined ? ` (transport ${ref.transportId})` : ''}`;
}

/**
 * The listed device a reference names: same server and serial, and the same transport id when the
 * reference has one. Without one, a serial two phones share on that server names neither (null).
 */
export function findByRef<T extends DeviceRef>(devices: readonly T[], ref: DeviceRef): T | null {
  const matches = devices.filter((d) => d.server === ref.server && d.serial === ref.serial
    && (ref.transportId === undefined || d.transportId === ref.transportId));
  return matches.length === 1 ? (matches[0] as T) : null;
}
