import type { DevicePort, DeviceRef } from '../adb/device-port.js';
import { parseDumpsysNotification } from '../probes/notification/dumpsys-notification.js';
import type { PostedNotificationRecord } from './watch/posted-records.js';

/** Why a posted test push would or would not reach the user's eyes and ears. */
export type DisplayReason = 'shown' | 'silent' | 'dnd' | 'min-importance' | 'lock-screen-hidden' | 'unknown';
/** Why an accepted test push was not posted. */
export type NotDeliveredReason =
  | 'channel-missing' | 'app-stopped' | 'app-blocked' | 'channel-blocked' | 'deferred-doze' | 'data-message' | 'fcm-foreground'
  | 'im-online' | 'no-trace';

/**
 * From the posted record: Do Not Disturb interception first (ZenModeHelper), then the importance that
 * decides sound and banner (NotificationManager.IMPORTANCE_*: MIN collapsed, LOW silent, DEFAULT+ alerting).
 */
export function judgeDisplay(
  record: PostedNotificationRecord,
  /** With the screen locked: whether the lock screen shows notifications (secure lock_screen_show_notifications), null unread. */
  lockScreen: { shows: boolean | null } | null = null,
): { displayed: boolean | null; reason: DisplayReason } {
  if (record.intercepted === true) return { displayed: false, reason: 'dnd' };
  // Notification.VISIBILITY_SECRET (-1) on the channel, or the lock screen's notifications switched off.
  if (lockScreen && (lockScreen.shows === false || record.lockscreenVisibility === -1)) return { displayed: false, reason: 'lock-screen-hidden' };
  const i = record.importance;
  if (i === null || Number.isNaN(i)) return { displayed: null, reason: 'unknown' };
  if (i <= 1) return { displayed: false, reason: 'min-importance' };
  if (i === 2) return { displayed: true, reason: 'silent' };
  return { displayed: true, reason: 'shown' };
}

export interface MissingContext {
  pkg: string;
  /** The channel id the push named (null: the route names none). */
  channelId: string | null;
  /** The push travels over FCM (route fcm), so Doze and the foreground rule apply. */
  overFcm: boolean;
  priority: 'high' | 'normal';
  delivery: 'notification' | 'data';
  condition: string | null;
  /** Tencent IM's query_online_status answer: an Online account gets no offline push. */
  onlineStatus?: string | null;
}

/**
 * When nothing was posted in time: reads why from the phone while it is still in the condition —
 * the app's and channel's switches (dumpsys notification) and the Doze state (deviceidle get deep).
 */
export async function explainNotPosted(port: DevicePort, ref: DeviceRef, c: MissingContext): Promise<{ reason: NotDeliveredReason; evidence: string[] }> {
  const evidence: string[] = [];
  const read = async (command: string): Promise<string> => {
    try {
      return (await port.shell(ref, command, { timeoutMs: 15_000 })).output;
    } catch {
      return '';
    }
  };
  const dump = parseDumpsysNotification(await read('dumpsys notification --noredact'), c.pkg);
  const app = dump.ok ? dump.value.app : null;
  if (app?.settings && (app.settings.banned === true || app.settings.importance === 0)) {
    evidence.push(app.settings.line);
    return { reason: 'app-blocked', evidence };
  }
  const channel = c.channelId ? app?.channels.find((ch) => ch.id === c.channelId) : undefined;
  if (channel && channel.importance === 0) {
    evidence.push(channel.line);
    return { reason: 'channel-blocked', evidence };
  }
  if (c.delivery === 'data') return { reason: 'data-message', evidence };
  if (c.onlineStatus === 'Online') {
    evidence.push('query_online_status: Online');
    return { reason: 'im-online', evidence };
  }
  if (c.overFcm) {
    const deep = (await read('dumpsys deviceidle get deep')).trim();
    if (deep === 'IDLE' && c.priority !== 'high') {
      evidence.push(`dumpsys deviceidle get deep: ${deep}`);
      return { reason: 'deferred-doze', evidence };
    }
    if (c.condition === 'foreground') return { reason: 'fcm-foreground', evidence };
  }
  return { reason: 'no-trace', evidence };
}
