import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseDumpsysNotification } from './dumpsys-notification.js';

/**
 * Genuine captures from further Android versions and makers (sources in __fixtures__/SOURCES.md).
 * Every expected value was read off the captured text by hand, never copied from a parser run.
 */

function notificationApp(file: string, pkg: string) {
  const r = parseDumpsysNotification(fixture('dumpsys-notification', file), pkg);
  if (!r.ok) throw new Error(`not parsed: ${r.reason}`);
  if (!r.value.app) throw new Error('no app section');
  return { dump: r.value, app: r.value.app };
}

describe('dumpsys notification, genuine captures across versions and makers', () => {
  describe('Xiaomi Pad 7 (HyperOS), `dumpsys notification | grep -A8` pasted with extra indentation', () => {
    const file = 'xiaomi-pad7-hyperos-grep-appsettings.txt';

    it('reads the app line and its one channel, with the redacted name and "hasDescription" marker', () => {
      const { dump, app } = notificationApp(file, 'com.auralis.v2');
      expect(dump.zenMode).toBeNull();
      expect(app.settings).toMatchObject({ uid: 10417, importance: 3, importanceLabel: 'DEFAULT', userSet: true, showBadge: null });
      expect(app.channels).toHaveLength(1);
      expect(app.channels[0]).toMatchObject({
        id: 'auralis_playback_channel_v2', name: 'Aud...', nameRedacted: true, importance: 3, bypassDnd: false,
        lockscreenVisibility: null, sound: null, vibrationEnabled: false, showBadge: true, group: null, deleted: false, truncated: false,
      });
      expect(app.channels[0]?.fields.mUserVisibleTaskShown).toBe('false');
      expect(app.channels[0]?.fields.mLastNotificationUpdateTimeMs).toBe('0');
    });
  });

  describe('Android 16 Pixel emulator, the Zen Mode section', () => {
    const text = fixture('dumpsys-notification', 'emulator-a16-zen-excerpt.txt');

    it('takes the phone\'s zen state from mZenMode, not from an automatic rule\'s zenMode', () => {
      const r = parseDumpsysNotification(text, null);
      expect(r.ok && r.value.zenMode).toEqual({ value: 0, line: 'mZenMode=ZEN_MODE_OFF' });
      expect(r.ok && r.value.app).toBeNull();
    });

    it('finds no preferences for the package that owns a zen rule', () => {
      const r = parseDumpsysNotification(text, 'com.google.android.apps.wellbeing');
      expect(r.ok && r.value.hasPreferences).toBe(false);
      expect(r.ok && r.value.app?.settings).toBeNull();
      expect(r.ok && r.value.app?.channels).toEqual([]);
    });
  });

  describe('Xiaomi (HyperOS, Android 14-era framework), more of the preferences section', () => {
    const file = 'xiaomi-multiplealarm-preferences-excerpt-b.txt';

    it('reads an app the user blocked (importance=NONE) that has no channels', () => {
      const { app } = notificationApp(file, 'com.preff.kb.xm');
      expect(app.settings).toMatchObject({ uid: 10873, importance: 0, importanceLabel: 'NONE', userSet: false });
      expect(app.channels).toEqual([]);
    });

    it('reads bare and fixedImportance-only app lines as unspecified importance', () => {
      const bare = notificationApp(file, 'com.android.providers.contactkeys').app.settings;
      expect(bare).toMatchObject({ uid: 10088, importance: -1000, importanceLabel: null, userSet: null });
      const fixed = notificationApp(file, 'com.miui.face').app.settings;
      expect(fixed).toMatchObject({ uid: 1000, importance: -1000, importanceLabel: null, userSet: null });
      const settings = notificationApp(file, 'com.android.providers.settings');
      expect(settings.app.settings).toMatchObject({ uid: 1000, importance: 3, userSet: false });
      expect(settings.app.channels).toEqual([]);
    });

    it('reads channels with descriptions and groups, and the groups themselves', () => {
      const { app } = notificationApp(file, 'com.google.android.apps.fitness');
      expect(app.settings).toMatchObject({ uid: 10403, importance: 3, userSet: true });
      expect(app.channels.map((c) => [c.id, c.importance, c.group])).toEqual([
        ['GOALS_COMPLETED_ID', 3, 'COACHING_GROUP'],
        ['GOALS_ID', 3, 'COACHING_GROUP'],
        ['FIT_SYNC', 2, null],
        ['WORKOUT_TRACKING_ID', 4, 'ACTIVITY_GROUP'],
      ]);
      expect(app.channels[1]).toMatchObject({ vibrationEnabled: true, sound: 'content://settings/system/notification_sound' });
      expect(app.groups).toEqual([
        expect.objectContaining({ id: 'COACHING_GROUP', name: 'Coaching messages', blocked: false }),
        expect.objectContaining({ id: 'ACTIVITY_GROUP', name: 'Your activity', blocked: false }),
      ]);
    });

    it('keeps an alarm channel\'s audio attributes and a custom sound URI whole', () => {
      const clock = notificationApp(file, 'com.google.android.deskclock').app;
      expect(clock.channels.map((c) => c.id)).toEqual([
        'Snoozed Alarms v2', 'Upcoming Alarms v2', 'Stopwatch v2', 'Bedtime', 'Missed Alarms v2', 'Workflows v2', 'Timers v2', 'Firing',
      ]);
      const firing = clock.channels[7];
      expect(firing).toMatchObject({ importance: 4, sound: null, showBadge: false });
      expect(firing?.fields.mAudioAttributes).toBe('AudioAttributes: usage=USAGE_ALARM content=CONTENT_TYPE_SONIFICATION flags=0x800 tags= bundle=null');
      const calendar = notificationApp(file, 'com.google.android.calendar').app;
      expect(calendar.channels[0]).toMatchObject({
        id: 'REMINDERS', importance: 4, sound: 'android.resource://com.google.android.calendar/raw/timely_event', group: 'CALENDAR_GROUP',
      });
      expect(calendar.groups.map((g) => g.id)).toEqual(['TASKS_GROUP', 'CALENDAR_GROUP']);
    });

    it('reads a system channel that is marked blockable', () => {
      const { app } = notificationApp(file, 'com.android.traceur');
      expect(app.channels.map((c) => c.fields.mBlockableSystem)).toEqual(['true', 'true']);
    });
  });

  describe('Samsung, Android 13 (One UI: semFlags, mSoundMissingReason, extra AppSettings fields)', () => {
    const file = 'samsung-a13-preferences-excerpt.txt';

    it('reads a third-party app line that carries Samsung-only fields after userSet', () => {
      const { dump, app } = notificationApp(file, 'com.sds.emm.cloud.knox.samsung');
      expect(dump.hasPreferences).toBe(true);
      expect(app.settings).toMatchObject({ uid: 10227, importance: 3, importanceLabel: 'DEFAULT', userSet: true });
      expect(app.channels.map((c) => c.id)).toEqual(['Notice', 'HeadsUp', 'SharedDevice', 'PolicyViolation', 'FG', 'App', 'EMM', 'NetworkUsage']);
      expect(app.channels.map((c) => c.importance)).toEqual([4, 4, 2, 2, 2, 2, 2, 2]);
      expect(app.channels[0]).toMatchObject({ name: 'Notice', nameRedacted: false, vibrationEnabled: true, showBadge: true });
      expect(app.channels[0]?.fields.mVibration).toBe('[0, 500]');
      expect(app.channels[0]?.fields.mSoundMissingReason).toBe('0');
    });

    it('reads the permission [pre-grant …] form and a channel id with a space', () => {
      const media = notificationApp(file, 'com.google.android.providers.media.module').app;
      expect(media.settings).toMatchObject({ uid: 10223, importance: 3, userSet: false });
      expect(media.channels.map((c) => [c.id, c.importance])).toEqual([
        ['PhotoPickerSyncChannel', 2], ['native_transcode_alert_channel', 4], ['native_transcode_progress_channel', 2],
      ]);
      const contacts = notificationApp(file, 'com.samsung.android.app.contacts').app;
      expect(contacts.channels[0]).toMatchObject({ id: 'manage contacts', importance: 2, showBadge: false });
      expect(contacts.channels[0]?.fields.mOriginalImp).toBe('1');
    });

    it('reads apps with a bare line, with and without channels', () => {
      const share = notificationApp(file, 'com.samsung.android.allshare.service.fileshare').app;
      expect(share.settings).toMatchObject({ uid: 5005, importance: -1000, userSet: null });
      expect(share.channels.map((c) => [c.id, c.importance])).toEqual([['FILESHARE_CHANNEL_MIN_ID', 1]]);
      const viewer = notificationApp(file, 'com.android.htmlviewer').app;
      expect(viewer.settings?.uid).toBe(10178);
      expect(viewer.channels).toEqual([]);
    });
  });

  describe('Xiaomi (HyperOS, Android 14+ fields) saved through a GBK console: mojibake names that ate a comma', () => {
    const file = 'xiaomi-hyperos-gbk-mojibake-preferences-excerpt.txt';

    it('reads an app the user blocked, with its channels', () => {
      const { app } = notificationApp(file, 'com.microsoft.office.officehubrow');
      expect(app.settings).toMatchObject({ uid: 10318, importance: 0, importanceLabel: 'NONE', userSet: true });
      expect(app.channels).toHaveLength(7);
      expect(app.channels[0]).toMatchObject({ id: '901_miscellaneous', importance: 3 });
    });

    it('keeps a mangled name apart from the description that follows it', () => {
      const { app } = notificationApp(file, 'com.android.soundrecorder');
      expect(app.channels.map((c) => [c.id, c.importance])).toEqual([
        ['channel_id_save_as', 2], ['channel_id_record', 2], ['channel_id_record_recognition', 2], ['channel_id_record_led4', 3],
      ]);
      expect(app.channels[0]?.name).toBe('鍙﹀瓨涓?');
      expect(app.channels[0]?.fields.mDescription).toBe('');
      expect(app.channels[1]?.name).toBe('褰曢煶');
    });

    it('reads groups, a blocked preinstalled app, and a vibration effect whose value holds commas', () => {
      expect(notificationApp(file, 'uni.UNIFC6E648').app.groups.map((g) => [g.id, g.blocked])).toEqual([['LOCAL_BADGE_SETTING', false]]);
      expect(notificationApp(file, 'com.miui.userguide').app.settings).toMatchObject({ uid: 10306, importance: 0, userSet: false });
      const stk = notificationApp(file, 'com.android.stk').app.channels[0];
      expect(stk).toMatchObject({ id: 'mobileServiceMessages', importance: 3, vibrationEnabled: true });
      expect(stk?.fields.mVibrationPattern).toBe('[0, 350, 250, 350]');
      expect(stk?.fields.mVibrationEffect).toMatch(/^Composed\{segments=\[Step\{.*\], repeat=-1\}$/);
    });
  });

  describe('Samsung, Android 13: a posted record whose tag holds a line break', () => {
    it('reads importance, channel and user from the header spread over three lines', () => {
      const { app } = notificationApp('samsung-a13-record-tag-with-newline.txt', 'com.whatsapp.w4b');
      expect(app.posted).toHaveLength(1);
      expect(app.posted[0]).toMatchObject({
        id: 1, tag: '8mMX+A5CVI8P+eJOeKuKEafuzsBpXWaZRflZrLdPRw0=', userId: 0, importance: 4, channelId: 'group_chat_defaults_2',
      });
      expect(app.settings).toBeNull();
    });
  });

  describe('vivo OriginOS, Android 14 (vivo-only moreNotificationsEnabled=, inquiryTimes=, mEnableClassify)', () => {
    const file = 'vivo-originos-a14-preferences-excerpt.txt';

    it('reads apps the user blocked, with vivo fields after userSet', () => {
      const zhihu = notificationApp(file, 'com.zhihu.android').app;
      expect(zhihu.settings).toMatchObject({ uid: 10307, importance: 0, importanceLabel: 'NONE', userSet: true });
      expect(zhihu.channels.map((c) => [c.id, c.name, c.importance])).toEqual([
        ['SYSTEM', '状态信息', 3], ['INFORMATION', '常驻信息', 3], ['DM', '私信', 3], ['PUSH', '推送消息', 3],
      ]);
      expect(zhihu.channels[0]?.fields.mEnableClassify).toBe('true');
      const aweme = notificationApp(file, 'com.ss.android.ugc.aweme').app;
      expect(aweme.settings).toMatchObject({ uid: 10297, importance: 0, userSet: true });
      const vpush = aweme.channels.find((c) => c.id === 'vivo_push_channel');
      expect(vpush).toMatchObject({ name: '推送通知', importance: 4, vibrationEnabled: true });
      expect(vpush?.fields.mUserLockedFields).toBe('18');
    });

    it('tells a denied-but-never-asked app from an allowed one and reads vivo-only bare lines as unspecified', () => {
      expect(notificationApp(file, 'jp.pxv.android').app.settings).toMatchObject({ uid: 10372, importance: 0, userSet: false });
      expect(notificationApp(file, 'com.gunter.Sleepbaby').app.settings).toMatchObject({ uid: 10326, importance: 3, userSet: true });
      expect(notificationApp(file, 'com.vivo.vivoconsole').app.settings).toMatchObject({ uid: 10284, importance: -1000, userSet: null });
      expect(notificationApp(file, 'com.vivo.vivoconsole').app.channels).toEqual([]);
    });

    it('reads a posted record whose Notification() carries vivo internal fields', () => {
      const { app } = notificationApp('vivo-originos-a14-record-header.txt', 'com.autotask.app');
      expect(app.posted).toEqual([expect.objectContaining({
        key: '0|com.autotask.app|1|null|10431', id: 1, tag: null, userId: 0, importance: 2, channelId: 'keeper',
      })]);
    });
  });

  describe('Samsung One UI, an AppSettings line that prints showBadge=true (AOSP prints it only when false)', () => {
    it('reads the badge flag and an unspecified importance', () => {
      const { app } = notificationApp('samsung-oneui-appsettings-showbadge-line.txt', 'com.samsung.android.app.simplesharing');
      expect(app.settings).toMatchObject({ uid: 10161, importance: -1000, showBadge: true, userSet: null });
    });
  });
});
