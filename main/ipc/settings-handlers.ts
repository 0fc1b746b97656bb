import type { AdbChoice, Settings, SettingsPatch } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface SettingsServices {
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Opens main's file chooser; stores the file the user picked only once it answers as adb. */
  chooseAdb(): Promise<AdbChoice>;
}

export function settingsHandlers(services: SettingsServices): Handlers {
  return {
    'settings:get': () => services.getSettings(),
    'settings:set': (patch) => services.setSettings(patch),
    'settings:choose-adb': () => services.chooseAdb(),
  };
}
