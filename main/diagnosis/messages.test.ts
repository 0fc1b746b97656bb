import { describe, expect, it } from 'vitest';
import type { Msg, MsgParam } from '../../common/domain/findings.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { diagnose } from './diagnose.js';
import { buildSheet, TEST_APP, type Preset } from './sheets.test-helper.js';

function keysOf(m: Msg): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((p: MsgParam) => (typeof p === 'object' && 'key' in p ? keysOf(p) : []));
  return [m.key, ...nested];
}

describe('every rule speaks in messages', () => {
  const presets: Preset[] = [...Object.keys(VENDORS) as Preset[], 'none'];
  const sheets = presets.flatMap((p) => [
    buildSheet(p),
    buildSheet(p, { app: { notificationsEnabled: false, stopped: true, autostartAllowed: false, batteryOptimizationExempt: false, backgroundRestricted: true, standbyBucket: 45, hibernated: true, postNotificationsGranted: false } }),
    buildSheet(p, { system: { zenMode: 2, ringerMode: 0, dataSaver: true, batterySaver: true, lockScreenShowNotifications: false, lockScreenShowPrivate: false } }),
  ]);

  it('no finding of the diagnosis is an unconverted English sentence', () => {
    const findings = sheets.flatMap((s) => diagnose(s, { app: TEST_APP }).findings);
    expect(findings.length).toBeGreaterThan(100);
    const untranslated = findings.filter((f) => !f.message || [f.message.title, f.message.detail, ...(f.message.remedy ? [f.message.remedy] : [])]
      .flatMap(keysOf).includes('untranslated')).map((f) => f.id);
    expect(untranslated).toEqual([]);
  });
});
