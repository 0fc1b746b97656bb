import { create } from 'zustand';
import type { AppInfo } from '../../../common/ipc/contract.js';

interface AppState {
  /** Versions and where adb was found; null until main has answered. */
  info: AppInfo | null;
  setInfo(info: AppInfo): void;
}

export const useAppStore = create<AppState>()((set) => ({
  info: null,
  setInfo: (info) => set({ info }),
}));

export const useAdbLocation = (): AppInfo['adb'] | null => useAppStore((s) => s.info?.adb ?? null);
export const useAppVersion = (): string | null => useAppStore((s) => s.info?.version ?? null);
