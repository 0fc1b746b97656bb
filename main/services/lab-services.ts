import { describeRef, findByRef } from '../../common/domain/device.js';
import { notFoundError } from '../adb/adb-errors.js';
import { DevicePortError, type DevicePort } from '../adb/device-port.js';
import { isSafePackageName } from '../adb/shell-safety.js';
import { auditDevice } from '../audit/audit-device.js';
import type { ApkCache } from '../apk/apk-cache.js';
import type { LabServices } from '../app/workstation.js';
import { createDeviceService, type DeviceServicePort } from './device-service.js';

/**
 * The phone-facing services the workstation's IPC handlers call: device list and live events (with
 * identities) and the audit. One port serves them all, so an audit and the sidebar see the same phones.
 */
export function createLabServices(
  port: DeviceServicePort & DevicePort, options: { apkCache?: ApkCache | null } = {},
): LabServices & { close(): Promise<void> } {
  const devices = createDeviceService(port);
  return {
    listDevices: () => devices.listDevices(),
    trackDevices: (onEvent) => devices.trackDevices(onEvent),
    async runAudit(request, onProgress) {
      if (request.app !== undefined && !isSafePackageName(request.app)) {
        throw new DevicePortError('INVALID_INPUT', `"${request.app}" is not an Android package name.`);
      }
      const device = findByRef(await port.listDevices(), request.ref);
      if (!device) throw notFoundError(describeRef(request.ref));
      return auditDevice(port, device, { app: request.app ?? null, onProgress, apkCache: options.apkCache ?? null });
    },
    async close() {
      await devices.close();
      await port.close();
    },
  };
}
