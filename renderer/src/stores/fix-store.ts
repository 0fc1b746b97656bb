import { create } from 'zustand';
import type { FixOutcome, FixPlanView, IpcError } from '../../../common/ipc/contract.js';

/** One fix of one finding on one phone, from fetching its plan to the re-checked result. */
export interface FixState {
  phase: 'planning' | 'confirm' | 'running' | 'done' | 'failed';
  plan: FixPlanView | null;
  outcome: FixOutcome | null;
  error: IpcError | null;
}

interface FixStoreState {
  /** By `fixKey(refKey, finding)`. */
  fixes: Record<string, FixState>;
  update(key: string, next: Partial<FixState>): void;
  dismiss(key: string): void;
}

export const fixKey = (phone: string, finding: string): string => `${phone}::${finding}`;

const idle: FixState = { phase: 'planning', plan: null, outcome: null, error: null };

export const useFixStore = create<FixStoreState>()((set) => ({
  fixes: {},
  update: (key, next) => set((s) => ({ fixes: { ...s.fixes, [key]: { ...(s.fixes[key] ?? idle), ...next } } })),
  dismiss: (key) => set((s) => {
    const { [key]: _gone, ...fixes } = s.fixes;
    return { fixes };
  }),
}));

export const useFix = (key: string): FixState | null => useFixStore((s) => s.fixes[key] ?? null);
/** The fix whose confirmation is open, if any: one dialog at a time. */
export const useConfirmingFix = (): string | null =>
  useFixStore((s) => Object.keys(s.fixes).find((key) => s.fixes[key]!.phase === 'confirm') ?? null);
