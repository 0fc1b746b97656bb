import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseAppOps } from './appops.js';

describe('parseAppOps', () => {
  it('reads both background ops of a restricted app', () => {
    const r = parseAppOps(fixture('appops', 'rokid-glasses-a12-bg-restricted.txt'));
    expect(r.ok && r.value.ops.get('RUN_ANY_IN_BACKGROUND')?.mode).toBe('ignore');
    expect(r.ok && r.value.ops.get('RUN_IN_BACKGROUND')?.line).toBe('RUN_IN_BACKGROUND: ignore');
  });

  it('reads the HyperOS autostart op with its time suffixes', () => {
    const denied = parseAppOps(fixture('appops', 'xiaomi-pad7-hyperos-autostart-ignored.txt'));
    expect(denied.ok && denied.value.ops.get('MIUIOP(10008)')?.mode).toBe('ignore');
    const allowed = parseAppOps(fixture('appops', 'xiaomi-pad7-hyperos-autostart-allowed.txt'));
    expect(allowed.ok && allowed.value.ops.get('MIUIOP(10008)')?.mode).toBe('allow');
  });

  it('treats "No operations." as every op at its default', () => {
    const r = parseAppOps(fixture('appops', 'no-operations-default-mode.txt'));
    expect(r.ok && r.value.noOperations).toBe(true);
    expect(r.ok && r.value.ops.size).toBe(0);
  });

  it('fails with the phone\'s error for an op the phone does not know', () => {
    const r = parseAppOps(fixture('appops', 'non-xiaomi-unknown-op.txt'));
    expect(r).toEqual({ ok: false, reason: 'cmd appops: Error: Unknown operation string: 10008' });
  });

  it('prefers the package mode over the uid mode', () => {
    const r = parseAppOps('Uid mode: RUN_ANY_IN_BACKGROUND: foreground\nRUN_ANY_IN_BACKGROUND: ignore; rejectTime=+1h ago\n');
    expect(r.ok && r.value.ops.get('RUN_ANY_IN_BACKGROUND')?.mode).toBe('ignore');
  });
});

describe('an appops line whose mode cannot be read (issue 8)', () => {
  it('keeps the op as unreadable instead of dropping it (a dropped op reads as "at its default: allowed")', () => {
    const r = parseAppOps('RUN_IN_BACKGROUND: ignore\nRUN_ANY_IN_BACKGROUND:\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ops.has('RUN_ANY_IN_BACKGROUND')).toBe(false);
    expect(r.value.unreadable.get('RUN_ANY_IN_BACKGROUND')).toBe('RUN_ANY_IN_BACKGROUND:');
  });
});
