import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPhone, type SimAndroidPhone } from './create-phone.js';
import { captureIo } from './testing/capture-io.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/pixel-a14', import.meta.url));
const APP = 'com.example.im';

let phone: SimAndroidPhone;
beforeEach(async () => {
  phone = await createPhone(FIXTURE, { now: () => Date.UTC(2024, 1, 5, 12, 0, 0) });
});

async function sh(line: string, target = phone): Promise<{ code: number; out: string; err: string }> {
  const cap = captureIo();
  const code = await target.run(line, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

describe('a simulated phone keeps state between commands', () => {
  it('settings put is read back by get and list; missing keys read null', async () => {
    expect((await sh('settings get global zen_mode')).out).toBe('0\n');
    expect((await sh('settings get secure no_such_key')).out).toBe('null\n');
    expect(await sh('settings put global zen_mode 1')).toEqual({ code: 0, out: '', err: '' });
    expect((await sh('settings get global zen_mode')).out).toBe('1\n');
    expect((await sh('settings list global')).out).toContain('zen_mode=1\n');
    expect((await sh('dumpsys notification')).out).toContain('    mZenMode=ZEN_MODE_IMPORTANT_INTERRUPTIONS\n');
    expect((await sh('settings --user 0 get global zen_mode; settings get --user 0 global zen_mode')).out).toBe('1\n1\n');
    expect((await sh('settings delete global zen_mode')).out).toBe('Deleted 1 rows\n');
    expect((await sh('settings get global zen_mode')).out).toBe('null\n');
  });

  it('cmd notification set_dnd changes the zen mode settings and dumpsys read, as ZenModeHelper writes it', async () => {
    expect(await sh('cmd notification set_dnd priority')).toEqual({ code: 0, out: '', err: '' });
    expect((await sh('settings get global zen_mode')).out).toBe('1\n');
    expect((await sh('dumpsys notification')).out).toContain('    mZenMode=ZEN_MODE_IMPORTANT_INTERRUPTIONS\n');
    await sh('cmd notification set_dnd on');
    expect((await sh('settings get global zen_mode')).out).toBe('2\n');
    expect(await sh('cmd notification set_dnd off')).toEqual({ code: 0, out: '', err: '' });
    expect((await sh('settings get global zen_mode')).out).toBe('0\n');
    expect((await sh('cmd notification set_dnd sometimes')).out).toBe('Error occurred. Check logcat for details. Invalid filter: 0\n');
    expect((await sh('settings get global zen_mode')).out).toBe('0\n');
  });

  it('records every activity am start opens; the stock Settings screens resolve, unknown components do not', async () => {
    phone = await createPhone(fileURLToPath(new URL('../profiles/pixel-a15', import.meta.url)), { now: () => Date.UTC(2024, 1, 5, 12, 0, 0) });
    expect((await sh('cmd package resolve-activity --brief -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE com.example.im')).out)
      .toBe('priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\ncom.android.settings/.Settings$AppNotificationSettingsActivity\n');
    expect((await sh('cmd package resolve-activity --brief -n com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity')).out).toBe('No activity found\n');
    const opened = await sh(`am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${APP}`);
    expect(opened).toMatchObject({ code: 0, out: `Starting: Intent { act=android.settings.APPLICATION_DETAILS_SETTINGS dat=package:${APP} }\n` });
    expect(phone.activityStarts).toEqual([{
      at: Date.UTC(2024, 1, 5, 12, 0, 0),
      intent: `act=android.settings.APPLICATION_DETAILS_SETTINGS dat=package:${APP} flg=0x10000000 cmp=com.android.settings/.applications.InstalledAppDetails`,
      component: 'com.android.settings/.applications.InstalledAppDetails',
    }]);
    expect((await sh('am start -n com.android.settings/.NoSuchActivity')).code).toBe(255);
    expect(phone.activityStarts).toHaveLength(1);
  });

  it('pm revoke shows granted=false in dumpsys package, and the app turns importance=NONE on Android 13+', async () => {
    expect((await sh(`dumpsys package ${APP}`)).out).toContain('android.permission.POST_NOTIFICATIONS: granted=true');
    expect(await sh(`pm revoke ${APP} android.permission.POST_NOTIFICATIONS`)).toEqual({ code: 0, out: '', err: '' });
    expect((await sh(`dumpsys package ${APP}`)).out).toContain(
      '        android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]\n',
    );
    expect((await sh('dumpsys notification --noredact')).out).toContain(`      AppSettings: ${APP} (10234) importance=NONE userSet=true\n`);
  });

  it('pm grant/revoke fail like the real pm for unknown packages and permissions', async () => {
    const unknownPkg = await sh('pm grant com.nope.app android.permission.CAMERA');
    expect(unknownPkg.code).toBe(255);
    expect(unknownPkg.err).toBe("Exception occurred while executing 'grant':\njava.lang.IllegalArgumentException: Unknown package: com.nope.app\n");
    expect((await sh(`pm grant ${APP} android.permission.FLY`)).err).toContain('Unknown permission: android.permission.FLY');
    expect((await sh(`pm grant ${APP} android.permission.RECORD_AUDIO`)).err).toContain(`Package ${APP} has not requested permission android.permission.RECORD_AUDIO`);
  });

  it('am set-standby-bucket accepts names and numbers and get reads it back', async () => {
    expect((await sh(`am get-standby-bucket ${APP}`)).out).toBe('40\n');
    await sh(`am set-standby-bucket ${APP} restricted`);
    expect((await sh(`am get-standby-bucket ${APP}`)).out).toBe('45\n');
    await sh(`am set-standby-bucket ${APP} 20`);
    expect((await sh(`am get-standby-bucket ${APP}`)).out).toBe('20\n');
    expect(await sh(`am set-standby-bucket ${APP} sometimes`)).toMatchObject({ code: 255, err: 'Error: Unknown bucket: sometimes\n' });
  });

  it('am force-stop sets stopped=true and am start clears it and logs the push registration', async () => {
    await sh(`am start -n ${APP}/.SplashActivity`);
    expect((await sh(`dumpsys package ${APP}`)).out).toMatch(/User 0: .* stopped=false /);
    await sh(`am force-stop ${APP}`);
    expect((await sh(`dumpsys package ${APP}`)).out).toMatch(/User 0: ceDataInode=\d+ installed=true hidden=false suspended=false distractionFlags=0 stopped=true /);
    const started = await sh(`am start -W -n ${APP}/.SplashActivity`);
    expect(started.out).toMatch(
      new RegExp(`^Starting: Intent \\{ cmp=${APP}/\\.SplashActivity \\}\nStatus: ok\nLaunchState: COLD\nActivity: ${APP}/\\.SplashActivity\nTotalTime: \\d+\nWaitTime: \\d+\nComplete\n$`),
    );
    expect((await sh(`dumpsys package ${APP}`)).out).toMatch(/ stopped=false /);
    const log = (await sh('logcat -d -s TUIOfflinePush-TUIOfflinePushManager')).out;
    expect(log).toMatch(/ D TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 12345 pushToken = \S+:APA91b\S+\n/);
    expect(log).toContain('TUIOfflinePush-TUIOfflinePushManager: setOfflinePushToken success\n');
  });

  it('monkey -p PKG -c LAUNCHER 1 launches the app and clears stopped', async () => {
    const result = await sh(`monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    expect(result.out).toContain('Events injected: 1\n');
    expect((await sh(`dumpsys package ${APP}`)).out).toMatch(/ stopped=false /);
    expect((await sh('monkey -p com.nope.app 1')).out).toContain('** No activities found to run, monkey aborted.\n');
  });

  it('am start reports unknown activities like the real am', async () => {
    const result = await sh(`am start -n ${APP}/.Nope`);
    expect(result.out).toBe(`Starting: Intent { cmp=${APP}/.Nope }\n`);
    expect(result.err).toBe(`Error type 3\nError: Activity class {${APP}/${APP}.Nope} does not exist.\n`);
  });

  it('cmd deviceidle whitelist +pkg shows in dumpsys deviceidle whitelist, -pkg removes it', async () => {
    expect((await sh('dumpsys deviceidle whitelist')).out).toBe('system-excidle,com.android.vending,10041\nsystem,com.google.android.gms,10146\n');
    expect((await sh(`cmd deviceidle whitelist +${APP}`)).out).toBe(`Added: ${APP}\n`);
    expect((await sh('dumpsys deviceidle whitelist')).out).toContain(`user,${APP},10234\n`);
    expect((await sh('dumpsys deviceidle')).out).toContain(`  Whitelist user apps:\n    ${APP}\n`);
    expect((await sh(`cmd deviceidle whitelist -${APP}`)).out).toBe(`Removed: ${APP}\n`);
    expect((await sh('cmd deviceidle whitelist +com.nope.x')).out).toBe('Unknown package: com.nope.x\n');
  });

  it('cmd notification post shows in dumpsys notification and in logcat -b events', async () => {
    const posted = await sh("cmd notification post -t 'Hello title' greet 'Hello world'");
    expect(posted.out).toBe(
      'posting:\n  Notification(channel=shell_cmd shortcut=null contentView=null vibrate=null sound=null defaults=0x0 flags=0x0 color=0x00000000 vis=PRIVATE)\n',
    );
    const dump = (await sh('dumpsys notification --noredact')).out;
    expect(dump).toMatch(/ {4}NotificationRecord\(0x[0-9a-f]{8}: pkg=com\.android\.shell user=UserHandle\{0\} id=2020 tag=greet importance=3 key=0\|com\.android\.shell\|2020\|greet\|2000: Notification\(channel=shell_cmd /);
    expect(dump).toContain('android.title=String (Hello title)');
    expect((await sh('dumpsys notification')).out).toContain('android.text=String [length=11]');
    const events = (await sh('logcat -d -b events')).out;
    expect(events).toMatch(/ I notification_enqueue: \[2000,\d+,com\.android\.shell,2020,greet,0,Notification\(channel=shell_cmd .*\),0\]\n/);
  });

  it('postAppNotification for a stopped FCM app is cancelled by Play services, as real phones log it', async () => {
    expect(phone.postAppNotification(APP, 'im_message', 'Alice', 'hi')).toEqual({ posted: false, reason: 'app-stopped' });
    expect((await sh('logcat -d -s GCM')).out).toMatch(
      / W GCM {5}: broadcast intent callback: result=CANCELLED forIntent \{ act=com\.google\.android\.c2dm\.intent\.RECEIVE flg=0x10000000 pkg=com\.example\.im \(has extras\) \}\n/,
    );
  });

  it('postAppNotification respects app, channel and install state', async () => {
    await sh(`am start -n ${APP}/.SplashActivity`);
    expect(phone.postAppNotification(APP, 'im_message', 'Alice', 'hi')).toMatchObject({ posted: true });
    expect((await sh('dumpsys notification')).out).toMatch(/pkg=com\.example\.im .* importance=4 key=0\|com\.example\.im\|1001\|null\|10234/);
    expect(phone.postAppNotification(APP, 'silent_sync', 'x', 'y')).toEqual({ posted: false, reason: 'channel-blocked' });
    expect(phone.postAppNotification(APP, 'nope', 'x', 'y')).toEqual({ posted: false, reason: 'channel-missing' });
    expect((await sh('logcat -d -b system')).out).toContain(`E NotificationService: No Channel found for pkg=${APP}, channelId=nope, id=1002,`);
    expect(phone.postAppNotification('com.not.installed', 'c', 'x', 'y')).toEqual({ posted: false, reason: 'not-installed' });
    await sh(`pm revoke ${APP} android.permission.POST_NOTIFICATIONS`);
    expect(phone.postAppNotification(APP, 'im_message', 'Alice', 'again')).toEqual({ posted: false, reason: 'app-blocked' });
  });

  it('am force-stop cancels the app notifications, as NotificationManagerService does on PACKAGE_RESTARTED', async () => {
    await sh(`am start -n ${APP}/.SplashActivity`);
    phone.postAppNotification(APP, 'im_message', 'Alice', 'hi');
    await sh(`am force-stop ${APP}`);
    expect((await sh('dumpsys notification')).out).not.toContain('pkg=com.example.im ');
    expect((await sh('logcat -d -b events')).out).toContain(`notification_cancel_all: [1000,1432,${APP},0,0,0,5,NULL]`);
  });

  it('pm disable-user / enable print the new state and pm list packages -d follows', async () => {
    expect((await sh(`pm disable-user --user 0 ${APP}`)).out).toBe(`Package ${APP} new state: disabled-user\n`);
    expect((await sh('pm list packages -d')).out).toBe(`package:${APP}\npackage:com.example.old\n`);
    expect((await sh(`pm enable ${APP}`)).out).toBe(`Package ${APP} new state: enabled\n`);
    expect((await sh('pm list packages -d')).out).toBe('package:com.example.old\n');
    expect((await sh('pm list packages -3 -U --show-versioncode example.im')).out).toBe(`package:${APP} versionCode:72414 uid:10234\n`);
  });

  it('cmd appops get/set follow state; unset ops print No operations.', async () => {
    expect((await sh(`cmd appops get ${APP} RUN_ANY_IN_BACKGROUND`)).out).toBe('RUN_ANY_IN_BACKGROUND: ignore\n');
    await sh(`cmd appops set ${APP} RUN_ANY_IN_BACKGROUND allow`);
    expect((await sh(`appops get ${APP} RUN_ANY_IN_BACKGROUND`)).out).toBe('RUN_ANY_IN_BACKGROUND: allow\n');
    await sh(`cmd appops set ${APP} RUN_ANY_IN_BACKGROUND default`);
    expect((await sh(`cmd appops get ${APP}`)).out).toBe('No operations.\n');
  });

  it('cmd netpolicy reports restrict-background and the whitelist', async () => {
    expect((await sh('cmd netpolicy get restrict-background')).out).toBe('Restrict background status: disabled\n');
    await sh('cmd netpolicy add restrict-background-whitelist 10234');
    expect((await sh('cmd netpolicy list restrict-background-whitelist')).out).toBe('Restrict background whitelisted UIDs: 10146 10234 \n');
  });

  it('cmd package resolve-activity resolves launcher and scheme intents', async () => {
    expect((await sh(`cmd package resolve-activity --brief ${APP}`)).out).toBe(
      `priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n${APP}/.SplashActivity\n`,
    );
    const scheme = await sh('cmd package resolve-activity --brief -a android.intent.action.VIEW -d pushscheme://com.tencent.qcloud.uniapp/detail');
    expect(scheme.out).toContain(`${APP}/com.tencent.qcloud.tim.tuiofflinepush.OpenActivity\n`);
    expect((await sh('cmd package resolve-activity --brief -a android.intent.action.VIEW -d otherscheme://x')).out).toBe('No activity found\n');
  });

  it('each phone from the same profile has its own state', async () => {
    const other = await createPhone(FIXTURE);
    await sh('settings put global zen_mode 2');
    expect((await sh('settings get global zen_mode', other)).out).toBe('0\n');
  });

  it('pm path and the sync file system expose a lazily made base.apk of a plausible size', async () => {
    const path = (await sh(`pm path ${APP}`)).out.trim();
    expect(path).toBe('package:/data/app/~~fX2pQ1sT==/com.example.im-Ab3dE5fG==/base.apk');
    const stat = phone.stat(path.slice('package:'.length));
    expect(stat?.size).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(stat?.size).toBeLessThanOrEqual(30 * 1024 * 1024);
    const bytes = phone.readFile(path.slice('package:'.length));
    expect(bytes?.length).toBe(stat?.size);
    expect((await createPhone(FIXTURE)).readFile(path.slice('package:'.length))?.equals(bytes!)).toBe(true);
  });

  it('app_hibernation exists only from Android 12 on; cmd reports a missing service', async () => {
    expect((await sh(`cmd app_hibernation get-state ${APP}`)).out).toBe('false\n');
    expect(await sh('cmd nosuchservice x')).toMatchObject({ code: 20, err: "cmd: Can't find service: nosuchservice\n" });
  });

  it('uiautomator dump writes the file and prints the real (misspelt) message; screencap -p is a PNG', async () => {
    expect((await sh('uiautomator dump')).out).toBe('UI hierchary dumped to: /sdcard/window_dump.xml\n');
    expect(phone.readFile('/sdcard/window_dump.xml')?.toString()).toMatch(/^<\?xml version='1.0' encoding='UTF-8' standalone='yes' \?><hierarchy rotation="0">/);
    const cap = captureIo();
    await phone.run('screencap -p', cap.io);
    expect(cap.stdoutBytes().subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await sh('input tap 540 1200')).toEqual({ code: 0, out: '', err: '' });
  });

  it('dumpsys package for an unknown package prints only the dexopt and compiler notes', async () => {
    expect((await sh('dumpsys package com.nope.app')).out).toBe(
      '\nDexopt state:\n  Unable to find package: com.nope.app\n\nCompiler stats:\n  Unable to find package: com.nope.app\n',
    );
  });
});

describe('latency and streaming', () => {
  it('applies latency once per Android command inside one batched line, not to builtins', async () => {
    const slow = await createPhone(FIXTURE, { latencyMs: 60 });
    const started = performance.now();
    const cap = captureIo();
    await slow.run('getprop ro.build.version.sdk; echo "<<1:$?>>"; settings get global zen_mode; echo "<<2:$?>>"; dumpsys deviceidle whitelist; echo "<<3:$?>>"', cap.io);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(175);
    expect(elapsed).toBeLessThan(400);
    const builtins = performance.now();
    await slow.run('echo a; echo b | grep a; true; wc -l < /dev/null', captureIo().io);
    expect(performance.now() - builtins).toBeLessThan(50);
  });

  it('logcat without -d streams new lines until the stream is aborted', async () => {
    const cap = captureIo();
    await sh(`am start -n ${APP}/.SplashActivity`);
    const running = phone.run('logcat -b events', cap.io);
    await new Promise((resolve) => setTimeout(resolve, 20));
    phone.postAppNotification(APP, 'im_message', 'Alice', 'live');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cap.stdout()).toMatch(/notification_enqueue: \[10234,/);
    cap.controller.abort();
    const code = await running;
    expect(code).toBe(130);
  });

  it('logcat -v brief/time re-renders lines the way logprint does, and -t keeps the last lines', async () => {
    expect((await sh('logcat -d -v brief -s ActivityManager')).out).toBe('--------- beginning of main\nI/ActivityManager( 1432): System now ready\n');
    expect((await sh('logcat -d -v time Zygote:D *:S')).out).toBe('--------- beginning of main\n02-05 10:00:01.500 D/Zygote  ( 2210): Forked child process 2210\n');
    expect((await sh('logcat -t 1')).out).toBe('--------- beginning of main\n02-05 10:00:01.500  2210  2210 D Zygote  : Forked child process 2210\n');
  });

  it('logcat -c clears the buffers', async () => {
    expect((await sh('logcat -d')).out).toContain('System now ready');
    await sh('logcat -c');
    expect((await sh('logcat -d')).out).toBe('');
  });
});
