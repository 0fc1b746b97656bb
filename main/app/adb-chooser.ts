import type { Dialog, OpenDialogOptions } from 'electron';
import type { AdbChoice } from '../../common/ipc/contract.js';
import { checkAdbBinary, type AdbBinaryCheck } from '../adb/check-adb-binary.js';
import { IpcFailure } from '../ipc/dispatch.js';
import type { SettingsStore } from './settings-store.js';

/**
 * The only way an adb path gets into Settings: the user picks a file in main's own chooser, and
 * main stores it once the file proves to be adb. The page can start this but never name a path, so a
 * compromised page cannot make main spawn `/bin/sh` or a binary on a network share.
 */
export interface AdbChooserDeps {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  settings: SettingsStore;
  platform: NodeJS.Platform;
  check?: (file: string) => Promise<AdbBinaryCheck>;
}

export function createAdbChooser(deps: AdbChooserDeps): () => Promise<AdbChoice> {
  const check = deps.check ?? ((file: string) => checkAdbBinary(file, { platform: deps.platform }));
  const options: OpenDialogOptions = {
    title: 'Choose adb (Android SDK Platform-Tools)',
    buttonLabel: 'Use this adb',
    properties: ['openFile', 'dontAddToRecent'],
    ...(deps.platform === 'win32' ? { filters: [{ name: 'adb.exe', extensions: ['exe'] }] } : {}),
  };
  async function choose(): Promise<AdbChoice> {
    const picked = await deps.dialog.showOpenDialog(options);
    if (picked.canceled || picked.filePaths.length === 0) return { chosen: false };
    const [file] = picked.filePaths;
    if (!file || picked.filePaths.length !== 1) throw new IpcFailure('INVALID_INPUT', 'Choose exactly one adb file.');
    const verdict = await check(file);
    if (!verdict.ok) {
      throw new IpcFailure(
        'INVALID_INPUT',
        `${file} was not saved as adb: ${verdict.reason}.`,
        'Choose the adb binary inside the Android SDK Platform-Tools folder (platform-tools/adb, adb.exe on Windows).',
      );
    }
    const settings = await deps.settings.setSettings({ adbPath: file });
    return { chosen: true, settings, version: verdict.version };
  }

  // A second click while the chooser is open waits for the same answer instead of opening another.
  let pending: Promise<AdbChoice> | null = null;
  return () => {
    pending ??= choose().finally(() => {
      pending = null;
    });
    return pending;
  };
}
