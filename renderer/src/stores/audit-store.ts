import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { refKey, type DeviceRef } from '../../../common/domain/device.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import type { AuditProgress, IpcError } from '../../../common/ipc/contract.js';

export interface AuditRun {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** The probe that finished last, shown while the audit runs. */
  lastStep: string | null;
  report: DeviceReport | null;
  error: IpcError | null;
}

interface AuditState {
  /** The latest audit of each phone, by `refKey` (two phones may share a serial). */
  runs: Record<string, AuditRun>;
  /** Package of the app under test, as typed by the engineer. */
  appPackage: string;
  setAppPackage(appPackage: string): void;
  started(ref: DeviceRef): void;
  progressed(progress: AuditProgress): void;
  finished(ref: DeviceRef, outcome: { report: DeviceReport } | { error: IpcError }): void;
}

const freshRun = (): AuditRun => ({ status: 'running', done: 0, total: 0, lastStep: null, report: null, error: null });

// Only the engineer's preference (the app under test) outlives a restart; audits are always fresh.
export const useAuditStore = create<AuditState>()(persist((set) => ({
  runs: {},
  appPackage: '',
  setAppPackage: (appPackage) => set({ appPackage }),
  started: (ref) => set((s) => ({ runs: { ...s.runs, [refKey(ref)]: freshRun() } })),
  progressed: (progress) =>
    set((s) => {
      const key = refKey(progress.ref);
      const run = s.runs[key];
      // Progress of an audit this page did not start (e.g. from the CLI) has nowhere to go.
      if (!run || run.status !== 'running') return {};
      const next: AuditRun =
        progress.type === 'device-started' ? { ...run, total: progress.probes }
        : progress.type === 'probe-done' ? { ...run, done: progress.done, total: progress.total, lastStep: progress.probe }
        : run;
      return { runs: { ...s.runs, [key]: next } };
    }),
  finished: (ref, outcome) =>
    set((s) => {
      const key = refKey(ref);
      const run = s.runs[key] ?? freshRun();
      const next: AuditRun = 'report' in outcome
        ? { ...run, status: 'done', report: outcome.report, error: null }
        : { ...run, status: 'failed', error: outcome.error };
      return { runs: { ...s.runs, [key]: next } };
    }),
}), {
  name: 'push-doctor:audit',
  storage: createJSONStorage(() => localStorage),
  partialize: (s) => ({ appPackage: s.appPackage }),
}));

/** `key` is the phone's `refKey`. */
export const useAuditRun = (key: string | null): AuditRun | null =>
  useAuditStore((s) => (key ? s.runs[key] ?? null : null));
export const useAppPackage = (): string => useAuditStore((s) => s.appPackage);
