import { stableHash, type AndroidDevice } from '../android-device.js';
import type { PostedNotification, SimPackage } from '../profile.js';
import { channelLine, importanceToString, notificationToString, redactName } from './notification-format.js';
import { appNotificationsAllowed, notificationKey } from './notification-post.js';

const ZEN_MODES = ['ZEN_MODE_OFF', 'ZEN_MODE_IMPORTANT_INTERRUPTIONS', 'ZEN_MODE_NO_INTERRUPTIONS', 'ZEN_MODE_ALARMS'];

/**
 * `dumpsys notification [--noredact]`, after NotificationManagerService.dumpImpl, NotificationRecord.dump,
 * ZenModeHelper.dump and RankingHelper/PreferencesHelper.dump
 * (frameworks/base/services/core/java/com/android/server/notification/, android-8.0.0_r1 …
 * android-15.0.0_r1). Android ≤ 9 lists per-app settings under `Records:` with `showBadge=` always
 * printed; 10–12 under `PackagePreferences:` with importance only when set (NONE when banned);
 * 13+ takes the app-level importance from the POST_NOTIFICATIONS grant and adds `userSet=`.
 */
export function dumpsysNotification(device: AndroidDevice, args: string[]): string {
  const redact = !args.includes('--noredact');
  const sdk = device.sdk;
  const out: string[] = [];
  out.push('Current Notification Manager state:');
  out.push('  Notification List:');
  for (const record of device.state.posted) out.push(...notificationRecord(device, record, redact));
  out.push('');
  out.push('  Lights List:');
  out.push('  mUseAttentionLight=true');
  out.push('  mHasLight=true');
  out.push('  mNotificationPulseEnabled=false');
  out.push('  mSoundNotificationKey=null');
  out.push('  mVibrateNotificationKey=null');
  out.push('  mDisableNotificationEffects=null');
  out.push('  mCallState=CALL_STATE_IDLE');
  out.push('  mSystemReady=true');
  out.push('  mMaxPackageEnqueueRate=5.0');
  out.push(`  hideSilentStatusBar=${sdk >= 30 ? 'false' : 'true'}`);
  out.push(`  mArchive=Archive (${device.state.posted.length} notification${device.state.posted.length === 1 ? '' : 's'})`);
  out.push('');
  out.push('  Ranking Config:');
  out.push(...rankingConfig(device, redact));
  out.push('');
  out.push('  Notification listeners:');
  out.push('    Allowed user ids: 0');
  out.push('    All user ids: 0');
  out.push('    Live registered services: 1');
  out.push('      service=ComponentInfo{com.android.systemui/com.android.systemui.statusbar.NotificationListener} u=0');
  out.push('');
  out.push('  Zen Mode:');
  out.push(...zenSection(device));
  out.push('');
  out.push('  Snoozed notifications:');
  out.push('');
  out.push('  Pending snoozed notifications');
  return out.join('\n') + '\n';
}

function notificationRecord(device: AndroidDevice, record: PostedNotification, redact: boolean): string[] {
  const pkg = device.findPackage(record.pkg);
  const uid = pkg?.uid ?? 2000;
  const channel = pkg?.notifications?.channels.find((c) => c.id === record.channelId);
  const importance = channel?.importance ?? 3;
  const key = notificationKey(record.userId, record.pkg, record.id, record.tag, uid);
  // System.identityHashCode stays the same for a record across dumps, so derive it from the record.
  const hash = (stableHash(`${key}@${record.postTime}`) + stableHash(key).slice(0, 1)).slice(0, 8);
  const p = '      ';
  const text = (value: string): string => (redact ? `String [length=${value.length}]` : `String (${value})`);
  const lines = [
    `    NotificationRecord(0x${hash}: pkg=${record.pkg} user=UserHandle{${record.userId}} id=${record.id} tag=${record.tag ?? 'null'} importance=${importance} key=${key}: ${notificationToString(device.sdk, record.channelId, 0)})`,
    `${p}uid=${uid} userId=${record.userId}`,
    `${p}opPkg=${record.pkg}`,
    `${p}icon=Icon(typ=RESOURCE pkg=${record.pkg === 'com.android.shell' ? 'android' : record.pkg} id=0x01080569)`,
    `${p}flags=0x0`,
    `${p}pri=0`,
    `${p}key=${key}`,
    `${p}seen=false`,
    `${p}groupKey=${key}`,
    `${p}notification=`,
    `${p}    fullscreenIntent=null`,
    `${p}    contentIntent=null`,
    `${p}    deleteIntent=null`,
    `${p}    number=0`,
    `${p}    groupAlertBehavior=0`,
    `${p}    when=${record.postTime}`,
    `${p}    tickerText=null`,
    `${p}    contentView=null`,
    `${p}    bigContentView=null`,
    `${p}    headsUpContentView=null`,
    `${p}    color=0x00000000`,
    `${p}    extras={`,
    `${p}        android.title=${text(record.title)}`,
    `${p}        android.text=${text(record.text)}`,
    `${p}        android.reduced.images=Boolean (true)`,
    `${p}    }`,
    `${p}mImportance=${importanceToString(importance)}`,
    `${p}mImportanceExplanation=app`,
    `${p}mIntercept=${record.intercepted ?? false}`,
    `${p}mCreationTimeMs=${record.postTime}`,
    `${p}mUpdateTimeMs=${record.postTime}`,
    `${p}mSound=${channel?.sound ?? 'null'}`,
    `${p}mShowBadge=${channel?.showBadge ?? true}`,
  ];
  if (channel) lines.push(`${p}effectiveNotificationChannel=${channelLine(device.sdk, channel, redact)}`);
  return lines;
}

