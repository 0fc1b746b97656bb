import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface LabState {
  /** Audit-all in progress: phones finished of phones started; null when none runs. */
  auditAll: { done: number; total: number } | null;
  onlyFailures: boolean;
  /** Only phones whose audit found something different from their previous audit. */
  onlyChanged: boolean;
  sortByHost: boolean;
  setAuditAll(progress: { done: number; total: number } | null): void;
  setOnlyFailures(on: boolean): void;
  setOnlyChanged(on: boolean): void;
  setSortByHost(on: boolean): void;
}

export const useLabStore = create<LabState>()(persist((set) => ({
  auditAll: null,
  onlyFailures: false,
  onlyChanged: false,
  sortByHost: false,
  setAuditAll: (auditAll) => set({ auditAll }),
  setOnlyFailures: (onlyFailures) => set({ onlyFailures }),
  setOnlyChanged: (onlyChanged) => set({ onlyChanged }),
  setSortByHost: (sortByHost) => set({ sortByHost }),
}), {
  name: 'push-doctor:lab',
  storage: createJSONStorage(() => localStorage),
  partialize: (s) => ({ onlyFailures: s.onlyFailures, onlyChanged: s.onlyChanged, sortByHost: s.sortByHost }),
}));
