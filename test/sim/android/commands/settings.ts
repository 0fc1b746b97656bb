import type { AndroidCommand } from './command.js';

type Namespace = 'global' | 'secure' | 'system';
const NAMESPACES = new Set<string>(['global', 'secure', 'system']);

/**
 * `settings get|put|delete|list NS …` as SettingsService.MyShellCommand prints it
 * (frameworks/base/packages/SettingsProvider/src/com/android/providers/settings/SettingsService.java,
 * Android 8–15): missing keys read as `null`, `list` prints `key=value` sorted by key, delete
 * reports `Deleted N rows`.
 */
export const settings: AndroidCommand = async (io, device) => {
  const args: string[] = [];
  for (let i = 0; i < io.args.length; i++) {
    if (io.args[i] === '--user') i++;
    else args.push(io.args[i]!);
  }
  const [verb, ns, key, ...rest] = args;
  if (!verb || !ns || !NAMESPACES.has(ns) || !['get', 'put', 'delete', 'list', 'reset'].includes(verb)) {
    await io.err('Invalid command: ' + (verb ?? '') + '\n');
    return 255;
  }
  const table = device.state.settings[ns as Namespace];
  switch (verb) {
    case 'list': {
      const rows = Object.keys(table)
        .sort()
        .map((k) => `${k}=${table[k]}\n`);
      await io.out(rows.join(''));
      return 0;
    }
    case 'get':
      if (!key) break;
      await io.out(`${Object.hasOwn(table, key) ? table[key] : 'null'}\n`);
      return 0;
    case 'put': {
      const value = rest[0];
      if (!key || value === undefined) break;
      table[key] = value;
      return 0;
    }
    case 'delete': {
      if (!key) break;
      const existed = Object.hasOwn(table, key);
      delete table[key];
      await io.out(`Deleted ${existed ? 1 : 0} rows\n`);
      return 0;
    }
    case 'reset':
      return 0;
  }
  await io.err('Bad arguments\n');
  return 255;
};

/**
 * `dumpsys settings` as SettingsProvider.dump prints it (frameworks/base/packages/SettingsProvider/src/com/
 * android/providers/settings/SettingsProvider.java, dumpForUserLocked + dumpSettingsLocked): for user 0,
 * `CONFIG SETTINGS` (Android 10+), `GLOBAL`, `SECURE` and `SYSTEM SETTINGS (user 0)`, one
 * `_id:N name:KEY pkg:PKG value:VALUE` line per setting in the order they were stored, a blank line after each.
 */
export function dumpsysSettings(device: { sdk: number; state: { settings: Record<Namespace, Record<string, string>> } }): string {
  const lines: string[] = [];
  let id = 1;
  const table = (title: string, values: Record<string, string>) => {
    lines.push(`${title} SETTINGS (user 0)`);
    for (const [name, value] of Object.entries(values)) lines.push(`_id:${id++} name:${name} pkg:android value:${value}`);
    lines.push('');
  };
  if (device.sdk >= 29) table('CONFIG', {});
  table('GLOBAL', device.state.settings.global);
  table('SECURE', device.state.settings.secure);
  table('SYSTEM', device.state.settings.system);
  return `${lines.join('\n')}\n`;
}
