import { create } from 'zustand';
import type { IpcError } from '../../../common/ipc/contract.js';

export interface PackageList {
  status: 'loading' | 'done' | 'failed';
  packages: string[];
  error: IpcError | null;
}

interface PackagesState {
  /** The phone's third-party packages, by `refKey`. */
  lists: Record<string, PackageList>;
  set(key: string, list: PackageList): void;
}

export const usePackagesStore = create<PackagesState>()((set) => ({
  lists: {},
  set: (key, list) => set((s) => ({ lists: { ...s.lists, [key]: list } })),
}));

export const usePackages = (key: string | null): PackageList | null =>
  usePackagesStore((s) => (key ? s.lists[key] ?? null : null));
