import { describe, expect, it } from 'vitest';
import { commandOutcome, resolveCommandFor, resolvedComponent } from './command-outcome.js';

describe('commandOutcome', () => {
  it('passes silence and a Starting: line', () => {
    expect(commandOutcome('', 0)).toEqual({ ok: true, reason: null });
    expect(commandOutcome('Starting: Intent { act=android.settings.SETTINGS }\n', 0).ok).toBe(true);
    expect(commandOutcome('Package com.xiaomi.xmsf new state: enabled\n', 0).ok).toBe(true);
  });

  it('fails on what AOSP shell commands print when they fail, even with exit 0 (Android 8 and older)', () => {
    expect(commandOutcome("Exception occurred while executing 'grant':\njava.lang.IllegalArgumentException: Unknown package: x.y\n", 0))
      .toEqual({ ok: false, reason: "Exception occurred while executing 'grant':" });
    expect(commandOutcome('Starting: Intent { cmp=a.b/.C }\nError type 3\nError: Activity class {a.b/a.b.C} does not exist.\n', 0).reason).toBe('Error type 3');
    expect(commandOutcome('Security exception: Permission Denial: starting Intent\n', 0).ok).toBe(false);
    expect(commandOutcome('Error occurred. Check logcat for details. Invalid filter: 0\n', 0).ok).toBe(false);
    expect(commandOutcome('Unknown command: set_dnd\n', 255).ok).toBe(false);
    expect(commandOutcome('', 1)).toEqual({ ok: false, reason: 'exited with 1' });
  });
});

describe('resolvedComponent', () => {
  it('reads the component, "No activity found", and nothing from anything else', () => {
    expect(resolvedComponent('priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\ncom.android.settings/.Settings$AppNotificationSettingsActivity\n'))
      .toEqual({ resolved: true, component: 'com.android.settings/.Settings$AppNotificationSettingsActivity' });
    expect(resolvedComponent('No activity found\n')).toEqual({ resolved: false });
    expect(resolvedComponent('/system/bin/sh: cmd: not found\n')).toBeNull();
    expect(resolvedComponent('')).toBeNull();
  });

  it('asks resolve-activity about the same intent am start would start', () => {
    expect(resolveCommandFor('am start -n com.a/.B')).toBe('cmd package resolve-activity --brief -n com.a/.B');
    expect(resolveCommandFor('pm grant a b')).toBeNull();
  });
});
