import { emptyDeviceFacts, type FactSheet } from '../../common/domain/facts.js';
import { sortFindings, type Finding } from '../../common/domain/findings.js';
import {
  REPORT_SCHEMA, type DeviceError, type DeviceReport, type DeviceState, type PushTestResult, type Report, type ReportSource,
} from '../../common/domain/report.js';
import { diagnose } from '../diagnosis/diagnose.js';

export interface DeviceReportInput {
  serial: string;
  state: DeviceState;
  /** What the audit read; null when the phone could not be read at all (unauthorized, offline, gone early). */
  sheet: FactSheet | null;
  app: string | null;
  /** Findings from later stages (APK checks, test push) to merge with the phone's own. */
  extraFindings?: Finding[];
  pushTests?: PushTestResult[];
  errors?: DeviceError[];
  probes?: { read: string[]; missing: string[] };
}

/**
 * One device's section of the report. Findings are diagnosed from the sheet and sorted worst first; a phone
 * that could not be read carries empty facts, no findings and the errors that say why.
 */
export function buildDeviceReport(input: DeviceReportInput): DeviceReport {
  const diagnosis = input.sheet ? diagnose(input.sheet, { app: input.app }) : null;
  const own = diagnosis?.findings ?? [];
  const later = input.extraFindings ?? [];
  const laterIds = new Set(later.map((f) => f.id));
  const report: DeviceReport = {
    serial: input.serial,
    state: input.state,
    // The facts as the diagnosis concluded them (push channel, notifications effectively on).
    facts: diagnosis?.sheet.facts ?? emptyDeviceFacts(),
    // A later stage's answer replaces the phone's answer for the same step (e.g. a test push settles a manual step).
    findings: sortFindings([...own.filter((f) => !laterIds.has(f.id)), ...later]),
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
