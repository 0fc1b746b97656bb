import type { ApkFacts } from '../../../common/domain/apk.js';
import type { Evidence, Vendor } from '../../../common/domain/facts.js';
import type { Msg } from '../../../common/domain/findings.js';
import { listMsg, msg } from '../../../common/i18n/msg.js';
import { isDeclared, missingSdkParts, SDK_COMPONENTS, type RequiredComponent } from '../../../common/vendors/sdk-components.js';
import { VENDORS } from '../../../common/vendors/vendor-table.js';
import { absentEvidence, apkEvidence, at, MANIFEST, withApk } from './apk-rule.js';
import { channelOf, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'vendor-components-missing';

/** What satisfies a required component, in the reader's words (describe() is the evidence's). */
function describeMsg(r: RequiredComponent): Msg {
  return r.className ? msg('apk.component.class', { kind: r.kind, name: r.className }) : msg('apk.component.action', { kind: r.kind, action: r.action ?? '' });
}

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
  const name: Msg = { key: `vendor.${vendor}.name`, fallback: VENDORS[vendor].displayName };
  const missing = missingSdkParts(vendor, apk.manifest);
  const list = SDK_COMPONENTS[vendor];
  const disabled = list.components.filter((r) => isDeclared(r, apk.manifest) && apk.manifest.components.some((c) => c.kind === r.kind
    && c.enabled === false && ((r.className && c.name === r.className) || (r.action && c.intentFilters.some((f) => f.actions.includes(r.action!))))));
  const present = list.components.flatMap((r) => declaredEvidence(apk, r) ?? []);
  if (missing.components.length === 0 && missing.usesPermissions.length === 0 && disabled.length === 0) {
    const count = list.components.length;
    return finding(ID, 'ok', {
      detail: list.usesPermissions.length
        ? msg('finding.vendor-components-missing.ok-permissions', { vendor: name, count, permissions: list.usesPermissions.length })
        : msg('finding.vendor-components-missing.ok', { vendor: name, count }),
      evidence: apkEvidence(ctx, ...present),
    });
  }
  // The role is the SDK list's own note on what the component does (sdk-components.ts), kept as written.
  const parts = listMsg([
    ...missing.components.map((r) => msg('finding.vendor-components-missing.part', { component: describeMsg(r), role: r.role })),
    ...missing.usesPermissions.map((p) => msg('apk.component.class', { kind: 'uses-permission', name: p })),
  ]);
  const off = listMsg(disabled.map(describeMsg));
  const evidence = apkEvidence(ctx,
    ...missing.components.map((r) => absentEvidence(describe(r))),
    ...missing.usesPermissions.map((p) => absentEvidence(`<uses-permission android:name="${p}">`)),
    ...disabled.flatMap((r) => declaredEvidence(apk, r) ?? []).map((e) => ({ ...e, excerpt: `${e.excerpt} android:enabled="false"` })));
  const hints = missing.components.flatMap((r) => r.knownClasses ?? []);
  const detail = parts && off ? msg('finding.vendor-components-missing.lacks-disabled', { vendor: name, parts, disabled: off })
    : parts ? msg('finding.vendor-components-missing.lacks', { vendor: name, parts })
      : msg('finding.vendor-components-missing.disabled', { parts: off! });
  const sources = [...new Set([...missing.components, ...disabled].map((r) => r.source))].join('; ');
  return finding(ID, 'error', {
    detail,
    evidence,
    remedy: hints.length
      ? msg('finding.vendor-components-missing.remedy-hints', { vendor: name, module: vendor, classes: hints.join(', '), sources })
      : msg('finding.vendor-components-missing.remedy', { vendor: name, module: vendor, sources }),
  });
}
