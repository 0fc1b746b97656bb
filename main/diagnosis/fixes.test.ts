import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { FIX_IDS, FIXES, planFix } from './fixes.js';
import { buildSheet, TEST_APP } from './sheets.test-helper.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';

describe('planFix', () => {
  it('builds the standby command for the app', () => {
    const r = planFix('set-standby-active', { pkg: TEST_APP, sdk: 34, vendor: null });
    expect(r).toEqual({ ok: true, plan: { fix: FIXES['set-standby-active'], commands: [`am set-standby-bucket ${TEST_APP} active`], mode: 'all' } });
  });

  it('refuses a package name that could inject shell syntax', () => {
    const r = planFix('grant-post-notifications', { pkg: 'com.x; reboot', sdk: 34, vendor: null });
    expect(r.ok).toBe(false);
  });

  it('refuses a fix the Android version does not support', () => {
    const r = planFix('grant-post-notifications', { pkg: TEST_APP, sdk: 31, vendor: null });
    expect(r).toMatchObject({ ok: false });
    expect(r.ok ? '' : r.reason).toContain('API 33');
  });

  it('tries the vendor autostart screens before App info', () => {
    const r = planFix('open-autostart-settings', { pkg: TEST_APP, sdk: 31, vendor: VENDORS.xiaomi });
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.mode).toBe('first-success');
    expect(r.plan.commands[0]).toBe('am start -n com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity');
    expect(r.plan.commands.at(-1)).toBe(`am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${TEST_APP}`);
  });

  it('needs no package for phone-wide fixes', () => {
    const r = planFix('dnd-off', { pkg: null, sdk: 34, vendor: null });
    expect(r.ok && r.plan.commands).toEqual(['cmd notification set_dnd off']);
  });

  it('has a fix for every fixId a finding can carry', () => {
    const sheet = buildSheet('xiaomi', {
      system: { zenMode: 1, lockScreenShowNotifications: false, dataSaver: true },
      app: { stopped: true, notificationsEnabled: false, postNotificationsGranted: false, standbyBucket: 45, batteryOptimizationExempt: false,
        backgroundRestricted: true, hibernated: true, autostartAllowed: false },
      device: { android: { release: '14', sdk: 34 }, pushServices: [{ vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: true, enabled: false, versionName: null, versionCode: null }] },
    });
    const used = diagnose(sheet, { app: TEST_APP }).findings.flatMap((f) => (f.fixId ? [f.fixId] : []));
    expect(used.length).toBeGreaterThan(8);
    for (const id of used) expect(FIX_IDS).toContain(id);
  });
});
