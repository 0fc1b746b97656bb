/**
 * Which parser reads an output is decided by the command line that produced it, never by a file name:
 * captures are written by hand as often as by the tool. Accepts the plain forms an engineer types
 * (capture.md), with or without an `adb [-s SERIAL] shell` prefix, quotes around the shell command and
 * extra spaces.
 */
export type SettingsNamespace = 'global' | 'secure' | 'system';

export type DispatchedCommand =
  | { kind: 'getprop' }
  | { kind: 'pm-list-packages'; disabledOnly: boolean; enabledOnly: boolean; includeUninstalled: boolean }
  | { kind: 'dumpsys-package'; package: string | null }
  | { kind: 'dumpsys-notification'; noredact: boolean }
  | { kind: 'settings-list'; namespace: SettingsNamespace }
  | { kind: 'settings-get'; namespace: SettingsNamespace; key: string }
  | { kind: 'deviceidle'; whitelistOnly: boolean }
  | { kind: 'standby-bucket'; package: string }
  | { kind: 'appops'; package: string; op: string | null }
  | { kind: 'netpolicy-restrict-background' }
  | { kind: 'netpolicy-whitelist' }
  | { kind: 'app-hibernation'; package: string }
  | { kind: 'logcat' };

const PKG = '[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+';
const USER_OPT = '(?:\\s+--user\\s+(?:\\d+|current|all))?';

/** Strips `adb [global options] shell` and quotes: `adb -s X shell "dumpsys package p"` → `dumpsys package p`. */
export function normalizeCommandLine(commandLine: string): string {
  let c = commandLine.trim().replace(/\s+/g, ' ');
  const adb = /^(?:\S*[\\/])?adb(?:\.exe)?((?: -[a-zA-Z](?: (?!shell\b)\S+)?)*) shell(?: |$)/.exec(c);
  if (adb) c = c.slice(adb[0].length).trim();
  if (c.length >= 2 && ((c.startsWith('"') && c.endsWith('"')) || (c.startsWith("'") && c.endsWith("'")))) {
    c = c.slice(1, -1).trim();
  }
  return c;
}

export function dispatchCommand(commandLine: string): DispatchedCommand | null {
  const c = normalizeCommandLine(commandLine);
  if (c === 'getprop') return { kind: 'getprop' };

  const pm = /^(?:pm|cmd package) list packages((?: -[a-zA-Z0-9]+| --show-versioncode| --user (?:\d+|current|all)| --uid \d+)*)$/.exec(c);
  if (pm) {
    const flags = (pm[1] ?? '').split(' ').filter((f) => f.startsWith('-') && !f.startsWith('--'))
      .flatMap((f) => f.slice(1).split(''));
    return {
      kind: 'pm-list-packages',
      disabledOnly: flags.includes('d'),
      enabledOnly: flags.includes('e'),
      includeUninstalled: flags.includes('u'),
    };
  }

  const pkgDump = new RegExp(`^dumpsys package(?: (${PKG}))?$`).exec(c);
  if (pkgDump) return { kind: 'dumpsys-package', package: pkgDump[1] ?? null };

  const notif = /^dumpsys notification((?: --noredact| --reveal)*)$/.exec(c);
  if (notif) return { kind: 'dumpsys-notification', noredact: (notif[1] ?? '') !== '' };

  const list = new RegExp(`^settings${USER_OPT} list${USER_OPT} (global|secure|system)$`).exec(c);
  if (list) return { kind: 'settings-list', namespace: list[1] as SettingsNamespace };
  const get = new RegExp(`^settings${USER_OPT} get${USER_OPT} (global|secure|system) ([A-Za-z0-9_.:\\-]+)$`).exec(c);
  if (get) return { kind: 'settings-get', namespace: get[1] as SettingsNamespace, key: get[2] ?? '' };

  const idle = /^(?:dumpsys|cmd) deviceidle( whitelist)?$/.exec(c);
  if (idle) return { kind: 'deviceidle', whitelistOnly: idle[1] !== undefined };

  const bucket = new RegExp(`^am get-standby-bucket${USER_OPT} (${PKG})${USER_OPT}$`).exec(c);
  if (bucket) return { kind: 'standby-bucket', package: bucket[1] ?? '' };

  const appops = new RegExp(`^(?:cmd )?appops get${USER_OPT} (${PKG})(?: ([A-Za-z0-9_:()]+))?${USER_OPT}$`).exec(c);
  if (appops) return { kind: 'appops', package: appops[1] ?? '', op: appops[2] ?? null };

  if (/^cmd netpolicy get restrict-background$/.test(c)) return { kind: 'netpolicy-restrict-background' };
  if (/^cmd netpolicy list restrict-background-whitelist$/.test(c)) return { kind: 'netpolicy-whitelist' };

  const hib = new RegExp(`^cmd app_hibernation get-state${USER_OPT} (${PKG})${USER_OPT}$`).exec(c);
  if (hib) return { kind: 'app-hibernation', package: hib[1] ?? '' };

  if (/^logcat(?: .*)?$/.test(c) && /(?:^| )(?:-d|-t \d+|-T \d+|--dump)(?: |$)/.test(`${c} `)) return { kind: 'logcat' };
  return null;
}
