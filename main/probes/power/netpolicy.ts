import { cite, guard, parsed, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `cmd netpolicy get restrict-background` (`Restrict background status: enabled|disabled`) and
 * `cmd netpolicy list restrict-background-whitelist` (`Restrict background whitelisted UIDs: 10123 10234`,
 * or `…: none`). Printed by NetworkPolicyManagerShellCommand
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/net/NetworkPolicyManagerShellCommand.java),
 * Android 7–16.
 */
export function parseRestrictBackground(text: string): ParseResult<Cited<boolean>> {
  return guard('cmd netpolicy get restrict-background', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`cmd netpolicy failed: ${failure}`);
    for (const raw of toLines(text)) {
      const line = raw.trim();
      const m = /^Restrict background status:\s*(enabled|disabled)\b/i.exec(line);
      if (m) return parsed(cite((m[1] ?? '').toLowerCase() === 'enabled', line));
    }
    return unparsed('no `Restrict background status:` line in the output');
  });
}

export function parseRestrictBackgroundWhitelist(text: string): ParseResult<Cited<number[]>> {
  return guard('cmd netpolicy list restrict-background-whitelist', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`cmd netpolicy failed: ${failure}`);
    for (const raw of toLines(text)) {
      const line = raw.trim();
      const m = /^Restrict background whitelisted UIDs:\s*(.*)$/i.exec(line);
      if (!m) continue;
      const list = (m[1] ?? '').trim();
      if (list === '' || list.toLowerCase() === 'none') return parsed(cite([], line));
      const uids = list.split(/[\s,]+/).filter((u) => /^\d+$/.test(u)).map(Number);
      return parsed(cite(uids, line));
    }
    return unparsed('no `Restrict background whitelisted UIDs:` line in the output');
  });
}
