import type { DeviceState } from '../../common/domain/report.js';
import type { DeviceInfo } from './device-port.js';

/**
 * Parses the adb server's `host:devices-l` payload (what `adb devices -l` prints after its header).
 * Each line is `<serial padded to 22> <state>[ <devpath>][ product:…][ model:…][ device:…] transport_id:N`
 * (AOSP adb transport.cpp `append_transport`). The state can hold spaces: "no permissions (…udev…); see
 * […]". Lines we cannot read are kept in `unreadable`, never thrown on.
 */
export interface ParsedDeviceList {
  devices: DeviceInfo[];
  unreadable: string[];
}

/** States adb prints (connection_state_name) and what they mean for us. */
const STATES: Readonly<Record<string, DeviceState>> = {
  device: 'device',
  unauthorized: 'unauthorized',
  authorizing: 'unauthorized',
  offline: 'offline',
  connecting: 'offline',
  host: 'offline',
  bootloader: 'offline',
  recovery: 'offline',
  rescue: 'offline',
  sideload: 'offline',
  unknown: 'offline',
};

export function normalizeState(raw: string): DeviceState | null {
  const state = raw.trim().toLowerCase();
  if (state.startsWith('no permissions') || state === 'no') return 'no-permissions';
  if (state === 'emulator') return 'device';
  return STATES[state] ?? null;
}

const PROPERTY = /^(product|model|device|transport_id):(\S*)$/;

export function parseDeviceList(payload: string, server: string): ParsedDeviceList {
  const devices: DeviceInfo[] = [];
  const unreadable: string[] = [];
  for (const rawLine of payload.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('*') || line.startsWith('List of devices')) continue;
    const device = parseLine(line, server);
    if (device) devices.push(device);
    else unreadable.push(line);
  }
  return { devices, unreadable };
}

function parseLine(line: string, server: string): DeviceInfo | null {
  const split = /^(\S+)\s+(.*)$/.exec(line);
  if (!split?.[1] || split[2] === undefined) return null;
  const serial = split[1];
  let rest = split[2];
  let stateText: string;
  const noPermissions = /^no permissions(?: \([^)]*\))?(?:; see \[[^\]]*\])?/.exec(rest);
  if (noPermissions) {
    stateText = noPermissions[0];
    rest = rest.slice(noPermissions[0].length);
  } else {
    const [first = '', ...others] = rest.split(/\s+/);
    stateText = first;
    rest = others.join(' ');
  }
  const state = normalizeState(stateText);
  if (!state) return null;
  const info: DeviceInfo = { serial, server, state };
  for (const token of rest.split(/\s+/)) {
    const match = PROPERTY.exec(token);
    if (!match?.[1] || !match[2]) continue;
    if (match[1] === 'product') info.product = match[2];
    else if (match[1] === 'model') info.model = match[2];
    else if (match[1] === 'device') info.device = match[2];
    else if (/^\d{1,9}$/.test(match[2])) info.transportId = Number(match[2]);
  }
  return info;
}
