import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data folder the app and the CLI share, so an audit run from a script shows up in the
 * workstation's history and the other way round. Follows each OS's convention for application data
 * (XDG Base Directory on Linux, %APPDATA% on Windows, Application Support on macOS).
 */
export function userDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform, home: string = env.HOME || env.USERPROFILE || os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Push Doctor');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Push Doctor');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(home, '.local', 'share');
  return path.posix.join(xdg, 'push-doctor');
}

export function historyDir(env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'history');
}