/** Packages PreferencesHelper knows: those with notification settings, and on 13+ those requesting POST_NOTIFICATIONS. */
function packagesWithPreferences(device: AndroidDevice): SimPackage[] {
  return device.state.packages.filter(
    (pkg) =>
      pkg.installed &&
      (pkg.notifications !== undefined || (device.sdk >= 33 && Object.hasOwn(pkg.runtimePermissions, 'android.permission.POST_NOTIFICATIONS'))),
  );
}

function rankingConfig(device: AndroidDevice, redact: boolean): string[] {
  const sdk = device.sdk;
  const out: string[] = [];
  out.push('    mSignalExtractors.length = 11');
  for (const extractor of [
    'NotificationChannelExtractor', 'NotificationAdjustmentExtractor', 'BubbleExtractor', 'ValidateNotificationPeople',
    'PriorityExtractor', 'ZenModeExtractor', 'ImportanceExtractor', 'VisibilityExtractor', 'BadgeExtractor',
    'CriticalNotificationExtractor', 'NotificationIntrusivenessExtractor',
  ]) {
    out.push(`      com.android.server.notification.${extractor}`);
  }
  out.push(sdk >= 33 ? '    per-package config version: 4' : '    per-package config:');
  out.push(sdk <= 28 ? 'Records:' : 'PackagePreferences:');
  for (const pkg of packagesWithPreferences(device)) {
    const prefs = pkg.notifications;
    let header = `      AppSettings: ${pkg.name} (${pkg.uid})`;
    if (sdk >= 33) {
      const allowed = appNotificationsAllowed(device, pkg);
      header += ` importance=${importanceToString(allowed ? 3 : 0)} userSet=${!allowed}`;
      if (prefs && !prefs.showBadge) header += ' showBadge=false';
    } else {
      const importance = prefs && !prefs.enabled ? 0 : prefs?.importance ?? -1000;
      if (importance !== -1000) header += ` importance=${importanceToString(importance)}`;
      if (sdk <= 28) header += ` showBadge=${prefs?.showBadge ?? true}`;
      else if (prefs && !prefs.showBadge) header += ' showBadge=false';
    }
    out.push(header);
    for (const channel of prefs?.channels ?? []) out.push(`        ${channelLine(sdk, channel, redact)}`);
    for (const group of prefs?.groups ?? []) {
      const name = redact && sdk >= 29 ? redactName(group.name) : group.name;
      out.push(
        `        NotificationChannelGroup{mId='${group.id}', mName=${name}, mDescription=, mBlocked=${group.blocked ?? false}, mChannels=[], mUserLockedFields=0}`,
      );
    }
  }
  out.push('Restored without uid:');
  return out;
}

function zenSection(device: AndroidDevice): string[] {
  const zenMode = Number(device.state.settings.global['zen_mode'] ?? '0');
  const zen = device.state.zen ?? {};
  const calls = zen.allowCalls ?? true;
  const messages = zen.allowMessages ?? false;
  const alarms = zen.allowAlarms ?? true;
  const categories = [
    ...(alarms ? ['PRIORITY_CATEGORY_ALARMS'] : []),
    'PRIORITY_CATEGORY_MEDIA',
    'PRIORITY_CATEGORY_SYSTEM',
    ...(calls ? ['PRIORITY_CATEGORY_CALLS', 'PRIORITY_CATEGORY_REPEAT_CALLERS'] : []),
    ...(messages ? ['PRIORITY_CATEGORY_MESSAGES'] : []),
    ...(device.sdk >= 30 ? ['PRIORITY_CATEGORY_CONVERSATIONS'] : []),
  ];
  const policy =
    `NotificationManager.Policy[priorityCategories=${categories.join(',')},priorityCallSenders=PRIORITY_SENDERS_STARRED,priorityMessageSenders=PRIORITY_SENDERS_STARRED` +
    (device.sdk >= 30 ? ',priorityConvSenders=CONVERSATION_SENDERS_IMPORTANT' : '') +
    ',suppressedVisualEffects=SUPPRESSED_EFFECT_SCREEN_OFF,SUPPRESSED_EFFECT_SCREEN_ON,SUPPRESSED_EFFECT_FULL_SCREEN_INTENT,SUPPRESSED_EFFECT_LIGHTS,SUPPRESSED_EFFECT_PEEK,SUPPRESSED_EFFECT_STATUS_BAR,SUPPRESSED_EFFECT_BADGE,SUPPRESSED_EFFECT_AMBIENT,SUPPRESSED_EFFECT_NOTIFICATION_LIST]';
  const allow = `allow(alarms=${alarms},media=true,system=false,calls=${calls},callsFrom=stars,repeatCallers=${calls},messages=${messages},messagesFrom=stars${device.sdk >= 30 ? ',conversations=true,conversationsFrom=important' : ''},events=false,reminders=false)`;
  const manualRule = zenMode === 0 ? 'null' : `ZenRule[enabled=true,snoozing=false,name=null,zenMode=${ZEN_MODES[zenMode] ?? zenMode},conditionId=null,condition=null,pkg=com.android.settings,id=null,creationTime=0,enabler=null]`;
  return [
    `    mInterruptionFilter=${[1, 2, 4, 3][zenMode] ?? 1}`,
    `    mZenMode=${ZEN_MODES[zenMode] ?? `${zenMode}`}`,
    `    mConsolidatedPolicy=${policy}`,
    '    mUser=0',
    `    mConfig=${allow}`,
    ' disallow(visualEffects=511)',
    `      manualRule=${manualRule}`,
    `    mSuppressedEffects=${zenMode === 0 ? 0 : 1}`,
    '    mFiltering:',
    `      mZenMode=${ZEN_MODES[zenMode] ?? zenMode}`,
  ];
}
