import { describe, expect, it } from 'vitest';
import { parsePmListPackages } from './pm-list-packages.js';
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
