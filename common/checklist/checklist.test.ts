import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VENDORS } from '../vendors/vendor-table.js';
import { appliesTo, CHECKLIST, checklistEntry, PROPOSED_SPEC_IDS } from './checklist.js';

// CI lays shared/ beside the clone, as on a developer's machine.
const SPEC = fileURLToPath(new URL('../../../shared/spec/checklist.md', import.meta.url));

describe('checklist catalog', () => {
  it('uses only finding ids of the shared checklist spec', () => {
    const spec = readFileSync(SPEC, 'utf8');
    const specIds = new Set([...spec.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]));
    for (const e of CHECKLIST) expect(specIds.has(e.id) || PROPOSED_SPEC_IDS.has(e.id), e.id).toBe(true);
    // A proposal the spec has taken up is no longer one.
    for (const id of PROPOSED_SPEC_IDS) expect(specIds.has(id), id).toBe(false);
  });

  it('lists each id once, across all nine sections', () => {
    const ours = CHECKLIST.map((e) => e.id);
    expect(new Set(ours).size).toBe(ours.length);
    expect(ours).toHaveLength(46);
    expect(new Set(CHECKLIST.map((e) => e.section))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('takes vendor names, channels and manifest keys from the vendor table', () => {
    expect(checklistEntry('vivo-manifest-keys').checks).toContain(VENDORS.vivo.manifestKeys.join(' / '));
    expect(checklistEntry('honor-manifest-appid').checks).toContain('com.hihonor.push.app_id');
    const vendorStep = checklistEntry('push-service-missing');
    for (const v of ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu'] as const) expect(appliesTo(vendorStep, v), v).toBe(true);
    expect(appliesTo(vendorStep, 'fcm')).toBe(false);
    expect(checklistEntry('custom-sound-unsupported').checks).toMatch(/Xiaomi, Huawei, Google FCM/);
  });
});
