import type { ApkFacts, ApkMetaData, ManifestSource } from '../../../common/domain/apk.js';
import type { Evidence } from '../../../common/domain/facts.js';
import type { Finding, Msg } from '../../../common/domain/findings.js';
import { msg } from '../../../common/i18n/msg.js';
import { formatValue } from '../../apk/res-value.js';
import { evidenceFor, unknownFinding, type RuleContext } from './rule.js';

/**
 * What the section-2 rules share: when they apply, and evidence that names the manifest entry or the file.
 * The APK facts come from the pulled APK, a capture's apk.json or a file given with --apk (facts.apk).
 */

export const MANIFEST = 'AndroidManifest.xml';

/**
 * Runs an APK step. Not applicable without an app under test and without APK facts (a phone audited with no
 * --app); not applicable when the app is not installed (app-not-installed says so once); unknown when the APK
 * could not be read.
 */
export function withApk(ctx: RuleContext, id: string, body: (apk: ApkFacts) => Finding | null): Finding | null {
  const apk = ctx.sheet.facts.apk ?? null;
  if (apk) return body(apk);
  if (ctx.app === null) return null;
  if (ctx.sheet.facts.app?.installed === false) return null;
  return unknownFinding(ctx, id, ['apk'], msg('finding.apk.unknown-remedy'));
}

/** Where the APK came from (the `pm path` line, apk.json, the file), then the entries a rule names. */
export function apkEvidence(ctx: RuleContext, ...items: Evidence[]): Evidence[] {
  return [...evidenceFor(ctx.sheet, 'apk'), ...items];
}

export function at(source: ManifestSource): string {
  return `line ${source.line}`;
}

/** `<meta-data android:name="…" android:value="…">` as aapt compiled it, with its line. */
export function metaDataEvidence(meta: ApkMetaData): Evidence {
  const value = meta.value ? ` android:value=${formatValue(meta.value)}` : '';
  const resolved = meta.value && meta.resolved && meta.value.type === 'reference' ? ` → ${formatValue(meta.resolved)}` : '';
  const resource = meta.resource ? ` android:resource=${formatValue(meta.resource)}` : '';
  return { command: MANIFEST, excerpt: `<meta-data android:name="${meta.name}"${value}${resource}>${resolved} (${at(meta.source)})` };
}

/** A fact about what the manifest lacks: the evidence is the file itself and what was looked for. */
export function absentEvidence(what: string, file = MANIFEST): Evidence {
  return { command: file, excerpt: `no ${what}` };
}

export function metaDataOf(apk: ApkFacts, name: string): ApkMetaData | undefined {
  return apk.manifest.metaData.find((m) => m.name === name);
}

/**
 * A value someone forgot to fill in: a Gradle manifestPlaceholder left unreplaced (`${VIVO_APPKEY}`), the
 * docs' sample text (`XX`, `xxxxxx`, `your_app_id`), or nothing.
 */
export function placeholderReason(text: string): Msg | null {
  const t = text.trim();
  if (t === '') return msg('apk.value.empty');
  if (/\$\{[^}]*\}/.test(t)) return msg('apk.value.gradle', { text: t });
  if (/^x+$/i.test(t)) return msg('apk.value.sample', { text: t });
  if (/^(your|input|replace|todo|app_?id|app_?key)\b/i.test(t) || /^<.*>$/.test(t)) return msg('apk.value.placeholder', { text: t });
  return null;
}

/** A note of the APK reader's own (an unresolved reference, a JSON error), shown as it is, quoted. */
export function noteMsg(text: string): Msg {
  return msg('reason.raw', { text });
}
