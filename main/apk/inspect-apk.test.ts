import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApkComponent, ApkFacts } from '../../common/domain/apk.js';
import { apkWorkspace, FRAMEWORK_RES, type Variant } from '../../test/apk/build-apk.js';
import { obfuscateAttributeNames, rezip, sparsifyTable, utf8Manifest } from '../../test/apk/rewrite-apk.js';
import { zipBytes } from '../../test/apk/zip-writer.js';
import { inspectApk } from './inspect-apk.js';
import { openZip } from './zip-reader.js';

async function facts(apk: string): Promise<ApkFacts> {
  const result = await inspectApk(apk);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

const meta = (f: ApkFacts, name: string) => f.manifest.metaData.find((m) => m.name === name);
const component = (f: ApkFacts, name: string): ApkComponent | undefined => f.manifest.components.find((c) => c.name === name);
const str = (f: ApkFacts, name: string) => f.strings.find((s) => s.name === name)?.value;

async function entry(apk: string, name: string): Promise<Buffer> {
  const zip = await openZip(apk);
  try {
    return await zip.read(name);
  } finally {
    await zip.close();
  }
}

describe('inspectApk', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let correctApk: string;
  let correct: ApkFacts;
  beforeAll(async () => {
    ws = await apkWorkspace();
    correctApk = await ws.build('correct');
    correct = await facts(correctApk);
  });
  afterAll(() => ws.dispose());

  it('gives plain JSON data, so a capture can store it as apk.json and analyze read back the same facts', () => {
    expect(JSON.parse(JSON.stringify(correct))).toEqual(correct);
  });

  it('reads the correct app\'s manifest facts', () => {
    const m = correct.manifest;
    expect(m).toMatchObject({ package: 'com.example.im', versionCode: 4207, versionName: '4.2.7', minSdk: 21, targetSdk: 34, postNotificationsDeclared: true, applicationEnabled: true });
    expect(m.permissions).toContain('com.example.im.permission.MIPUSH_RECEIVE');
    expect(m.usesPermissions.find((p) => p.name === 'android.permission.POST_NOTIFICATIONS')?.source).toEqual({ element: 'uses-permission', line: 16 });
  });

  it('resolves application meta-data through resources and keeps each value\'s type', () => {
    expect(meta(correct, 'com.vivo.push.api_key')).toMatchObject({ resolved: { type: 'string', value: '0b6a8f1f2d1e4c7a9b3c5d7e9f1a2b3c' }, source: { element: 'meta-data', line: 33 } });
    expect(meta(correct, 'com.vivo.push.app_id')?.resolved).toEqual({ type: 'int', format: 'dec', value: 105412345 });
    expect(meta(correct, 'com.hihonor.push.app_id')).toMatchObject({
      value: { type: 'reference', id: 0x7f020001, name: 'string/honor_app_id' },
      resolved: { type: 'string', value: '104412345' },
      unresolved: null,
    });
    expect(meta(correct, 'im.sample.channels')).toMatchObject({ value: null, resolved: null, resource: { type: 'reference', name: 'array/channels' } });
  });

  it('reads components with exported, enabled and intent filters', () => {
    expect(component(correct, 'com.example.im.ChatActivity')).toMatchObject({
      kind: 'activity', exported: true, exportedEffective: true, enabled: null,
      intentFilters: [{
        actions: ['android.intent.action.VIEW'],
        categories: ['android.intent.category.DEFAULT', 'android.intent.category.BROWSABLE'],
        data: [{ scheme: 'imdemo', host: 'com.example.im', pathPrefix: '/chat', path: null, port: null, pathPattern: null, mimeType: null }],
      }],
    });
    expect(component(correct, 'com.tencent.qcloud.tim.tuiofflinepush.OpenActivity')?.intentFilters[0]?.data[0]).toMatchObject({ scheme: 'pushscheme', host: 'com.tencent.qcloud.uniapp', path: '/detail' });
    expect(component(correct, 'com.example.im.Launcher')).toMatchObject({ kind: 'activity-alias', targetActivity: 'com.example.im.MainActivity', enabled: false });
    expect(component(correct, 'com.tencent.qcloud.tim.tuiofflinepush.TUIOfflinePushService')).toMatchObject({ kind: 'provider', authorities: ['com.example.im.TUIOfflinePush.Init'], exported: false });
    expect(component(correct, 'com.xiaomi.push.service.XMJobService')).toMatchObject({ kind: 'service', permission: 'android.permission.BIND_JOB_SERVICE', process: ':pushservice', enabled: true });
    // Not declared: Android's default is "exported when it has an intent filter".
    expect(component(correct, 'com.xiaomi.push.service.XMPushService')).toMatchObject({ exported: null, exportedEffective: false });
    expect(component(correct, 'com.tencent.qcloud.tim.tuiofflinepush.oempush.XiaomiMsgReceiver')?.intentFilters.flatMap((f) => f.actions))
      .toEqual(['com.xiaomi.mipush.RECEIVE_MESSAGE', 'com.xiaomi.mipush.MESSAGE_ARRIVED', 'com.xiaomi.mipush.ERROR']);
    expect(component(correct, 'com.tencent.qcloud.tim.tuiofflinepush.oempush.MEIZUPushReceiver')?.intentFilters[0]?.categories).toEqual(['com.example.im']);
  });

  it('reads the assets, agconnect-services.json and the google-services strings', () => {
    expect(correct.assets).toEqual(['agconnect-services.json']);
    expect(correct.agconnect).toEqual({ clientAppId: '106412345', clientPackageName: 'com.example.im', appInfoAppId: '106412345', appInfoPackageName: 'com.example.im', error: null });
    expect(str(correct, 'google_app_id')).toBe('1:123456789012:android:0a1b2c3d4e5f6a7b');
    expect(str(correct, 'gcm_defaultSenderId')).toBe('123456789012');
    expect(str(correct, 'project_id')).toBe('im-demo-12345');
    expect(str(correct, 'google_api_key')).toBe('AIzaSyD-fake-key-for-tests-000000000000');
    expect(str(correct, 'google_storage_bucket')).toBe('im-demo-12345.appspot.com');
    expect(str(correct, 'default_web_client_id')).toBe('123456789012-abc.apps.googleusercontent.com');
    expect(correct.strings.find((s) => s.name === 'firebase_database_url')).toBeUndefined();
    expect(correct.resourcesError).toBeNull();
  });

  it('reads other named resources on request, saying when one is not a plain string', async () => {
    const result = await inspectApk(correctApk, { strings: ['app_name', 'honor_app_id'] });
    expect(result.ok && result.value.strings.filter((s) => ['app_name', 'honor_app_id'].includes(s.name)).map((s) => [s.name, s.value, s.valueType]))
      .toEqual([['app_name', 'IM Demo', 'string'], ['honor_app_id', '104412345', 'string']]);
  });

  it.each<[Variant, (f: ApkFacts) => void]>([
    ['vivo-keys-missing', (f) => {
      expect(meta(f, 'com.vivo.push.api_key')).toBeUndefined();
      expect(meta(f, 'com.vivo.push.app_id')).toBeUndefined();
    }],
    ['vivo-keys-placeholder', (f) => {
      expect(meta(f, 'com.vivo.push.api_key')?.resolved).toEqual({ type: 'string', value: '${VIVO_APPKEY}' });
      expect(meta(f, 'com.vivo.push.app_id')?.resolved).toEqual({ type: 'string', value: '${VIVO_APPID}' });
    }],
    ['honor-appid-int', (f) => expect(meta(f, 'com.hihonor.push.app_id')).toMatchObject({ value: { type: 'int', format: 'dec', value: 104412345 }, resolved: { type: 'int', value: 104412345 } })],
    ['honor-appid-missing', (f) => expect(meta(f, 'com.hihonor.push.app_id')).toBeUndefined()],
    ['agconnect-missing', (f) => expect([f.agconnect, f.assets]).toEqual([null, []])],
    ['agconnect-other-package', (f) => expect(f.agconnect).toMatchObject({ clientPackageName: 'com.example.other', clientAppId: '106412345' })],
    ['firebase-missing', (f) => {
      expect(f.strings).toEqual([]);
      expect(f.resourcesError).toBeNull();
    }],
    ['click-not-exported', (f) => expect(component(f, 'com.example.im.ChatActivity')).toMatchObject({ exported: false, exportedEffective: false })],
    ['vivo-components-missing', (f) => {
      expect(component(f, 'com.vivo.push.sdk.service.CommandClientService')).toBeUndefined();
      expect(f.manifest.components.flatMap((c) => c.intentFilters.flatMap((i) => i.actions))).not.toContain('com.vivo.pushclient.action.RECEIVE');
    }],
  ])('reads the %s variant\'s one difference', async (variant, check) => {
    const f = await facts(await ws.build(variant));
    check(f);
    expect(f.manifest.package).toBe('com.example.im');
    expect(f).not.toEqual(correct);
  });

  it('gives the same facts for UTF-16 table pools, a UTF-8 manifest pool, obfuscated attribute names, a sparse table, zip64 records and stored entries', async () => {
    const utf16 = await ws.build('correct', { utf16: true });
    expect(await facts(utf16)).toEqual(correct);
    const manifest = await entry(correctApk, 'AndroidManifest.xml');
    const table = await entry(correctApk, 'resources.arsc');
    const obfuscated = await rezip(correctApk, join(ws.dir, 'obf.apk'), { 'AndroidManifest.xml': obfuscateAttributeNames(manifest) });
    expect(await facts(obfuscated)).toEqual(correct);
    const utf8 = await rezip(correctApk, join(ws.dir, 'utf8.apk'), { 'AndroidManifest.xml': utf8Manifest(manifest) });
    expect(await facts(utf8)).toEqual(correct);
    const sparse = await rezip(correctApk, join(ws.dir, 'sparse.apk'), { 'resources.arsc': sparsifyTable(table) });
    expect(await facts(sparse)).toEqual(correct);
    const zip64 = await rezip(correctApk, join(ws.dir, 'zip64.apk'), {}, { zip64: true });
    expect(await facts(zip64)).toEqual(correct);
    const stored = await ws.build('correct', { noCompress: ['xml', 'json'] });
    const zip = await openZip(stored);
    const methods = [...zip.entries.values()].map((e) => e.method);
    await zip.close();
    expect(methods.filter((m) => m === 0).length).toBeGreaterThan(1);
    expect(await facts(stored)).toEqual(correct);
  });

  it('inspects framework-res.apk (45 MB, a 31.8 MB table)', async () => {
    const f = await facts(FRAMEWORK_RES);
    expect(f.manifest.package).toBe('android');
    expect(f.resourcesError).toBeNull();
    expect(f.strings).toEqual([]);
    expect(f.manifest.permissions.length).toBeGreaterThan(100);
  });

  it('fails with a typed result for a file that is no APK or has no readable manifest', async () => {
    const notZip = join(ws.dir, 'not.apk');
    await writeFile(notZip, 'hello');
    expect(await inspectApk(notZip)).toMatchObject({ ok: false, code: 'not-zip' });
    const noManifest = join(ws.dir, 'nomanifest.apk');
    await writeFile(noManifest, zipBytes([{ name: 'classes.dex', data: Buffer.from('dex'), method: 'stored' }]));
    expect(await inspectApk(noManifest)).toMatchObject({ ok: false, code: 'missing-entry', reason: expect.stringMatching(/AndroidManifest.xml/) });
    const textManifest = await rezip(correctApk, join(ws.dir, 'text.apk'), { 'AndroidManifest.xml': Buffer.from('<manifest package="x"/>') });
    expect(await inspectApk(textManifest)).toMatchObject({ ok: false, code: 'bad-xml' });
  });

  it('keeps the manifest facts when resources.arsc is unreadable, and says what that costs', async () => {
    const apk = await rezip(correctApk, join(ws.dir, 'badtable.apk'), { 'resources.arsc': Buffer.from('not a table at all') });
    const f = await facts(apk);
    expect(f.resourcesError).toMatch(/resources.arsc/);
    expect(f.strings).toEqual([]);
    expect(meta(f, 'com.hihonor.push.app_id')).toMatchObject({ resolved: null, unresolved: 'the APK has no readable resources.arsc' });
    expect(meta(f, 'com.vivo.push.api_key')?.resolved).toEqual(meta(correct, 'com.vivo.push.api_key')?.resolved);
  });

  it('applies the entry cap to the resource table without losing the manifest', async () => {
    // framework-res.apk: a 0.2 MB manifest under the cap, a 31.8 MB table over it.
    const result = await inspectApk(FRAMEWORK_RES, { maxEntryBytes: 1 << 20 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.resourcesError).toMatch(/over the 1048576-byte cap/);
    expect(result.value.manifest.package).toBe('android');
    expect(await inspectApk(correctApk, { maxEntryBytes: 1000 })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('reports an agconnect-services.json that is not JSON instead of treating it as absent', async () => {
    const apk = await rezip(correctApk, join(ws.dir, 'badjson.apk'), { 'assets/agconnect-services.json': Buffer.from('{"client": ') });
    expect((await facts(apk)).agconnect).toMatchObject({ clientAppId: null, error: expect.stringMatching(/agconnect-services.json/) });
  });

  it('never throws on a corrupted APK', async () => {
    const bytes = await readFile(correctApk);
    const path = join(ws.dir, 'flipped.apk');
    const outcomes = new Set<string>();
    for (let i = 0; i < bytes.length; i += 23) {
      const b = Buffer.from(bytes);
      b[i] = b[i]! ^ 0x3c;
      await writeFile(path, b);
      const result = await inspectApk(path);
      outcomes.add(result.ok ? 'ok' : result.code);
    }
    expect(outcomes.has('corrupt-entry')).toBe(true);
    expect(outcomes.has('ok')).toBe(true);
  }, 30_000);
});
