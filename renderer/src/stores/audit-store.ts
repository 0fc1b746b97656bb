import { create } from 'zustand';
import { refKey, type DeviceRef } from '../../../common/domain/device.js';
import type { DeviceReport, ManualAnswer } from '../../../common/domain/report.js';
import type { AuditProgress, IpcError } from '../../../common/ipc/contract.js';

export interface AuditRun {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** The probe that finished last, shown while the audit runs. */
  lastStep: string | null;
  /**
   * The latest report of the phone. A new audit keeps the previous one until it answers, and a failed one
   * keeps it too, so losing the phone never loses what was read.
   */
  report: DeviceReport | null;
  error: IpcError | null;
  /** The app the audit was about, as sent to main. */
  app: string | null;
}

interface AuditState {
  /** The latest audit of each phone, by `refKey` (two phones may share a serial). */
  runs: Record<string, AuditRun>;
  started(ref: DeviceRef, app: string | null): void;
  /** Several progress events in one update (the bridge batches them, so 32 phones' probes cost one render). */
  progressed(...events: AuditProgress[]): void;
  finished(ref: DeviceRef, outcome: { report: DeviceReport } | { error: IpcError }): void;
  /** A fix re-checked the phone: main's report with the new facts, findings and the fix recorded. */
  reportUpdated(ref: DeviceRef, report: DeviceReport): void;
  answered(ref: DeviceRef, answers: ManualAnswer[]): void;
}

// Audits are never persisted: a report from yesterday would pass for today's phone.
export const useAuditStore = create<AuditState>()((set) => ({
  runs: {},
  started: (ref, app) => set((s) => {
    const key = refKey(ref);
    const previous = s.runs[key];
    return { runs: { ...s.runs, [key]: { status: 'running', done: 0, total: 0, lastStep: null, report: previous?.report ?? null, error: null, app } } };
  }),
  progressed: (...events) =>
    set((s) => {
      let runs = s.runs;
      for (const progress of events) {
        const key = refKey(progress.ref);
        const run = runs[key];
        // Progress of an audit this page did not start (e.g. from the CLI) has nowhere to go.
        if (!run || run.status !== 'running') continue;
        const next: AuditRun =
          progress.type === 'device-started' ? { ...run, total: progress.probes }
          : progress.type === 'probe-done' ? { ...run, done: progress.done, total: progress.total, lastStep: progress.probe }
          : run;
        if (next !== run) runs = { ...runs, [key]: next };
      }
      return runs === s.runs ? {} : { runs };
    }),
  finished: (ref, outcome) =>
    set((s) => {
      const key = refKey(ref);
      const run = s.runs[key] ?? { status: 'running', done: 0, total: 0, lastStep: null, report: null, error: null, app: null };
      const next: AuditRun = 'report' in outcome
        ? { ...run, status: 'done', report: outcome.report, error: null }
        : { ...run, status: 'failed', error: outcome.error };
      return { runs: { ...s.runs, [key]: next } };
    }),
  reportUpdated: (ref, report) =>
    set((s) => {
      const key = refKey(ref);
      const run = s.runs[key];
      if (!run) return {};
      return { runs: { ...s.runs, [key]: { ...run, report } } };
    }),
  answered: (ref, answers) =>
    set((s) => {
      const key = refKey(ref);
      const run = s.runs[key];
      if (!run?.report) return {};
      return { runs: { ...s.runs, [key]: { ...run, report: { ...run.report, answers } } } };
    }),
}));

/** `key` is the phone's `refKey`. */
export const useAuditRun = (key: string | null): AuditRun | null =>
  useAuditStore((s) => (key ? s.runs[key] ?? null : null));
export const useReport = (key: string | null): DeviceReport | null =>
  useAuditStore((s) => (key ? s.runs[key]?.report ?? null : null));
