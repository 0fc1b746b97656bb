import type { DeviceState } from './report.js';
import type { Severity } from './findings.js';

/** Streamed while an audit runs, so the UI and the CLI can show each phone's progress. */
export type AuditProgress =
  | { type: 'device-started'; serial: string; server: string; probes: number }
  | { type: 'probe-done'; serial: string; probe: string; ok: boolean; done: number; total: number }
  | { type: 'device-finished'; serial: string; state: DeviceState; counts: Partial<Record<Severity, number>> };

export type ProgressSink = (event: AuditProgress) => void;
