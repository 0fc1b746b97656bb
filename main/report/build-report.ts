import { emptyDeviceFacts, type DeviceFacts } from '../../common/domain/facts.js';
import { sortFindings, type Finding } from '../../common/domain/findings.js';
import {
  REPORT_SCHEMA, type DeviceError, type DeviceReport, type DeviceState, type PushTestResult, type Report, type ReportSource,
} from '../../common/domain/report.js';
import { toRef, type DeviceRef } from '../../common/domain/device.js';

export interface DeviceReportInput {
  serial: string;
  /** The live phone's reference; absent for captures and bug reports. */
  ref?: DeviceRef;
  state: DeviceState;
  /** What the audit read; null when the phone could not be read at all (unauthorized, offline, gone early). */
  facts: DeviceFacts | null;
  /** What the audit stage concluded from the facts (the report stage never diagnoses: it renders what it is given). */
  findings: readonly Finding[];
  /** Findings from later stages (APK checks, test push) to merge with the phone's own. */
  extraFindings?: Finding[];
  pushTests?: PushTestResult[];
  errors?: DeviceError[];
  probes?: { read: string[]; missing: string[] };
}

/**
 * One device's section of the report: the findings it is given, sorted worst first; a phone that could not
 * be read carries empty facts, no findings and the errors that say why.
 */
export function buildDeviceReport(input: DeviceReportInput): DeviceReport {
  const later = input.extraFindings ?? [];
  const laterIds = new Set(later.map((f) => f.id));
  const report: DeviceReport = {
    serial: input.serial,
    ...(input.ref ? { ref: toRef(input.ref) } : {}),
    state: input.state,
    facts: input.facts ?? emptyDeviceFacts(),
    // A later stage's answer replaces the phone's answer for the same step (e.g. a test push settles a manual step).
    findings: sortFindings([...input.findings.filter((f) => !laterIds.has(f.id)), ...later]),
    pushTests: input.pushTests ?? [],
    errors: input.errors ?? [],
  };
  if (input.probes) report.probes = input.probes;
  return report;
}

export interface ReportInput {
  source: ReportSource;
  app: string | null;
  devices: DeviceReport[];
  now: Date;
  version: string;
}

export function buildReport({ source, app, devices, now, version }: ReportInput): Report {
  const report: Report = {
    schema: REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    tool: { name: 'push-doctor', version },
    source,
    devices,
  };
  if (app !== null) report.app = app;
  return report;
}
