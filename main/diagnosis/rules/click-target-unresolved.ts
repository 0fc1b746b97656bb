import type { ApkComponent } from '../../../common/domain/apk.js';
import type { Evidence } from '../../../common/domain/facts.js';
import type { Msg } from '../../../common/domain/findings.js';
import { listMsg, msg } from '../../../common/i18n/msg.js';
import { parseClickTarget, resolveClickTarget, type ClickResolution } from '../../apk/click-target.js';
import { absentEvidence, apkEvidence, at, MANIFEST, noteMsg } from './apk-rule.js';
import { reasonMsg } from './reason-messages.js';
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
  const problems: Msg[] = [];
  const evidence: Evidence[] = [];
  let manifest: ClickResolution | null = null;
  if (apk) {
    manifest = resolveClickTarget(apk.manifest, click.target);
    evidence.push(...apkEvidence(ctx));
    if (manifest.problem) {
      // The manifest check's own note (apk/click-target.ts) names manifest entries; kept as written.
      problems.push(msg('finding.click-target-unresolved.in-manifest', { problem: noteMsg(manifest.problem) }));
      const named = manifest.target?.kind === 'component'
        ? apk.manifest.components.find((c) => c.name === (manifest!.target as { className: string }).className) : undefined;
      evidence.push(named ? componentEvidence(named) : absentEvidence(`activity for ${click.target}`));
    } else {
      evidence.push(...manifest.matches.map(componentEvidence));
    }
  } else if (!parseClickTarget(click.target, app)) {
    problems.push(msg('finding.click-target-unresolved.not-a-target', { target: click.target }));
  }
  evidence.push(...phoneEvidence);
  let warning = false;
  if (click.resolved === false) {
    problems.push(msg('finding.click-target-unresolved.phone-none'));
  } else if (click.resolvedTo === CHOOSER) {
    warning = true;
    problems.push(msg('finding.click-target-unresolved.phone-chooser'));
  } else if (click.resolvedTo && app && !click.resolvedTo.startsWith(`${app}/`)) {
    problems.push(msg('finding.click-target-unresolved.phone-other', { other: click.resolvedTo, app }));
  }
  const phoneUnknown = click.resolved === null;
  const list = listMsg(problems);
  if (list !== null) {
    return finding(ID, warning && problems.length === 1 ? 'warning' : 'error', {
      detail: msg('finding.click-target-unresolved.error', { target: click.target, problems: list }),
      evidence,
      remedy: msg('finding.click-target-unresolved.remedy'),
    });
  }
  if (!apk && phoneUnknown) {
    return finding(ID, 'unknown', {
      detail: msg('finding.click-target-unresolved.unknown', {
        apk: reasonMsg(unknownReason(ctx.sheet, 'apk')), phone: reasonMsg(unknownReason(ctx.sheet, 'clickTarget.resolved')),
      }),
      evidence,
      remedy: msg('finding.click-target-unresolved.unknown-remedy'),
    });
  }
  const where = listMsg([
    ...(manifest ? [msg('finding.click-target-unresolved.where-manifest', { components: manifest.matches.map((m) => m.name).join(', ') })] : []),
    click.resolvedTo ? msg('finding.click-target-unresolved.where-phone', { activity: click.resolvedTo }) : msg('finding.click-target-unresolved.where-not-asked'),
  ])!;
  return finding(ID, 'ok', { detail: msg('finding.click-target-unresolved.ok', { target: click.target, where }), evidence });
};
