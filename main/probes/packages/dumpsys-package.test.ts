import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseDumpsysPackage } from './dumpsys-package.js';

describe('parseDumpsysPackage', () => {
  const wear = fixture('dumpsys-package', 'wearos-tekartik-package1.txt');

  it('reads version, target SDK and the user-0 state of the installed package, not the hidden system copy', () => {
    const r = parseDumpsysPackage(wear, 'com.tekartik.package1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value;
    expect(d.found).toBe(true);
    expect(d.versionCode?.value).toBe(20);
    expect(d.versionName?.value).toBe('1.0.16');
    expect(d.targetSdk?.value).toBe(36);
    expect(d.minSdk?.value).toBe(27);
    expect(d.appId?.value).toBe(10057);
    const user0 = d.users.get(0)?.value;
    expect(user0?.installed).toBe(true);
    expect(user0?.stopped).toBe(false);
    expect(user0?.notLaunched).toBe(false);
    expect(user0?.enabledState).toBe(0);
    expect(d.users.get(0)?.line).toMatch(/^User 0: ceDataInode=2135 installed=true/);
    expect(d.installPermissions.get('android.permission.WAKE_LOCK')?.value.granted).toBe(true);
    const runtime = user0?.runtimePermissions.get('com.google.android.wearable.permission.RECEIVE_COMPLICATION_DATA');
    expect(runtime?.value).toEqual({ granted: true, flags: ['GRANTED_BY_DEFAULT'] });
    expect(d.requestedPermissions).toContain('android.permission.ACCESS_NETWORK_STATE');
    expect(d.requestedPermissions).not.toContain('com.google.android.wearable.permission.BIND_WATCH_FACE_CONTROL');
  });

  it('reports a package that has no block as not found', () => {
    const r = parseDumpsysPackage(wear, 'com.tencent.qcloud.tim.tuikit');
    expect(r.ok && r.value.found).toBe(false);
  });

  it('does not invent a package from an output cut before its header', () => {
    const r = parseDumpsysPackage(fixture('dumpsys-package', 'android9-blog-headless-tail.txt'), 'com.example.app');
    expect(r.ok && r.value.found).toBe(false);
  });

  it('keeps POST_NOTIFICATIONS grants apart per user (work profile granted, user 0 not)', () => {
    const text = fixture('dumpsys-package', 'multiuser-a14-post-notifications.txt');
    const r = parseDumpsysPackage(text, 'com.example.app');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.appId?.value).toBe(10001);
    expect(r.value.users.get(0)?.value.installed).toBe(false);
    expect(r.value.users.get(0)?.value.runtimePermissions.get('android.permission.POST_NOTIFICATIONS')?.value.granted).toBe(false);
    expect(r.value.users.get(10)?.value.enabledState).toBe(0);
    expect(r.value.users.get(10)?.value.installed).toBe(true);
    expect(r.value.users.get(10)?.value.runtimePermissions.get('android.permission.POST_NOTIFICATIONS')?.value.flags)
      .toEqual(['POLICY_FIXED', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED']);
  });

  it('fails with a reason on a command error', () => {
    const r = parseDumpsysPackage("Can't find service: package", 'com.example.app');
    expect(r.ok).toBe(false);
  });
});
