import { SYSTEM_SERVER_PID, type AndroidDevice } from '../android-device.js';
import type { PostResult } from '../phone.js';
import type { SimChannel, SimPackage } from '../profile.js';
import { notificationToString } from './notification-format.js';

/** The channel `cmd notification post` creates for the shell (NotificationShellCmd, Android 10+). */
export const SHELL_CHANNEL: SimChannel = {
  id: 'shell_cmd',
  name: 'Shell command',
  importance: 3,
  sound: 'content://settings/system/notification_sound',
  vibration: false,
  lockscreenVisibility: -1000,
  showBadge: true,
  bypassDnd: false,
};
export const SHELL_NOTIFICATION_ID = 2020;
/** Notification.flags of the simple notifications we post: none set. */
const POSTED_FLAGS = 0;

export interface PostRequest {
  pkg: string;
  id: number;
  tag: string | null;
  channelId: string;
  title: string;
  text: string;
  /** pid of the posting process, for the event log. */
  pid?: number;
}

/** Whether NotificationManager lets the app post at all: the POST_NOTIFICATIONS grant from Android 13, the app switch before. */
export function appNotificationsAllowed(device: AndroidDevice, pkg: SimPackage): boolean {
  const permission = pkg.runtimePermissions['android.permission.POST_NOTIFICATIONS'];
  if (device.sdk >= 33 && permission !== undefined) return permission && (pkg.notifications?.enabled ?? true);
  return pkg.notifications?.enabled ?? true;
}

export function notificationKey(userId: number, pkg: string, id: number, tag: string | null, uid: number): string {
  return `${userId}|${pkg}|${id}|${tag ?? 'null'}|${uid}`;
}

/**
 * Posts a notification the way NotificationManagerService.enqueueNotificationInternal decides it
 * (frameworks/base/services/core/java/com/android/server/notification/NotificationManagerService.java):
 * a missing channel is logged with `No Channel found for …` (Slog.e, Android 8+) and dropped; a
 * blocked app or channel is dropped silently (the log there is DBG-only); otherwise the record is
 * posted and `notification_enqueue` (EventLogTags 27500) and `notification_alert` (27532) are logged.
 */
export function postNotification(device: AndroidDevice, request: PostRequest): PostResult {
  const pkg = device.installedPackage(request.pkg);
  if (!pkg) return { posted: false, reason: 'not-installed' };
  if (pkg.enabled >= 2) return { posted: false, reason: 'package-disabled' };
  const pid = request.pid ?? device.allocatePid();
  const notification = notificationToString(device.sdk, request.channelId, POSTED_FLAGS);
  let channel = (pkg.notifications?.channels ?? []).find((c) => c.id === request.channelId);
  if (!channel && pkg.targetSdk <= 25) channel = legacyChannel(pkg);
  if (!channel) {
    device.log(
      'system',
      'E',
      'NotificationService',
      `No Channel found for pkg=${pkg.name}, channelId=${request.channelId}, id=${request.id}, tag=${request.tag ?? 'null'}, opPkg=${pkg.name}, callingUid=${pkg.uid}, userId=0, incomingUserId=0, notificationUid=${pkg.uid}, notification=${notification}`,
    );
    return { posted: false, reason: 'channel-missing' };
  }
  if (!appNotificationsAllowed(device, pkg)) return { posted: false, reason: 'app-blocked' };
  if (channel.importance === 0 || (pkg.notifications?.groups ?? []).some((g) => g.blocked && g.id === channel.group)) {
    return { posted: false, reason: 'channel-blocked' };
  }

  const key = notificationKey(0, pkg.name, request.id, request.tag, pkg.uid);
  const existing = device.state.posted.findIndex((p) => p.pkg === pkg.name && p.id === request.id && p.tag === request.tag);
  // ZenModeFiltering.shouldIntercept: with DND on, a channel that may not bypass it is intercepted (no sound, no peek).
  const intercepted = Number(device.state.settings.global['zen_mode'] ?? '0') !== 0 && !channel.bypassDnd;
  const record = {
    intercepted,
    pkg: pkg.name,
    id: request.id,
    tag: request.tag,
    channelId: channel.id,
    title: request.title,
    text: request.text,
    postTime: device.now(),
    userId: 0,
  };
  if (existing >= 0) device.state.posted.splice(existing, 1);
  device.state.posted.push(record);
  device.log(
    'events',
    'I',
    'notification_enqueue',
    `[${pkg.uid},${pid},${pkg.name},${request.id},${request.tag ?? 'NULL'},0,${notification},${existing >= 0 ? 1 : 0}]`,
    SYSTEM_SERVER_PID,
  );
  if (channel.importance >= 3 && !intercepted) {
    const buzz = channel.vibration ? 1 : 0;
    const beep = channel.sound ? 1 : 0;
    const blink = channel.lights ? 1 : 0;
    if (buzz || beep || blink) device.log('events', 'I', 'notification_alert', `[${key},${buzz},${beep},${blink}]`);
  }
  return { posted: true, key };
}

/** Apps targeting Android 7.1 or lower post on the "miscellaneous" channel the system creates for them. */
function legacyChannel(pkg: SimPackage): SimChannel {
  const channel: SimChannel = {
    id: 'miscellaneous',
    name: 'Other',
    importance: pkg.notifications?.importance && pkg.notifications.importance > 0 ? pkg.notifications.importance : 3,
    sound: 'content://settings/system/notification_sound',
    vibration: false,
    lockscreenVisibility: -1000,
    showBadge: true,
    bypassDnd: false,
  };
  pkg.notifications ??= { enabled: true, importance: -1000, showBadge: true, channels: [] };
  pkg.notifications.channels.push(channel);
  return channel;
}

/** NotificationListenerService REASON_* codes used in `notification_cancel_all`. */
const CANCEL_REASONS = { PACKAGE_CHANGED: 5, PACKAGE_BANNED: 7, PERMISSION_REVOKED: 7, CLEAR_DATA: 5 } as const;

/**
 * Cancels every posted notification of a package, as NotificationManagerService does when a
 * package is force-stopped (ACTION_PACKAGE_RESTARTED), disabled, cleared, or loses the
 * notification permission; logs `notification_cancel_all` (EventLogTags 27531).
 */
export function cancelPackageNotifications(device: AndroidDevice, pkgName: string, reason: keyof typeof CANCEL_REASONS): void {
  const before = device.state.posted.length;
  device.state.posted = device.state.posted.filter((p) => p.pkg !== pkgName);
  if (device.state.posted.length === before) return;
  const listener = device.sdk >= 29 ? ',NULL' : '';
  device.log('events', 'I', 'notification_cancel_all', `[1000,${SYSTEM_SERVER_PID},${pkgName},0,0,0,${CANCEL_REASONS[reason]}${listener}]`);
}
