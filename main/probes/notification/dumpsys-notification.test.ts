import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseChannelLine, parseDumpsysNotification } from './dumpsys-notification.js';

describe('parseDumpsysNotification', () => {
  it('reads an app blocked by the POST_NOTIFICATIONS decision (Android 13+ AppSettings line)', () => {
    const r = parseDumpsysNotification(fixture('dumpsys-notification', 'oem-trimmed-appsettings-ithome.txt'), 'com.ruanmei.ithome');
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.app) return;
    const s = r.value.app.settings;
    expect(s?.uid).toBe(10357);
    expect(s?.importance).toBe(0);
    expect(s?.importanceLabel).toBe('NONE');
    expect(s?.userSet).toBe(false);
    expect(r.value.app.channels.map((c) => c.id)).toEqual(['ch_com.ruanmei.ithome_118557', 'mipush_mock_replay_receipt']);
    const first = r.value.app.channels[0];
    expect(first?.name).toBe('订阅今日要闻');
    expect(first?.importance).toBe(4);
    expect(first?.group).toBe('gp_com.ruanmei.ithome');
    expect(first?.sound).toBeNull();
    expect(first?.vibrationEnabled).toBeNull();
    expect(r.value.app.channels[1]?.group).toBeNull();
  });

  it('reads a posted record and ignores channels that are not under the app settings line', () => {
    const r = parseDumpsysNotification(fixture('dumpsys-notification', 'oem-trimmed-channels-lark.txt'), 'com.ss.android.lark');
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.app) return;
    expect(r.value.app.settings).toBeNull();
    expect(r.value.app.channels).toEqual([]);
    expect(r.value.app.posted).toHaveLength(1);
    expect(r.value.app.posted[0]).toMatchObject({ id: 11890, tag: 'mipush_com.ss.android.lark', userId: 0 });
  });

  it('reads posted records of an Android 11 dump and finds no zen line where the dump was cut', () => {
    const text = fixture('dumpsys-notification', 'android11-blog-dump.txt');
    const r = parseDumpsysNotification(text, 'android');
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.app) return;
    expect(r.value.zenMode).toBeNull();
    expect(r.value.app.posted).toHaveLength(1);
    expect(r.value.app.posted[0]).toMatchObject({
      key: '-1|android|26|null|1000', id: 26, tag: null, userId: -1, importance: 4, channelId: 'DEVELOPER_IMPORTANT',
    });
    expect(r.value.app.settings).toBeNull();
    const other = parseDumpsysNotification(text, 'com.example.im');
    expect(other.ok && other.value.app?.posted).toEqual([]);
  });

  it('parses every field of a full Android 11 channel line, commas inside values included', () => {
    const text = fixture('dumpsys-notification', 'android11-blog-dump.txt');
    const line = text.split('\n').find((l) => l.includes('effectiveNotificationChannel='))?.trim().replace('effectiveNotificationChannel=', '') ?? '';
    const c = parseChannelLine(line);
    expect(c).not.toBeNull();
    expect(c).toMatchObject({
      id: 'DEVELOPER_IMPORTANT', name: '重要开发者消息', importance: 4, bypassDnd: false, lockscreenVisibility: null,
      sound: 'content://settings/system/notification_sound', vibrationEnabled: false, showBadge: true, group: null,
      deleted: false, truncated: false,
    });
    expect(c?.fields.mAudioAttributes).toBe('AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION flags=0x800 tags= bundle=null');
    expect(c?.fields.mImportantConvo).toBe('false');
  });

  it('reads the zen mode by name and a line cut before its closing brace', () => {
    const r = parseDumpsysNotification('  Zen Mode:\n    mZenMode=ZEN_MODE_IMPORTANT_INTERRUPTIONS\n', null);
    expect(r.ok && r.value.zenMode).toEqual({ value: 1, line: 'mZenMode=ZEN_MODE_IMPORTANT_INTERRUPTIONS' });
    const cut = parseChannelLine("NotificationChannel{mId='tuikit', mName=oppotest, mDescription=, mImportance=3, mBypassDnd=fal");
    expect(cut).toMatchObject({ id: 'tuikit', importance: 3, bypassDnd: null, truncated: true });
  });

  it('reads an Android 16 app blocked at app level, its blocked channel, its group and the redacted names', () => {
    const text = fixture('dumpsys-notification', 'emulator-a16-preferences-excerpt.txt');
    const r = parseDumpsysNotification(text, 'com.android.chrome');
    expect(r.ok).toBe(true);
    if (!r.ok || !r.value.app) return;
    expect(r.value.app.settings).toMatchObject({ uid: 10162, importance: 0, userSet: false });
    expect(r.value.app.channels.map((c) => [c.id, c.importance])).toEqual([['incognito', 2], ['tips', 0], ['media', 2]]);
    expect(r.value.app.channels.every((c) => c.nameRedacted)).toBe(true);
    expect(r.value.app.channels[0]).toMatchObject({ group: 'general', showBadge: false, sound: 'content://settings/system/notification_sound' });
    expect(r.value.app.groups).toEqual([expect.objectContaining({ id: 'general', blocked: false })]);
    const fixed = parseDumpsysNotification(text, 'com.android.soundpicker');
    expect(fixed.ok && fixed.value.app?.settings).toMatchObject({ importance: -1000, importanceLabel: null });
    const wellbeing = parseDumpsysNotification(text, 'com.google.android.apps.wellbeing');
    expect(wellbeing.ok && wellbeing.value.app?.channels.map((c) => c.id)).toEqual(['discovery_notifications', 'app_limit_updates']);
    expect(wellbeing.ok && wellbeing.value.app?.channels[0]?.sound).toBeNull();
  });

  it('reads a CRLF capture saved on Windows exactly like the LF one', () => {
    const lf = fixture('dumpsys-notification', 'oem-trimmed-appsettings-ithome.txt');
    const a = parseDumpsysNotification(lf, 'com.ruanmei.ithome');
    const b = parseDumpsysNotification(`\ufeff${lf.replace(/\n/g, '\r\n')}`, 'com.ruanmei.ithome');
    expect(b).toEqual(a);
  });

  it('returns a reason for text that is no notification dump', () => {
    expect(parseDumpsysNotification('', 'a.b').ok).toBe(false);
    expect(parseDumpsysNotification('Permission Denial: can\'t dump NotificationManager', 'a.b').ok).toBe(false);
    expect(parseDumpsysNotification('[ro.a]: [b]', 'a.b').ok).toBe(false);
  });
});

