
/**
 * Safe on-phone fixes, as data: what each runs, on which package, from which Android version. Pure, so the
 * workstation can show a fix's command before it is run; the executor (`fix --finding`) builds the command lines
 * with `planFix` (main/diagnosis/fixes.ts), which validates and quotes the package, runs them and re-checks.
 * "Safe" means reversible by the user in Settings and touching only the app under test or its push service.
 */
export const FIX_IDS = [
  'grant-post-notifications', 'set-standby-active', 'deviceidle-whitelist', 'allow-background',
  'dnd-off', 'show-on-lockscreen', 'enable-push-service', 'start-app', 'unhibernate-app',
  'open-notification-settings', 'open-autostart-settings', 'open-battery-settings', 'open-data-saver-settings',
] as const;
export type FixId = (typeof FIX_IDS)[number];

export interface FixSpec {
  id: FixId;
  title: string;
  /** True when the commands change the phone; false when they only open a screen for a person to act on. */
  changesState: boolean;
  /** The package the commands take: the app under test, the channel's push service, or none. */
  target: 'app' | 'push-service' | 'none';
  /** Lowest Build.VERSION.SDK_INT the commands work on. */
  minSdk: number;
  /** Command templates; `{pkg}` becomes the validated, quoted target package. */
  commands: readonly string[];
  /** Vendor screens tried before `commands` (which are then the stock-Android fallback). */
  vendorScreens?: 'autostartScreens' | 'batteryScreens';
  /** Why these commands, and what they cannot do. */
  note: string;
}

/** The placeholder a command template takes for the target package. */
export const PKG = '{pkg}';

export const FIXES: Readonly<Record<FixId, FixSpec>> = {
  'grant-post-notifications': {
    id: 'grant-post-notifications', title: 'Grant the notification permission', changesState: true, target: 'app', minSdk: 33,
    commands: [`pm grant ${PKG} android.permission.POST_NOTIFICATIONS`],
    note: 'Runtime permission added in Android 13 (API 33); shell holds GRANT_RUNTIME_PERMISSIONS.',
  },
  'set-standby-active': {
    id: 'set-standby-active', title: 'Move the app to the ACTIVE standby bucket', changesState: true, target: 'app', minSdk: 28,
    commands: [`am set-standby-bucket ${PKG} active`],
    note: 'The system may demote the app again after days of no use; the lasting fix is the user opening the app.',
  },
  'deviceidle-whitelist': {
    id: 'deviceidle-whitelist', title: 'Exempt the app from battery optimisation', changesState: true, target: 'app', minSdk: 24,
    commands: [`cmd deviceidle whitelist +${PKG}`],
    note: 'Same list as Settings → Battery optimisation → Not optimised. Vendor power managers keep their own lists.',
  },
  'allow-background': {
    id: 'allow-background', title: 'Allow the app to run in background', changesState: true, target: 'app', minSdk: 28,
    commands: [`cmd appops set ${PKG} RUN_ANY_IN_BACKGROUND allow`],
    note: 'RUN_ANY_IN_BACKGROUND is the op behind Settings → Battery → Background restriction (Android 9+).',
  },
  'dnd-off': {
    id: 'dnd-off', title: 'Turn Do Not Disturb off', changesState: true, target: 'none', minSdk: 29,
    commands: ['cmd notification set_dnd off'],
    // `settings put global zen_mode 0` is undone by ZenModeHelper, which rewrites the setting from its own state.
    note: 'Uses NotificationManagerService\'s shell command (Android 10+); writing zen_mode directly does not stick.',
  },
  'show-on-lockscreen': {
    id: 'show-on-lockscreen', title: 'Show notifications on the lock screen', changesState: true, target: 'none', minSdk: 21,
    commands: ['settings put secure lock_screen_show_notifications 1'],
    note: 'Phone-wide switch; per-channel lock-screen visibility can only be changed by the user.',
  },
  'enable-push-service': {
    id: 'enable-push-service', title: 'Enable the vendor push service', changesState: true, target: 'push-service', minSdk: 21,
    commands: [`pm enable ${PKG}`],
    note: 'Reverses `pm disable-user` (what debloat guides do); a package disabled by the vendor itself may refuse.',
  },
  'start-app': {
    id: 'start-app', title: 'Start the app so it leaves the stopped state', changesState: true, target: 'app', minSdk: 21,
    commands: [`am start -a android.intent.action.MAIN -c android.intent.category.LAUNCHER ${PKG}`],
    // A bare package as the last `am start` argument restricts the intent to it (Intent.printIntentArgsHelp:
    // "[<URI> | <PACKAGE> | <COMPONENT>]"), so the app's own launcher activity opens.
    note: 'Launching the app clears stopped=true; the user should then send it to background rather than swipe it away.',
  },
  'unhibernate-app': {
    id: 'unhibernate-app', title: 'Take the app out of hibernation', changesState: true, target: 'app', minSdk: 31,
    commands: [`cmd app_hibernation set-state ${PKG} false`],
    note: 'Android 12+ hibernation; turning off "Pause app activity if unused" in App info keeps it out.',
  },
  'open-notification-settings': {
    id: 'open-notification-settings', title: 'Open the app\'s notification settings', changesState: false, target: 'app', minSdk: 26,
    commands: [`am start -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE ${PKG}`],
    note: 'There is no shell command that turns an app\'s notifications back on; the user flips the switch.',
  },
  'open-autostart-settings': {
    id: 'open-autostart-settings', title: 'Open the vendor autostart screen', changesState: false, target: 'app', minSdk: 21,
    vendorScreens: 'autostartScreens',
    commands: [`am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${PKG}`],
    note: 'Vendor screens are tried in order; App info is the fallback, one tap from the vendor switches.',
  },
  'open-battery-settings': {
    id: 'open-battery-settings', title: 'Open the battery settings for the app', changesState: false, target: 'app', minSdk: 23,
    vendorScreens: 'batteryScreens',
    commands: ['am start -a android.settings.IGNORE_BATTERY_OPTIMIZATION_SETTINGS'],
    note: 'Vendor power managers first; the stock battery-optimisation list is the fallback.',
  },
  'open-data-saver-settings': {
    id: 'open-data-saver-settings', title: 'Open the app\'s Data Saver exception', changesState: false, target: 'app', minSdk: 24,
    commands: [`am start -a android.settings.IGNORE_BACKGROUND_DATA_RESTRICTIONS_SETTINGS -d package:${PKG}`],
    note: 'Lets the user allow unrestricted data for the app while Data Saver stays on.',
  },
};
