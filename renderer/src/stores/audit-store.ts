import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
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
  /** The latest audit of each phone, by serial. */
  runs: Record<string, AuditRun>;
  /** Package of the app under test, as typed by the engineer. */
  appPackage: string;
  setAppPackage(appPackage: string): void;
  started(serial: string): void;
  progressed(progress: AuditProgress): void;
  finished(serial: string, outcome: { report: DeviceReport } | { error: IpcError }): void;
}

const freshRun = (): AuditRun => ({ status: 'running', done: 0, total: 0, lastStep: null, report: null, error: null });

// Only the engineer's preference (the app under test) outlives a restart; audits are always fresh.
export const useAuditStore = create<AuditState>()(persist((set) => ({
  runs: {},
  appPackage: '',
  setAppPackage: (appPackage) => set({ appPackage }),
  started: (serial) => set((s) => ({ runs: { ...s.runs, [serial]: freshRun() } })),
  progressed: (progress) =>
    set((s) => {
      const run = s.runs[progress.serial];
      // Progress of an audit this page did not start (e.g. from the CLI) has nowhere to go.
      if (!run || run.status !== 'running') return {};
      const next: AuditRun =
        progress.type === 'device-started' ? { ...run, total: progress.probes }
        : progress.type === 'probe-done' ? { ...run, done: progress.done, total: progress.total, lastStep: progress.probe }
        : run;
      return { runs: { ...s.runs, [progress.serial]: next } };
    }),
  finished: (serial, outcome) =>
    set((s) => {
      const run = s.runs[serial] ?? freshRun();
      const next: AuditRun = 'report' in outcome
        ? { ...run, status: 'done', report: outcome.report, error: null }
        : { ...run, status: 'failed', error: outcome.error };
      return { runs: { ...s.runs, [serial]: next } };
    }),
}), {
  name: 'push-doctor:audit',
  storage: createJSONStorage(() => localStorage),
  partialize: (s) => ({ appPackage: s.appPackage }),
}));

export const useAuditRun = (serial: string | null): AuditRun | null =>
  useAuditStore((s) => (serial ? s.runs[serial] ?? null : null));
export const useAppPackage = (): string => useAuditStore((s) => s.appPackage);
