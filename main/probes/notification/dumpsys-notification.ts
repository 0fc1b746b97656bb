import { cite, guard, parsed, toBool, toInt, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, indentOf, stripEncodingNoise } from '../text.js';

/**
 * `dumpsys notification [--noredact]`: the zen state (`mZenMode=`), one app's preferences
 * (`AppSettings: PKG (uid) [importance=…] [showBadge=…] [userSet=…]` followed by its
 * `NotificationChannel{…}` and `NotificationChannelGroup{…}` lines) and the app's posted
 * `NotificationRecord(…)`s.
 * Printed by NotificationManagerService.dumpImpl, PreferencesHelper.dumpPackagePreferencesLocked
 * (Android 9+; RankingHelper.dump on Android 8) and NotificationChannel.dump/toString
 * (https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/services/core/java/com/android/server/notification/PreferencesHelper.java ,
 * https://android.googlesource.com/platform/frameworks/base/+/refs/heads/main/core/java/android/app/NotificationChannel.java ,
 * ZenModeHelper.dump for `mZenMode=`).
 * Checked against the field lists of Android 8.0 (toString: mId…mBlockableSystem), 10 (mAllowBubbles),
 * 11 (mParent/mConversationId/mDemoted/mImportantConvo, redacted names "Abc..."), 12 (mImportanceLockedByOEM),
 * 13+ (`userSet=` from the POST_NOTIFICATIONS permission), 14–15 (mVibrationEffect, mLastNotificationUpdateTimeMs)
 * and OEM lines that drop or add fields (MIUI: `mId, mName, mDescription, mImportance, mBypassDnd, mGroup` only).
 * Fields are split on `, m<Name>=` so unknown OEM fields are kept, never fatal. Scanning uses indexOf over the
 * whole text and reads only the app's lines, so a multi-megabyte dump costs one pass.
 */

export interface ChannelDump {
  id: string;
  name: string | null;
  /** Name looked cut by the dump's redaction ("Abc..."): the capture was taken without --noredact. */
  nameRedacted: boolean;
  importance: number | null;
  bypassDnd: boolean | null;
  /** Notification.VISIBILITY_*; null when -1000 (no override) or absent. */
  lockscreenVisibility: number | null;
  sound: string | null;
  vibrationEnabled: boolean | null;
  showBadge: boolean | null;
  group: string | null;
  deleted: boolean;
  /** Every `mField=value` as printed, OEM additions included. */
  fields: Record<string, string>;
  /** The line ended before the closing brace (cut-off output). */
  truncated: boolean;
  line: string;
}

export interface ChannelGroupDump {
  id: string;
  name: string | null;
  blocked: boolean | null;
  line: string;
}

export interface AppNotificationSettings {
  uid: number | null;
  /**
   * NotificationManager importance; -1000 (unspecified) when the line omits it, which means the app is at its
   * default (allowed). Null when the line names an importance that cannot be read (cut right after
   * `importance=`, or a label no Android version prints): see importanceProblem.
   */
  importance: number | null;
  importanceLabel: string | null;
  /** Why importance is null. */
  importanceProblem: string | null;
  /** Android 13+: the POST_NOTIFICATIONS decision was made by the user. */
  userSet: boolean | null;
  showBadge: boolean | null;
  banned: boolean | null;
  line: string;
}

export interface PostedRecord {
  key: string | null;
  id: number | null;
  tag: string | null;
  userId: number | null;
  importance: number | null;
  channelId: string | null;
  line: string;
}

export interface NotificationDump {
  zenMode: Cited<number> | null;
  /** Null when no package was asked for. */
  app: {
    package: string;
    settings: AppNotificationSettings | null;
    channels: ChannelDump[];
    groups: ChannelGroupDump[];
    posted: PostedRecord[];
  } | null;
  /** The dump carries preference sections at all (false for a cut-off or foreign output). */
  hasPreferences: boolean;
}

const IMPORTANCE_NAMES: Readonly<Record<string, number>> = {
  UNSPECIFIED: -1000, NONE: 0, MIN: 1, LOW: 2, DEFAULT: 3, HIGH: 4, MAX: 5,
};

const ZEN_MODES: Readonly<Record<string, number>> = {
  ZEN_MODE_OFF: 0, ZEN_MODE_IMPORTANT_INTERRUPTIONS: 1, ZEN_MODE_NO_INTERRUPTIONS: 2, ZEN_MODE_ALARMS: 3,
};

/** Users on Android are uid / 100000; user 0 holds the uids below that. */
const PER_USER_RANGE = 100_000;

