import { notFoundError } from '../adb/adb-errors.js';
import type { DeviceInfo, DevicePort, DeviceRef } from '../adb/device-port.js';
import { describeRef, findByRef, refKey } from '../../common/domain/device.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { TOOL_VERSION } from '../report/tool-version.js';
import { buildDeviceReport, buildReport } from '../report/build-report.js';
import { mapLimit } from '../util/map-limit.js';
import { asDeviceError, auditDevice, type AuditOptions } from './audit-device.js';

export interface LabAuditOptions extends AuditOptions {
  /**
   * Serials to audit (as a person types them); all attached devices when neither this nor `refs` is given.
   * A serial names every phone listed under it: on several servers, or twice on one server (phones that
   * share `0123456789ABCDEF`), each is audited and reported with its own ref. A serial given twice is one.
   */
  serials?: readonly string[];
  /** Exact phones to audit (from a device list); one missing is reported as not found. */
  refs?: readonly DeviceRef[];
  /** The device list, when the caller has just read it; read here otherwise. */
  attached?: readonly DeviceInfo[];
  /**
   * Phones audited at once on each adb server (hosts run side by side, so a lab on several hosts is not held back
   * by its slowest one, and no one host gets more than this many phones' streams); each phone opens several streams of its own.
   */
  deviceConcurrency?: number;
  now?: () => Date;
}

type Target = DeviceInfo | { missing: DeviceRef };

/** The phones an audit names: each serial's every match, each ref's one match, none twice. */
export function resolveTargets(attached: readonly DeviceInfo[], options: Pick<LabAuditOptions, 'serials' | 'refs'>): Target[] {
  if (!options.serials && !options.refs) return [...attached];
  const targets = new Map<string, Target>();
  for (const serial of options.serials ?? []) {
    const matches = attached.filter((d) => d.serial === serial);
    if (matches.length === 0) targets.set(`missing:${serial}`, { missing: { server: '', serial } });
    for (const device of matches) targets.set(refKey(device), device);
  }
  for (const ref of options.refs ?? []) {
    const device = findByRef(attached, ref);
    if (device) targets.set(refKey(device), device);
    else targets.set(`missing:${refKey(ref)}`, { missing: ref });
  }
  return [...targets.values()];
}

/**
 * Audits several phones concurrently. Each phone's failure stays its own: one unplugged or
 * unauthorized phone is reported as such and never fails the others.
 */
export async function auditLab(port: DevicePort, options: LabAuditOptions): Promise<Report> {
  const attached = options.attached ?? await port.listDevices();
  const targets = resolveTargets(attached, options);
  const byServer = new Map<string, number[]>();
  targets.forEach((t, i) => {
    const server = 'missing' in t ? t.missing.server : t.server;
    byServer.set(server, [...(byServer.get(server) ?? []), i]);
  });
  const devices: DeviceReport[] = new Array<DeviceReport>(targets.length);
  await Promise.all([...byServer.values()].map((indexes) => mapLimit(indexes, options.deviceConcurrency ?? 8, async (i) => {
    const t = targets[i]!;
    devices[i] = 'missing' in t ? notFound(t.missing, options) : await auditDevice(port, t, options);
  })));
  return buildReport({ source: 'live', app: options.app, devices, now: (options.now ?? (() => new Date()))(), version: TOOL_VERSION });
}

function notFound(ref: DeviceRef, options: AuditOptions): DeviceReport {
  const named = ref.server ? describeRef(ref) : ref.serial;
  const report = buildDeviceReport({
    serial: ref.serial,
    state: 'gone',
    facts: null,
    findings: [],
    errors: [asDeviceError(notFoundError(named))],
  });
  options.onProgress?.({ type: 'device-finished', ref, serial: ref.serial, state: 'gone', counts: {}, errors: ['DEVICE_NOT_FOUND'] });
  return report;
}
