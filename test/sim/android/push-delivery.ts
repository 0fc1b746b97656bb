import type { AndroidDevice } from './android-device.js';
import { postNotification } from './commands/notification-post.js';
import { pushTokenOf } from './commands/push-registration.js';
import type { PostResult } from './phone.js';
import type { SimChannel, SimPackage } from './profile.js';

/**
 * A push arriving at a simulated phone from a push service, and what the phone does with it — the
 * conditions of issue 11 as a real phone meets them:
 * - a vendor channel (Huawei, Honor, Xiaomi, OPPO, vivo, Meizu) is shown by the maker's system push
 *   service on the app's behalf: it reaches a killed app, a force-stopped one and a dozing phone alike;
 * - FCM is delivered by Play services as a broadcast to the app: a force-stopped app never gets it
 *   (FLAG_EXCLUDE_STOPPED_PACKAGES), Doze holds a normal-priority message until the phone leaves deep
 *   idle while a high-priority one goes through, a notification message for an app in the foreground goes
 *   to onMessageReceived instead of the shade, a data message is the app's to show, and an unknown channel
 *   id lands on the Firebase SDK's fallback channel (CommonNotificationBuilder).
 */
export interface SimPush {
  pkg: string;
  /** The channel that carries it: `fcm` or a maker's system push service. */
  transport: 'fcm' | 'huawei' | 'honor' | 'xiaomi' | 'oppo' | 'vivo' | 'meizu';
  kind: 'notification' | 'data';
  priority: 'high' | 'normal' | null;
  channelId: string | null;
  title: string;
  text: string;
}

export type DeliveryResult =
  | PostResult
  | { posted: false; reason: 'deferred-doze' | 'handed-to-app' | 'app-foreground' }
  | { posted: false; reason: 'unknown-token' };

function defaultImportanceChannel(): SimChannel {
  return { id: '', name: '', importance: 3, sound: 'content://settings/system/notification_sound', vibration: false, lockscreenVisibility: -1000, showBadge: true, bypassDnd: false };
}

/** FirebaseMessaging's fallback (com.google.firebase.messaging.CommonNotificationBuilder). */
export const FCM_FALLBACK_CHANNEL: SimChannel = {
  id: 'fcm_fallback_notification_channel',
  name: 'Misc',
  importance: 3,
  sound: 'content://settings/system/notification_sound',
  vibration: false,
  lockscreenVisibility: -1000,
  showBadge: true,
  bypassDnd: false,
};

const GMS_PID = 4146;

/**
 * A stand-in, not from a capture: the channel a maker's push service posts on when the push names none (vivo,
 * Meizu and Honor have no channel field; a Tencent push may omit it). The real id differs by maker and ROM and is
 * not in push-apis.md; what matters here is that such a push is posted at default importance.
 */
export const VENDOR_DEFAULT_CHANNEL: SimChannel = { ...defaultImportanceChannel(), id: 'push_default', name: 'Push' };

function vendorDefaultChannel(pkg: SimPackage): SimChannel {
  pkg.notifications ??= { enabled: true, importance: -1000, showBadge: true, channels: [] };
  let channel = pkg.notifications.channels.find((c) => c.id === VENDOR_DEFAULT_CHANNEL.id);
  if (!channel) {
    channel = { ...VENDOR_DEFAULT_CHANNEL };
    pkg.notifications.channels.push(channel);
  }
  return channel;
}

function nextId(device: AndroidDevice, pkg: string): number {
  return (device.state.posted.filter((p) => p.pkg === pkg).reduce((max, p) => Math.max(max, p.id), 0) || 1000) + 1;
}

function fcmChannel(pkg: SimPackage, wanted: string | null): string {
  const channels = pkg.notifications?.channels ?? [];
  if (wanted && channels.some((c) => c.id === wanted)) return wanted;
  if (!channels.some((c) => c.id === FCM_FALLBACK_CHANNEL.id)) {
    pkg.notifications ??= { enabled: true, importance: -1000, showBadge: true, channels: [] };
    pkg.notifications.channels.push({ ...FCM_FALLBACK_CHANNEL });
  }
  return FCM_FALLBACK_CHANNEL.id;
}

export function deliverPush(device: AndroidDevice, push: SimPush): DeliveryResult {
  const pkg = device.installedPackage(push.pkg);
  if (!pkg) return { posted: false, reason: 'not-installed' };
  if (push.transport !== 'fcm') {
    // The maker's push service posts for the app; an unknown channel id is NotificationManagerService's to refuse.
    const channelId = push.channelId ?? vendorDefaultChannel(pkg).id;
    return postNotification(device, { pkg: pkg.name, id: nextId(device, pkg.name), tag: null, channelId, title: push.title, text: push.text });
  }
  if (pkg.stopped) {
    device.log('main', 'W', 'GCM',
      `broadcast intent callback: result=CANCELLED forIntent { act=com.google.android.c2dm.intent.RECEIVE flg=0x10000000 pkg=${pkg.name} (has extras) }`, GMS_PID);
    return { posted: false, reason: 'app-stopped' };
  }
  if (device.runtime.deepIdleForced && push.priority !== 'high') {
    device.runtime.deferred.push(() => void deliverPush(device, push));
    return { posted: false, reason: 'deferred-doze' };
  }
  device.runtime.running.add(pkg.name);
  if (push.kind === 'data') return { posted: false, reason: 'handed-to-app' };
  if (device.runtime.foreground === pkg.name) return { posted: false, reason: 'app-foreground' };
  return postNotification(device, { pkg: pkg.name, id: nextId(device, pkg.name), tag: null, channelId: fcmChannel(pkg, push.channelId), title: push.title, text: push.text });
}

/** The push tokens this phone's apps logged, by token. */
export function pushTokens(device: AndroidDevice): Map<string, { pkg: string; transport: SimPush['transport'] }> {
  const out = new Map<string, { pkg: string; transport: SimPush['transport'] }>();
  for (const pkg of device.state.packages) {
    if (!pkg.installed || !pkg.pushBehaviour) continue;
    const token = pushTokenOf(device, pkg);
    const channel = pkg.pushBehaviour.channel.toLowerCase();
    if (token) out.set(token, { pkg: pkg.name, transport: (['huawei', 'honor', 'xiaomi', 'oppo', 'vivo', 'meizu'].includes(channel) ? channel : 'fcm') as SimPush['transport'] });
  }
  return out;
}
