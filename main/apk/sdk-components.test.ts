import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApkManifestFacts } from '../../common/domain/apk.js';
import { PUSH_CHANNELS, type Vendor } from '../../common/domain/facts.js';
import { isDeclared, missingSdkParts, SDK_COMPONENTS, TUIOFFLINEPUSH_COMPONENTS } from '../../common/vendors/sdk-components.js';
import { apkWorkspace } from '../../test/apk/build-apk.js';
import { inspectApk } from './inspect-apk.js';

const VENDORS = PUSH_CHANNELS.filter((c): c is Vendor => c !== 'none');

async function manifestOf(apk: string): Promise<ApkManifestFacts> {
  const result = await inspectApk(apk);
  if (!result.ok) throw new Error(result.reason);
  return result.value.manifest;
}

describe('vendor SDK component lists against the test apps', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let correct: ApkManifestFacts;
  beforeAll(async () => {
    ws = await apkWorkspace();
    correct = await manifestOf(await ws.build('correct'));
  });
  afterAll(() => ws.dispose());

  it('has a list for every vendor, each entry matchable and cited', () => {
    expect(Object.keys(SDK_COMPONENTS).sort()).toEqual([...VENDORS].sort());
    for (const list of Object.values(SDK_COMPONENTS)) {
      expect(list.components.length).toBeGreaterThan(0);
      for (const c of list.components) {
        expect(c.className ?? c.action, c.role).toBeTruthy();
        expect(c.source).toMatch(/push-apis\.md/);
      }
    }
  });

  it.each(VENDORS)('finds nothing missing for %s in the app with every vendor\'s components', (vendor) => {
    expect(missingSdkParts(vendor, correct)).toEqual({ components: [], usesPermissions: [] });
  });

  it('finds TUIOfflinePush\'s own provider and click activity', () => {
    expect(TUIOFFLINEPUSH_COMPONENTS.filter((c) => !isDeclared(c, correct))).toEqual([]);
  });

  it('names exactly what the vivo-components-missing variant lacks, and only for vivo', async () => {
    const broken = await manifestOf(await ws.build('vivo-components-missing'));
    expect(missingSdkParts('vivo', broken).components.map((c) => c.className ?? c.action))
      .toEqual(['com.vivo.push.sdk.service.CommandClientService', 'com.vivo.pushclient.action.RECEIVE']);
    for (const vendor of VENDORS.filter((v) => v !== 'vivo')) expect(missingSdkParts(vendor, broken).components).toEqual([]);
  });

  it('does not count an action on the wrong kind of component, and fills ${applicationId} in permissions', () => {
    const moved: ApkManifestFacts = {
      ...correct,
      package: 'com.other.app',
      components: correct.components.map((c) => (c.intentFilters.some((f) => f.actions.includes('com.vivo.pushclient.action.RECEIVE')) ? { ...c, kind: 'service' } : c)),
    };
    expect(missingSdkParts('vivo', moved).components.map((c) => c.action)).toEqual(['com.vivo.pushclient.action.RECEIVE']);
    expect(missingSdkParts('xiaomi', moved).usesPermissions).toEqual(['com.other.app.permission.MIPUSH_RECEIVE']);
  });
});
