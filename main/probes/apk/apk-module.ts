import type { ApkFacts } from '../../../common/domain/apk.js';
import type { Evidence } from '../../../common/domain/facts.js';
import { normalizeCommandLine, PKG, USER_OPT } from '../command-grammar.js';
import type { Probe, ProbeModule } from '../probe-module.js';
import { readFor } from '../read-kit.js';
import { parsePmPath, parseResolveActivity, resolveActivityCommand } from './resolve-activity.js';

/**
 * The app's build, for checklist section 2. `pm path PKG` names the APKs; the audit pulls them (main/apk/
 * fetch-apk.ts) and hands their inspection over as `ReadInput.apk`, since an APK is a file, not a command's
 * text. A capture hands over its apk.json the same way, and `analyze --apk` an APK from disk. The console's
 * click target is asked of the phone with `cmd package resolve-activity`.
 */

/** The APK inspection as the reader receives it: the facts, or why there are none, and where they came from. */
export interface ApkInput {
  facts: ApkFacts | null;
  /** Why `facts` is null. */
  reason: string | null;
  /** Where the APK came from (the `pm path` line, the capture's apk.json, the file given), for evidence. */
  origin: Evidence;
}

export type ApkCommand =
  | { kind: 'pm-path'; package: string }
  | { kind: 'resolve-activity'; line: string };

export const apkModule: ProbeModule<ApkCommand> = {
  area: 'apk',
  dispatch(c) {
    const path = new RegExp(`^pm path${USER_OPT} (${PKG})${USER_OPT}$`).exec(c);
    if (path) return { kind: 'pm-path', package: path[1] ?? '' };
    if (/^cmd package resolve-activity /.test(c)) return { kind: 'resolve-activity', line: c };
    return null;
  },
  probes: (app) => (app === null ? [] : [
    { id: 'pm-path', command: `pm path ${app}`, purpose: 'where the app\'s APKs are, to pull and inspect them' },
  ]),
  fromBugreport: () => [],
  read({ out, app, apk, clickTarget }, sheet) {
    if (apk) {
      sheet.facts.apk = apk.facts;
      if (apk.facts) sheet.cite('apk', apk.origin.command, apk.origin.excerpt);
      else sheet.why('apk', apk.reason ?? 'the APK could not be read');
    } else if (app === null) {
      sheet.why('apk', 'no app under test was named');
    } else {
      const r = readFor(sheet, ['apk'], out.find((d) => d.kind === 'pm-path' && d.package === app), `pm path ${app}`, (t) => ({ ok: true, value: parsePmPath(t) }));
      if (r) sheet.why('apk', r.value.length === 0 ? `\`pm path ${app}\` named no APK (is ${app} installed?)` : 'the APK was not pulled from the phone');
    }
    if (!clickTarget) return;
    const command = resolveActivityCommand(clickTarget, app ?? apk?.facts?.manifest.package ?? null);
    sheet.facts.clickTarget = { target: clickTarget, command, resolved: null, resolvedTo: null };
    if (command === null) {
      sheet.why('clickTarget.resolved', `"${clickTarget}" is not an activity, an intent:// URI or a scheme URI, so the phone was not asked`);
      return;
    }
    const wanted = normalizeCommandLine(command);
    const r = readFor(sheet, ['clickTarget.resolved'], out.find((d) => d.kind === 'resolve-activity' && d.line === wanted), command, parseResolveActivity);
    if (!r) return;
    sheet.facts.clickTarget.resolved = r.value.component !== null;
    sheet.facts.clickTarget.resolvedTo = r.value.component;
    sheet.cite('clickTarget.resolved', r.out.command, r.value.line);
  },
};

/** The probe that asks the phone where the console's click target lands; null when the target is unreadable. */
export function clickTargetProbe(target: string, app: string | null): Probe | null {
  const command = resolveActivityCommand(target, app);
  return command === null ? null : { id: 'resolve-click-target', command, purpose: 'where the notification click target lands' };
}
