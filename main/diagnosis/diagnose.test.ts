import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../common/domain/findings.js';
import { appliesTo, CHECKLIST } from '../../common/checklist/checklist.js';
import { diagnose } from './diagnose.js';
import { RULES } from './rules/index.js';
import { buildSheet, TEST_APP } from './sheets.test-helper.js';

const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

describe('diagnose', () => {
  it('answers every diagnosed checklist step that applies to a healthy Xiaomi phone, ok included', () => {
    const findings = diagnose(buildSheet('xiaomi'), { app: TEST_APP }).findings;
    const ids = findings.map((f) => f.id).sort();
    // The click target is the engineer's input: without one the step is not asked.
    const expected = CHECKLIST.filter((e) => e.diagnosed && appliesTo(e, 'xiaomi') && e.id !== 'click-target-unresolved').map((e) => e.id).sort();
    expect(ids).toEqual(expected);
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([]);
  });

  it('sorts findings worst first', () => {
    const findings = diagnose(buildSheet('fcm', { system: { zenMode: 1 }, app: { stopped: true, standbyBucket: 40 } }), { app: TEST_APP }).findings;
    const ranks = findings.map((f) => rank(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]).toMatchObject({ id: 'app-force-stopped', severity: 'error' });
  });

  it('leaves out steps for other channels', () => {
    const ids = diagnose(buildSheet('fcm'), { app: TEST_APP }).findings.map((f) => f.id);
    expect(ids).toContain('gms-missing');
    expect(ids).not.toContain('push-service-missing');
    expect(ids).not.toContain('autostart-denied');
  });

  it('reports a missing app once instead of an error per app setting', () => {
    const findings = diagnose(buildSheet('oppo', { app: { installed: false, notificationsEnabled: null, stopped: null } }), { app: TEST_APP }).findings;
    const bad = findings.filter((f) => f.severity === 'error');
    expect(bad.map((f) => f.id)).toEqual(['app-not-installed']);
    expect(findings.map((f) => f.id)).not.toContain('app-notifications-blocked');
  });

  it('runs the phone-wide steps when no app is named', () => {
    const ids = diagnose(buildSheet('huawei', { app: null }), { app: null }).findings.map((f) => f.id);
    expect(ids).toContain('dnd-on');
    expect(ids).not.toContain('app-not-installed');
    expect(ids).not.toContain('standby-restricted');
  });

  it('marks everything it could not read as unknown rather than guessing', () => {
    const sheet = buildSheet('xiaomi', {
      device: { pushChannel: null, brand: null, manufacturer: null, pushServices: [] },
      gms: null,
      system: { zenMode: null, lockScreenShowNotifications: null, lockScreenShowPrivate: null, dataSaver: null, batterySaver: null, ringerMode: null },
      app: null,
      pushLog: null,
      unknown: { getprop: 'device went away during getprop' },
    });
    const findings = diagnose(sheet, { app: TEST_APP }).findings;
    const notUnknown = findings.filter((f) => f.severity !== 'unknown' && f.severity !== 'manual');
    expect(notUnknown).toEqual([]);
  });

  it('has a rule for every checklist step marked as diagnosed, and none for the rest', () => {
    const diagnosed = CHECKLIST.filter((e) => e.diagnosed).map((e) => e.id).sort();
    expect(Object.keys(RULES).sort()).toEqual(diagnosed);
  });

  it('never offers a fix on an ok finding and always gives a remedy otherwise', () => {
    const findings = diagnose(buildSheet('oppo', { app: { notificationsEnabled: false, standbyBucket: 45 }, system: { zenMode: 3 } }), { app: TEST_APP }).findings;
    for (const f of findings) {
      if (f.severity === 'ok') {
        expect(f.fixId).toBeUndefined();
        expect(f.remedy).toBe('');
      } else {
        expect(f.remedy.length).toBeGreaterThan(0);
      }
    }
  });
});
