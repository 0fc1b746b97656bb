/**
 * Whether a shell command a fix ran did what it was asked, from its exit status and what it printed.
 * Shell commands of Android 8 and older often exit 0 after printing an exception, so the text is read too:
 * ShellCommand prints `Exception occurred while executing '<verb>':` (or `Security exception: …`) before
 * the stack; `am start` prints `Error: …` / `Error type N` (ActivityManagerShellCommand.runStartActivity);
 * `pm` prints `Error: …`, `Failure […]` or `Unknown permission …`; handleDefaultCommands prints `Unknown command: X`.
 */
const FAILURE_LINE = /^(?:Error(?: type \d+)?:?|Exception occurred while executing|Security exception|java\.lang\.\w+(?:Exception|Error)|Unknown (?:command|permission|package|option)|Failure\b|Bad component name|Operation not allowed|\/system\/bin\/sh: )/m;

export interface CommandOutcome {
  ok: boolean;
  /** The line that says why it failed, when it did. */
  reason: string | null;
}

export function commandOutcome(output: string, exitCode: number | null): CommandOutcome {
  const failure = FAILURE_LINE.exec(output);
  if (failure) {
    const line = output.slice(failure.index).split('\n', 1)[0] ?? failure[0];
    return { ok: false, reason: line.trim() };
  }
  if (exitCode !== null && exitCode !== 0) return { ok: false, reason: `exited with ${exitCode}` };
  return { ok: true, reason: null };
}

/**
 * What `cmd package resolve-activity --brief <intent>` answers (PackageManagerShellCommand.runResolveActivity):
 * `No activity found` when nothing handles the intent, else a `priority=…` line then the component
 * ("pkg/.Class"), which is `android/com.android.internal.app.ResolverActivity` when several match. Null when
 * the text is neither (an old phone without `cmd package`, an error), so the caller tries `am start` itself.
 */
export function resolvedComponent(output: string): { resolved: true; component: string } | { resolved: false } | null {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.some((l) => /^No activity found\b/.test(l))) return { resolved: false };
  const header = lines.findIndex((l) => /^priority=-?\d+ /.test(l));
  const component = header >= 0 ? lines[header + 1] : undefined;
  if (component && /^[A-Za-z][\w.]*\/[\w.$]+$/.test(component)) return { resolved: true, component };
  return null;
}

/** The intent arguments of an `am start` line, for `cmd package resolve-activity`, which takes the same. */
export function resolveCommandFor(amStart: string): string | null {
  const m = /^am start(?:-activity)? (.+)$/.exec(amStart.trim());
  return m ? `cmd package resolve-activity --brief ${m[1]}` : null;
}
