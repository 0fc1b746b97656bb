import { stateError } from '../adb/adb-errors.js';
import { DevicePortError, type DeviceInfo, type DevicePort, type DeviceRef } from '../adb/device-port.js';
import { toRef } from '../../common/domain/device.js';
import type { DeviceError, DeviceReport } from '../../common/domain/report.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
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
  /** The deadline for reading one phone (all its probes together). */
  timeoutMs?: number;
  /** Receives the raw outputs the report was diagnosed from (the workstation keeps them to re-check a fix). */
  onOutputs?: (outputs: RawOutput[]) => void;
}

/**
 * Errors that mean adb itself no longer lists the phone as ready. TRUNCATED_OUTPUT is not one: the adapter
 * reports it only after adb still listed the phone `device`, so the phone stays `device` and only the cut
 * command's findings are unknown. A server that went away (ADB_UNREACHABLE) says nothing new about the
 * phone: it keeps the state adb last gave.
 */
// A phone whose adb server went away mid-audit is as lost as one unplugged: the lab owner sees it gone, with what was read.
const LEFT_THE_LIST = new Set(['DEVICE_GONE', 'DEVICE_OFFLINE', 'ADB_UNREACHABLE']);


/** Audits one phone: reads it in one concurrent batch, then diagnoses what was read. Never throws. */
export async function auditDevice(port: DevicePort, device: DeviceInfo, options: AuditOptions): Promise<DeviceReport> {
  const ref = toRef(device);
  if (device.state !== 'device') {
    const report = unreadable(device, [asDeviceError(stateError(device.serial, device.state))]);
    // A phone that cannot be read is still one of the lab's phones: the progress says so, with why.
    finished(options, report, ref);
    return report;
  }
  try {
    const probes = probePlan(options.app);
    options.onProgress?.({ type: 'device-started', ref, serial: device.serial, server: device.server, probes: probes.length });
    const collection = await collectLive(port, ref, probes, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { deadlineMs: options.timeoutMs } : {}),
      ...(options.probeConcurrency ? { concurrency: options.probeConcurrency } : {}),
    });
    options.onOutputs?.(collection.outputs);
    const lost = collection.errors.some((e) => LEFT_THE_LIST.has(e.code));
    const report = buildDeviceReport({
      serial: device.serial,
      ref,
      state: lost ? 'gone' : device.state,
      ...diagnoseOutputs(collection.outputs, options.app),
      errors: collapseErrors(collection.errors),
      probes: { read: collection.read, missing: collection.missing },
    });
    finished(options, report, ref);
    return report;
  } catch (error) {
    const e = error instanceof DevicePortError ? error : new DevicePortError('INTERNAL', (error as Error).message);
    const report = unreadable(device, [{ ...asDeviceError(e), during: 'audit' }]);
    finished(options, report, ref);
    return report;
  }
}

function finished(options: AuditOptions, report: DeviceReport, ref: DeviceRef): void {
  const errors = [...new Set(report.errors.map((e) => e.code))];
  options.onProgress?.({
    type: 'device-finished', ref, serial: ref.serial, state: report.state, counts: severityCounts(report.findings),
    ...(errors.length > 0 ? { errors } : {}),
  });
}

/** A port error as the report carries it: the hint (what to do) joins the message. */
export function asDeviceError(error: DevicePortError): DeviceError {
  const out: DeviceError = { code: error.code, message: error.hint ? `${error.message}. ${error.hint}` : error.message };
  if (error.text) out.text = error.text;
  return out;
}

function unreadable(device: DeviceInfo, errors: DeviceError[]): DeviceReport {
  return buildDeviceReport({ serial: device.serial, ref: toRef(device), state: device.state, facts: null, findings: [], errors });
}

/**
 * One entry per error code, naming every probe it hit: a lost phone fails twenty probes for one reason,
 * each with its own wording ("… during `dumpsys package` after 0 bytes"); the first one's message stands
 * for all, and `during` names them all.
 */
export function collapseErrors(errors: readonly DeviceError[]): DeviceError[] {
  const byCode = new Map<string, DeviceError & { probes: string[] }>();
  for (const e of errors) {
    const key = e.code;
    const seen = byCode.get(key);
    const during = e.during ?? '';
    if (seen) seen.probes.push(during);
    else byCode.set(key, { ...e, probes: [during] });
  }
  return [...byCode.values()].map(({ probes, ...e }) => ({ ...e, during: probes.filter(Boolean).join(', ') }));
}
