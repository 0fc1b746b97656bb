import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApkFacts } from '../../../common/domain/apk.js';
import type { ClickTargetFact, FactSheet } from '../../../common/domain/facts.js';
import { inspectApk } from '../../apk/inspect-apk.js';
import { apkWorkspace, type Variant } from '../../../test/apk/build-apk.js';
import { buildSheet, runRule, type Preset } from '../sheets.test-helper.js';
import { clickTargetUnresolved } from './click-target-unresolved.js';
import { fcmConfigMissing } from './fcm-config-missing.js';
import { honorManifestAppid } from './honor-manifest-appid.js';
import { huaweiAgconnectMissing } from './huawei-agconnect-missing.js';
import { postNotificationsUndeclared } from './post-notifications-undeclared.js';
import type { Rule } from './rule.js';
import { vendorComponentsMissing } from './vendor-components-missing.js';
import { vivoManifestKeys } from './vivo-manifest-keys.js';

/** The section-2 rules against real aapt-built APKs (test/apk): the correct app passes, each broken variant fails its step. */

const APP = 'com.example.im';
const facts = new Map<Variant, ApkFacts>();
let dispose: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const ws = await apkWorkspace();
  dispose = ws.dispose;
  const variants: Variant[] = ['correct', 'vivo-keys-missing', 'vivo-keys-placeholder', 'honor-appid-int', 'honor-appid-missing',
    'agconnect-missing', 'agconnect-other-package', 'firebase-missing', 'click-not-exported', 'vivo-components-missing'];
  for (const v of variants) {
    const r = await inspectApk(await ws.build(v));
    if (!r.ok) throw new Error(`${v}: ${r.reason}`);
    facts.set(v, r.value);
  }
}, 60_000);

afterAll(() => dispose());

function sheet(preset: Preset, variant: Variant, patch: { clickTarget?: ClickTargetFact; apk?: Partial<ApkFacts> } = {}): FactSheet {
  const apk = { ...facts.get(variant)!, ...patch.apk };
  const s = buildSheet(preset, { device: { apk, ...(patch.clickTarget ? { clickTarget: patch.clickTarget } : {}) } });
  s.evidence.apk = [{ command: `pm path ${APP}`, excerpt: 'package:/data/app/~~x==/com.example.im-y==/base.apk' }];
  return s;
}

const run = (rule: Rule, s: FactSheet) => runRule(rule, s, APP);

describe('section 2 on the correct app', () => {
  it.each([
    ['vivo', vivoManifestKeys], ['honor', honorManifestAppid], ['huawei', huaweiAgconnectMissing], ['fcm', fcmConfigMissing],
    ['xiaomi', vendorComponentsMissing], ['huawei', vendorComponentsMissing], ['honor', vendorComponentsMissing], ['oppo', vendorComponentsMissing],
    ['vivo', vendorComponentsMissing], ['meizu', vendorComponentsMissing], ['fcm', vendorComponentsMissing], ['fcm', postNotificationsUndeclared],
  ] as [Preset, Rule][])('%s: ok', (preset, rule) => {
    const f = run(rule, sheet(preset, 'correct'));
    expect(f?.severity, f?.detail).toBe('ok');
    expect(f?.evidence[0]?.command).toBe(`pm path ${APP}`);
  });
});

