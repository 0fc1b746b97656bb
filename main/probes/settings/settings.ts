import { cite, guard, parsed, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `settings list global|secure|system` (`name=value` per line) and `settings get NS KEY` (the value, or
 * `null` when unset). Printed by SettingsProvider's shell command
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/packages/SettingsProvider/src/com/android/providers/settings/SettingsService.java),
 * unchanged from Android 6 to 16; OEM keys (MIUI, ColorOS, One UI) are plain lines too.
 */
export interface SettingsList {
  values: Map<string, Cited<string>>;
  skippedLines: number;
}

const ENTRY = /^([A-Za-z0-9_.:-]+)=(.*)$/;

export function parseSettingsList(text: string): ParseResult<SettingsList> {
  return guard('settings list', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`settings list failed: ${failure}`);
    const values = new Map<string, Cited<string>>();
    let skipped = 0;
    for (const raw of toLines(text)) {
      const line = raw.trimEnd();
      if (line.trim() === '') continue;
      const m = ENTRY.exec(line);
      if (!m) {
        skipped++;
        continue;
      }
      values.set(m[1] ?? '', cite(m[2] ?? '', line));
    }
    if (values.size === 0) return unparsed(skipped > 0 ? 'no `name=value` lines in settings list output' : 'settings list output is empty');
    return parsed({ values, skippedLines: skipped });
  });
}

/** `settings get NS KEY`: the value, or null when the phone printed `null` (setting never written). */
export function parseSettingsGet(text: string): ParseResult<Cited<string | null>> {
  return guard('settings get', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`settings get failed: ${failure}`);
    const lines = toLines(text).map((l) => l.trim()).filter((l) => l !== '');
    const line = lines[0];
    if (line === undefined) return unparsed('settings get printed nothing');
    if (lines.length > 1) return unparsed(`settings get printed ${lines.length} lines, expected one`);
    return parsed(cite(line === 'null' ? null : line, line));
  });
}
