import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, pendingChecks } from './checklist.js';

// CI lays shared/ beside the clone, as on a developer's machine.
const SPEC = fileURLToPath(new URL('../../../shared/spec/checklist.md', import.meta.url));

describe('checklist catalog', () => {
  it('uses only finding ids of the shared checklist spec', () => {
    const spec = readFileSync(SPEC, 'utf8');
    const specIds = new Set([...spec.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1]));
    for (const e of CHECKLIST) expect(specIds.has(e.id), e.id).toBe(true);
  });

  it('lists each id once, across all nine sections', () => {
    const ours = CHECKLIST.map((e) => e.id);
    expect(new Set(ours).size).toBe(ours.length);
    expect(ours).toHaveLength(44);
    expect(new Set(CHECKLIST.map((e) => e.section))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
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
