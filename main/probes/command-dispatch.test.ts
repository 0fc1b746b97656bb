import { describe, expect, it } from 'vitest';
import { dispatchCommand, normalizeCommandLine } from './command-dispatch.js';
import { commandForProbeId, probePlan } from './probe-plan.js';

describe('dispatchCommand', () => {
  it('accepts the plain forms of capture.md, with adb prefixes, quotes and extra spaces', () => {
    expect(dispatchCommand('getprop')).toEqual({ kind: 'getprop' });
    expect(dispatchCommand('adb -s R58M123ABC shell   getprop')).toEqual({ kind: 'getprop' });
    expect(dispatchCommand('adb shell "dumpsys package com.tencent.qcloud.tim.tuikit"'))
      .toEqual({ kind: 'dumpsys-package', package: 'com.tencent.qcloud.tim.tuikit' });
    expect(dispatchCommand('pm list packages -d --user 0')).toMatchObject({ kind: 'pm-list-packages', disabledOnly: true });
    expect(dispatchCommand('pm list packages -e -u')).toMatchObject({ enabledOnly: true, includeUninstalled: true });
    expect(dispatchCommand('dumpsys notification')).toEqual({ kind: 'dumpsys-notification', noredact: false });
    expect(dispatchCommand('dumpsys notification --noredact')).toEqual({ kind: 'dumpsys-notification', noredact: true });
    expect(dispatchCommand('settings list secure')).toEqual({ kind: 'settings-list', namespace: 'secure' });
    expect(dispatchCommand('settings get global zen_mode')).toEqual({ kind: 'settings-get', namespace: 'global', key: 'zen_mode' });
    expect(dispatchCommand('dumpsys deviceidle')).toEqual({ kind: 'deviceidle', whitelistOnly: false });
    expect(dispatchCommand('dumpsys deviceidle whitelist')).toEqual({ kind: 'deviceidle', whitelistOnly: true });
    expect(dispatchCommand('am get-standby-bucket com.example.im')).toEqual({ kind: 'standby-bucket', package: 'com.example.im' });
    expect(dispatchCommand('cmd appops get com.example.im RUN_ANY_IN_BACKGROUND'))
      .toEqual({ kind: 'appops', package: 'com.example.im', op: 'RUN_ANY_IN_BACKGROUND' });
    expect(dispatchCommand('appops get com.example.im')).toEqual({ kind: 'appops', package: 'com.example.im', op: null });
    expect(dispatchCommand('cmd netpolicy get restrict-background')).toEqual({ kind: 'netpolicy-restrict-background' });
    expect(dispatchCommand('logcat -d -v threadtime -t 5000')).toEqual({ kind: 'logcat' });
    expect(dispatchCommand('C:\\tools\\adb.exe -s 127.0.0.1:6001 shell logcat -d')).toEqual({ kind: 'logcat' });
  });

  it('refuses commands it has no parser for, and a live logcat that never ends', () => {
    expect(dispatchCommand('dumpsys activity')).toBeNull();
    expect(dispatchCommand('logcat')).toBeNull();
    expect(dispatchCommand('dumpsys package com.x;rm -rf /')).toBeNull();
  });

  it('normalises only the adb wrapper, not the command', () => {
    expect(normalizeCommandLine(' adb  -d  shell  settings list global ')).toBe('settings list global');
  });
});

describe('probePlan', () => {
  it('gives one command per probe, each dispatching to a parser, and maps ids back to commands', () => {
    const plan = probePlan('com.tencent.qcloud.tim.tuikit');
    expect(new Set(plan.map((p) => p.id)).size).toBe(plan.length);
    for (const probe of plan) {
      expect(dispatchCommand(probe.command), probe.command).not.toBeNull();
      expect(commandForProbeId(probe.id, 'com.tencent.qcloud.tim.tuikit')).toBe(probe.command);
    }
    expect(plan.map((p) => p.id)).toContain('dumpsys-package:com.xiaomi.xmsf');
    expect(plan.find((p) => p.id === 'dumpsys-package-app')?.command).toBe('dumpsys package com.tencent.qcloud.tim.tuikit');
  });

  it('leaves out app probes without an app and refuses an unsafe package name', () => {
    expect(probePlan(null).some((p) => p.id === 'standby-bucket')).toBe(false);
    expect(() => probePlan('com.x; reboot')).toThrow(/Not an Android package name/);
  });
});