export function parseDumpsysNotification(text: string, pkg: string | null): ParseResult<NotificationDump> {
  return guard('dumpsys notification', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`dumpsys notification failed: ${failure}`);
    // Line ends stay as captured (LF, CRLF, CRCRLF): every line read below is trimmed.
    const t = stripEncodingNoise(text);
    if (t.trim() === '') return unparsed('dumpsys notification output is empty');

    const hasPreferences = t.includes('AppSettings: ') || t.includes('PackagePreferences:')
      || t.includes('per-package config') || t.includes('Notification Preferences:') || t.includes('mRecords:');
    const hasAnyKnownSection = hasPreferences || t.includes('mZenMode=') || t.includes('Notification List:')
      || t.includes('Current Notification Manager state') || t.includes('NotificationRecord(') || t.includes('NotificationChannel{');
    if (!hasAnyKnownSection) return unparsed('no known section (Notification List, AppSettings, channels, mZenMode) in the output');

    const result: NotificationDump = { zenMode: readZen(t), app: null, hasPreferences };
    if (pkg !== null) {
      const settings = findAppSettings(t, pkg);
      result.app = {
        package: pkg,
        settings: settings?.settings ?? null,
        channels: settings?.channels ?? [],
        groups: settings?.groups ?? [],
        posted: readPosted(t, pkg),
      };
    }
    return parsed(result);
  });
}

function lineAt(t: string, index: number): { line: string; start: number; end: number } {
  const start = t.lastIndexOf('\n', index) + 1;
  let end = t.indexOf('\n', index);
  if (end < 0) end = t.length;
  return { line: t.slice(start, end), start, end };
}

function readZen(t: string): Cited<number> | null {
  const at = t.indexOf('mZenMode=');
  if (at < 0) return null;
  const { line } = lineAt(t, at);
  const value = /mZenMode=(\w+)/.exec(line)?.[1] ?? '';
  const mode = ZEN_MODES[value] ?? toInt(value);
  return mode === null || mode === undefined ? null : cite(mode, line);
}


interface SettingsBlock {
  settings: AppNotificationSettings;
  channels: ChannelDump[];
  groups: ChannelGroupDump[];
}

function findAppSettings(t: string, pkg: string): SettingsBlock | null {
  const needle = `AppSettings: ${pkg} (`;
  let best: SettingsBlock | null = null;
  for (let at = t.indexOf(needle); at >= 0; at = t.indexOf(needle, at + needle.length)) {
    const { line, end } = lineAt(t, at);
    const settings = readAppSettingsLine(line, pkg);
    if (!settings) continue;
    const block: SettingsBlock = { settings, channels: [], groups: [] };
    readChildren(t, end, indentOf(line), block);
    const forUser0 = settings.uid !== null && settings.uid < PER_USER_RANGE;
    if (forUser0) {
      // Android 13+ may print the app twice (preferences, then permission-only); channels live in the first.
      if (best && best.settings.uid === settings.uid) {
        if (best.channels.length === 0 && block.channels.length > 0) best = block;
        continue;
      }
      if (!best || best.settings.uid === null || best.settings.uid >= PER_USER_RANGE) best = block;
    } else if (!best) {
      best = block;
    }
  }
  return best;
}

function readAppSettingsLine(line: string, pkg: string): AppNotificationSettings | null {
  const trimmed = line.trim();
  const m = /^AppSettings: (\S+) \(([^)]*)\)(.*)$/.exec(trimmed);
  if (!m || m[1] !== pkg) return null;
  const rest = m[3] ?? '';
  const token = /(?:^|\s)importance=(\w*)/.exec(rest);
  const label = token ? token[1] ?? '' : null;
  let importance: number | null = -1000;
  let importanceProblem: string | null = null;
  if (label !== null) {
    // A label we cannot read is unknown, never "unspecified": unspecified would read as allowed.
    importance = IMPORTANCE_NAMES[label] ?? toInt(label);
    if (importance === null) {
      importanceProblem = label === ''
        ? `the AppSettings line ends at "importance=" (output cut short): ${trimmed}`
        : `unknown importance "${label.slice(0, 40)}" on the AppSettings line: ${trimmed}`;
    }
  }
  return {
    uid: toInt(m[2]),
    importance,
    importanceLabel: label === '' ? null : label,
    importanceProblem,
    userSet: toBool(/\suserSet=(\w+)/.exec(rest)?.[1]),
    showBadge: toBool(/\sshowBadge=(\w+)/.exec(rest)?.[1]),
    banned: toBool(/\sbanned=(\w+)/.exec(rest)?.[1]),
    line: trimmed,
  };
}

function readChildren(t: string, from: number, parentIndent: number, block: SettingsBlock): void {
  let pos = from + 1;
  while (pos < t.length) {
    let end = t.indexOf('\n', pos);
    if (end < 0) end = t.length;
    const line = t.slice(pos, end);
    pos = end + 1;
    if (line.trim() === '') break;
    if (indentOf(line) <= parentIndent) break;
    const trimmed = line.trim();
    if (trimmed.startsWith('NotificationChannel{')) {
      const channel = parseChannelLine(trimmed);
      if (channel && !channel.deleted) block.channels.push(channel);
    } else if (trimmed.startsWith('NotificationChannelGroup{')) {
      const group = parseGroupLine(trimmed);
      if (group) block.groups.push(group);
    }
  }
}

