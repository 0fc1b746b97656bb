import { stateError } from '../adb/adb-errors.js';
import { DevicePortError, type DeviceInfo, type DevicePort } from '../adb/device-port.js';
import type { DeviceError, DeviceReport } from '../../common/domain/report.js';
import { probePlan } from '../probes/probe-plan.js';
import { collectLive } from './collect-live.js';
import { buildDeviceReport } from '../report/build-report.js';
import { diagnoseOutputs } from './diagnose-outputs.js';
import type { ProgressSink } from '../../common/domain/progress.js';
import { severityCounts } from './severity-counts.js';

export interface AuditOptions {
  app: string | null;
  onProgress?: ProgressSink;
  signal?: AbortSignal;
  /** Streams open at once on one phone. */
  probeConcurrency?: number;
  timeoutMs?: number;
}


/** Audits one phone: reads it in one concurrent batch, then diagnoses what was read. Never throws. */
export async function auditDevice(port: DevicePort, device: DeviceInfo, options: AuditOptions): Promise<DeviceReport> {
  if (device.state !== 'device') return unreadable(device, [asDeviceError(stateError(device.serial, device.state))]);
  try {
    const probes = probePlan(options.app);
    options.onProgress?.({ type: 'device-started', serial: device.serial, server: device.server, probes: probes.length });
    const collection = await collectLive(port, device.serial, probes, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.probeConcurrency ? { concurrency: options.probeConcurrency } : { concurrency: probes.length }),
    });
    const lost = collection.errors.some((e) => e.code === 'DEVICE_GONE' || e.code === 'DEVICE_OFFLINE' || e.code === 'TRUNCATED_OUTPUT');
    const report = buildDeviceReport({
      serial: device.serial,
      state: lost ? 'gone' : device.state,
      ...diagnoseOutputs(collection.outputs, options.app),
      errors: collapseErrors(collection.errors),
      probes: { read: collection.read, missing: collection.missing },
    });
    options.onProgress?.({ type: 'device-finished', serial: device.serial, state: report.state, counts: severityCounts(report.findings) });
    return report;
  } catch (error) {
    const e = error instanceof DevicePortError ? error : new DevicePortError('INTERNAL', (error as Error).message);
    return unreadable(device, [{ ...asDeviceError(e), during: 'audit' }]);
  }
}

/** A port error as the report carries it: the hint (what to do) joins the message. */
export function asDeviceError(error: DevicePortError): DeviceError {
  return { code: error.code, message: error.hint ? `${error.message}. ${error.hint}` : error.message };
}

function unreadable(device: DeviceInfo, errors: DeviceError[]): DeviceReport {
  return buildDeviceReport({ serial: device.serial, state: device.state, facts: null, findings: [], errors });
}

/** One entry per error code, naming every probe it hit: a lost phone fails twenty probes for one reason. */
export function collapseErrors(errors: readonly DeviceError[]): DeviceError[] {
  const byCode = new Map<string, DeviceError & { probes: string[] }>();
  for (const e of errors) {
    const key = `${e.code}\u0000${e.message}`;
    const seen = byCode.get(key);
    const during = e.during ?? '';
    if (seen) seen.probes.push(during);
    else byCode.set(key, { ...e, probes: [during] });
  }
  return [...byCode.values()].map(({ probes, ...e }) => ({ ...e, during: probes.filter(Boolean).join(', ') }));
}
