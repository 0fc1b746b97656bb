import type { SimPackage } from './profile.js';

type Activity = NonNullable<SimPackage['activities']>[number];

const DEFAULT = 'android.intent.category.DEFAULT';

/**
 * The screens of AOSP Settings (packages/apps/Settings/AndroidManifest.xml, android-8.0.0_r1 …
 * android-15.0.0_r1) that the fixes open, with the intent filters the manifest gives them. Every phone has
 * them; makers that replace a screen keep the stock action working (CTS requires these actions to resolve).
 * A profile that lists com.android.settings' activities itself keeps its own list.
 */
export function stockSettingsActivities(sdk: number): Activity[] {
  const activities: Activity[] = [
    { name: '.Settings', actions: ['android.settings.SETTINGS'], categories: [DEFAULT] },
    // InstalledAppDetails takes `package:` URIs (and AUTO_REVOKE_PERMISSIONS from Android 11).
    { name: '.applications.InstalledAppDetails', actions: ['android.settings.APPLICATION_DETAILS_SETTINGS'], categories: [DEFAULT], schemes: ['package'] },
    { name: '.Settings$HighPowerApplicationsActivity', actions: ['android.settings.IGNORE_BATTERY_OPTIMIZATION_SETTINGS'], categories: [DEFAULT] },
  ];
  if (sdk >= 24) {
    activities.push({ name: '.Settings$AppDataUsageActivity', actions: ['android.settings.IGNORE_BACKGROUND_DATA_RESTRICTIONS_SETTINGS'], categories: [DEFAULT], schemes: ['package'] });
  }
  if (sdk >= 26) {
    activities.push(
      { name: '.Settings$AppNotificationSettingsActivity', actions: ['android.settings.APP_NOTIFICATION_SETTINGS'], categories: [DEFAULT] },
      { name: '.Settings$ChannelNotificationSettingsActivity', actions: ['android.settings.CHANNEL_NOTIFICATION_SETTINGS'], categories: [DEFAULT] },
    );
  }
  return activities;
}
