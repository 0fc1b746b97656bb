import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPhone, type SimAndroidPhone } from './create-phone.js';
import type { SimPush } from './push-delivery.js';
import { captureIo } from './testing/capture-io.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/pixel-a14', import.meta.url));
const APP = 'com.example.im';

let phone: SimAndroidPhone;
beforeEach(async () => {
  phone = await createPhone(FIXTURE, { now: () => Date.UTC(2024, 1, 5, 12, 0, 0) });
});

async function sh(line: string): Promise<string> {
  const cap = captureIo();
  await phone.run(line, cap.io);
  return cap.stdout() + cap.stderr();
}
/** The fixture's app starts force-stopped: open it once and leave it, as a user would. */
const backgrounded = () => sh(`monkey -p ${APP} -c android.intent.category.LAUNCHER 1; input keyevent KEYCODE_HOME`);
const fcm = (over: Partial<SimPush> = {}): SimPush =>
  ({ pkg: APP, transport: 'fcm', kind: 'notification', priority: 'high', channelId: 'im_message', title: 'T', text: 'X', ...over });

describe('conditions on the simulated phone', () => {
  it('SLEEP/WAKEUP switch mWakefulness; battery unplug and deviceidle force-idle/unforce as AOSP prints them', async () => {
    expect(await sh('dumpsys power')).toContain('  mWakefulness=Awake\n');
    await sh('input keyevent KEYCODE_SLEEP');
    expect(await sh('dumpsys power')).toContain('  mWakefulness=Asleep\n');
    await sh('input keyevent 224');
    expect(await sh('dumpsys power')).toContain('  mWakefulness=Awake\n');
    expect(await sh('dumpsys battery unplug')).toBe('');
    expect(await sh('dumpsys battery')).toContain("  (UPDATES STOPPED -- use 'reset' to restart)\n");
    expect(await sh('dumpsys deviceidle force-idle')).toBe('Now forced in to deep idle mode\n');
    expect(await sh('dumpsys deviceidle get deep')).toBe('IDLE\n');
    expect(await sh('dumpsys deviceidle unforce')).toBe('Light state: ACTIVE, deep state: ACTIVE\n');
    await sh('dumpsys battery reset');
    expect(await sh('dumpsys battery')).not.toContain('UPDATES STOPPED');
  });
});

describe('pushes arriving at the simulated phone', () => {
  it('FCM: dropped for a stopped app with Play services\' line; posted after am kill (not stopped)', async () => {
    await sh(`am force-stop ${APP}`);
    expect(phone.deliverPush(fcm())).toEqual({ posted: false, reason: 'app-stopped' });
    expect(await sh('logcat -d -s GCM')).toContain(`result=CANCELLED forIntent { act=com.google.android.c2dm.intent.RECEIVE flg=0x10000000 pkg=${APP} (has extras) }`);
    await sh(`monkey -p ${APP} -c android.intent.category.LAUNCHER 1`);
    expect(phone.deliverPush(fcm())).toEqual({ posted: false, reason: 'app-foreground' });
    await sh(`input keyevent KEYCODE_HOME; am kill ${APP}`);
    expect(phone.deliverPush(fcm())).toMatchObject({ posted: true });
    expect(await sh('logcat -d -b events')).toMatch(/I notification_enqueue: \[10234,\d+,com\.example\.im,1001,NULL,0,Notification\(channel=im_message /);
  });

  it('Doze holds normal priority until unforce; high priority goes through', async () => {
    await backgrounded();
    await sh('dumpsys deviceidle force-idle');
    expect(phone.deliverPush(fcm({ priority: 'normal', text: 'held' }))).toEqual({ posted: false, reason: 'deferred-doze' });
    expect(phone.deliverPush(fcm({ text: 'urgent' }))).toMatchObject({ posted: true });
    expect(phone.state.posted.map((p) => p.text)).toEqual(['urgent']);
    await sh('dumpsys deviceidle unforce');
    expect(phone.state.posted.map((p) => p.text)).toEqual(['urgent', 'held']);
  });

  it('unknown FCM channel → fallback channel; a vendor push with an unknown channel is refused; data goes to the app', async () => {
    await backgrounded();
    expect(phone.deliverPush(fcm({ channelId: 'nope' }))).toMatchObject({ posted: true });
    expect(phone.state.posted[0]?.channelId).toBe('fcm_fallback_notification_channel');
    expect(phone.deliverPush(fcm({ transport: 'xiaomi', channelId: 'nope' }))).toEqual({ posted: false, reason: 'channel-missing' });
    expect(phone.deliverPush(fcm({ kind: 'data' }))).toEqual({ posted: false, reason: 'handed-to-app' });
    expect(phone.deliverPush(fcm({ channelId: 'silent_sync' }))).toEqual({ posted: false, reason: 'channel-blocked' });
  });

  it('DND: posted, intercepted, no alert', async () => {
    await sh('settings put global zen_mode 1');
    expect(phone.deliverPush(fcm({ transport: 'xiaomi' }))).toMatchObject({ posted: true });
    expect(await sh('dumpsys notification --noredact')).toContain('      mIntercept=true\n');
    expect(await sh('logcat -d -b events')).not.toContain('notification_alert');
  });
});
