import type { ApkFacts } from '../../../common/domain/apk.js';
import type { Evidence, Vendor } from '../../../common/domain/facts.js';
import { isDeclared, missingSdkParts, SDK_COMPONENTS, type RequiredComponent } from '../../../common/vendors/sdk-components.js';
import { VENDORS } from '../../../common/vendors/vendor-table.js';
import { absentEvidence, apkEvidence, at, MANIFEST, withApk } from './apk-rule.js';
import { channelOf, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'vendor-components-missing';

/** What satisfies a required component, in manifest terms. */
function describe(r: RequiredComponent): string {
  return r.className ? `<${r.kind} android:name="${r.className}">` : `<${r.kind}> with <action android:name="${r.action}">`;
}

function declaredEvidence(apk: ApkFacts, r: RequiredComponent): Evidence | null {
  const c = apk.manifest.components.find((x) => x.kind === r.kind && (
    (r.className !== undefined && x.name === r.className) || (r.action !== undefined && x.intentFilters.some((f) => f.actions.includes(r.action!)))));
  if (!c) return null;
  return { command: MANIFEST, excerpt: `<${c.kind} android:name="${c.name}">${r.action ? ` (action ${r.action})` : ''} (${at(c.source)})` };
}

/**
 * The phone's channel decides which vendor SDK must be wired into the merged manifest (lists and their sources
 * in common/vendors/sdk-components.ts). A missing receiver or service means the vendor's push service has
 * nothing in the app to deliver the token or the message to; a declared but disabled one is as good as missing.
 */
export const vendorComponentsMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const channel = channelOf(ctx.sheet);
  if (channel === 'none') return null;
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel']);
  return checkVendor(ctx, apk, channel);
});

function checkVendor(ctx: Parameters<Rule>[0], apk: ApkFacts, vendor: Vendor) {
  const name = VENDORS[vendor].displayName;
  const missing = missingSdkParts(vendor, apk.manifest);
  const list = SDK_COMPONENTS[vendor];
  const disabled = list.components.filter((r) => isDeclared(r, apk.manifest) && apk.manifest.components.some((c) => c.kind === r.kind
    && c.enabled === false && ((r.className && c.name === r.className) || (r.action && c.intentFilters.some((f) => f.actions.includes(r.action!))))));
  const present = list.components.flatMap((r) => declaredEvidence(apk, r) ?? []);
  if (missing.components.length === 0 && missing.usesPermissions.length === 0 && disabled.length === 0) {
    return finding(ID, 'ok', {
      detail: `The ${name} SDK's ${list.components.length} components${list.usesPermissions.length ? ` and ${list.usesPermissions.length} permissions` : ''} are declared.`,
      evidence: apkEvidence(ctx, ...present),
    });
  }
  const parts = [
    ...missing.components.map((r) => `${describe(r)} (${r.role})`),
    ...missing.usesPermissions.map((p) => `<uses-permission android:name="${p}">`),
  ];
  const evidence = apkEvidence(ctx,
    ...missing.components.map((r) => absentEvidence(describe(r))),
    ...missing.usesPermissions.map((p) => absentEvidence(`<uses-permission android:name="${p}">`)),
    ...disabled.flatMap((r) => declaredEvidence(apk, r) ?? []).map((e) => ({ ...e, excerpt: `${e.excerpt} android:enabled="false"` })));
  const hints = missing.components.flatMap((r) => r.knownClasses ?? []);
  const detail = [
    parts.length ? `The manifest lacks what ${name} push needs on this phone: ${parts.join('; ')}.` : '',
    disabled.length ? `Declared but disabled: ${disabled.map(describe).join('; ')}.` : '',
  ].filter(Boolean).join(' ');
  return finding(ID, 'error', {
    detail,
    evidence,
    remedy: `Add the ${name} push dependency (TUIOfflinePush's ${vendor} module, or the vendor SDK with its manifest entries) so the merged manifest `
      + `declares them${hints.length ? ` (TUIOfflinePush declares ${hints.join(', ')})` : ''}; check the merged manifest in Android Studio's `
      + 'Merged Manifest tab, then rebuild and reinstall. Source of the list: ' + [...new Set([...missing.components, ...disabled].map((r) => r.source))].join('; ') + '.',
  });
}

