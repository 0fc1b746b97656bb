import { guard, parsed, toInt, unparsed, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `dumpsys deviceidle whitelist` (`system-excidle,PKG,UID`, `system,PKG,UID`, `user,PKG,UID` per line) and
 * the whitelist sections of a full `dumpsys deviceidle` (`  Whitelist system apps:` followed by indented
 * package names; also `Whitelist (except idle) system apps:` and `Whitelist user apps:`).
 * Printed by DeviceIdleController.dump
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/apex/jobscheduler/service/java/com/android/server/DeviceIdleController.java ;
 * services/core/java/com/android/server/DeviceIdleController.java before Android 11), same lines on Android 6–16.
 * `PowerManager.isIgnoringBatteryOptimizations` is true for the `system` and `user` lists, not `system-excidle`.
 */
export type WhitelistKind = 'system-excidle' | 'system' | 'user';

export interface WhitelistEntry {
  kind: WhitelistKind;
  package: string;
  uid: number | null;
  line: string;
}

export interface DeviceIdleWhitelist {
  entries: WhitelistEntry[];
  /** Where the entries came from. */
  format: 'whitelist' | 'full-dump';
}

const CSV = /^(system-excidle|system|user),([A-Za-z0-9_.]+),(\d+)\s*$/;
const SECTION: readonly [RegExp, WhitelistKind][] = [
  [/^\s*Whitelist \(except idle\) system apps:\s*$/, 'system-excidle'],
  [/^\s*Whitelist system apps:\s*$/, 'system'],
  [/^\s*Whitelist user apps:\s*$/, 'user'],
];

export function parseDeviceIdleWhitelist(text: string): ParseResult<DeviceIdleWhitelist> {
  return guard('dumpsys deviceidle', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`dumpsys deviceidle failed: ${failure}`);
    const lines = toLines(text);
    const entries: WhitelistEntry[] = [];
    let sawCsv = false;
    let sawSection = false;
    let section: WhitelistKind | null = null;
    for (const raw of lines) {
      const line = raw.trimEnd();
      const csv = CSV.exec(line.trim());
      if (csv) {
        sawCsv = true;
        entries.push({ kind: csv[1] as WhitelistKind, package: csv[2] ?? '', uid: toInt(csv[3]), line: line.trim() });
        continue;
      }
      const header = SECTION.find(([re]) => re.test(line));
      if (header) {
        section = header[1];
        sawSection = true;
        continue;
      }
      if (section !== null) {
        const pkg = /^\s{4,}([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)\s*$/.exec(line)?.[1];
        if (pkg) entries.push({ kind: section, package: pkg, uid: null, line: line.trim() });
        else section = null;
      }
    }
    if (!sawCsv && !sawSection) {
      const nonBlank = lines.some((l) => l.trim() !== '');
      if (nonBlank) return unparsed('no whitelist lines (`system,PKG,UID` or `Whitelist … apps:`) in the output');
      return parsed({ entries, format: 'whitelist' });
    }
    return parsed({ entries, format: sawCsv ? 'whitelist' : 'full-dump' });
  });
}
