import type { ApkComponent } from '../../../common/domain/apk.js';
import type { Evidence } from '../../../common/domain/facts.js';
import { parseClickTarget, resolveClickTarget, type ClickResolution } from '../../apk/click-target.js';
import { absentEvidence, apkEvidence, at, MANIFEST } from './apk-rule.js';
import { evidenceFor, finding, unknownReason, type Rule } from './rule.js';

const ID = 'click-target-unresolved';
const CHOOSER = 'android/com.android.internal.app.ResolverActivity';

function componentEvidence(c: ApkComponent): Evidence {
  const exported = c.exported === null ? `exported (default)=${c.exportedEffective}` : `android:exported="${c.exported}"`;
  const enabled = c.enabled === null ? '' : ` android:enabled="${c.enabled}"`;
  return { command: MANIFEST, excerpt: `<${c.kind} android:name="${c.name}" ${exported}${enabled}> (${at(c.source)})` };
}

/**
 * The redirect configured in the console (activity, intent URI or scheme) must land on an activity the vendor's
 * push service — another app — may start: declared, exported, enabled and, for a URI, with a matching intent
 * filter (checked against the manifest), and the phone must resolve it to this app (`cmd package resolve-activity`).
 */
export const clickTargetUnresolved: Rule = (ctx) => {
  const click = ctx.sheet.facts.clickTarget ?? null;
  if (!click) return null;
  const apk = ctx.sheet.facts.apk ?? null;
  const app = ctx.app ?? apk?.manifest.package ?? null;
  const phoneEvidence = evidenceFor(ctx.sheet, 'clickTarget.resolved');
  const problems: string[] = [];
  const evidence: Evidence[] = [];
  let manifest: ClickResolution | null = null;
  if (apk) {
    manifest = resolveClickTarget(apk.manifest, click.target);
    evidence.push(...apkEvidence(ctx));
    if (manifest.problem) {
      problems.push(`in the manifest: ${manifest.problem}`);
      const named = manifest.target?.kind === 'component'
        ? apk.manifest.components.find((c) => c.name === (manifest!.target as { className: string }).className) : undefined;
      evidence.push(named ? componentEvidence(named) : absentEvidence(`activity for ${click.target}`));
    } else {
      evidence.push(...manifest.matches.map(componentEvidence));
    }
  } else if (!parseClickTarget(click.target, app)) {
    problems.push(`"${click.target}" is not an activity class, an intent:// URI or a scheme URI`);
  }
  evidence.push(...phoneEvidence);
  let warning = false;
  if (click.resolved === false) {
    problems.push('on the phone: `cmd package resolve-activity` finds no activity for it');
  } else if (click.resolvedTo === CHOOSER) {
    warning = true;
    problems.push('on the phone: several apps handle it, so Android shows a chooser instead of opening the app (make the URI specific to the app or name its package)');
  } else if (click.resolvedTo && app && !click.resolvedTo.startsWith(`${app}/`)) {
    problems.push(`on the phone: it opens ${click.resolvedTo}, not ${app}`);
  }
  const phoneUnknown = click.resolved === null;
  if (problems.length > 0) {
    return finding(ID, warning && problems.length === 1 ? 'warning' : 'error', {
      detail: `The notification click target ${click.target} does not land in the app: ${problems.join('; ')}.`,
      evidence,
      remedy: 'Either change the console\'s redirect to an activity that exists, or declare the activity with android:exported="true" '
        + 'and an <intent-filter> with <action android:name="android.intent.action.VIEW"/>, <category android:name="android.intent.category.DEFAULT"/> '
        + 'and the <data> scheme/host/path of the URI; rebuild, reinstall and tap a test push.',
    });
  }
  if (!apk && phoneUnknown) {
    return finding(ID, 'unknown', {
      detail: `Could not be checked: no APK facts (${unknownReason(ctx.sheet, 'apk')}) and the phone was not asked (${unknownReason(ctx.sheet, 'clickTarget.resolved')}).`,
      evidence,
      remedy: 'Re-run with the phone connected, or give the APK with --apk.',
    });
  }
  const where = [
    manifest ? `the manifest declares ${manifest.matches.map((m) => m.name).join(', ')} exported and enabled` : '',
    click.resolvedTo ? `the phone resolves it to ${click.resolvedTo}` : 'the phone was not asked',
  ].filter(Boolean).join('; ');
  return finding(ID, 'ok', { detail: `The click target ${click.target} lands in the app: ${where}.`, evidence });
};
