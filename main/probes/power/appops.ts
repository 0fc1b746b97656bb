import { guard, parsed, unparsed, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `cmd appops get PKG [OP]` / `appops get PKG`: one `OP: mode[; time=+1h ago][; rejectTime=…][; duration=…]`
 * line per operation that has state, `Uid mode: OP: mode` for uid-wide modes (Android 9+), or
 * `No operations.`. MIUI/HyperOS print their own ops as `MIUIOP(10008): ignore` (10008 = autostart);
 * other phones answer `Error: Unknown operation string: 10008` for that op.
 * Printed by AppOpsService.Shell `get`
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/appop/AppOpsService.java ;
 * services/core/java/com/android/server/AppOpsService.java before Android 10). Android 8 lists
 * RUN_IN_BACKGROUND; Android 9+ adds RUN_ANY_IN_BACKGROUND (the user's "background restriction").
 * Android 11+ prints per-attribution lines indented under an op; they are ignored.
 */
export interface AppOpEntry {
  op: string;
  /** allow, ignore, deny/errored, default, foreground, ask (MIUI), … as printed. */
  mode: string;
  uidMode: boolean;
  line: string;
}

export interface AppOps {
  ops: Map<string, AppOpEntry>;
  /** Ops named on a line whose mode could not be read (a cut line, `OP: ` and nothing after): unknown, not default. */
  unreadable: Map<string, string>;
  /** The phone said `No operations.`: every op is at its default. */
  noOperations: boolean;
}

const OP_NAME = '([A-Z][A-Z0-9_]*(?:\\(\\d+\\))?|Unknown\\(\\d+\\)|[A-Z]+OP\\(\\d+\\))';
const OP_LINE = new RegExp(`^(Uid mode: )?${OP_NAME}: ([a-z_]+)\\b`);
/** An op line cut before its mode: `RUN_ANY_IN_BACKGROUND:` or `RUN_ANY_IN_BACKGROUND: ` at the end. */
const OP_WITHOUT_MODE = new RegExp(`^(?:Uid mode: )?${OP_NAME}:\\s*$`);

export function parseAppOps(text: string): ParseResult<AppOps> {
  return guard('cmd appops get', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`cmd appops failed: ${failure}`);
    const lines = toLines(text);
    const ops = new Map<string, AppOpEntry>();
    const unreadable = new Map<string, string>();
    let noOperations = false;
    let errorLine: string | null = null;
    for (const raw of lines) {
      if (/^\s{2,}/.test(raw)) continue;
      const line = raw.trim();
      if (line === '') continue;
      if (line === 'No operations.') {
        noOperations = true;
        continue;
      }
      if (line.startsWith('Error:')) {
        errorLine ??= line;
        continue;
      }
      const m = OP_LINE.exec(line);
      if (!m) {
        const cut = OP_WITHOUT_MODE.exec(line);
        if (cut) unreadable.set(cut[1] ?? '', line);
        continue;
      }
      const entry: AppOpEntry = { op: m[2] ?? '', mode: m[3] ?? '', uidMode: m[1] !== undefined, line };
      // The package mode is what the app runs under; a uid mode only fills in when no package line exists.
      const existing = ops.get(entry.op);
      if (!existing || (existing.uidMode && !entry.uidMode)) ops.set(entry.op, entry);
    }
    if (ops.size === 0 && !noOperations && unreadable.size === 0) {
      if (errorLine) return unparsed(`cmd appops: ${errorLine}`);
      return unparsed(lines.some((l) => l.trim() !== '') ? 'no `OP: mode` lines in appops output' : 'cmd appops printed nothing');
    }
    return parsed({ ops, unreadable, noOperations });
  });
}
