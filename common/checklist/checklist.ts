import type { PushChannel, Vendor } from '../domain/facts.js';
import { VENDORS } from '../vendors/vendor-table.js';

/**
 * The checklist catalog (../shared/spec/checklist.md, sections 0–8): every finding id with where it comes
 * from and how it is answered. The UI and reports list steps from here; rules take their title and FAQ
 * reference from here so wording lives in one place.
 *
 * Which ids `diagnose()` answers today: everything the phone can answer (sections 0, 1, 5, 6, 7,
 * `push-token-reported` and the phone's half of `oppo-channel-id`) plus the manual steps that need no later
 * tooling (`session-logged-out`, `console-certificate`), and the APK checks (section 2) from the APK facts. Message
 * parameters (section 4) and the test push (section 8) belong to later stages; they are listed here with `answeredBy` so the UI can show them as
 * "not yet checked" (entries with `diagnosed: false`) instead of `diagnose()` padding every report with placeholders.
 */

export const FAQ = {
  overview: 'FAQ › Overview (logout and multi-device login stop offline push)',
  integrate: 'FAQ › Integrating TUIOfflinePush › Step 1 (vivo and Honor keys, Huawei and FCM config files)',
  parameters: 'FAQ › Step 2. Set push parameters (certificate ID)',
  sending: 'FAQ › Step 3. Set offline push parameters when sending messages',
  sound: 'FAQ › How do I customize alert tones for offline push?',
  oppo: 'FAQ › Cannot receive offline push › 1. OPPO devices',
  fcm: 'FAQ › Cannot receive offline push › 2. Google FCM',
  custom: 'FAQ › Cannot receive offline push › 3. Sending custom messages',
  notificationBar: 'FAQ › Cannot receive offline push › 4. Notification bar settings of the device',
  stillFailing: 'FAQ › Cannot receive offline push › 5. The failure still exists after integration as instructed',
  redirection: 'FAQ › How do I troubleshoot redirection failure?',
  restrictions: 'FAQ › Vendor\'s push restrictions',
  // Section 6 goes beyond the FAQ: it is what kills a "process killed by the user" case on vendor ROMs.
  background: 'FAQ › Overview (app in background, screen locked or process killed) and vendor background limits (dontkillmyapp.com)',
} as const;

