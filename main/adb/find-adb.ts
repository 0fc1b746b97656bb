import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AdbLocation } from '../../common/ipc/contract.js';

export interface FindAdbOptions {
  /** The adb binary chosen in Settings, if any. */
  settingsPath: string | null;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** True when the file exists and can be run; injectable so tests need no real binaries. */
  isExecutable?: (file: string) => Promise<boolean>;
}

/** Where Google publishes adb; the adb-missing message (and so the page) names it. */
export const PLATFORM_TOOLS_URL = 'https://developer.android.com/tools/releases/platform-tools';

/** What to install, in the words of each OS's usual package manager. */
export function installAdvice(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Install it with Homebrew: `brew install android-platform-tools`.';
    case 'win32':
      return `Download "SDK Platform-Tools for Windows" (a zip) from ${PLATFORM_TOOLS_URL}, unzip it, and choose its adb.exe in Settings or add the folder to PATH.`;
    default:
      return `Install it with your package manager: Debian/Ubuntu \`sudo apt-get install adb\`, Fedora \`sudo dnf install android-tools\`, Arch \`sudo pacman -S android-tools\`; or unzip SDK Platform-Tools from ${PLATFORM_TOOLS_URL} and choose its adb in Settings.`;
  }
}

async function defaultIsExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the adb binary: the path chosen in Settings, then the Android SDK named by ANDROID_HOME or
 * ANDROID_SDK_ROOT, then PATH. A Settings path that does not work is reported rather than silently
 * replaced by another adb, because the user chose it on purpose.
 */
export async function findAdb(options: FindAdbOptions): Promise<AdbLocation> {
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  const paths = options.platform === 'win32' ? path.win32 : path.posix;
  const exe = options.platform === 'win32' ? 'adb.exe' : 'adb';

  if (options.settingsPath) {
    if (await isExecutable(options.settingsPath)) {
      return { found: true, path: options.settingsPath, source: 'settings', message: null };
    }
    return {
      found: false, path: null, source: null,
      message: `The adb chosen in Settings (${options.settingsPath}) does not exist or cannot be run. Choose another, or clear the setting to search the Android SDK and PATH. ${installAdvice(options.platform)}`,
    };
  }

  const looked: string[] = [];
  const sdkRoots = [options.env.ANDROID_HOME, options.env.ANDROID_SDK_ROOT].filter((v): v is string => !!v);
  for (const root of new Set(sdkRoots)) {
    const candidate = paths.join(root, 'platform-tools', exe);
    looked.push(candidate);
    if (await isExecutable(candidate)) return { found: true, path: candidate, source: 'android-sdk', message: null };
  }

  const pathVar = options.env.PATH ?? options.env.Path ?? '';
  const delimiter = options.platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(delimiter).filter((d) => d !== '' && paths.isAbsolute(d))) {
    const candidate = paths.join(dir, exe);
    if (await isExecutable(candidate)) return { found: true, path: candidate, source: 'path', message: null };
  }
  looked.push('every folder on PATH');

  return {
    found: false, path: null, source: null,
    message: `adb (Android Debug Bridge) was not found; looked in ${looked.join(', ')}. ${installAdvice(options.platform)}`,
  };
}
