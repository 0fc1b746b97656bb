import { cite, guard, parsed, toInt, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `am get-standby-bucket PKG`: the app's UsageStats standby bucket as a number (5 exempted, 10 active,
 * 20 working set, 30 frequent, 40 rare, 45 restricted, 50 never). Android 9+; Android 8 answers
 * `Unknown command`. Printed by ActivityManagerShellCommand.runGetStandbyBucket
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/am/ActivityManagerShellCommand.java).
 * Bucket names are accepted too, for OEM builds that print them.
 */
const BUCKET_NAMES: Readonly<Record<string, number>> = {
  EXEMPTED: 5, ACTIVE: 10, WORKING_SET: 20, FREQUENT: 30, RARE: 40, RESTRICTED: 45, NEVER: 50,
};

export function parseStandbyBucket(text: string): ParseResult<Cited<number>> {
  return guard('am get-standby-bucket', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`am get-standby-bucket failed: ${failure}`);
    const lines = toLines(text).map((l) => l.trim()).filter((l) => l !== '');
    for (const line of lines) {
      const n = toInt(line);
      if (n !== null) return parsed(cite(n, line));
      const named = BUCKET_NAMES[line.toUpperCase()];
      if (named !== undefined) return parsed(cite(named, line));
    }
    return unparsed(lines[0] ? `unexpected standby bucket output: ${lines[0].slice(0, 120)}` : 'am get-standby-bucket printed nothing');
  });
}
