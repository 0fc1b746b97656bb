/**
 * The on-disk shape of a simulated phone (test/sim/profiles/<name>/). Shared contract between the
 * simulated Android (which renders every command's output from `PhoneState` the way that Android
 * version's AOSP dump code prints it) and the profiles (built from genuine public captures).
 *
 * A profile folder holds:
 *   profile.json   ProfileManifest
 *   getprop.txt    the phone's full `getprop` output (from a public capture; changes listed in notes)
 *   state.json     PhoneState: everything stateful commands read and change
 *   sources/       the raw public outputs the profile was built from (provenance, also parser fixtures)
 *   NOTES.md       where each output came from and what was written from AOSP code instead
 */

export interface ProfileManifest {
  /** kebab-case, first word of `npm run sim -- --list`, e.g. "xiaomi-hyperos-a14". */
  name: string;
  /** One line for `--list`. */
  description: string;
  /** CNXN banner values (ro.product.name / model / device) as the phone's adbd sends them. */
  banner: { product: string; model: string; device: string };
  /** adbd features; defaults to a modern set with shell_v2, cmd, stat_v2, ls_v2. */
  features?: string[];
  /** `never`: the phone answers CNXN with AUTH forever (unauthorized). `delayed`: accepted after a tap. */
  auth: { mode: 'none' } | { mode: 'never' } | { mode: 'delayed'; acceptAfterMs: number };
  /** Realistic trouble this phone carries, in words, e.g. "Do Not Disturb is on". */
  trouble: string[];
  sources: { what: string; url: string }[];
  /** Outputs written from AOSP dump code because no public capture was found, and why. */
  writtenFromAosp: string[];
}

/** PackageManager COMPONENT_ENABLED_STATE_*: 0 default, 1 enabled, 2 disabled, 3 disabled-user, 4 disabled-until-used. */
export type EnabledState = 0 | 1 | 2 | 3 | 4;

/** AppOpsManager modes as `cmd appops` prints them. */
export type AppOpMode = 'allow' | 'ignore' | 'deny' | 'default' | 'foreground';

export interface SimChannel {
  id: string;
  name: string;
  description?: string;
  /** 0 NONE, 1 MIN, 2 LOW, 3 DEFAULT, 4 HIGH, 5 MAX. */
  importance: number;
  /** content:// or android.resource:// uri, or null for silent. */
  sound: string | null;
  vibration: boolean;
  lights?: boolean;
  /** -1000 when the user never changed it (NotificationManager.VISIBILITY_NO_OVERRIDE). */
  lockscreenVisibility: number;
  showBadge: boolean;
  bypassDnd: boolean;
  group?: string | null;
  /** USER_LOCKED_* bit field as printed in mUserLockedFields. */
  userLockedFields?: number;
}

export interface SimPackage {
  name: string;
  uid: number;
  versionName: string;
  versionCode: number;
  targetSdk: number;
  minSdk?: number;
  system: boolean;
  /** Code path, e.g. /data/app/~~abc==/com.example.im-xyz==; base.apk lives inside. */
  codePath: string;
  enabled: EnabledState;
  /** For user 0. */
  installed: boolean;
  stopped: boolean;
  hidden?: boolean;
  firstInstallTime: string;
  lastUpdateTime: string;
  /** Runtime permissions requested by the app and whether granted (user 0). */
  runtimePermissions: Record<string, boolean>;
  /** Install-time permissions (always granted). */
  installPermissions: string[];
  /** `cmd appops get PKG` modes that differ from default, e.g. { RUN_ANY_IN_BACKGROUND: "ignore" }. */
  appops: Record<string, AppOpMode>;
  /** UsageStats standby bucket: 5 exempted, 10 active, 20 working set, 30 frequent, 40 rare, 45 restricted, 50 never. */
  standbyBucket: number;
  hibernated?: boolean;
  /** Activities other apps can start, for `cmd package resolve-activity` and `am start`. */
  activities?: { name: string; actions: string[]; categories?: string[]; schemes?: string[]; hosts?: string[]; exported?: boolean }[];
  /** Notification settings for this package (present for apps that created channels or were changed). */
  notifications?: {
    /** App-level switch (NotificationManager.areNotificationsEnabled). */
    enabled: boolean;
    /** PreferencesHelper importance; -1000 unspecified. */
    importance: number;
    showBadge: boolean;
    channels: SimChannel[];
    groups?: { id: string; name: string; blocked?: boolean }[];
  };
  /** Whether the simulated app, when started, registers for push and logs its token (drives logcat). */
  pushBehaviour?: { channel: string; businessId: number; tokenResult: 'success' | { errorCode: number; desc: string } };
  /** Optional (added by the simulator): `installerPackageName=` in `dumpsys package`; null when sideloaded. */
  installerPackageName?: string | null;
}

export interface PostedNotification {
  pkg: string;
  id: number;
  tag: string | null;
  channelId: string;
  title: string;
  text: string;
  /** ms since epoch. */
  postTime: number;
  userId: number;
  /** Optional (added by the simulator): Do Not Disturb intercepted it (ZenModeHelper.shouldIntercept). */
  intercepted?: boolean;
}

export interface PhoneState {
  packages: SimPackage[];
  settings: { global: Record<string, string>; secure: Record<string, string>; system: Record<string, string> };
  deviceidle: { systemExceptIdle: string[]; system: string[]; user: string[] };
  netpolicy: { restrictBackground: boolean; restrictBackgroundWhitelistUids: number[]; restrictBackgroundBlacklistUids?: number[] };
  /** Zen policy as NotificationManager.Policy fields, for `dumpsys notification` zen section. */
  zen?: { allowCalls?: boolean; allowMessages?: boolean; allowAlarms?: boolean; priorityPackages?: string[] };
  /** AudioManager ringer mode: 0 silent, 1 vibrate, 2 normal. */
  ringerMode: number;
  /** logcat main buffer lines in threadtime format, oldest first. */
  logcat: string[];
  /** Optional (added by the simulator): the other logcat buffers, same threadtime format, oldest first. */
  logcatBuffers?: { events?: string[]; system?: string[]; crash?: string[] };
  posted: PostedNotification[];
}
