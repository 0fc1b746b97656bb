import { create } from 'zustand';
import type { CredentialStatus, IpcError, Settings } from '../../../common/ipc/contract.js';

/** Main's settings and the credential routes' state (names and whether each is set; never a secret). */
interface SettingsState {
  settings: Settings | null;
  credentials: CredentialStatus[] | null;
  error: IpcError | null;
  setSettings(settings: Settings): void;
  setCredentials(credentials: CredentialStatus[]): void;
  setError(error: IpcError | null): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  credentials: null,
  error: null,
  setSettings: (settings) => set({ settings }),
  setCredentials: (credentials) => set({ credentials }),
  setError: (error) => set({ error }),
}));

export const useSettings = (): Settings | null => useSettingsStore((s) => s.settings);
export const useCredentials = (): CredentialStatus[] | null => useSettingsStore((s) => s.credentials);
