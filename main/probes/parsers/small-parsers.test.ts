import { describe, expect, it } from 'vitest';
import { parseAppHibernation } from './app-hibernation.js';
import { parseDeviceIdleWhitelist } from './deviceidle.js';
import { parseRestrictBackground, parseRestrictBackgroundWhitelist } from './netpolicy.js';
import { parsePmListPackages } from './pm-list-packages.js';
import { parseSettingsGet, parseSettingsList } from './settings.js';
import { parseStandbyBucket } from './standby-bucket.js';
import { fixture } from '../fixtures.test-helper.js';

describe('pm list packages', () => {
  it('reads a real MIUI package list: push service and Google Play services present', () => {
    const a = parsePmListPackages(fixture('pm-list-packages', 'xiaomi-miui-excerpt-a.txt'));
    expect(a.ok && a.value.packages.size).toBe(39);
    expect(a.ok && a.value.packages.get('com.xiaomi.xmsf')?.line).toBe('package:com.xiaomi.xmsf');
    expect(a.ok && a.value.packages.has('com.google.android.gms')).toBe(false);
    const b = parsePmListPackages(fixture('pm-list-packages', 'xiaomi-miui-excerpt-b.txt'));
    expect(b.ok && b.value.packages.has('com.google.android.gms')).toBe(true);
    expect(b.ok && b.value.packages.has('android.aosp.overlay')).toBe(true);
    expect(b.ok && b.value.skippedLines).toBe(0);
  });


  it('reads plain, -f, -U and --show-versioncode lines', () => {
    const r = parsePmListPackages(fixture('pm-list-packages', 'variants.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.packages.get('com.android.shell')?.value.apkPath).toBeNull();
    expect(r.value.packages.get('com.google.android.gms')?.value.apkPath).toBe('/data/app/~~3hG4Qw==/com.google.android.gms-Xy1==/base.apk');
    expect(r.value.packages.get('com.xiaomi.xmsf')?.value.versionCode).toBe(60300);
    expect(r.value.packages.get('com.xiaomi.xmsf')?.value.uid).toBe(10115);
  });
});

describe('settings', () => {
  it('reads settings list lines and a settings get value', () => {
    const r = parseSettingsList('zen_mode=1\nlow_power=0\nwifi_on=1\ncontent_with=a=b\n');
    expect(r.ok && r.value.values.get('zen_mode')?.value).toBe('1');
    expect(r.ok && r.value.values.get('content_with')?.value).toBe('a=b');
    expect(parseSettingsGet('null\n')).toEqual({ ok: true, value: { value: null, line: 'null' } });
    expect(parseSettingsGet('1\r\n')).toEqual({ ok: true, value: { value: '1', line: '1' } });
  });
});

describe('deviceidle', () => {
  it('reads the whitelist command and the whitelist sections of a full dump', () => {
    const r = parseDeviceIdleWhitelist(fixture('deviceidle', 'xiaomi-hyperos-whitelist-head25.txt'));
    expect(r.ok && r.value.format).toBe('whitelist');
    expect(r.ok && r.value.entries.filter((e) => e.package === 'com.android.updater').map((e) => e.kind)).toEqual(['system-excidle', 'system']);
    expect(r.ok && r.value.entries.find((e) => e.package === 'com.google.android.gms')?.kind).toBe('system-excidle');
    const emulator = parseDeviceIdleWhitelist(fixture('deviceidle', 'emulator-a15-whitelist.txt'));
    expect(emulator.ok && emulator.value.entries.find((e) => e.kind === 'user')).toMatchObject({ package: 'com.example.bilimonitor', uid: 10153 });
    const full = parseDeviceIdleWhitelist(fixture('deviceidle', 'full-dump-sections.txt'));
    expect(full.ok && full.value.format).toBe('full-dump');
    expect(full.ok && full.value.entries.filter((e) => e.kind === 'user').map((e) => e.package)).toEqual(['com.tencent.mm']);
  });
});

describe('one-line outputs', () => {
  it('reads standby buckets by number and rejects other text', () => {
    expect(parseStandbyBucket('45\n')).toEqual({ ok: true, value: { value: 45, line: '45' } });
    expect(parseStandbyBucket('Unknown command: get-standby-bucket').ok).toBe(false);
  });

  it('reads Data Saver state and its allow list', () => {
    expect(parseRestrictBackground('Restrict background status: enabled\n')).toMatchObject({ ok: true, value: { value: true } });
    expect(parseRestrictBackgroundWhitelist('Restrict background whitelisted UIDs: 10047 10097 \n'))
      .toMatchObject({ ok: true, value: { value: [10047, 10097] } });
    expect(parseRestrictBackgroundWhitelist('Restrict background whitelisted UIDs: none\n')).toMatchObject({ ok: true, value: { value: [] } });
  });

  it('reads hibernation state and a phone without the service', () => {
    expect(parseAppHibernation('true\n')).toMatchObject({ ok: true, value: { value: true } });
    expect(parseAppHibernation("cmd: Can't find service: app_hibernation").ok).toBe(false);
  });
});
