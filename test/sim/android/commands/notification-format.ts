import type { SimChannel } from '../profile.js';

/** NotificationListenerService.Ranking.importanceToString. */
export function importanceToString(importance: number): string {
  switch (importance) {
    case -1000:
      return 'UNSPECIFIED';
    case 0:
      return 'NONE';
    case 1:
      return 'MIN';
    case 2:
      return 'LOW';
    case 3:
      return 'DEFAULT';
    case 4:
    case 5:
      return importance === 4 ? 'HIGH' : 'MAX';
    default:
      return `UNKNOWN(${importance})`;
  }
}

/** AudioAttributes.toString for the USAGE_NOTIFICATION attributes a channel with sound carries. */
function audioAttributes(sdk: number, sound: string | null): string {
  if (sound === null) return 'null';
  if (sdk >= 33) return 'AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION flags=0x800 tags= bundle=null';
  return 'AudioAttributes: usage=USAGE_NOTIFICATION content=CONTENT_TYPE_SONIFICATION flags=0x0 tags= bundle=null';
}

/**
 * One `NotificationChannel{…}` line as NotificationChannel.dump prints it for that SDK
 * (frameworks/base/core/java/android/app/NotificationChannel.java): android-8.1.0_r1 (27, no
 * mFgServiceShown), android-9.0.0_r1 (28), android-10.0.0_r1 (29: mAllowBubbles boolean,
 * mImportanceLockedByOEM), android-11.0.0_r1 (30: conversation fields, mAllowBubbles int),
 * android-13.0.0_r1 (33: mDeletedTimeMs), Android 14 (34: mUserVisibleTaskShown, no
 * mImportanceLockedByOEM — seen in a decompiled 14 framework.jar), Android 15 (35:
 * mVibrationPattern/mVibrationEffect, mLastNotificationUpdateTimeMs — as in the Xiaomi capture
 * in test/fixtures/real/xiaomi-miui-dumpsys-notification). With redaction (no --noredact) on 29+
 * the name is cut to 3 characters plus `...` (TextUtils.trimToLengthWithEllipsis). */
export function channelLine(sdk: number, channel: SimChannel, redact: boolean): string {
  const name = redact && sdk >= 29 ? redactName(channel.name) : channel.name;
  // Arrays.toString(null): profiles carry no custom vibration patterns, only whether vibration is on.
  const vibration = 'null';
  const fields: string[] = [
    `mId='${channel.id}'`,
    `mName=${name}`,
    `mDescription=${channel.description ? 'hasDescription ' : ''}`,
    `mImportance=${channel.importance}`,
    `mBypassDnd=${channel.bypassDnd}`,
    `mLockscreenVisibility=${channel.lockscreenVisibility}`,
    `mSound=${channel.sound ?? 'null'}`,
    `mLights=${channel.lights ?? false}`,
    `mLightColor=0`,
  ];
  if (sdk >= 35) fields.push(`mVibrationPattern=${vibration}`, 'mVibrationEffect=null');
  else fields.push(`mVibration=${vibration}`);
  fields.push(`mUserLockedFields=${(channel.userLockedFields ?? 0).toString(16)}`);
  if (sdk >= 34) fields.push('mUserVisibleTaskShown=false');
  else if (sdk >= 28) fields.push('mFgServiceShown=false');
  fields.push(`mVibrationEnabled=${channel.vibration}`, `mShowBadge=${channel.showBadge}`, 'mDeleted=false');
  if (sdk >= 33) fields.push('mDeletedTimeMs=-1');
  fields.push(`mGroup='${channel.group ?? 'null'}'`, `mAudioAttributes=${audioAttributes(sdk, channel.sound)}`, 'mBlockableSystem=false');
  // A boolean in Android 10, an int (ALLOW_BUBBLE_UNSET = -1) from Android 11.
  if (sdk >= 29) fields.push(`mAllowBubbles=${sdk === 29 ? 'false' : '-1'}`);
  if (sdk >= 29 && sdk <= 33) fields.push('mImportanceLockedByOEM=false');
  if (sdk >= 30) {
    fields.push(
      'mImportanceLockedDefaultApp=false',
      `mOriginalImp=${channel.importance}`,
      'mParent=null',
      'mConversationId=null',
      'mDemoted=false',
      'mImportantConvo=false',
    );
  }
  if (sdk >= 35) fields.push('mLastNotificationUpdateTimeMs=0');
  return `NotificationChannel{${fields.join(', ')}}`;
}

/** TextUtils.trimToLengthWithEllipsis(name, 3): `Important` → `Imp...` (three ASCII dots, as captures show). */
export function redactName(name: string): string {
  return name.length > 3 ? `${name.slice(0, 3)}...` : name;
}

/** Notification.toString (frameworks/base/core/java/android/app/Notification.java, 8.0–15). */
export function notificationToString(sdk: number, channelId: string, flags: number): string {
  const head = sdk >= 29 ? `Notification(channel=${channelId} shortcut=null` : `Notification(channel=${channelId} pri=0`;
  return `${head} contentView=null vibrate=null sound=null defaults=0x0 flags=0x${flags.toString(16)} color=0x00000000 vis=PRIVATE)`;
}