/**
 * `Key{mA='x', mB=y, …}` → fields; values keep their commas (mVibration=[1, 2], mAudioAttributes=…).
 * A UTF-8 dump saved through a GBK (Windows, Chinese) console turns a name's last character and the comma
 * after it into one `?` (`mName=鍙﹀瓨涓? mDescription=`), so `? ` also ends a value; the `?` stays in it.
 */
function splitFields(inner: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const re = /(?:^|, |\? )(m[A-Z]\w*)=/g;
  const marks: { key: string; valueStart: number; previousValueEnd: number }[] = [];
  for (let m = re.exec(inner); m !== null; m = re.exec(inner)) {
    const previousValueEnd = inner[m.index] === '?' ? m.index + 1 : m.index;
    marks.push({ key: m[1] ?? '', valueStart: m.index + m[0].length, previousValueEnd });
  }
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    if (!mark) continue;
    const next = marks[i + 1];
    const value = inner.slice(mark.valueStart, next ? next.previousValueEnd : inner.length);
    if (!(mark.key in fields)) fields[mark.key] = value;
  }
  return fields;
}

function unquote(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  const q = v.length >= 2 && v.startsWith("'") && v.endsWith("'") ? v.slice(1, -1) : v;
  return q === 'null' ? null : q;
}

export function parseChannelLine(trimmed: string): ChannelDump | null {
  const open = trimmed.indexOf('{');
  if (open < 0) return null;
  const closed = trimmed.endsWith('}');
  const inner = trimmed.slice(open + 1, closed ? -1 : undefined);
  const fields = splitFields(inner);
  const id = unquote(fields.mId);
  if (id === null) return null;
  const name = fields.mName === undefined ? null : fields.mName;
  const visibility = toInt(fields.mLockscreenVisibility);
  const sound = fields.mSound === undefined ? null : fields.mSound.trim();
  return {
    id,
    name,
    nameRedacted: name !== null && /^.{0,3}\.\.\.$/u.test(name),
    importance: toInt(fields.mImportance),
    bypassDnd: toBool(fields.mBypassDnd),
    lockscreenVisibility: visibility === null || visibility === -1000 ? null : visibility,
    sound: sound === null || sound === 'null' || sound === '' ? null : sound,
    vibrationEnabled: toBool(fields.mVibrationEnabled),
    showBadge: toBool(fields.mShowBadge),
    group: unquote(fields.mGroup),
    deleted: toBool(fields.mDeleted) === true,
    fields,
    truncated: !closed,
    line: trimmed,
  };
}

function parseGroupLine(trimmed: string): ChannelGroupDump | null {
  const open = trimmed.indexOf('{');
  const inner = trimmed.slice(open + 1, trimmed.endsWith('}') ? -1 : undefined);
  const fields = splitFields(inner);
  const id = unquote(fields.mId);
  if (id === null) return null;
  return { id, name: fields.mName ?? null, blocked: toBool(fields.mBlocked), line: trimmed };
}

/**
 * A record's header line, ending at `…: Notification(…))`. A tag with a line break in it (a Samsung capture of
 * WhatsApp Business: base64 tag ending in `\n`) spreads the header over lines that start left of the record;
 * those are joined so importance, key and channel are read.
 */
function readRecordHeader(t: string, at: number): { line: string; end: number } {
  let { line, end } = lineAt(t, at);
  const indent = indentOf(line);
  for (let extra = 0; extra < 3 && !line.includes(': Notification(') && end < t.length; extra++) {
    const next = lineAt(t, end + 1);
    // The broken-off rest starts left of the record (the record's own fields are indented deeper).
    if (next.line.trim() === '' || indentOf(next.line) >= indent) break;
    line = `${line.replace(/\r$/, '')}\n${next.line}`;
    end = next.end;
  }
  return { line, end };
}

function readPosted(t: string, pkg: string): PostedRecord[] {
  const posted: PostedRecord[] = [];
  const seen = new Set<string>();
  const needle = `pkg=${pkg} `;
  const marker = 'NotificationRecord(';
  let at = t.indexOf(marker);
  while (at >= 0) {
    const { line, end } = readRecordHeader(t, at);
    at = t.indexOf(marker, end);
    if (!line.includes(needle)) continue;
    const trimmed = line.trim();
    const key = /\skey=(\S+?):?\s/.exec(trimmed)?.[1] ?? null;
    const dedupe = key ?? trimmed;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    posted.push({
      key,
      id: toInt(/\sid=(-?\d+)/.exec(trimmed)?.[1]),
      tag: unquote(/\stag=(\S+?)\)*(?=\s|$)/.exec(trimmed)?.[1]),
      userId: toInt(/\suser=UserHandle\{(-?\d+)\}/.exec(trimmed)?.[1]),
      importance: toInt(/\simportance=(-?\d+)/.exec(trimmed)?.[1]),
      channelId: /Notification\(channel=(\S+)/.exec(trimmed)?.[1] ?? null,
      line: trimmed,
    });
  }
  return posted;
}
