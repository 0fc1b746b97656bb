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

export interface DeviceInfo {
  /** As adb names it, e.g. "R58M123ABC" or "127.0.0.1:6001". */
  serial: string;
  /** Which server the device is attached to, "host:port". */
  server: string;
  state: DeviceState;
  /** From `adb devices -l` (product/model/device/transport_id), when known. */
  product?: string;
  model?: string;
  device?: string;
  transportId?: string;
}
