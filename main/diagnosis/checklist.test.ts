import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, pendingChecks } from './checklist.js';

describe('checklist catalog', () => {
  it('lists every finding id of the shared checklist spec, once', () => {
    const spec = readFileSync('/work/shared/spec/checklist.md', 'utf8');
    const specIds = new Set([...spec.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]));
    const ours = CHECKLIST.map((e) => e.id);
    expect(new Set(ours).size).toBe(ours.length);
    for (const id of ours) expect(specIds.has(id), id).toBe(true);
    for (const id of ['dnd-on', 'vendor-daily-limit', 'test-push-click', 'huawei-agconnect-missing']) expect(ours).toContain(id);
  });

  it('lists the APK, message and test-push steps for an OPPO phone as pending', () => {
    const ids = pendingChecks('oppo').map((e) => e.id);
    expect(ids).toContain('channel-not-created');
    expect(ids).not.toContain('oppo-channel-id');
    expect(ids).toContain('test-push-delivered');
    expect(ids).not.toContain('vivo-manifest-keys');
    expect(ids).not.toContain('dnd-on');
  });
});
