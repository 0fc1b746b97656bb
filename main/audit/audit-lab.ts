import { notFoundError } from '../adb/adb-errors.js';
import type { DeviceInfo, DevicePort } from '../adb/device-port.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { TOOL_VERSION } from '../report/tool-version.js';
import { buildDeviceReport, buildReport } from '../report/build-report.js';
import { mapLimit } from '../util/map-limit.js';
import { asDeviceError, auditDevice, type AuditOptions } from './audit-device.js';

export interface LabAuditOptions extends AuditOptions {
  /** Serials to audit; all attached devices when omitted. */
  serials?: readonly string[];
  /** Phones audited at once; each phone also opens several streams of its own. */
  deviceConcurrency?: number;
  now?: () => Date;
}

/**
 * Audits several phones concurrently. Each phone's failure stays its own: one unplugged or
 * unauthorized phone is reported as such and never fails the others.
 */
export async function auditLab(port: DevicePort, options: LabAuditOptions): Promise<Report> {
  const attached = await port.listDevices();
  const targets: (DeviceInfo | { missing: string })[] = options.serials
    ? options.serials.map((s) => attached.find((d) => d.serial === s) ?? { missing: s })
    : attached;
  const devices = await mapLimit(targets, options.deviceConcurrency ?? 8, async (t): Promise<DeviceReport> =>
    'missing' in t ? notFound(t.missing) : auditDevice(port, t, options),
  );
  return buildReport({ source: 'live', app: options.app, devices, now: (options.now ?? (() => new Date()))(), version: TOOL_VERSION });
}

function notFound(serial: string): DeviceReport {
  return buildDeviceReport({
    serial,
    state: 'gone',
    facts: null,
    findings: [],
    errors: [asDeviceError(notFoundError(serial))],
  });
}
