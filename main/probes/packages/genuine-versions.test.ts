import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseDumpsysPackage } from './dumpsys-package.js';

/**
 * Genuine captures from further Android versions and makers (sources in __fixtures__/SOURCES.md).
 * Every expected value was read off the captured text by hand, never copied from a parser run.
 */

function packageDump(file: string, pkg: string) {
  const r = parseDumpsysPackage(fixture('dumpsys-package', file), pkg);
  if (!r.ok) throw new Error(`not parsed: ${r.reason}`);
  return r.value;
}

describe('dumpsys package, genuine captures across versions', () => {
  describe('Pixel, Android 8.1 (instant/virtual flags, no distractionFlags), overlay paths at the User line\'s indent', () => {
    const file = 'pixel-a8.1-status-im-overlay-paths.txt';

    it('reads versions from the userId-era header and the user-0 state', () => {
      const d = packageDump(file, 'im.status.ethereum');
      expect(d.found).toBe(true);
      expect(d.appId?.value).toBe(10178);
      expect(d.versionCode?.value).toBe(2054);
      expect(d.minSdk?.value).toBe(18);
      expect(d.targetSdk?.value).toBe(23);
      expect(d.versionName?.value).toBe('0.9.10-497-gc531ece0+');
      expect([...d.users.keys()]).toEqual([0]);
      expect(d.users.get(0)?.value).toMatchObject({
        installed: true, hidden: false, suspended: false, stopped: false, notLaunched: false, enabledState: 0,
      });
      expect(d.users.get(0)?.line).toMatch(/^User 0: ceDataInode=395674 /);
      expect(d.users.get(0)?.value.runtimePermissions.has('android.permission.POST_NOTIFICATIONS')).toBe(false);
    });

    it('reads install grants and the whole requested list, and ignores the Package Changes "User 0:" section', () => {
      const d = packageDump(file, 'im.status.ethereum');
      expect(d.installPermissions.get('com.google.android.c2dm.permission.RECEIVE')?.value).toEqual({ granted: true, flags: [] });
      expect(d.requestedPermissions).toHaveLength(31);
      expect(d.requestedPermissions).toContain('com.huawei.android.launcher.permission.CHANGE_BADGE');
      expect(d.requestedPermissions).not.toContain('im.status.ethereum.permission.C2D_MESSAGE: prot=signature, INSTALLED');
    });
  });

  describe('Android 14 (UP1A build) with five users, installed only in user 11', () => {
    const file = 'a14-multiuser-libretorrent-user11-only.txt';

    it('reports user 0 as not installed, stopped and denied POST_NOTIFICATIONS', () => {
      const d = packageDump(file, 'org.proninyaroslav.libretorrent');
      expect(d.appId?.value).toBe(10076);
      expect(d.versionCode?.value).toBe(26);
      expect(d.targetSdk?.value).toBe(31);
      expect(d.versionName?.value).toBe('3.5-beta01');
      expect([...d.users.keys()]).toEqual([0, 10, 11, 13, 17]);
      const user0 = d.users.get(0)?.value;
      expect(user0).toMatchObject({ installed: false, stopped: true, notLaunched: true, enabledState: 0 });
      expect(user0?.runtimePermissions.get('android.permission.POST_NOTIFICATIONS')?.value).toEqual({ granted: false, flags: [] });
    });

    it('reads the user who has it: installed, running and granted by the user', () => {
      const user11 = packageDump(file, 'org.proninyaroslav.libretorrent').users.get(11)?.value;
      expect(user11).toMatchObject({ installed: true, stopped: false, notLaunched: false });
      expect(user11?.runtimePermissions.get('android.permission.POST_NOTIFICATIONS')?.value).toEqual({
        granted: true, flags: ['USER_SET', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED'],
      });
      expect(user11?.runtimePermissions.get('android.permission.READ_EXTERNAL_STORAGE')?.value.flags)
        .toEqual(['USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED', 'RESTRICTION_INSTALLER_EXEMPT']);
    });

    it('keeps install grants apart and stops at the next package block', () => {
      const d = packageDump(file, 'org.proninyaroslav.libretorrent');
      expect(d.installPermissions.get('android.permission.SCHEDULE_EXACT_ALARM')?.value.granted).toBe(false);
      expect(d.installPermissions.get('android.permission.WAKE_LOCK')?.value.granted).toBe(true);
      const next = packageDump(file, 'com.android.uwb.resources');
      expect(next.found).toBe(true);
      expect(next.appId?.value).toBe(10217);
      expect(next.versionCode).toBeNull();
      expect(next.users.size).toBe(0);
    });
  });

  describe('OPPO ColorOS, Android 11 (`~~` code path, userId=, OPPO-only `ofs=`), overlay paths at the User line\'s indent', () => {
    const file = 'oppo-coloros-a11-overlay-paths-ofs.txt';

    it('reads the versions and the user-0 state line with its OPPO field', () => {
      const d = packageDump(file, 'com.example.pkmproject');
      expect(d.appId?.value).toBe(10441);
      expect(d.versionCode?.value).toBe(1);
      expect(d.minSdk?.value).toBe(24);
      expect(d.targetSdk?.value).toBe(36);
      expect([...d.users.keys()]).toEqual([0, 999]);
      expect(d.users.get(0)?.value).toMatchObject({ installed: true, stopped: false, notLaunched: false, enabledState: 0 });
      expect(d.users.get(999)?.value).toMatchObject({ installed: false, stopped: true, notLaunched: true });
    });

    it('keeps the user\'s runtime grants that sit under the overlay paths list', () => {
      const user0 = packageDump(file, 'com.example.pkmproject').users.get(0)?.value;
      expect([...(user0?.runtimePermissions.keys() ?? [])]).toEqual([
        'android.permission.ACCESS_FINE_LOCATION', 'android.permission.ACCESS_COARSE_LOCATION',
      ]);
      expect(user0?.runtimePermissions.get('android.permission.ACCESS_FINE_LOCATION')?.value).toEqual({
        granted: true, flags: ['USER_SET', 'USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED', '524288'],
      });
    });

    it('finds no POST_NOTIFICATIONS grant on Android 11 although the app requests it', () => {
      const d = packageDump(file, 'com.example.pkmproject');
      expect(d.requestedPermissions).toContain('android.permission.POST_NOTIFICATIONS');
      expect(d.installPermissions.has('android.permission.POST_NOTIFICATIONS')).toBe(false);
      expect(d.users.get(0)?.value.runtimePermissions.has('android.permission.POST_NOTIFICATIONS')).toBe(false);
      expect(d.installPermissions.get('android.permission.REQUEST_IGNORE_BATTERY_OPTIMIZATIONS')?.value.granted).toBe(true);
    });
  });

  describe('Samsung One UI on Android 15+ (quarantined=, pageSizeCompat), installed in users 0 and 95, not in 150', () => {
    const file = 'samsung-oneui-a15plus-three-users.txt';

    it('reads every user\'s state from its own line', () => {
      const d = packageDump(file, 'com.hrmsapp');
      expect(d.appId?.value).toBe(10596);
      expect(d.targetSdk?.value).toBe(36);
      expect(d.pkgFlags?.value).toEqual(['DEBUGGABLE', 'HAS_CODE', 'ALLOW_CLEAR_USER_DATA']);
      expect([...d.users.keys()]).toEqual([0, 95, 150]);
      expect(d.users.get(0)?.value).toMatchObject({ installed: true, stopped: false, notLaunched: false, enabledState: 0 });
      expect(d.users.get(95)?.value).toMatchObject({ installed: true, stopped: false });
      expect(d.users.get(150)?.value).toMatchObject({ installed: false, stopped: true, notLaunched: true });
      expect(d.users.get(0)?.value.runtimePermissions.size).toBe(0);
    });
  });

  describe('Android 15/16 (Google apps, quarantined=), an app installed over adb and never opened', () => {
    const file = 'a16-ppplayer-post-notifications-never-asked.txt';

    it('reads POST_NOTIFICATIONS as denied without USER_SET: the user was never asked', () => {
      const d = packageDump(file, 'com.ppplayer.app');
      expect(d.appId?.value).toBe(10233);
      expect(d.versionCode?.value).toBe(3);
      expect(d.versionName?.value).toBe('1.0.2');
      expect(d.users.get(0)?.value).toMatchObject({ installed: true, stopped: true, notLaunched: true, enabledState: 0 });
      expect(d.users.get(0)?.value.runtimePermissions.get('android.permission.POST_NOTIFICATIONS')?.value).toEqual({
        granted: false, flags: ['USER_SENSITIVE_WHEN_GRANTED', 'USER_SENSITIVE_WHEN_DENIED'],
      });
      expect(d.installPermissions.get('android.permission.FOREGROUND_SERVICE_MEDIA_PLAYBACK')?.value.granted).toBe(true);
    });
  });

  describe('Android Automotive head unit (Qinggan), Android 11 fields, a privileged system app', () => {
    const file = 'automotive-qinggan-a11-system-app-enabled1.txt';

    it('reads an explicit enabled=1 and the SYSTEM flag', () => {
      const d = packageDump(file, 'com.voboost.voiceassistant');
      expect(d.appId?.value).toBe(10068);
      expect(d.targetSdk?.value).toBe(33);
      expect(d.pkgFlags?.value).toContain('SYSTEM');
      expect(d.users.get(0)?.value).toMatchObject({ installed: true, stopped: false, enabledState: 1 });
    });

    it('reads requested names that carry a restricted=true suffix, and the user\'s grants', () => {
      const d = packageDump(file, 'com.voboost.voiceassistant');
      expect(d.requestedPermissions).toHaveLength(19);
      expect(d.requestedPermissions).toContain('android.permission.READ_EXTERNAL_STORAGE');
      const runtime = d.users.get(0)?.value.runtimePermissions;
      expect(runtime?.get('android.permission.RECORD_AUDIO')?.value).toEqual({ granted: true, flags: ['USER_SET', 'USER_SENSITIVE_WHEN_GRANTED'] });
      expect(runtime?.has('android.permission.POST_NOTIFICATIONS')).toBe(false);
    });
  });

  it('reads "Unable to find package" as a package that is not there', () => {
    const d = packageDump('not-installed-unable-to-find.txt', 'com.funnyenglish.app');
    expect(d.found).toBe(false);
    expect(d.users.size).toBe(0);
    expect(d.versionCode).toBeNull();
  });
});
