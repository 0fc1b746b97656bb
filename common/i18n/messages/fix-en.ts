/**
 * The fix catalog's words (common/fixes/fix-catalog.ts) for the page: each fix's title and note. English equals the
 * catalog's own text (a test checks it), so the catalog stays the one source; zh-CN is in fix-zh-CN.ts. Commands are
 * never messages.
 */
export const fixEn = {
  'fix.grant-post-notifications.title': 'Grant the notification permission',
  'fix.grant-post-notifications.note': 'Runtime permission added in Android 13 (API 33); shell holds GRANT_RUNTIME_PERMISSIONS.',
  'fix.set-standby-active.title': 'Move the app to the ACTIVE standby bucket',
  'fix.set-standby-active.note': 'The system may demote the app again after days of no use; the lasting fix is the user opening the app.',
  'fix.deviceidle-whitelist.title': 'Exempt the app from battery optimisation',
  'fix.deviceidle-whitelist.note': 'Same list as Settings → Battery optimisation → Not optimised. Vendor power managers keep their own lists.',
  'fix.allow-background.title': 'Allow the app to run in background',
  'fix.allow-background.note': 'RUN_ANY_IN_BACKGROUND is the op behind Settings → Battery → Background restriction (Android 9+).',
  'fix.dnd-off.title': 'Turn Do Not Disturb off',
  'fix.dnd-off.note': 'Uses NotificationManagerService\'s shell command (Android 10+); writing zen_mode directly does not stick.',
  'fix.show-on-lockscreen.title': 'Show notifications on the lock screen',
  'fix.show-on-lockscreen.note': 'Phone-wide switch; per-channel lock-screen visibility can only be changed by the user.',
  'fix.enable-push-service.title': 'Enable the vendor push service',
  'fix.enable-push-service.note': 'Reverses `pm disable-user` (what debloat guides do); a package disabled by the vendor itself may refuse.',
  'fix.start-app.title': 'Start the app so it leaves the stopped state',
  'fix.start-app.note': 'Launching the app clears stopped=true; the user should then send it to background rather than swipe it away.',
  'fix.unhibernate-app.title': 'Take the app out of hibernation',
  'fix.unhibernate-app.note': 'Android 12+ hibernation; turning off "Pause app activity if unused" in App info keeps it out.',
  'fix.open-notification-settings.title': 'Open the app\'s notification settings',
  'fix.open-notification-settings.note': 'There is no shell command that turns an app\'s notifications back on; the user flips the switch.',
  'fix.open-autostart-settings.title': 'Open the vendor autostart screen',
  'fix.open-autostart-settings.note': 'Vendor screens are tried in order; App info is the fallback, one tap from the vendor switches.',
  'fix.open-battery-settings.title': 'Open the battery settings for the app',
  'fix.open-battery-settings.note': 'Vendor power managers first; the stock battery-optimisation list is the fallback.',
  'fix.open-data-saver-settings.title': 'Open the app\'s Data Saver exception',
  'fix.open-data-saver-settings.note': 'Lets the user allow unrestricted data for the app while Data Saver stays on.',
} as const;
