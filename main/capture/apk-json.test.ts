import { describe, expect, it } from 'vitest';
import type { ApkFacts } from '../../common/domain/apk.js';
import { apkJsonText, parseApkJson } from './apk-json.js';

const facts: ApkFacts = {
  manifest: {
    package: 'com.example.im', versionCode: 4207, versionName: '4.2.7', minSdk: 21, targetSdk: 34, compileSdk: null,
    usesPermissions: [{ name: 'android.permission.POST_NOTIFICATIONS', maxSdkVersion: null, source: { element: 'uses-permission', line: 16 } }],
    permissions: [], postNotificationsDeclared: true, applicationEnabled: true,
    metaData: [{ name: 'com.hihonor.push.app_id', value: { type: 'int', format: 'dec', value: 104412345 }, resolved: { type: 'int', format: 'dec', value: 104412345 }, resource: null, unresolved: null, source: { element: 'meta-data', line: 36 } }],
    components: [],
  },
  assets: ['agconnect-services.json'],
  agconnect: { clientAppId: '1', clientPackageName: 'com.example.im', appInfoAppId: null, appInfoPackageName: null, error: null },
  strings: [{ name: 'google_api_key', value: 'AIzaSecret', valueType: 'string', id: 0x7f010001 }],
  resourcesError: null,
};
const origin = { command: 'pm path com.example.im', excerpt: 'package:/data/app/x/base.apk' };

describe('apk.json', () => {
  it('round-trips the facts with their types, and never holds an API key', () => {
    const text = apkJsonText(origin, facts);
    expect(text).not.toContain('AIzaSecret');
    const back = parseApkJson(text);
    expect(back.ok && back.value.facts.manifest.metaData[0]?.resolved).toEqual({ type: 'int', format: 'dec', value: 104412345 });
    expect(back.ok && back.value.facts.strings[0]).toEqual({ name: 'google_api_key', value: null, valueType: 'string', id: 0x7f010001, withheld: true });
    expect(back.ok && back.value.origin).toEqual(origin);
  });

  it('says what is wrong with an edited file instead of guessing', () => {
    expect(parseApkJson('{')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
    const edited = JSON.parse(apkJsonText(origin, facts)) as { facts: { manifest: { targetSdk: unknown } } };
    edited.facts.manifest.targetSdk = 'thirty-four';
    expect(parseApkJson(JSON.stringify(edited))).toMatchObject({ ok: false, reason: expect.stringMatching(/facts\.manifest\.targetSdk/) });
  });
});