describe('an AppSettings importance that cannot be read (issue 8)', () => {
  const channel = "  NotificationChannel{mId='im', mName=Messages, mImportance=4, mGroup='null'}";

  it('is null with the reason when the line is cut right after "importance=", never unspecified (allowed)', () => {
    const r = parseDumpsysNotification('AppSettings: com.example.im (10318) importance=', 'com.example.im');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value.app?.settings;
    expect(s?.importance).toBeNull();
    expect(s?.importanceProblem).toMatch(/ends at "importance=" \(output cut short\)/);
  });

  it('is null with the reason for a label no Android version prints', () => {
    const r = parseDumpsysNotification(`AppSettings: com.example.im (10318) importance=BLOCKED_BY_OEM userSet=true\n${channel}\n`, 'com.example.im');
    expect(r.ok && r.value.app?.settings?.importance).toBeNull();
    expect(r.ok && r.value.app?.settings?.importanceProblem).toMatch(/unknown importance "BLOCKED_BY_OEM"/);
    // The channels under the line are still read.
    expect(r.ok && r.value.app?.channels.map((c) => c.id)).toEqual(['im']);
  });

  it('still reads a known label, a number and a line that omits importance (the app at its default)', () => {
    const read = (rest: string) => {
      const r = parseDumpsysNotification(`AppSettings: com.example.im (10318)${rest}\n`, 'com.example.im');
      return r.ok ? r.value.app?.settings?.importance : 'unparsed';
    };
    expect(read(' importance=NONE')).toBe(0);
    expect(read(' importance=2')).toBe(2);
    expect(read(' showBadge=false')).toBe(-1000);
  });
});