export const ANSWER_KINDS = ['auto-phone', 'auto-apk', 'test-push', 'manual'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const CHECKLIST_SECTIONS = {
  0: 'Session state',
  1: 'The push channel for this phone',
  2: 'The app\'s build',
  3: 'Console and certificates',
  4: 'Message parameters',
  5: 'Notification settings on the phone',
  6: 'Power and background',
  7: 'Vendor restrictions',
  8: 'Proof: test push',
} as const;
export type ChecklistSection = keyof typeof CHECKLIST_SECTIONS;

export interface ChecklistEntry {
  id: string;
  section: ChecklistSection;
  title: string;
  /** What the step checks, in one line. */
  checks: string;
  faq: string;
  answeredBy: AnswerKind;
  /** Channels the step applies to; 'all' includes phones whose channel is unknown or none. */
  channels: 'all' | readonly PushChannel[];
  /** `diagnose()` answers it from the phone's facts (otherwise a later stage does). */
  diagnosed: boolean;
}

const VENDOR_CHANNELS: readonly PushChannel[] = Object.values(VENDORS).filter((v) => v.vendor !== 'fcm').map((v) => v.vendor);
const keysOf = (vendor: Vendor): string => VENDORS[vendor].manifestKeys.join(' / ');
const customSound = Object.values(VENDORS).filter((v) => v.customSoundSupported).map((v) => v.displayName);
const WITH_CHANNEL: readonly PushChannel[] = [...VENDOR_CHANNELS, 'fcm'];

/**
 * Ids this catalog answers that ../shared/spec/checklist.md does not list yet (proposed for its section 2);
 * named here so the spec check can tell a proposal from a typo.
 */
export const PROPOSED_SPEC_IDS: ReadonlySet<string> = new Set(['post-notifications-undeclared', 'fcm-default-channel-missing']);

export const CHECKLIST: readonly ChecklistEntry[] = [
  // 0. Session state
  { id: 'session-logged-out', section: 0, title: 'User is still logged in', checks: 'the user did not log out and was not kicked by a login on another device', faq: FAQ.overview, answeredBy: 'manual', channels: 'all', diagnosed: true },
  { id: 'app-force-stopped', section: 0, title: 'App is not force-stopped', checks: 'the app is not in the stopped state (Force stop, or some ROMs\' swipe-away)', faq: FAQ.overview, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'app-not-installed', section: 0, title: 'App is installed', checks: 'the app under test is installed for user 0', faq: FAQ.overview, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  // 1. The push channel
  { id: 'push-channel', section: 1, title: 'Push channel for this phone', checks: 'which channel TUIOfflinePush picks from Build.BRAND / MANUFACTURER and Google Play services', faq: FAQ.integrate, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'push-service-missing', section: 1, title: 'Vendor push service is installed', checks: 'the system push service for the channel is installed', faq: FAQ.stillFailing, answeredBy: 'auto-phone', channels: VENDOR_CHANNELS, diagnosed: true },
  { id: 'push-service-disabled', section: 1, title: 'Vendor push service is enabled', checks: 'the system push service for the channel is not disabled', faq: FAQ.stillFailing, answeredBy: 'auto-phone', channels: VENDOR_CHANNELS, diagnosed: true },
  { id: 'push-service-outdated', section: 1, title: 'Vendor push service is recent enough', checks: 'the push service version meets the vendor SDK\'s published minimum', faq: FAQ.stillFailing, answeredBy: 'auto-phone', channels: VENDOR_CHANNELS, diagnosed: true },
  { id: 'gms-missing', section: 1, title: 'Google Play services is available', checks: 'FCM phones have Google Play services installed and enabled', faq: FAQ.fcm, answeredBy: 'auto-phone', channels: ['fcm'], diagnosed: true },
  { id: 'no-push-channel', section: 1, title: 'Phone has a push channel', checks: 'phones with no vendor channel and no Google Play services receive no offline push', faq: FAQ.integrate, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  // 2. The app's build (read from the APK: pulled from the phone, a capture's apk.json, or a file)
  { id: 'vivo-manifest-keys', section: 2, title: 'vivo keys are in the manifest', checks: `${keysOf('vivo')} meta-data present and not placeholders`, faq: FAQ.integrate, answeredBy: 'auto-apk', channels: ['vivo'], diagnosed: true },
  { id: 'honor-manifest-appid', section: 2, title: 'Honor app id is in the manifest', checks: `${keysOf('honor')} meta-data present`, faq: FAQ.integrate, answeredBy: 'auto-apk', channels: ['honor'], diagnosed: true },
  { id: 'vendor-components-missing', section: 2, title: 'Vendor SDK components are declared', checks: 'the receivers and services of the vendor SDK for this channel are in the manifest', faq: FAQ.integrate, answeredBy: 'auto-apk', channels: WITH_CHANNEL, diagnosed: true },
  { id: 'huawei-agconnect-missing', section: 2, title: 'agconnect-services.json is packaged', checks: 'agconnect-services.json is in the APK (Huawei/Honor on HMS)', faq: FAQ.integrate, answeredBy: 'auto-apk', channels: ['huawei'], diagnosed: true },
  { id: 'fcm-config-missing', section: 2, title: 'Firebase config is packaged', checks: 'google_app_id and gcm_defaultSenderId resources are in the APK', faq: FAQ.integrate, answeredBy: 'auto-apk', channels: ['fcm'], diagnosed: true },
  { id: 'click-target-unresolved', section: 2, title: 'Notification click target resolves', checks: 'the redirect target configured in the console resolves on the phone', faq: FAQ.redirection, answeredBy: 'auto-apk', channels: WITH_CHANNEL, diagnosed: true },
  // Beyond the FAQ: what engineers miss in the build.
  { id: 'post-notifications-undeclared', section: 2, title: 'Notification permission is declared', checks: 'target SDK 33+: android.permission.POST_NOTIFICATIONS is declared in the manifest, so the app can ask for it', faq: FAQ.notificationBar, answeredBy: 'auto-apk', channels: 'all', diagnosed: true },
  { id: 'fcm-default-channel-missing', section: 2, title: 'FCM default channel exists', checks: 'the channel named by com.google.firebase.messaging.default_notification_channel_id is one the app created on the phone', faq: FAQ.fcm, answeredBy: 'auto-apk', channels: ['fcm'], diagnosed: true },
  // 3. Console and certificates
  { id: 'console-certificate', section: 3, title: 'Certificate is uploaded and matches the build', checks: 'the vendor certificate is in the IM console and its certificate id matches the app\'s build', faq: FAQ.parameters, answeredBy: 'manual', channels: WITH_CHANNEL, diagnosed: true },
  { id: 'push-token-reported', section: 3, title: 'Push token was obtained and reported', checks: 'the app obtained a vendor token and reported it to IM (setOfflinePushToken success)', faq: FAQ.stillFailing, answeredBy: 'auto-phone', channels: WITH_CHANNEL, diagnosed: true },
  // 4. Message parameters (test-push composer, later stage)
  { id: 'custom-message-no-desc', section: 4, title: 'Custom message has a desc', checks: 'a custom message without desc is not pushed offline', faq: FAQ.custom, answeredBy: 'test-push', channels: 'all', diagnosed: false },
  // The phone answers whether the app created TUIOfflinePush's OPPO channel; the test push, which knows the
  // ChannelID a message names, answers the rest and its finding replaces the phone's.
  { id: 'oppo-channel-id', section: 4, title: 'OPPO ChannelID is set and exists', checks: 'OPPO on Android 8+: the message names a ChannelID the app created', faq: FAQ.oppo, answeredBy: 'auto-phone', channels: ['oppo'], diagnosed: true },
  { id: 'channel-not-created', section: 4, title: 'Message channel exists on the phone', checks: 'the channel id the message names for this channel exists in the app\'s channels', faq: FAQ.stillFailing, answeredBy: 'test-push', channels: WITH_CHANNEL, diagnosed: false },
  { id: 'custom-sound-unsupported', section: 4, title: 'Custom alert tone is supported', checks: `custom tones work only on ${customSound.join(', ')} (and belong to the channel on Android 8+)`, faq: FAQ.sound, answeredBy: 'test-push', channels: WITH_CHANNEL, diagnosed: false },
  { id: 'content-may-be-filtered', section: 4, title: 'Message text will not be filtered', checks: 'very short or trivial text that vendors may filter', faq: FAQ.stillFailing, answeredBy: 'test-push', channels: WITH_CHANNEL, diagnosed: false },
  // 5. Notification settings
  { id: 'app-notifications-blocked', section: 5, title: 'App notifications are allowed', checks: 'notifications are allowed for the app', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'post-notifications-denied', section: 5, title: 'Notification permission is granted', checks: 'Android 13+: POST_NOTIFICATIONS is granted', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'channel-blocked', section: 5, title: 'Notification channels are not blocked', checks: 'the channel the push uses is not importance NONE', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'channel-silent', section: 5, title: 'Notification channels can alert', checks: 'channel importance, sound and vibration let the push alert', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'lockscreen-hidden', section: 5, title: 'Notifications show on the lock screen', checks: 'notifications are shown on the lock screen', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'lockscreen-private-hidden', section: 5, title: 'Notification content shows on the lock screen', checks: 'content is shown on the lock screen', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'dnd-on', section: 5, title: 'Do Not Disturb is off', checks: 'Do Not Disturb is off, or lets the app through', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'ringer-silent', section: 5, title: 'Ringer is not silent', checks: 'ringer mode lets notifications sound', faq: FAQ.notificationBar, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'status-bar-icons-hidden', section: 5, title: 'Status bar shows notification icons', checks: 'the vendor\'s status-bar notification-icon switch is on', faq: FAQ.notificationBar, answeredBy: 'manual', channels: 'all', diagnosed: true },
  // 6. Power and background
  { id: 'standby-restricted', section: 6, title: 'App standby bucket is not restricted', checks: 'app standby bucket is not RESTRICTED (45); RARE (40) is a warning', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'battery-optimized', section: 6, title: 'App is exempt from battery optimisation', checks: 'the app is on the Doze allow list', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'background-restricted', section: 6, title: 'App may run in background', checks: 'RUN_ANY_IN_BACKGROUND is allowed', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'data-saver-on', section: 6, title: 'Data Saver does not restrict the app', checks: 'Data Saver is off or the app is on its allow list', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'battery-saver-on', section: 6, title: 'Battery saver is off', checks: 'battery saver is off', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'app-hibernated', section: 6, title: 'App is not hibernated', checks: 'Android 12+ app hibernation is off for the app', faq: FAQ.background, answeredBy: 'auto-phone', channels: 'all', diagnosed: true },
  { id: 'autostart-denied', section: 6, title: 'Vendor autostart is allowed', checks: 'the vendor autostart permission is granted (MIUI op 10008 where readable)', faq: FAQ.background, answeredBy: 'auto-phone', channels: VENDOR_CHANNELS, diagnosed: true },
  // 7. Vendor restrictions
  { id: 'vendor-classification', section: 7, title: 'Vendor message classification', checks: 'messages are sent in the vendor class that is delivered promptly', faq: FAQ.restrictions, answeredBy: 'manual', channels: WITH_CHANNEL, diagnosed: true },
  { id: 'vendor-daily-limit', section: 7, title: 'Vendor daily limits', checks: 'the vendor\'s daily quota is not exhausted', faq: FAQ.restrictions, answeredBy: 'manual', channels: WITH_CHANNEL, diagnosed: true },
  // 8. Proof: test push
  { id: 'test-push-accepted', section: 8, title: 'Test push was accepted', checks: 'the server accepted the test push', faq: FAQ.stillFailing, answeredBy: 'test-push', channels: 'all', diagnosed: false },
  { id: 'test-push-delivered', section: 8, title: 'Test push was delivered', checks: 'the notification was posted on the phone, with the latency', faq: FAQ.stillFailing, answeredBy: 'test-push', channels: 'all', diagnosed: false },
  { id: 'test-push-displayed', section: 8, title: 'Test push was displayed', checks: 'it was posted on a channel and in a state where the user would see and hear it', faq: FAQ.notificationBar, answeredBy: 'test-push', channels: 'all', diagnosed: false },
  { id: 'test-push-click', section: 8, title: 'Tapping the test push opened the page', checks: 'tapping it opened the expected page', faq: FAQ.redirection, answeredBy: 'test-push', channels: 'all', diagnosed: false },
];

const BY_ID = new Map(CHECKLIST.map((e) => [e.id, e]));

export function checklistEntry(id: string): ChecklistEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`unknown checklist id: ${id}`);
  return entry;
}

/** Applies to the channel; an unknown channel (null) gets every step, since any of them may matter. */
export function appliesTo(entry: ChecklistEntry, channel: PushChannel | null): boolean {
  if (entry.channels === 'all' || channel === null) return true;
  return entry.channels.includes(channel);
}