describe('section 2 on the broken variants', () => {
  it('vivo keys missing or left as Gradle placeholders', () => {
    const missing = run(vivoManifestKeys, sheet('vivo', 'vivo-keys-missing'))!;
    expect(missing.severity).toBe('error');
    expect(missing.detail).toMatch(/com\.vivo\.push\.api_key is missing; com\.vivo\.push\.app_id is missing/);
    const placeholder = run(vivoManifestKeys, sheet('vivo', 'vivo-keys-placeholder'))!;
    expect(placeholder.severity).toBe('error');
    expect(placeholder.detail).toContain('unreplaced Gradle placeholder ${VIVO_APPKEY}');
    expect(placeholder.evidence.map((e) => e.excerpt).join('\n')).toMatch(/<meta-data android:name="com\.vivo\.push\.api_key" android:value="\$\{VIVO_APPKEY\}"> \(line \d+\)/);
  });

  it('Honor app id compiled to an int is named as the getString() bug', () => {
    const f = run(honorManifestAppid, sheet('honor', 'honor-appid-int'))!;
    expect(f.severity).toBe('error');
    expect(f.detail).toMatch(/integer 104412345 \(int\).*Bundle\.getString\(\)/);
    expect(f.evidence[1]?.excerpt).toMatch(/android:value=104412345 \(int\)/);
    expect(run(honorManifestAppid, sheet('honor', 'honor-appid-missing'))?.detail).toMatch(/not in the manifest/);
  });

  it('the correct Honor id is resolved through its string resource', () => {
    const f = run(honorManifestAppid, sheet('honor', 'correct'))!;
    expect(f.evidence[1]?.excerpt).toMatch(/android:value=@string\/honor_app_id> → "104412345" \(line \d+\)/);
  });

  it('agconnect-services.json missing, or made for another package', () => {
    expect(run(huaweiAgconnectMissing, sheet('huawei', 'agconnect-missing'))?.detail).toMatch(/not packaged/);
    const other = run(huaweiAgconnectMissing, sheet('huawei', 'agconnect-other-package'))!;
    expect(other.severity).toBe('error');
    expect(other.detail).toContain('is for com.example.other, but the app is com.example.im');
    expect(other.evidence[1]).toEqual({ command: 'assets/agconnect-services.json', excerpt: 'client.app_id=106412345 client.package_name=com.example.other' });
  });

  it('Firebase resources missing', () => {
    const f = run(fcmConfigMissing, sheet('fcm', 'firebase-missing'))!;
    expect(f.severity).toBe('error');
    expect(f.evidence.slice(1)).toEqual([
      { command: 'resources.arsc', excerpt: 'no string/google_app_id' }, { command: 'resources.arsc', excerpt: 'no string/gcm_defaultSenderId' },
    ]);
  });

  it('vivo components missing, on the vivo channel only', () => {
    const f = run(vendorComponentsMissing, sheet('vivo', 'vivo-components-missing'))!;
    expect(f.severity).toBe('error');
    expect(f.detail).toContain('<service android:name="com.vivo.push.sdk.service.CommandClientService">');
    expect(f.detail).toContain('<receiver> with <action android:name="com.vivo.pushclient.action.RECEIVE">');
    expect(run(vendorComponentsMissing, sheet('xiaomi', 'vivo-components-missing'))?.severity).toBe('ok');
  });

  it('target SDK 33+ without POST_NOTIFICATIONS declared', () => {
    const correct = facts.get('correct')!;
    const without = { manifest: { ...correct.manifest, usesPermissions: correct.manifest.usesPermissions.filter((p) => !p.name.endsWith('POST_NOTIFICATIONS')) } };
    expect(run(postNotificationsUndeclared, sheet('fcm', 'correct', { apk: without }))?.severity).toBe('error');
    const old = { manifest: { ...without.manifest, targetSdk: 32 } };
    expect(run(postNotificationsUndeclared, sheet('fcm', 'correct', { apk: old }))?.severity).toBe('ok');
  });

  it('unknown, not ok, when the APK could not be read', () => {
    const s = buildSheet('vivo', { device: { apk: null }, unknown: { apk: 'the APK could not be pulled: cable' } });
    const f = run(vivoManifestKeys, s)!;
    expect(f.severity).toBe('unknown');
    expect(f.detail).toContain('cable');
    expect(runRule(vivoManifestKeys, buildSheet('vivo'), null)).toBeNull();
  });
});

describe('click-target-unresolved', () => {
  const phone = (resolvedTo: string | null): ClickTargetFact => ({ target: '', command: 'cmd package resolve-activity …', resolved: resolvedTo !== null, resolvedTo });

  it('is ok when the manifest and the phone agree it lands in the app', () => {
    const f = run(clickTargetUnresolved, sheet('xiaomi', 'correct', { clickTarget: { ...phone('com.example.im/.ChatActivity'), target: 'imdemo://com.example.im/chat/42' } }))!;
    expect(f.severity, f.detail).toBe('ok');
    expect(f.evidence.map((e) => e.excerpt).join('\n')).toContain('<activity android:name="com.example.im.ChatActivity" android:exported="true">');
  });

  it('names the non-exported activity from the manifest', () => {
    const f = run(clickTargetUnresolved, sheet('xiaomi', 'click-not-exported', { clickTarget: { ...phone(null), target: 'com.example.im.ChatActivity' } }))!;
    expect(f.severity).toBe('error');
    expect(f.detail).toMatch(/ChatActivity is not exported/);
    expect(f.detail).toMatch(/finds no activity/);
  });

  it('warns when the phone shows a chooser', () => {
    const f = run(clickTargetUnresolved, sheet('xiaomi', 'correct', { clickTarget: { ...phone('android/com.android.internal.app.ResolverActivity'), target: 'imdemo://com.example.im/chat' } }))!;
    expect(f.severity).toBe('warning');
  });

  it('an unknown scheme is an error from the manifest alone', () => {
    const f = run(clickTargetUnresolved, sheet('xiaomi', 'correct', { clickTarget: { target: 'other://x/y', command: null, resolved: null, resolvedTo: null } }))!;
    expect(f.severity).toBe('error');
    expect(f.detail).toMatch(/no activity has an intent filter/);
  });
});
