import { describe, expect, it } from 'vitest';
import { buildSheet, ev, runRule, TEST_APP } from '../sheets.test-helper.js';
import { appHibernated } from './app-hibernated.js';
import { autostartDenied } from './autostart-denied.js';
import { backgroundRestricted } from './background-restricted.js';
import { batteryOptimized } from './battery-optimized.js';
import { batterySaverOn } from './battery-saver-on.js';
import { dataSaverOn } from './data-saver-on.js';
import { standbyRestricted } from './standby-restricted.js';

describe('standby-restricted', () => {
  it('is ok in the ACTIVE bucket', () => {
    expect(runRule(standbyRestricted, buildSheet())?.detail).toContain('ACTIVE (10)');
  });

  it('is an error in RESTRICTED (45) with the fix to move it to ACTIVE', () => {
    const f = runRule(standbyRestricted, buildSheet('xiaomi', {
      app: { standbyBucket: 45 },
      evidence: { 'app.standbyBucket': [ev(`am get-standby-bucket ${TEST_APP}`, '45')] },
    }));
    expect(f?.severity).toBe('error');
    expect(f?.fixId).toBe('set-standby-active');
    expect(f?.evidence[0]?.excerpt).toBe('45');
  });

  it('warns in RARE (40)', () => {
    expect(runRule(standbyRestricted, buildSheet('xiaomi', { app: { standbyBucket: 40 } }))?.severity).toBe('warning');
  });

  it('is unknown when the bucket was not read', () => {
    expect(runRule(standbyRestricted, buildSheet('xiaomi', { app: { standbyBucket: null } }))?.severity).toBe('unknown');
  });
});

describe('battery-optimized', () => {
  it('is ok when the app is exempt', () => {
    expect(runRule(batteryOptimized, buildSheet())?.severity).toBe('ok');
  });

  it('is a warning on FCM, where Doze defers normal-priority messages', () => {
    const f = runRule(batteryOptimized, buildSheet('fcm', { app: { batteryOptimizationExempt: false } }));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('deviceidle-whitelist');
  });

  it('is info on a vendor channel, with the vendor battery path', () => {
    const f = runRule(batteryOptimized, buildSheet('xiaomi', { app: { batteryOptimizationExempt: false } }));
    expect(f?.severity).toBe('info');
    expect(f?.remedy).toContain('No restrictions');
  });

  it('is unknown when the allow list was not read', () => {
    expect(runRule(batteryOptimized, buildSheet('fcm', { app: { batteryOptimizationExempt: null } }))?.severity).toBe('unknown');
  });
});

describe('background-restricted', () => {
  it('is ok when RUN_ANY_IN_BACKGROUND is allowed', () => {
    expect(runRule(backgroundRestricted, buildSheet())?.severity).toBe('ok');
  });
  it('warns with the appops fix when denied', () => {
    const f = runRule(backgroundRestricted, buildSheet('xiaomi', {
      app: { backgroundRestricted: true },
      evidence: { 'app.backgroundRestricted': [ev(`cmd appops get ${TEST_APP} RUN_ANY_IN_BACKGROUND`, 'RUN_ANY_IN_BACKGROUND: ignore')] },
    }));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('allow-background');
    expect(f?.evidence[0]?.excerpt).toBe('RUN_ANY_IN_BACKGROUND: ignore');
  });
  it('is unknown when not read', () => {
    expect(runRule(backgroundRestricted, buildSheet('xiaomi', { app: { backgroundRestricted: null } }))?.severity).toBe('unknown');
  });
});

describe('data-saver-on', () => {
  it('is ok when Data Saver is off', () => {
    expect(runRule(dataSaverOn, buildSheet())?.severity).toBe('ok');
  });
  it('is ok when Data Saver is on but the app is exempt', () => {
    expect(runRule(dataSaverOn, buildSheet('xiaomi', { system: { dataSaver: true }, app: { dataSaverExempt: true } }))?.severity).toBe('ok');
  });
  it('warns when Data Saver is on and the app is not exempt', () => {
    const f = runRule(dataSaverOn, buildSheet('xiaomi', { system: { dataSaver: true } }));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('open-data-saver-settings');
  });
  it('is unknown when Data Saver was not read', () => {
    expect(runRule(dataSaverOn, buildSheet('xiaomi', { system: { dataSaver: null } }))?.severity).toBe('unknown');
  });
});

describe('battery-saver-on', () => {
  it('is ok when off', () => {
    expect(runRule(batterySaverOn, buildSheet())?.severity).toBe('ok');
  });
  it('is info when on', () => {
    expect(runRule(batterySaverOn, buildSheet('xiaomi', { system: { batterySaver: true } }))?.severity).toBe('info');
  });
  it('is unknown when not read', () => {
    expect(runRule(batterySaverOn, buildSheet('xiaomi', { system: { batterySaver: null } }))?.severity).toBe('unknown');
  });
});

describe('app-hibernated', () => {
  it('is ok when not hibernated', () => {
    expect(runRule(appHibernated, buildSheet('fcm'))?.severity).toBe('ok');
  });
  it('is an error with the unhibernate fix when hibernated', () => {
    const f = runRule(appHibernated, buildSheet('fcm', { app: { hibernated: true } }));
    expect(f?.severity).toBe('error');
    expect(f?.fixId).toBe('unhibernate-app');
  });
  it('is ok before Android 12 even when unread', () => {
    expect(runRule(appHibernated, buildSheet('huawei', { app: { hibernated: null } }))?.severity).toBe('ok');
  });
  it('is unknown on Android 12+ when not read', () => {
    expect(runRule(appHibernated, buildSheet('fcm', { app: { hibernated: null } }))?.severity).toBe('unknown');
  });
});

describe('autostart-denied', () => {
  it('is ok when MIUI reports autostart allowed', () => {
    expect(runRule(autostartDenied, buildSheet())?.severity).toBe('ok');
  });
  it('warns when autostart is denied, with the screen to open', () => {
    const f = runRule(autostartDenied, buildSheet('xiaomi', {
      app: { autostartAllowed: false },
      evidence: { 'app.autostartAllowed': [ev(`cmd appops get ${TEST_APP} 10008`, 'MIUIOP(10008): ignore')] },
    }));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('open-autostart-settings');
    expect(f?.remedy).toMatch(/autostart/i);
  });
  it('asks the engineer where the ROM does not expose autostart', () => {
    const f = runRule(autostartDenied, buildSheet('vivo', { app: { autostartAllowed: null }, unknown: { 'app.autostartAllowed': 'vivo does not expose autostart over adb' } }));
    expect(f?.severity).toBe('manual');
    // The screen as the phone's ROM (Funtouch OS here) labels it, from rom-labels.ts.
    expect(f?.detail).toContain('Settings → More settings → Applications → Autostart');
    expect(f?.detail).toContain('vivo does not expose autostart');
  });
  it('does not apply to FCM phones', () => {
    expect(runRule(autostartDenied, buildSheet('fcm'))).toBeNull();
  });
});
