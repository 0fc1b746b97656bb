import { describe, expect, it } from 'vitest';
import { assembleFacts } from './assemble-facts.js';
import { fixture, ok, rawOutputs, realPhone, type TestOutput } from './fixtures.test-helper.js';

/** A HyperOS phone assembled from real captures; the package list is composed for the scenario. */
function hyperOsOutputs(): Map<string, TestOutput> {
  const getprop = realPhone('xiaomi-redmi-k50pro-hyperos2-a14', 'getprop.txt') ?? fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt');
  return new Map<string, TestOutput>([
    ['getprop', ok(getprop)],
    ['pm list packages --user 0', ok('package:com.android.shell\npackage:com.xiaomi.xmsf\npackage:com.tekartik.package1\n')],
    ['pm-list-packages-disabled', ok('')],
    ['dumpsys-package-app', ok(fixture('dumpsys-package', 'wearos-tekartik-package1.txt'))],
    ['settings-global', ok('zen_mode=1\nlow_power=0\nmode_ringer=2\n')],
    ['deviceidle-whitelist', ok(fixture('deviceidle', 'xiaomi-hyperos-whitelist-head25.txt'))],
    ['appops-app', ok(fixture('appops', 'xiaomi-pad7-hyperos-autostart-ignored.txt'))],
    ['netpolicy-restrict-background', { error: 'DEVICE_GONE: device disconnected' }],
    ['logcat', ok(fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt'))],
    ['standby-bucket', { text: '10', exitCode: null }],
  ]);
}

describe('assembleFacts', () => {
  const sheet = assembleFacts(rawOutputs(hyperOsOutputs()), 'com.tekartik.package1');
  const { facts } = sheet;

  it('identifies the phone and its ROM with evidence, and leaves the push channel to the diagnosis', () => {
    expect(facts.manufacturer).toBe('Xiaomi');
    expect(facts.rom?.name).toMatch(/HyperOS|MIUI/);
    // A conclusion (test/unit/probes-then-diagnosis.test.ts checks the concluded value).
    expect(facts.pushChannel).toBeNull();
    expect(sheet.evidence.manufacturer?.[0]).toEqual({ command: 'getprop', excerpt: '[ro.product.manufacturer]: [Xiaomi]' });
    const xmsf = facts.pushServices.find((s) => s.package === 'com.xiaomi.xmsf');
    expect(xmsf).toMatchObject({ vendor: 'xiaomi', installed: true, enabled: true, versionName: null });
    expect(sheet.evidence['pushServices.com.xiaomi.xmsf.installed']?.[0]?.excerpt).toBe('package:com.xiaomi.xmsf');
    expect(sheet.unknown['pushServices.com.xiaomi.xmsf.versionName']).toMatch(/probe missing: no output for `dumpsys package com.xiaomi.xmsf`/);
    expect(facts.pushServices.find((s) => s.package === 'com.google.android.gms')?.installed).toBe(false);
  });

  it('reads system settings and says why the missing ones are unknown', () => {
    expect(facts.system.zenMode).toBe(1);
    expect(sheet.evidence['system.zenMode']).toEqual([{ command: 'settings list global', excerpt: 'zen_mode=1' }]);
    expect(facts.system.batterySaver).toBe(false);
    expect(facts.system.ringerMode).toBe(2);
    expect(facts.system.lockScreenShowNotifications).toBeNull();
    expect(sheet.unknown['system.lockScreenShowNotifications']).toMatch(/^probe missing/);
    expect(facts.system.dataSaver).toBeNull();
    expect(sheet.unknown['system.dataSaver']).toMatch(/command failed: .*DEVICE_GONE/);
  });

  it('reads the lock-screen settings from a real settings list secure', () => {
    const outputs = hyperOsOutputs();
    outputs.set('settings list secure', ok(fixture('settings', 'secure-list-excerpt.txt')));
    const s = assembleFacts(rawOutputs(outputs), null);
    expect(s.facts.system.lockScreenShowNotifications).toBe(true);
    expect(s.facts.system.lockScreenShowPrivate).toBe(true);
    expect(s.evidence['system.lockScreenShowPrivate']).toEqual([{ command: 'settings list secure', excerpt: 'lock_screen_allow_private_notifications=1' }]);
    expect(s.facts.app).toBeNull();
    expect(s.unknown.app).toBe('no app under test was named');
  });

  it('reads the app state, permissions and power restrictions', () => {
    const app = facts.app;
    expect(app).not.toBeNull();
    if (!app) return;
    expect(app).toMatchObject({
      installed: true, enabled: true, versionName: '1.0.16', versionCode: 20, targetSdk: 36, stopped: false,
      batteryOptimizationExempt: false, backgroundRestricted: false, autostartAllowed: false, standbyBucket: 10,
    });
    expect(sheet.evidence['app.stopped']?.[0]?.excerpt).toMatch(/^User 0: ceDataInode=2135 installed=true .*stopped=false/);
    expect(sheet.evidence['app.autostartAllowed']?.[0]?.excerpt).toMatch(/^MIUIOP\(10008\): ignore/);
    expect(app.postNotificationsGranted).toBeNull();
    expect(sheet.unknown['app.postNotificationsGranted']).toBe('POST_NOTIFICATIONS is not among the runtime permissions of user 0');
    expect(app.notificationImportance).toBeNull();
    expect(app.notificationsEnabled).toBeNull();
    expect(sheet.unknown['app.channels']).toMatch(/probe missing/);
    expect(sheet.unknown['app.dataSaverExempt']).toMatch(/probe missing/);
  });

  it('reads the push log: token received and reported, certificate id, no token in evidence', () => {
    expect(facts.pushLog).toEqual({
      tokenReceived: true, tokenReported: true, businessId: '12345', lastError: null, fcmCancelledForStoppedApp: false,
    });
    const all = JSON.stringify(sheet.evidence);
    expect(all).not.toContain('Vx3kQ9ZpLmT7wR2sYb8NfHc0AeUdGjKi');
  });

  it('marks POST_NOTIFICATIONS not applicable below Android 13 and reads a blocked app', () => {
    const outputs = new Map<string, TestOutput>([
      ['getprop', ok(fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt'))],
      ['dumpsys notification --noredact', ok(fixture('dumpsys-notification', 'oem-trimmed-appsettings-ithome.txt'))],
      ['dumpsys package com.ruanmei.ithome', ok('Packages:\n  Package [com.ruanmei.ithome] (1a2b3c):\n    userId=10357\n    User 0: installed=true stopped=true notLaunched=false enabled=0\n')],
    ]);
    const s = assembleFacts(rawOutputs(outputs), 'com.ruanmei.ithome');
    expect(s.facts.app?.postNotificationsGranted).toBeNull();
    expect(s.unknown['app.postNotificationsGranted']).toBe('not applicable: Android < 13');
    expect(s.facts.app?.notificationImportance).toBe(0);
    expect(s.evidence['app.notificationImportance']?.[0]?.excerpt).toMatch(/^AppSettings: com\.ruanmei\.ithome/);
    expect(s.facts.app?.stopped).toBe(true);
    expect(s.facts.app?.channels?.map((c) => c.id)).toEqual(['ch_com.ruanmei.ithome_118557', 'mipush_mock_replay_receipt']);
    expect(s.evidence['app.channels.mipush_mock_replay_receipt']?.[0]?.command).toBe('dumpsys notification --noredact');
    expect(s.facts.app?.hibernated).toBeNull();
    expect(s.unknown['app.hibernated']).toMatch(/probe missing/);
  });

  it('reports an app not installed for user 0 and leaves its other facts unknown with that reason', () => {
    const s = assembleFacts(rawOutputs([
      ['dumpsys package com.example.app', ok(fixture('dumpsys-package', 'multiuser-a14-post-notifications.txt'))],
    ]), 'com.example.app');
    expect(s.facts.app?.installed).toBe(false);
    expect(s.facts.app?.stopped).toBeNull();
    expect(s.unknown['app.stopped']).toBe('com.example.app is not installed for user 0');
  });

  it('says an empty log was empty, not unreadable', () => {
    const s = assembleFacts(rawOutputs([['logcat', ok('')]]), null);
    expect(s.facts.pushLog).toBeNull();
    expect(s.unknown.pushLog).toMatch(/printed nothing \(log buffer empty or cleared\)/);
  });

  it('survives no outputs at all, with a reason for every fact', () => {
    const s = assembleFacts([], 'com.example.im');
    expect(s.facts.manufacturer).toBeNull();
    expect(s.unknown.manufacturer).toMatch(/^probe missing/);
    expect(s.facts.pushLog).toBeNull();
    expect(s.unknown.pushLog).toMatch(/^probe missing/);
    expect(s.facts.app?.installed).toBeNull();
    expect(s.unknown['app.installed']).toMatch(/probe missing/);
  });
});
