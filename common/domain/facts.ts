import type { ApkFacts } from './apk.js';

/**
 * The typed facts an audit reads from one phone. Field names follow the report contract
 * (../shared/spec/report.md): tools read them, so add fields freely but never rename.
 * A fact that could not be read is `null`, never a guess; the reason lives in `FactSheet.unknown`.
 */

export const PUSH_CHANNELS = ['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'fcm', 'none'] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];
/** A channel that has a push service behind it. */
export type Vendor = Exclude<PushChannel, 'none'>;

export const ROM_NAMES = [
  'MIUI', 'HyperOS', 'EMUI', 'HarmonyOS', 'MagicOS', 'ColorOS', 'OxygenOS',
  'Funtouch OS', 'OriginOS', 'Flyme', 'One UI', 'Android',
] as const;
export type RomName = (typeof ROM_NAMES)[number];

export interface AndroidVersion {
  release: string;
  sdk: number;
}

export interface RomFact {
  name: RomName;
  /** e.g. "OS1.0.5.0", "V12.5.3", "14.0.0"; null when the ROM hides it. */
  version: string | null;
}

export interface PushServiceFact {
  vendor: Vendor;
  package: string;
  installed: boolean | null;
  enabled: boolean | null;
  versionName: string | null;
  versionCode: number | null;
}

export interface GmsFact {
  installed: boolean | null;
  enabled: boolean | null;
  versionName: string | null;
}

export interface SystemFacts {
  /** Settings.Global.ZEN_MODE: 0 off, 1 important interruptions, 2 no interruptions, 3 alarms only. */
  zenMode: number | null;
  lockScreenShowNotifications: boolean | null;
  lockScreenShowPrivate: boolean | null;
  /** Data Saver (restrict-background) on for the whole phone. */
  dataSaver: boolean | null;
  batterySaver: boolean | null;
  /** AudioManager ringer mode: 0 silent, 1 vibrate, 2 normal. */
  ringerMode: number | null;
}

export interface ChannelFact {
  id: string;
  name: string | null;
  /** NotificationManager importance: 0 NONE … 4 HIGH (5 MAX); -1000 unspecified. */
  importance: number | null;
  blocked: boolean | null;
  sound: string | null;
  vibration: boolean | null;
  /** Notification.VISIBILITY_*: 1 public, 0 private, -1 secret; null when not overridden. */
  lockscreenVisibility: number | null;
  showBadge: boolean | null;
  bypassDnd: boolean | null;
  group: string | null;
}

export interface AppFacts {
  package: string;
  installed: boolean | null;
  /** The package's enabled state allows it to run (not disabled-user / disabled). */
  enabled: boolean | null;
  versionName: string | null;
  versionCode: number | null;
  targetSdk: number | null;
  stopped: boolean | null;
  /**
   * App-level importance as `dumpsys notification` prints it on the `AppSettings:` line (0 = blocked);
   * -1000 when the phone keeps no setting for the app (at its default). What the phone printed; the diagnosis
   * concludes `notificationsEnabled` from it and POST_NOTIFICATIONS.
   */
  notificationImportance: number | null;
  /** Notifications effectively allowed for the app: concluded by the diagnosis, not read by a probe. */
  notificationsEnabled: boolean | null;
  /** null where not applicable (Android < 13) or unknown; see FactSheet.unknown. */
  postNotificationsGranted: boolean | null;
  standbyBucket: number | null;
  batteryOptimizationExempt: boolean | null;
  backgroundRestricted: boolean | null;
  /** App is on Data Saver's allow list (restrict-background whitelist). */
  dataSaverExempt: boolean | null;
  hibernated: boolean | null;
  /** Vendor autostart permission where the phone exposes it (MIUI op 10008); null elsewhere. */
  autostartAllowed: boolean | null;
  channels: ChannelFact[] | null;
}

/** What the push SDKs and TUIOfflinePush logged about registration, scanned from `logcat -d`. */
export interface PushLogFacts {
  /** A vendor token was received (value is the token as logged; redacted in reports). */
  tokenReceived: boolean | null;
  /** `setOfflinePushToken success` was seen. */
  tokenReported: boolean | null;
  /** Certificate (business) id passed to setOfflinePushConfig, when logged. */
  businessId: string | null;
  /** Last registration error seen, verbatim. */
  lastError: string | null;
  /** FCM dropped a message because the app was stopped (`GCM-DMM … result=CANCELLED`). */
  fcmCancelledForStoppedApp: boolean | null;
}

export interface DeviceFacts {
  /** ro.build.fingerprint: which build the phone runs; history follows a phone across audits by it. */
  fingerprint?: string | null;
  manufacturer: string | null;
  brand: string | null;
  model: string | null;
  /**
   * The name the maker sells the phone under ("Redmi K50 Pro" for model 22011211C), from the vendor table's
   * marketing-name properties; null where the phone prints none (Samsung, Pixel, Meizu, older Huawei builds).
   * Optional so reports written before it still read.
   */
  marketName?: string | null;
  device: string | null;
  android: AndroidVersion | null;
  rom: RomFact | null;
  pushChannel: PushChannel | null;
  pushServices: PushServiceFact[];
  gms: GmsFact | null;
  system: SystemFacts;
  app: AppFacts | null;
  pushLog: PushLogFacts | null;
  /**
   * What the inspection of the app's APK read (pulled from the phone, a capture's apk.json, or a file given
   * with --apk); null when no app is named or the APK could not be read (see `FactSheet.unknown.apk`).
   * Optional so reports written before the APK checks still read.
   */
  apk?: ApkFacts | null;
  /** The notification click target the engineer entered and what the phone resolved it to; null when none was entered. */
  clickTarget?: ClickTargetFact | null;
}

/** `cmd package resolve-activity` for the console's click target, as the phone answered it. */
export interface ClickTargetFact {
  /** What the engineer entered (activity class, intent URI or scheme URI). */
  target: string;
  /** The command run for it; null when the target could not be turned into one (then `resolvedTo` is null too). */
  command: string | null;
  /**
   * The component the phone resolved it to (`pkg/.Class`), `android/com.android.internal.app.ResolverActivity`
   * when several apps handle it; null when the phone found none or was not asked (see `resolved`).
   */
  resolvedTo: string | null;
  /** true: an activity was found; false: "No activity found"; null: not asked or unreadable. */
  resolved: boolean | null;
}

/** Where a fact came from: the command line run on the phone and the line(s) of its output. */
export interface Evidence {
  command: string;
  excerpt: string;
}

/**
 * Dotted path of a fact, e.g. "system.zenMode", "app.stopped", "app.channels", "pushServices".
 * Used to key evidence and unknown-reasons without a parallel type tree.
 */
export type FactPath = string;

/** Facts plus where each came from and, for each null, why it is null. */
export interface FactSheet {
  facts: DeviceFacts;
  evidence: Record<FactPath, Evidence[]>;
  unknown: Record<FactPath, string>;
}

export function emptySystemFacts(): SystemFacts {
  return {
    zenMode: null, lockScreenShowNotifications: null, lockScreenShowPrivate: null,
    dataSaver: null, batterySaver: null, ringerMode: null,
  };
}

export function emptyDeviceFacts(): DeviceFacts {
  return {
    manufacturer: null, brand: null, model: null, marketName: null, device: null, android: null, rom: null,
    pushChannel: null, pushServices: [], gms: null, system: emptySystemFacts(), app: null, pushLog: null,
    apk: null, clickTarget: null,
  };
}
