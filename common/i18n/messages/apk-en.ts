/**
 * English texts of the APK findings (checklist section 2: main/diagnosis/rules/ vivo-manifest-keys … 
 * fcm-default-channel-missing). Manifest names, resource names, class names and values are the build's own
 * words and are passed as parameters, printed as they are in every language.
 */
export const apkEn = {
  'check.post-notifications-undeclared.title': 'Notification permission is declared',
  'check.fcm-default-channel-missing.title': 'FCM default channel exists',

  // Lists of problems inside one sentence (msg.ts listMsg): "a; b; c".
  'word.list': '{head}; {tail}',
  'word.none': 'none',
  'word.unknown': 'unknown',

  'finding.apk.unknown-remedy': 'Re-run with the phone connected so the APK can be pulled, or give the APK with `analyze CAPTURE --apk FILE.apk`.',
  // Why a manifest value is one nobody filled in (apk-rule.ts placeholderReason).
  'apk.value.empty': 'is empty',
  'apk.value.gradle': 'is the unreplaced Gradle placeholder {text}',
  'apk.value.sample': 'is the sample placeholder "{text}"',
  'apk.value.placeholder': 'is placeholder text "{text}"',

  'finding.vivo-manifest-keys.missing': '{key} is missing',
  'finding.vivo-manifest-keys.no-value': '{key} has no usable value',
  'finding.vivo-manifest-keys.no-value-why': '{key} has no usable value ({why})',
  'finding.vivo-manifest-keys.not-id': '{key} is {value}, not an id',
  'finding.vivo-manifest-keys.placeholder': '{key} {why}',
  'finding.vivo-manifest-keys.ok': '{keys} are set in the manifest.',
  'finding.vivo-manifest-keys.error': 'vivo push cannot register: {problems}.',
  'finding.vivo-manifest-keys.remedy': 'Set the app\'s vivo APPID and APPKEY (vivo open platform → the app → push) in the app module\'s build.gradle: manifestPlaceholders = [VIVO_APPID: "…", VIVO_APPKEY: "…"], so the merged manifest carries com.vivo.push.app_id and com.vivo.push.api_key; rebuild and reinstall.',

  'finding.honor-manifest-appid.missing': '{key} is not in the manifest, so Honor push cannot register.',
  'finding.honor-manifest-appid.no-value': '{key} has no usable value.',
  'finding.honor-manifest-appid.no-value-why': '{key} has no usable value: {why}.',
  'finding.honor-manifest-appid.int': '{key} is compiled as the integer {value}: Honor\'s SDK reads it with Bundle.getString(), which returns null for an int, so registration fails although the id looks right in the source.',
  'finding.honor-manifest-appid.not-string': '{key} is {value}, not a string app id.',
  'finding.honor-manifest-appid.placeholder': '{key} {why}.',
  'finding.honor-manifest-appid.ok': '{key} is the string "{value}".',
  'finding.honor-manifest-appid.remedy': 'Declare the Honor app id as a string: <meta-data android:name="com.hihonor.push.app_id" android:value="@string/honor_app_id"/> with <string name="honor_app_id">YOUR_APP_ID</string>, or a manifestPlaceholder written as "\\ YOUR_APP_ID" so aapt keeps it a string (Honor developer console → the app → app id); rebuild and reinstall.',

  'finding.vendor-components-missing.ok': 'The {vendor} SDK\'s {count} components are declared.',
  'finding.vendor-components-missing.ok-permissions': 'The {vendor} SDK\'s {count} components and {permissions} permissions are declared.',
  // A component the SDK needs, in manifest terms (the class or the intent action that satisfies it).
  'apk.component.class': '<{kind} android:name="{name}">',
  'apk.component.action': '<{kind}> with <action android:name="{action}">',
  'finding.vendor-components-missing.part': '{component} ({role})',
  'finding.vendor-components-missing.lacks': 'The manifest lacks what {vendor} push needs on this phone: {parts}.',
  'finding.vendor-components-missing.disabled': 'Declared but disabled: {parts}.',
  'finding.vendor-components-missing.lacks-disabled': 'The manifest lacks what {vendor} push needs on this phone: {parts}. Declared but disabled: {disabled}.',
  'finding.vendor-components-missing.remedy': 'Add the {vendor} push dependency (TUIOfflinePush\'s {module} module, or the vendor SDK with its manifest entries) so the merged manifest declares them; check the merged manifest in Android Studio\'s Merged Manifest tab, then rebuild and reinstall. Source of the list: {sources}.',
  'finding.vendor-components-missing.remedy-hints': 'Add the {vendor} push dependency (TUIOfflinePush\'s {module} module, or the vendor SDK with its manifest entries) so the merged manifest declares them (TUIOfflinePush declares {classes}); check the merged manifest in Android Studio\'s Merged Manifest tab, then rebuild and reinstall. Source of the list: {sources}.',

  'finding.huawei-agconnect-missing.missing': 'agconnect-services.json is not packaged in the APK, so HMS push cannot get a token for the app.',
  'finding.huawei-agconnect-missing.unreadable': 'agconnect-services.json is packaged but unreadable: {error}.',
  'finding.huawei-agconnect-missing.other-package': 'agconnect-services.json is for {file}, but the app is {app}: HMS rejects the token request for another package.',
  'finding.huawei-agconnect-missing.no-app-id': 'agconnect-services.json has no client.app_id, which HMS push needs.',
  'finding.huawei-agconnect-missing.ok': 'agconnect-services.json is packaged for {app} (app id {appId}).',
  'finding.huawei-agconnect-missing.remedy': 'Download agconnect-services.json from AppGallery Connect (Project settings → the app) for this package name, put it in the app module\'s folder with the com.huawei.agconnect Gradle plugin applied (it packages the file into assets/), rebuild and reinstall.',

  'finding.fcm-config-missing.resources-unknown': 'The APK\'s resources could not be read ({error}); check google-services.json by hand.',
  'finding.fcm-config-missing.ok': 'The Firebase config (google_app_id, gcm_defaultSenderId) is packaged.',
  'finding.fcm-config-missing.missing': 'The Firebase config is not packaged ({names} missing or empty), so Firebase does not start and FCM issues no token.',
  'finding.fcm-config-missing.remedy': 'Put the project\'s google-services.json in the app module and apply the com.google.gms.google-services Gradle plugin (it generates these string resources); rebuild and reinstall.',

  'finding.click-target-unresolved.in-manifest': 'in the manifest: {problem}',
  'finding.click-target-unresolved.not-a-target': '"{target}" is not an activity class, an intent:// URI or a scheme URI',
  'finding.click-target-unresolved.phone-none': 'on the phone: `cmd package resolve-activity` finds no activity for it',
  'finding.click-target-unresolved.phone-chooser': 'on the phone: several apps handle it, so Android shows a chooser instead of opening the app (make the URI specific to the app or name its package)',
  'finding.click-target-unresolved.phone-other': 'on the phone: it opens {other}, not {app}',
  'finding.click-target-unresolved.error': 'The notification click target {target} does not land in the app: {problems}.',
  'finding.click-target-unresolved.remedy': 'Either change the console\'s redirect to an activity that exists, or declare the activity with android:exported="true" and an <intent-filter> with <action android:name="android.intent.action.VIEW"/>, <category android:name="android.intent.category.DEFAULT"/> and the <data> scheme/host/path of the URI; rebuild, reinstall and tap a test push.',
  'finding.click-target-unresolved.unknown': 'Could not be checked: no APK facts ({apk}) and the phone was not asked ({phone}).',
  'finding.click-target-unresolved.unknown-remedy': 'Re-run with the phone connected, or give the APK with --apk.',
  'finding.click-target-unresolved.ok': 'The click target {target} lands in the app: {where}.',
  'finding.click-target-unresolved.where-manifest': 'the manifest declares {components} exported and enabled',
  'finding.click-target-unresolved.where-phone': 'the phone resolves it to {activity}',
  'finding.click-target-unresolved.where-not-asked': 'the phone was not asked',

  'finding.post-notifications-undeclared.ok': '{permission} is declared.',
  'finding.post-notifications-undeclared.old-target': 'Target SDK {target} (< 33): Android grants notifications to the app without the permission being declared, and asks the user for it itself on Android 13+.',
  'finding.post-notifications-undeclared.missing': 'The app targets SDK {target} but does not declare {permission}: on Android 13+ it can never be granted, so no notification of the app is shown.',
  'finding.post-notifications-undeclared.remedy': 'Add <uses-permission android:name="{permission}"/> to the app\'s manifest and request it at runtime (e.g. after login); rebuild and reinstall.',

  'finding.fcm-default-channel-missing.not-string': '{key} is not a string, so FCM ignores it.',
  'finding.fcm-default-channel-missing.not-string-why': '{key} is not a string ({why}), so FCM ignores it.',
  'finding.fcm-default-channel-missing.not-string-remedy': 'Set it to the id of a channel the app creates, as a string resource.',
  'finding.fcm-default-channel-missing.ok': 'The FCM default channel "{id}" exists on the phone.',
  'finding.fcm-default-channel-missing.missing.one': 'The manifest names "{id}" as FCM\'s default channel, but the app has not created it on this phone ({count} channel: {channels}); FCM posts to its fallback channel instead.',
  'finding.fcm-default-channel-missing.missing.other': 'The manifest names "{id}" as FCM\'s default channel, but the app has not created it on this phone ({count} channels: {channels}); FCM posts to its fallback channel instead.',
  'finding.fcm-default-channel-missing.remedy': 'Create the channel "{id}" (NotificationManager.createNotificationChannel) at app start, before any push arrives, or point {key} at a channel the app creates.',
} as const;
