import { DevicePortError } from './device-port.js';

/**
 * What may reach `adb shell` or a smart-socket request. The adb server splits `host:transport:<serial>`
 * on nothing, but the serial is also echoed into hints and shell text, so we allow only what real serials
 * use: USB serials (alphanumerics), network serials `host:port` / `[v6]:port`, emulator-5554, mDNS
 * names such as `adb-R58M123ABC-xyz._adb-tls-connect._tcp`.
 */
const SERIAL = /^[A-Za-z0-9._:\-[\]]{1,128}$/;

/** Java package grammar (JLS §7.4.1), at least two segments, as Android requires of an application id. */
const PACKAGE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;

export function isSafeSerial(serial: string): boolean {
  return SERIAL.test(serial);
}

export function assertSafeSerial(serial: string): string {
  if (!isSafeSerial(serial)) {
    throw new DevicePortError('INVALID_INPUT', `Not a device serial: ${JSON.stringify(serial.slice(0, 80))}`,
      'Serials contain only letters, digits and . _ : - [ ] (as `adb devices` prints them).');
  }
  return serial;
}

export function isSafePackageName(pkg: string): boolean {
  return pkg.length <= 255 && PACKAGE.test(pkg);
}

export function assertSafePackageName(pkg: string): string {
  if (!isSafePackageName(pkg)) {
    throw new DevicePortError('INVALID_INPUT', `Not an Android package name: ${JSON.stringify(pkg.slice(0, 80))}`,
      'Use the application id, e.g. com.tencent.qcloud.tim.tuikit.');
  }
  return pkg;
}

/**
 * Quotes one argument for the phone's POSIX shell (mksh/toybox sh): single quotes stop every expansion,
 * and an embedded single quote is closed, escaped and reopened. NUL cannot travel in a shell line at all.
 */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) {
    throw new DevicePortError('INVALID_INPUT', 'A shell argument cannot contain a NUL byte.');
  }
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
