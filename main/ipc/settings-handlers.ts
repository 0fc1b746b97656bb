import type { Settings } from '../../common/ipc/contract.js';
import { handle, type Ipc } from './handle.js';

export interface SettingsServices {
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
}

export function registerSettingsHandlers(ipc: Ipc, services: SettingsServices): void {
  handle(ipc, 'settings:get', () => services.getSettings());
  handle(ipc, 'settings:set', (patch) => services.setSettings(patch));
}
