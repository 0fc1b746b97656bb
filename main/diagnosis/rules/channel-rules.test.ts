import { describe, expect, it } from 'vitest';
import { buildSheet, ev, runRule } from '../sheets.test-helper.js';
import { gmsMissing } from './gms-missing.js';
import { noPushChannel } from './no-push-channel.js';
import { pushChannel } from './push-channel.js';
import { pushServiceDisabled } from './push-service-disabled.js';
import { pushServiceMissing } from './push-service-missing.js';
import { compareDotted, pushServiceOutdated } from './push-service-outdated.js';

const PM_EVIDENCE = { 'pushServices.com.xiaomi.xmsf.enabled': [ev('pm list packages -d', 'package:com.xiaomi.xmsf')] };

describe('push-channel', () => {
  it('names the channel and the brand facts behind it (info)', () => {
    const f = runRule(pushChannel, buildSheet('xiaomi'));
    expect(f?.severity).toBe('info');
    expect(f?.detail).toContain('Xiaomi push');
    expect(f?.detail).toContain('brand POCO');
    expect(f?.evidence.map((e) => e.excerpt)).toContain('[ro.product.brand]: [POCO]');
  });

  it('derives the channel from brand and manufacturer when the sheet has none', () => {
    const f = runRule(pushChannel, buildSheet('honor', { device: { pushChannel: null, brand: 'HONOR', manufacturer: 'HUAWEI' } }));
    expect(f?.detail).toContain('Huawei push');
  });

  it('is unknown when brand and manufacturer could not be read', () => {
    const f = runRule(pushChannel, buildSheet('xiaomi', {
      device: { pushChannel: null, brand: null, manufacturer: null },
      unknown: { brand: 'getprop output was empty' },
    }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('getprop output was empty');
  });
});

describe('push-service-missing', () => {
  it('is ok when the vendor service is installed', () => {
    const f = runRule(pushServiceMissing, buildSheet('xiaomi'));
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toContain('com.xiaomi.xmsf');
  });

  it('is an error when the Xiaomi push service is not installed', () => {
    const sheet = buildSheet('xiaomi', { device: { pushServices: [
      { vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: false, enabled: null, versionName: null, versionCode: null },
    ] } });
    const f = runRule(pushServiceMissing, sheet);
    expect(f?.severity).toBe('error');
    expect(f?.detail).toContain('com.xiaomi.xmsf');
  });

  it('only warns for OPPO, whose SDK can also find MCS inside the framework', () => {
    const sheet = buildSheet('oppo', { device: { pushServices: [
      { vendor: 'oppo', package: 'com.heytap.mcs', installed: false, enabled: null, versionName: null, versionCode: null },
      { vendor: 'oppo', package: 'com.coloros.mcs', installed: false, enabled: null, versionName: null, versionCode: null },
    ] } });
    const f = runRule(pushServiceMissing, sheet);
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('com.heytap.mcs / com.coloros.mcs');
  });

  it('counts the older OPPO package when only it is installed', () => {
    const sheet = buildSheet('oppo', { device: { pushServices: [
      { vendor: 'oppo', package: 'com.heytap.mcs', installed: false, enabled: null, versionName: null, versionCode: null },
      { vendor: 'oppo', package: 'com.coloros.mcs', installed: true, enabled: true, versionName: '2.1.0', versionCode: 2100 },
    ] } });
    expect(runRule(pushServiceMissing, sheet)?.severity).toBe('ok');
  });

  it('is unknown when the package list was not read', () => {
    const f = runRule(pushServiceMissing, buildSheet('xiaomi', { device: { pushServices: [] }, unknown: { pushServices: 'pm list packages failed: exit 255' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('exit 255');
  });

  it('does not apply to FCM phones (gms-missing covers them)', () => {
    expect(runRule(pushServiceMissing, buildSheet('fcm'))).toBeNull();
  });
});

describe('push-service-disabled', () => {
  it('is ok when the service is enabled', () => {
    expect(runRule(pushServiceDisabled, buildSheet('xiaomi'))?.severity).toBe('ok');
  });

  it('is an error with the enable fix when the service is disabled', () => {
    const sheet = buildSheet('xiaomi', {
      device: { pushServices: [{ vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: true, enabled: false, versionName: '6.0.7-GO', versionCode: 60007 }] },
      evidence: PM_EVIDENCE,
    });
    const f = runRule(pushServiceDisabled, sheet);
    expect(f?.severity).toBe('error');
    expect(f?.fixId).toBe('enable-push-service');
    expect(f?.evidence[0]?.excerpt).toBe('package:com.xiaomi.xmsf');
  });

  it('is unknown when the enabled state was not read', () => {
    const sheet = buildSheet('xiaomi', {
      device: { pushServices: [{ vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: true, enabled: null, versionName: null, versionCode: null }] },
      unknown: { pushServices: 'pm list packages -d was cut short' },
    });
    expect(runRule(pushServiceDisabled, sheet)?.severity).toBe('unknown');
  });

  it('stands aside when the service is missing', () => {
    const sheet = buildSheet('xiaomi', { device: { pushServices: [{ vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: false, enabled: null, versionName: null, versionCode: null }] } });
    expect(runRule(pushServiceDisabled, sheet)).toBeNull();
  });
});

describe('push-service-outdated', () => {
  const hms = (versionName: string | null, versionCode: number | null) => buildSheet('huawei', {
    device: { pushServices: [{ vendor: 'huawei', package: 'com.huawei.hwid', installed: true, enabled: true, versionName, versionCode }] },
  });

  it('is ok when HMS Core meets Push Kit\'s 3.0.0 minimum', () => {
    expect(runRule(pushServiceOutdated, hms('6.11.0.332', 61100332))?.severity).toBe('ok');
  });

  it('is an error when HMS Core is older than 3.0.0', () => {
    const f = runRule(pushServiceOutdated, hms('2.6.3.306', 20603306));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toContain('3.0.0');
  });

  it('compares the dotted name when the versionCode is missing', () => {
    expect(runRule(pushServiceOutdated, hms('2.6.3.306', null))?.severity).toBe('error');
  });

  it('is an error when the OPPO MCS versionCode is below the SDK\'s 1019', () => {
    const sheet = buildSheet('oppo', { device: { pushServices: [{ vendor: 'oppo', package: 'com.coloros.mcs', installed: true, enabled: true, versionName: '1.0.1', versionCode: 1010 }] } });
    expect(runRule(pushServiceOutdated, sheet)?.severity).toBe('error');
  });

  it('is ok, saying so, when the vendor publishes no minimum', () => {
    const f = runRule(pushServiceOutdated, buildSheet('vivo'));
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toMatch(/no minimum/);
  });

  it('is unknown when the version was not read', () => {
    expect(runRule(pushServiceOutdated, hms(null, null))?.severity).toBe('unknown');
  });

  it('compares dotted versions numerically, not as text', () => {
    expect(compareDotted('10.0.1', '9.9')).toBe(1);
    expect(compareDotted('3.0.0.300', '3.0.0')).toBe(1);
    expect(compareDotted('3.0', '3.0.0')).toBe(0);
    expect(compareDotted('beta', '3.0.0')).toBeNull();
  });
});

describe('gms-missing', () => {
  it('is ok on an FCM phone with Google Play services enabled', () => {
    expect(runRule(gmsMissing, buildSheet('fcm'))?.severity).toBe('ok');
  });

  it('is an error when Google Play services is disabled', () => {
    const f = runRule(gmsMissing, buildSheet('fcm', { gms: { enabled: false } }));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toMatch(/disabled/);
  });

  it('is unknown when the package state was not read', () => {
    const f = runRule(gmsMissing, buildSheet('fcm', { gms: null, unknown: { gms: 'dumpsys package com.google.android.gms failed' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('com.google.android.gms failed');
  });

  it('does not apply to vendor channels', () => {
    expect(runRule(gmsMissing, buildSheet('huawei'))).toBeNull();
  });
});

describe('no-push-channel', () => {
  it('is ok when the phone has a channel', () => {
    expect(runRule(noPushChannel, buildSheet('vivo'))?.severity).toBe('ok');
  });

  it('is an error when the phone has no vendor channel and no Google Play services', () => {
    const f = runRule(noPushChannel, buildSheet('none'));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toMatch(/no offline push/);
  });

  it('is unknown when the channel cannot be worked out', () => {
    const f = runRule(noPushChannel, buildSheet('none', { device: { pushChannel: null }, gms: null }));
    expect(f?.severity).toBe('unknown');
  });
});

describe('push service evidence', () => {
  it('cites only the channel\'s own service packages, not every vendor\'s', () => {
    const sheet = buildSheet('xiaomi', { evidence: {
      'pushServices.com.xiaomi.xmsf.installed': [ev('pm list packages', 'package:com.xiaomi.xmsf')],
      'pushServices.com.vivo.pushservice.installed': [ev('pm list packages', 'no package:com.vivo.pushservice line among 412 packages')],
    } });
    const f = runRule(pushServiceMissing, sheet);
    expect(f?.evidence).toEqual([{ command: 'pm list packages', excerpt: 'package:com.xiaomi.xmsf' }]);
  });

  it('gives the reason recorded on the package\'s field when the service state is unknown', () => {
    const sheet = buildSheet('xiaomi', {
      device: { pushServices: [{ vendor: 'xiaomi', package: 'com.xiaomi.xmsf', installed: null, enabled: null, versionName: null, versionCode: null }] },
      unknown: { 'pushServices.com.xiaomi.xmsf.installed': 'pm list packages output was cut short' },
    });
    expect(runRule(pushServiceMissing, sheet)?.detail).toContain('pm list packages output was cut short');
  });
});
