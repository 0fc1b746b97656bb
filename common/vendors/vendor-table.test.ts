import { describe, expect, it } from 'vitest';
import { PUSH_CHANNELS } from '../domain/facts.js';
import { ALL_PUSH_SERVICE_PACKAGES, VENDORS, vendorOf } from './vendor-table.js';

describe('vendor table', () => {
  it('has an entry for every channel but none', () => {
    expect(Object.keys(VENDORS).sort()).toEqual(PUSH_CHANNELS.filter((c) => c !== 'none').sort());
    expect(vendorOf('none')).toBeNull();
    expect(vendorOf(null)).toBeNull();
    expect(vendorOf('honor')?.displayName).toBe('Honor');
  });

  it('lists the push service packages the audit reads, including both OPPO generations', () => {
    expect(ALL_PUSH_SERVICE_PACKAGES).toEqual([
      'com.xiaomi.xmsf', 'com.huawei.hwid', 'com.hihonor.android.pushagent', 'com.heytap.mcs', 'com.coloros.mcs',
      'com.vivo.pushservice', 'com.meizu.cloud', 'com.google.android.gms',
    ]);
  });

  it('gives every vendor a console, restriction advice with sources, and a notification remedy', () => {
    for (const v of Object.values(VENDORS)) {
      expect(v.consoles.length, v.vendor).toBeGreaterThan(0);
      expect(v.restrictions.docs.every((d) => d.startsWith('http')), v.vendor).toBe(true);
      expect(v.remedies.appNotifications.length, v.vendor).toBeGreaterThan(0);
    }
  });

  it('names settings screens as package/class components or intent actions', () => {
    for (const v of Object.values(VENDORS)) {
      for (const s of [...v.autostartScreens, ...v.batteryScreens]) {
        if (s.component) expect(s.component).toMatch(/^[a-z][\w.]*\/[\w.]+$/);
        else expect(s.action).toMatch(/^[a-z][\w.]+$/);
      }
    }
  });

  it('marks OPPO as the vendor that turns notifications off for new apps', () => {
    expect(Object.values(VENDORS).filter((v) => v.notificationsOffByDefault).map((v) => v.vendor)).toEqual(['oppo']);
  });
});
