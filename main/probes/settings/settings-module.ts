import { USER_OPT } from '../command-grammar.js';
import type { Cited } from '../parse-result.js';
import { bugreportOutput, type ProbeModule } from '../probe-module.js';
import { run, outputProblem, type Output, type OutputIndex, type SheetBuilder } from '../read-kit.js';
import { zenFromNotificationDump } from '../notification/notification-module.js';
import { parseSettingsGet, parseSettingsList } from './settings.js';

/** Phone-wide switches from `settings list global|secure|system`: Do Not Disturb, lock screen, battery saver, ringer. */

type Namespace = 'global' | 'secure' | 'system';

function settingsOutput(out: OutputIndex, ns: Namespace, key: string): Output | undefined {
  return out.find((d) => d.kind === 'settings-get' && d.namespace === ns && d.key === key)
    ?? out.find((d) => d.kind === 'settings-list' && d.namespace === ns);
}

function settingValue(sheet: SheetBuilder, out: OutputIndex, ns: Namespace, key: string, path: string): Cited<string> | null {
  const o = settingsOutput(out, ns, key);
  const problem = outputProblem(o, `settings list ${ns}`);
  if (problem || !o) {
    sheet.why(path, problem ?? 'missing');
    return null;
  }
  if (o.dispatched.kind === 'settings-get') {
    const r = run(o, parseSettingsGet);
    if (!r.ok) {
      sheet.why(path, r.reason);
      return null;
    }
    if (r.value.value === null) {
      sheet.why(path, `${key} is not set on this phone (\`${o.command}\` printed null)`);
      return null;
    }
    sheet.cite(path, o.command, r.value.line);
    return { value: r.value.value, line: r.value.line };
  }
  const r = run(o, parseSettingsList);
  if (!r.ok) {
    sheet.why(path, r.reason);
    return null;
  }
  const v = r.value.values.get(key);
  if (!v) {
    sheet.why(path, `${key} is not set on this phone (absent from \`${o.command}\`)`);
    return null;
  }
  if (v.value === 'null') {
    sheet.why(path, `${key} is null in \`${o.command}\``);
    return null;
  }
  sheet.cite(path, o.command, v.line);
  return v;
}

function intSetting(v: Cited<string> | null): number | null {
  if (!v) return null;
  const n = Number(v.value.trim());
  return Number.isInteger(n) ? n : null;
}

/**
 * `dumpsys settings` prints SettingsProvider's tables as
 * `_id:12 name:zen_mode pkg:android value:0 default:0 defaultSystemSet:true` under
 * `GLOBAL SETTINGS (user 0)` / `SECURE SETTINGS (user 0)` / `SYSTEM SETTINGS (user 0)`;
 * turned into `settings list NS` lines (`name=value`) for user 0.
 */
function settingsFromProviderDump(dump: string): Map<Namespace, string> {
  const result = new Map<Namespace, string>();
  let current: Namespace | null = null;
  const acc = new Map<Namespace, string[]>();
  for (const line of dump.split('\n')) {
    const header = /^\s*(GLOBAL|SECURE|SYSTEM) SETTINGS \(user (\d+)\)/.exec(line);
    if (header) {
      current = header[2] === '0' ? ((header[1] ?? '').toLowerCase() as Namespace) : null;
      continue;
    }
    if (/^\s*[A-Z ]+ SETTINGS/.test(line)) {
      current = null;
      continue;
    }
    if (!current) continue;
    // pkg:, default: and tag: are printed only when set (SettingsProvider.dumpSettingsLocked).
    const m = /^\s*_id:\S+ name:(\S+)(?: pkg:\S*)? value:(.*?)(?: default:.*| tag:.*)?$/.exec(line);
    if (!m) continue;
    const list = acc.get(current) ?? [];
    list.push(`${m[1]}=${m[2]}`);
    acc.set(current, list);
  }
  for (const [ns, list] of acc) result.set(ns, `${list.join('\n')}\n`);
  return result;
}

function readSystem(sheet: SheetBuilder, out: OutputIndex): void {
  const sys = sheet.facts.system;
  const zen = intSetting(settingValue(sheet, out, 'global', 'zen_mode', 'system.zenMode'));
  if (zen !== null) {
    sys.zenMode = zen;
  } else {
    // Phones whose settings provider lacks zen_mode still print the zen state in `dumpsys notification`.
    const fromDump = zenFromNotificationDump(out);
    if (fromDump) {
      sys.zenMode = fromDump.value;
      delete sheet.unknown['system.zenMode'];
      sheet.cite('system.zenMode', fromDump.command, fromDump.line);
    }
  }
  const flag = (v: Cited<string> | null, path: string): boolean | null => {
    const n = intSetting(v);
    if (v && n === null) sheet.why(path, `not a number: ${v.line}`);
    return n === null ? null : n !== 0;
  };
  sys.lockScreenShowNotifications = flag(settingValue(sheet, out, 'secure', 'lock_screen_show_notifications', 'system.lockScreenShowNotifications'), 'system.lockScreenShowNotifications');
  sys.lockScreenShowPrivate = flag(settingValue(sheet, out, 'secure', 'lock_screen_allow_private_notifications', 'system.lockScreenShowPrivate'), 'system.lockScreenShowPrivate');
  sys.batterySaver = flag(settingValue(sheet, out, 'global', 'low_power', 'system.batterySaver'), 'system.batterySaver');
  const ringer = settingValue(sheet, out, 'global', 'mode_ringer', 'system.ringerMode');
  sys.ringerMode = intSetting(ringer);
  if (ringer && sys.ringerMode === null) sheet.why('system.ringerMode', `not a number: ${ringer.line}`);
}

export type SettingsCommand =
  | { kind: 'settings-list'; namespace: Namespace }
  | { kind: 'settings-get'; namespace: Namespace; key: string };

export const settingsModule: ProbeModule<SettingsCommand> = {
  dispatch(c) {
    const list = new RegExp(`^settings${USER_OPT} list${USER_OPT} (global|secure|system)$`).exec(c);
    if (list) return { kind: 'settings-list', namespace: list[1] as Namespace };
    const get = new RegExp(`^settings${USER_OPT} get${USER_OPT} (global|secure|system) ([A-Za-z0-9_.:\\-]+)$`).exec(c);
    return get ? { kind: 'settings-get', namespace: get[1] as Namespace, key: get[2] ?? '' } : null;
  },
  area: 'settings',
  probes: () => [
    { id: 'settings-global', command: 'settings list global', purpose: 'zen_mode, low_power, mode_ringer' },
    { id: 'settings-secure', command: 'settings list secure', purpose: 'lock screen notification settings' },
    { id: 'settings-system', command: 'settings list system', purpose: 'notification sound and OEM switches' },
  ],
  fromBugreport(sections) {
    const dump = sections.service('settings');
    if (dump === null) return [];
    return [...settingsFromProviderDump(dump)].map(([ns, body]) => bugreportOutput(`settings list ${ns}`, body));
  },
  read({ out }, sheet) {
    readSystem(sheet, out);
  },
};
