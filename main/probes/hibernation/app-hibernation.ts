import { cite, guard, parsed, toBool, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `cmd app_hibernation get-state PKG`: `true` or `false` (Android 12+; earlier phones have no such
 * service). Printed by AppHibernationShellCommand.runGetState
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/apphibernation/AppHibernationShellCommand.java).
 */
export function parseAppHibernation(text: string): ParseResult<Cited<boolean>> {
  return guard('cmd app_hibernation', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`cmd app_hibernation failed: ${failure}`);
    const lines = toLines(text).map((l) => l.trim()).filter((l) => l !== '');
    const line = lines[0];
    const value = toBool(line);
    if (line === undefined || value === null) {
      return unparsed(line ? `unexpected app_hibernation output: ${line.slice(0, 120)}` : 'cmd app_hibernation printed nothing');
    }
    return parsed(cite(value, line));
  });
}
