import { describe, expect, it } from 'vitest';
import { asPortError, stateError, transportFailure, unreachableError } from './adb-errors.js';
import { DevicePortError } from './device-port.js';

/** FAIL texts the adb server (Debian adb 29.0.6, this machine) answered to `host:transport:<serial>`. */
const MEASURED = {
  notFound: "device '127.0.0.1:1' not found",
  unauthorized:
    "device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set\nTry 'adb kill-server' if that seems wrong.\nOtherwise check for a confirmation dialog on your device.",
  offline: 'device offline',
};

describe('transportFailure', () => {
  it.each([
    [MEASURED.notFound, 'DEVICE_NOT_FOUND'],
    [MEASURED.unauthorized, 'DEVICE_UNAUTHORIZED'],
    [MEASURED.offline, 'DEVICE_OFFLINE'],
    // AOSP adb transport.cpp acquire_one_transport, for a USB device udev does not let us open.
    ['insufficient permissions for device: user in plugdev group; are your udev rules wrong?\nSee [http://developer.android.com/tools/device.html] for more information', 'DEVICE_NO_PERMISSIONS'],
    ['device still authorizing', 'DEVICE_UNAUTHORIZED'],
  ])('maps %j to %s', (text, code) => {
    expect(transportFailure('R58M123ABC', text)?.code).toBe(code);
  });

  it('leaves text it does not know to the caller', () => {
    expect(transportFailure('R58M123ABC', 'more than one device/emulator')).toBeNull();
  });
});

describe('hints', () => {
  it('tells an unauthorized phone to accept the prompt and a Linux USB problem to add a udev rule', () => {
    expect(stateError('X', 'unauthorized').hint).toMatch(/Accept the USB debugging prompt/);
    expect(stateError('X', 'no-permissions').hint).toMatch(/51-android\.rules.*plugdev/s);
  });

  it('names the start-server command for a local server and the listening flag for a remote one', () => {
    expect(unreachableError('127.0.0.1:5099', 'ECONNREFUSED', '/usr/bin/adb').hint).toContain('/usr/bin/adb -P 5099 start-server');
    expect(unreachableError('10.0.0.7:5037', 'ETIMEDOUT', null).hint).toContain('-a -P 5037');
  });

  it('wraps a stray error as INTERNAL and keeps a port error as it is', () => {
    const portError = new DevicePortError('TIMEOUT', 'slow');
    expect(asPortError(portError)).toBe(portError);
    expect(asPortError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
  });
});
