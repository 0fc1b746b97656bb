import type { AdbServerAddress } from './device-port.js';

export class AdbAddressError extends Error {
  constructor(value: string) {
    super(`"${value}" is not an adb server address; use HOST:PORT, e.g. 127.0.0.1:5037.`);
    this.name = 'AdbAddressError';
  }
}

/** `host:port`, `[v6]:port` or a bare port (127.0.0.1 assumed). */
export function parseAdbAddress(value: string): AdbServerAddress {
  const match = /^(?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) throw new AdbAddressError(value);
  return { host: match[1]?.replace(/^\[|\]$/g, '') ?? '127.0.0.1', port };
}

/** The adb server used by default: ANDROID_ADB_SERVER_PORT on loopback, else 5037, as adb itself does. */
export function defaultAdbServers(env: Record<string, string | undefined>): AdbServerAddress[] {
  const fromEnv = env.ANDROID_ADB_SERVER_PORT;
  return [fromEnv ? parseAdbAddress(fromEnv) : { host: '127.0.0.1', port: 5037 }];
}
