import { shellQuote } from '../../adb/shell-safety.js';
import { parseClickTarget } from '../../apk/click-target.js';
import type { ParseResult } from '../parse-result.js';

/**
 * The phone's half of the click-target check: `cmd package resolve-activity --brief` for the target the engineer
 * entered, asked the way startActivity would ask. AOSP's PackageManagerShellCommand.runResolveActivity prints
 * "No activity found", or with --brief one line `priority=… preferredOrder=… match=0x… specificIndex=… isDefault=…`
 * and then the component (ComponentName.flattenToShortString). Several handlers give the framework's chooser,
 * `android/com.android.internal.app.ResolverActivity`.
 */

/** The command for a click target; null when the text is none of the forms parseClickTarget reads. */
export function resolveActivityCommand(text: string, app: string | null): string | null {
  const target = parseClickTarget(text, app);
  if (!target) return null;
  const args = ['cmd', 'package', 'resolve-activity', '--brief', '--user', '0'];
  if (target.kind === 'component') {
    const pkg = target.package ?? app;
    if (!pkg) return null;
    args.push('-n', shellQuote(`${pkg}/${target.className}`));
  } else {
    args.push('-a', shellQuote(target.action));
    for (const c of target.categories) args.push('-c', shellQuote(c));
    args.push('-d', shellQuote(target.uri));
    if (target.package) args.push('-p', shellQuote(target.package));
  }
  return args.join(' ');
}

export interface ResolvedActivity {
  /** `pkg/.Class` as printed; null for "No activity found". */
  component: string | null;
  line: string;
}

export function parseResolveActivity(text: string): ParseResult<ResolvedActivity> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => l === 'No activity found')) return { ok: true, value: { component: null, line: 'No activity found' } };
  const header = lines.findIndex((l) => /^priority=-?\d+ preferredOrder=-?\d+ match=0x[0-9a-f]+/.test(l));
  const component = header >= 0 ? lines[header + 1] : undefined;
  if (component && /^[\w.]+\/[\w.$]+$/.test(component)) return { ok: true, value: { component, line: component } };
  return { ok: false, reason: `no "No activity found" and no component line in: ${JSON.stringify(lines.slice(0, 3).join(' | ').slice(0, 200))}` };
}

/** `package:/data/app/…/base.apk` lines of `pm path PKG` (base first, then splits, as pm prints them). */
export function parsePmPath(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('package:')).map((l) => l.slice('package:'.length))
    // Only plain paths travel on to the phone's shell and sync service.
    .filter((p) => /^\/[\w.~=+@/-]+\.apk$/.test(p) && !p.includes('/../'));
}
