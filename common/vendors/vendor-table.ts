import type { PushChannel, RomName, Vendor } from '../domain/facts.js';

/**
 * The one place for what we know about each push vendor: probes, rules, UI and reports read it.
 * Sources are cited next to each datum; "FAQ" is the Tencent IM offline-push FAQ
 * (../shared/seeds/000_096810a5576f5948.txt), "push-apis" the research notes
 * (../shared/reference/push-apis.md). ROM version properties are the ones public ROM-detection code reads
 * (push SDKs' RomUtils: ro.miui.ui.version.name, ro.mi.os.version.incremental, ro.build.version.emui,
 * ro.build.version.magic, ro.build.version.opporom/oplusrom, ro.vivo.os.build.display.id, ro.flyme.version.id).
 * Settings-screen component names drift between ROM versions, so each screen lists candidates in order; the fix
 * executor tries them until one resolves.
 */
export interface PushServicePackage {
  package: string;
  /** Minimum versionCode the vendor SDK bundled by TUIOfflinePush needs; null when no published minimum. */
  minVersionCode: number | null;
  minVersionName: string | null;
  /**
   * How sure a missing package means no push: 'warning' where the vendor SDK can also find the service inside
   * the framework, so the package list alone cannot prove it absent. Default 'error'.
   */
  missingSeverity?: 'error' | 'warning';
}

/** An on-phone screen an engineer (or `fix`) can open: an explicit component or an intent action. */
export interface SettingsScreen {
  label: string;
  /** "package/class" for `am start -n`. */
  component?: string;
  /** Intent action for `am start -a`. */
  action?: string;
}

export interface VendorConsole {
  name: string;
  url: string;
}

export interface VendorRestrictions {
  /** How the vendor classifies messages and what the app must do to be treated as important. */
  classification: string;
  /** Daily quota or rate limits. */
  dailyLimit: string;
  /** Vendor documentation the FAQ points to. */
  docs: readonly string[];
}

/** Vendor wording for remedies; rules fall back to stock-Android wording where a field is absent. */
export interface VendorRemedies {
  appNotifications: string;
  lockScreen?: string;
  statusBarIcons?: string;
  sound?: string;
  autostart?: string;
  battery?: string;
}

export interface VendorEntry {
  vendor: Vendor;
  displayName: string;
  /**
   * Build.BRAND / Build.MANUFACTURER values (lower case) TUIOfflinePush's BrandUtil matches for this channel,
   * equalsIgnoreCase on either of the two (sub-brands such as Redmi or iQOO are caught by their manufacturer).
   */
  brands: readonly string[];
  /** Values that count only as Build.BRAND (BrandUtil checks these against the brand alone). */
  brandOnly?: readonly string[];
  /** The channel needs brand *and* manufacturer among `brands` (Honor: an old Honor made by Huawei stays on HMS). */
  brandAndManufacturer?: boolean;
  /** The vendor's autostart permission as an app-op `cmd appops get` prints, on the ROMs of this entry. */
  autostartOp?: { opNames: readonly string[] };
  /** Packages that provide the push channel; the first installed one counts. */
  servicePackages: readonly PushServicePackage[];
  /** Consoles where the engineer registers the app and reads quotas. */
  consoles: readonly VendorConsole[];
  restrictions: VendorRestrictions;
  /** OfflinePushInfo.AndroidInfo field that names the notification channel for this vendor (push-apis §1.5). */
  channelIdField: string | null;
  /** Channel TUIOfflinePush itself creates for this vendor (OPPO: `tuikit`, push-apis §4.6); null where it creates none. */
  sdkChannelId: string | null;
  /** Custom alert tones work on this channel (FAQ "How do I customize alert tones": Huawei, Mi, FCM). */
  customSoundSupported: boolean;
  /** AndroidManifest meta-data the vendor SDK reads its app credentials from (FAQ "Integrating TUIOfflinePush", Step 1). */
  manifestKeys: readonly string[];
  /** Newly installed apps start with notifications off (FAQ "OPPO devices"). */
  notificationsOffByDefault: boolean;
  /**
   * How much the app's battery-optimisation state matters on this channel. Vendor channels display notification
   * messages from a system service, so the app's own Doze state rarely blocks them; FCM hands each message to
   * the app's FirebaseMessagingService, so Doze deferral and background limits hit it directly.
   */
  batteryOptimizationSeverity: 'info' | 'warning';
  /** Vendor autostart / background-launch manager, where the ROM has one. */
  autostartScreens: readonly SettingsScreen[];
  /** Vendor battery / background-power screens. */
  batteryScreens: readonly SettingsScreen[];
  remedies: VendorRemedies;
  /** Registration error codes this vendor's SDK reports in the TUIOfflinePush log, with their meaning. */
  tokenErrors: Readonly<Record<string, string>>;
  /**
   * getprop properties holding the phone's marketing name ("Redmi K50 Pro" for model 22011211C), first set one
   * wins. Each is one seen on a genuine capture of this maker's phones (test/fixtures/real/ and the public
   * getprop collections they come from); makers with none in getprop (Samsung, Meizu, Pixel) list none.
   */
  marketNameProps: readonly string[];
}

/** A property that marks a ROM: set (non-empty), and matching `pattern` (case-insensitive) when given. */
export interface RomMarker {
  prop: string;
  pattern?: string;
}

/** How a ROM's version property is written. */
export type RomVersionFormat =
  | 'as-is'
  /** The first number in the value: vivo's `PD2145F_EX_A_13.1.7.4` display id → "13.1.7.4". */
  | 'first-number'
  /** One UI's major*10000 + minor*100 + patch: 60101 → "6.1.1". */
  | 'one-ui-code'
  /** Flyme's display id without its name: "Flyme 11.2.1.0A" → "11.2.1.0A". */
  | 'after-flyme';

export interface RomEntry {
  name: RomName;
  /** The push vendor whose phones ship this ROM; null for makers that use FCM (Samsung). */
  vendor: Vendor | null;
  /** Properties only this ROM sets, in the order they are trusted. */
  markers: readonly RomMarker[];
  /** Build.BRAND / MANUFACTURER values (lower case) that mean this ROM even without a marker. */
  brands?: readonly string[];
  /** Properties holding the ROM version, first set one wins; with `versionFromMarker` the marker found is the version. */
  versionProps: readonly string[];
  versionFromMarker?: boolean;
  versionFormat: RomVersionFormat;
}

/**
 * ROMs in the order detection must try them: HyperOS phones keep `ro.miui.ui.version.name` (V816), HarmonyOS
 * phones keep `ro.build.version.emui`, OnePlus phones carry ColorOS's `oplusrom` property, OriginOS and Funtouch
 * OS share vivo's properties (OriginOS names itself in them). A phone none of them marks runs Android.
 * Markers and version properties are the ones public ROM-detection code reads (push SDKs' RomUtils).
 */
export const ROMS: readonly RomEntry[] = [
  { name: 'HyperOS', vendor: 'xiaomi', markers: [{ prop: 'ro.mi.os.version.name' }, { prop: 'ro.mi.os.version.incremental' }],
    versionProps: ['ro.mi.os.version.incremental', 'ro.mi.os.version.name'], versionFormat: 'as-is' },
  { name: 'MIUI', vendor: 'xiaomi', markers: [{ prop: 'ro.miui.ui.version.name' }],
    versionProps: ['ro.miui.ui.version.name', 'ro.build.version.incremental'], versionFormat: 'as-is' },
  { name: 'HarmonyOS', vendor: 'huawei', markers: [{ prop: 'hw_sc.build.platform.version' }, { prop: 'ro.build.ohos.devicetype' }],
    versionProps: ['hw_sc.build.platform.version'], versionFormat: 'as-is' },
  { name: 'MagicOS', vendor: 'honor', markers: [{ prop: 'ro.build.version.magic' }, { prop: 'msc.config.magic.version' }],
    versionProps: ['ro.build.version.magic', 'msc.config.magic.version'], versionFormat: 'as-is' },
  { name: 'EMUI', vendor: 'huawei', markers: [{ prop: 'ro.build.version.emui' }],
    versionProps: ['ro.build.version.emui'], versionFormat: 'as-is' },
  // OnePlus global builds are OxygenOS whether or not they still print ro.oxygen.version (OOS 12+ share ColorOS's base).
  { name: 'OxygenOS', vendor: 'oppo', markers: [{ prop: 'ro.oxygen.version' }], brands: ['oneplus'],
    versionProps: ['ro.oxygen.version', 'ro.build.version.oplusrom'], versionFormat: 'as-is' },
  { name: 'ColorOS', vendor: 'oppo', markers: [{ prop: 'ro.build.version.oplusrom' }, { prop: 'ro.build.version.opporom' }],
    versionProps: ['ro.build.version.oplusrom', 'ro.build.version.opporom'], versionFormat: 'as-is' },
  { name: 'OriginOS', vendor: 'vivo',
    markers: [{ prop: 'ro.vivo.os.build.display.id', pattern: 'origin' }, { prop: 'ro.vivo.os.name', pattern: 'origin' }],
    versionProps: ['ro.vivo.os.build.display.id', 'ro.vivo.os.version'], versionFormat: 'first-number' },
  { name: 'Funtouch OS', vendor: 'vivo',
    markers: [{ prop: 'ro.vivo.os.build.display.id' }, { prop: 'ro.vivo.os.name' }, { prop: 'ro.vivo.os.version' }],
    versionProps: ['ro.vivo.os.build.display.id', 'ro.vivo.os.version'], versionFormat: 'first-number' },
  { name: 'Flyme', vendor: 'meizu', markers: [{ prop: 'ro.build.display.id', pattern: '^flyme\\b' }, { prop: 'ro.flyme.version.id' }],
    versionProps: [], versionFromMarker: true, versionFormat: 'after-flyme' },
  { name: 'One UI', vendor: null, markers: [{ prop: 'ro.build.version.oneui' }],
    versionProps: [], versionFromMarker: true, versionFormat: 'one-ui-code' },
];

/** Google Play services, which carries FCM and whose state decides FCM against no channel at all. */
export const GOOGLE_PLAY_SERVICES = 'com.google.android.gms';

export const VENDORS: Readonly<Record<Vendor, VendorEntry>> = {
  xiaomi: {
    vendor: 'xiaomi', displayName: 'Xiaomi', brands: ['xiaomi'],
    // MIUI/HyperOS op 10008 (autostart); phones on newer framework builds print it as Unknown(10008).
    autostartOp: { opNames: ['MIUIOP(10008)', 'Unknown(10008)'] },
    // No minimum published for the MiPush system service: the MiPush SDK talks to com.xiaomi.xmsf on any MIUI.
    servicePackages: [{ package: 'com.xiaomi.xmsf', minVersionCode: null, minVersionName: null }],
    consoles: [
      { name: 'Xiaomi Open Platform (MiPush console)', url: 'https://dev.mi.com/console/' },
      { name: 'MiPush message classification', url: 'https://dev.mi.com/console/doc/detail?pId=2422' },
    ],
    restrictions: {
      // FAQ "Vendor's push restrictions" → Mi.
      classification: 'Xiaomi splits pushes into important and general messages. Only instant messages, event reminders, '
        + 'agenda, order, financial, personal-status, resource and device reminders qualify as important; apply for '
        + 'the important channel in the Xiaomi console and send with its XiaoMiChannelID.',
      dailyLimit: 'General (unclassified) messages are subject to a daily number limit; the console shows the quota '
        + '(day_quota / day_acked in the send response).',
      docs: ['https://dev.mi.com/console/doc/detail?pId=2422', 'https://dev.mi.com/console/doc/detail?pId=2086'],
    },
    channelIdField: 'XiaoMiChannelID',
    sdkChannelId: null,
    customSoundSupported: true,
    manifestKeys: [],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'info',
    // com.miui.securitycenter autostart screen and the MIUI battery-saver list (public app code, e.g. the
    // AUTO_START_INTENTS lists in many Android projects; miui.intent.action.POWER_HIDE_MODE_APP_LIST).
    autostartScreens: [
      { label: 'Security → Autostart', component: 'com.miui.securitycenter/com.miui.permcenter.autostart.AutoStartManagementActivity' },
      { label: 'Security → Autostart', action: 'miui.intent.action.OP_AUTO_START' },
    ],
    batteryScreens: [
      { label: 'Battery saver → app list', component: 'com.miui.powerkeeper/com.miui.powerkeeper.ui.HiddenAppsContainerManagementActivity' },
      { label: 'Battery saver → app list', action: 'miui.intent.action.POWER_HIDE_MODE_APP_LIST' },
    ],
    remedies: {
      appNotifications: 'Settings → Notifications & status bar → App notifications → the app: turn on "Show notifications" and the channel it uses.',
      lockScreen: 'Settings → Notifications & status bar → Lock screen notifications: show notifications.',
      autostart: 'Security app → Permissions → Autostart (HyperOS: Settings → Apps → Autostart): allow the app.',
      battery: 'Settings → Apps → Manage apps → the app → Battery saver: choose "No restrictions".',
    },
    tokenErrors: {},
    // Redmi K50 Pro (HyperOS) and Redmi Note 12 5G (MIUI 13) captures: both set, with the same value.
    marketNameProps: ['ro.product.marketname', 'ro.product.vendor.marketname'],
  },
  huawei: {
    vendor: 'huawei', displayName: 'Huawei', brands: ['huawei'],
    // BrandUtil: a phone branded HONOR that Honor push does not take (made by Huawei) uses HMS.
    brandOnly: ['honor'],
    servicePackages: [{
      package: 'com.huawei.hwid',
      // Push Kit "Supported Devices": Huawei phones need EMUI 3.0+ and HMS Core (APK) 3.0.0 or later
      // (developer.huawei.com … android-app-quickstart-0000001071490422). HMS Core encodes 3.0.0.x as 300000xx.
      minVersionCode: 30000000,
      // HMS Core. The HMS SDK prompts the user to update HMS Core when the bundled Push SDK needs a newer one.
      minVersionName: '3.0.0',
    }],
    consoles: [
      { name: 'AppGallery Connect (Push Kit)', url: 'https://developer.huawei.com/consumer/cn/service/josp/agc/index.html' },
    ],
    restrictions: {
      // FAQ "Vendor's push restrictions" → Huawei; push-apis §3.1 (android.category).
      classification: 'Huawei splits pushes into service & communication and news & marketing. Without the '
        + 'self-classification right Huawei classifies each message itself; with it, send HuaWeiCategory "IM" '
        + '(Huawei message category) so chat messages are treated as service & communication.',
      dailyLimit: 'News & marketing messages are limited per device per day; test messages (target_user_type 1) '
        + 'are limited to 500 a day per app.',
      docs: ['https://developer.huawei.com/consumer/cn/doc/development/HMSCore-Guides/message-classification-0000001149358835'],
    },
    channelIdField: 'HuaWeiChannelID',
    sdkChannelId: null,
    customSoundSupported: true,
    manifestKeys: [],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'info',
    autostartScreens: [
      { label: 'Phone Manager → App launch', component: 'com.huawei.systemmanager/com.huawei.systemmanager.startupmgr.ui.StartupNormalAppListActivity' },
      { label: 'Phone Manager → Protected apps', component: 'com.huawei.systemmanager/com.huawei.systemmanager.optimize.process.ProtectActivity' },
    ],
    batteryScreens: [
      { label: 'Phone Manager → App launch', component: 'com.huawei.systemmanager/com.huawei.systemmanager.startupmgr.ui.StartupNormalAppListActivity' },
    ],
    remedies: {
      // Paths quoted from the FAQ "Notification bar settings of the device" (Huawei example).
      appNotifications: 'Settings → Notifications → Application Notifications → the app: turn on "Allow Notifications".',
      lockScreen: 'Settings → Notifications → Notifications (Lock Screen): do not choose "Hide" or "Do not Disturb".',
      statusBarIcons: 'Settings → Notifications → Advanced Settings: turn on "Show Notification Icons" (status bar).',
      sound: 'Settings → Notifications → Application Notifications → the app: check "Notification Sound" and that "Notification Mute" is off.',
      autostart: 'Settings → Battery → App launch → the app: turn off "Manage automatically" and allow auto-launch, secondary launch and run in background.',
      battery: 'Settings → Battery → App launch → the app: manage manually and allow running in background.',
    },
    // push-apis §3.1 "Client-side HMS errors seen in logcat".
    tokenErrors: {
      '907135702': 'HMS: the app signing certificate fingerprint is not configured; add the SHA-256 fingerprint in AppGallery Connect.',
      '907122036': 'HMS: no right to use Push Kit; enable Push Kit for the app and download a fresh agconnect-services.json.',
    },
    // HUAWEI nova 8 (HarmonyOS 4.2) capture; the HONOR 20 Pro made by Huawei (HarmonyOS, Android 10) sets none.
    marketNameProps: ['ro.config.marketing_name'],
  },
  honor: {
    vendor: 'honor', displayName: 'Honor', brands: ['honor'], brandAndManufacturer: true,
    servicePackages: [{
      package: 'com.hihonor.android.pushagent',
      minVersionCode: null,
      minVersionName: null,
      // The Honor push SDK binds service android/com.hihonor.android.pushagentproxy.HiPushService and reports
      // 8002008 (not installed) / 8002007 (disabled) from that check (decompiled com.hihonor.push.sdk, public).
      // Honor publishes no minimum version.
      missingSeverity: 'warning',
    }],
    consoles: [{ name: 'Honor Developer Services (Push)', url: 'https://developer.honor.com/' }],
    restrictions: {
      // push-apis §1.5 / §3.2.
      classification: 'Honor importance LOW is marketing, NORMAL is service & communication (needs the '
        + 'self-classification right). Since 2024-12-31 unclassified Honor pushes count as marketing: send '
        + 'HonorImportance "NORMAL" or set the importance on the console certificate.',
      dailyLimit: 'Marketing messages are subject to Honor\'s per-device daily limits; check the quota in the Honor console.',
      docs: ['https://tencentcloud.com/document/product/1047/66807'],
    },
    channelIdField: null,
    sdkChannelId: null,
    customSoundSupported: false,
    manifestKeys: ['com.hihonor.push.app_id'],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'info',
    autostartScreens: [
      { label: 'Phone Manager → App launch', component: 'com.hihonor.systemmanager/com.hihonor.systemmanager.startupmgr.ui.StartupNormalAppListActivity' },
    ],
    batteryScreens: [
      { label: 'Phone Manager → App launch', component: 'com.hihonor.systemmanager/com.hihonor.systemmanager.startupmgr.ui.StartupNormalAppListActivity' },
    ],
    remedies: {
      appNotifications: 'Settings → Notifications & status bar → the app: turn on "Allow notifications".',
      autostart: 'Settings → Battery → App launch → the app: turn off "Manage automatically" and allow auto-launch and run in background.',
      battery: 'Settings → Battery → App launch → the app: manage manually and allow running in background.',
    },
    tokenErrors: {
      '8002008': 'Honor push service is not installed on this phone.',
      '8002007': 'Honor push service is disabled on this phone.',
    },
    // HONOR Magic6 Pro (MagicOS 9) capture: "荣耀Magic6 Pro".
    marketNameProps: ['ro.config.marketing_name'],
  },
  oppo: {
    vendor: 'oppo', displayName: 'OPPO', brands: ['oppo', 'realme', 'oneplus'],
    // HeyTap MSP SDK 3.x PushService.isSupportPushInner(): the MCS package must exist with versionCode >= 1019
    // (MCS_SUPPORT_VERSION, decompiled com.heytap.mcssdk.PushService, public). Newer ColorOS may host MCS in a
    // system package found by intent action instead.
    servicePackages: [
      // Newer ColorOS builds can host MCS in a system package the SDK finds by intent action.
      { package: 'com.heytap.mcs', minVersionCode: 1019, minVersionName: null, missingSeverity: 'warning' },
      { package: 'com.coloros.mcs', minVersionCode: 1019, minVersionName: null, missingSeverity: 'warning' },
    ],
    consoles: [{ name: 'OPPO Open Platform (OPUSH)', url: 'https://open.oppomobile.com/' }],
    restrictions: {
      // FAQ "Vendor's push restrictions" → OPPO; push-apis §3.4 codes 33 and 67.
      classification: 'OPPO splits pushes into private and public messages. The private channel (apply by email) is '
        + 'for messages the user wants promptly; send OPPOCategory "IM" and the private-message channel.',
      dailyLimit: 'The public message channel has a daily number limit (send error 33 "messages exceed daily limit").',
      docs: ['https://open.oppomobile.com/wiki/doc#id=11227', 'https://open.oppomobile.com/wiki/doc#id=11210'],
    },
    channelIdField: 'OPPOChannelID',
    sdkChannelId: 'tuikit',
    customSoundSupported: false,
    manifestKeys: [],
    notificationsOffByDefault: true,
    batteryOptimizationSeverity: 'info',
    autostartScreens: [
      { label: 'Phone Manager → Startup manager', component: 'com.coloros.safecenter/com.coloros.safecenter.permission.startup.StartupAppListActivity' },
      { label: 'Phone Manager → Startup manager', component: 'com.coloros.safecenter/com.coloros.safecenter.startupapp.StartupAppListActivity' },
      { label: 'Phone Manager → Startup manager', component: 'com.oppo.safe/com.oppo.safe.permission.startup.StartupAppListActivity' },
    ],
    batteryScreens: [],
    remedies: {
      // FAQ "OPPO devices": notifications are off by default for newly installed apps.
      appNotifications: 'OPPO turns notifications off by default for newly installed apps: Settings → Notifications & status bar → the app → turn on "Allow notifications". Also send OPPOChannelID on Android 8+.',
      autostart: 'Settings → Apps → App management → the app → allow Auto launch (older ColorOS: Phone Manager → Privacy permissions → Startup manager).',
      battery: 'Settings → Battery → the app: allow background activity.',
    },
    tokenErrors: {},
    // ColorOS 14 OPPO Find X3 Pro (full capture in yuuouu/AndroidSystemPropertyCollect: ro.vendor.oplus.market.name);
    // ColorOS 5.2 OPPO A5s capture: ro.oppo.market.name (pre-OPLUS builds).
    marketNameProps: ['ro.vendor.oplus.market.name', 'ro.oppo.market.name'],
  },
  vivo: {
    vendor: 'vivo', displayName: 'vivo', brands: ['vivo'],
    // vivo publishes a list of supported models and OS versions, not a minimum service version; the client SDK
    // reports unsupported phones as turnOnPush state 101 (push-apis §3.5).
    servicePackages: [{ package: 'com.vivo.pushservice', minVersionCode: null, minVersionName: null }],
    consoles: [{ name: 'vivo Open Platform (push)', url: 'https://dev.vivo.com.cn/' }],
    restrictions: {
      // FAQ "Vendor's push restrictions" → vivo; push-apis §3.5.
      classification: 'vivo splits pushes into system and operational messages, and re-classifies anything it does not '
        + 'recognise as system into operational. Send VIVOCategory "IM" (or VIVOClassification 1).',
      dailyLimit: 'Operational messages are sent only 07:00–23:00 and at most 5 (some docs: 2) per user per app per day; '
        + 'the total daily volume is capped by the vendor (send error 10070). System messages are unlimited.',
      docs: ['https://dev.vivo.com.cn/documentCenter/doc/359', 'https://dev.vivo.com.cn/documentCenter/doc/156'],
    },
    channelIdField: null,
    sdkChannelId: null,
    customSoundSupported: false,
    manifestKeys: ['com.vivo.push.api_key', 'com.vivo.push.app_id'],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'info',
    autostartScreens: [
      { label: 'i Manager → Background startup', component: 'com.vivo.permissionmanager/com.vivo.permissionmanager.activity.BgStartUpManagerActivity' },
      { label: 'i Manager → Background startup', component: 'com.iqoo.secure/com.iqoo.secure.ui.phoneoptimize.BgStartUpManager' },
      { label: 'i Manager → White list', component: 'com.iqoo.secure/com.iqoo.secure.ui.phoneoptimize.AddWhiteListActivity' },
    ],
    batteryScreens: [
      { label: 'Battery → High background power consumption', component: 'com.vivo.abe/com.vivo.applicationbehaviorengine.ui.ExcessivePowerManagerActivity' },
    ],
    remedies: {
      appNotifications: 'Settings → Notifications & status bar → the app: turn on "Allow notifications".',
      autostart: 'i Manager → App manager → Autostart manager (or Settings → Apps → Autostart): allow the app.',
      battery: 'Settings → Battery → High background power consumption: allow the app.',
    },
    tokenErrors: {
      '101': 'vivo push is not supported on this model or system version (turnOnPush state 101).',
    },
    // vivo iQOO Z6 (OriginOS 4) capture.
    marketNameProps: ['ro.vivo.market.name'],
  },
  meizu: {
    vendor: 'meizu', displayName: 'Meizu', brands: ['meizu'],
    // "22c4185e" is a Meizu build's BRAND value that BrandUtil lists explicitly.
    brandOnly: ['22c4185e'],
    // Meizu publishes no minimum; its SDK only checks the com.meizu.cloud version prefix for optional features.
    servicePackages: [{ package: 'com.meizu.cloud', minVersionCode: null, minVersionName: null }],
    consoles: [{ name: 'Flyme Open Platform (push)', url: 'http://open.flyme.cn/' }],
    restrictions: {
      // FAQ "Vendor's push restrictions" → Meizu; push-apis §3.6.
      classification: 'Meizu distinguishes public and private messages (MeiZuNoticeMsgType 0 public / 1 private); send chat as private.',
      dailyLimit: 'Push messages are subject to a number limit; see the Flyme push quota document.',
      docs: ['http://open.res.flyme.cn/fileserver/upload/file/202201/85079f02ac0841da859c1da0ef351970.pdf'],
    },
    channelIdField: null,
    sdkChannelId: null,
    customSoundSupported: false,
    manifestKeys: [],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'info',
    autostartScreens: [
      { label: 'Security → Background management', component: 'com.meizu.safe/com.meizu.safe.permission.SmartBGActivity' },
    ],
    batteryScreens: [
      { label: 'Security → Background management', component: 'com.meizu.safe/com.meizu.safe.permission.SmartBGActivity' },
    ],
    remedies: {
      appNotifications: 'Settings → Notifications & status bar → App notifications → the app: allow notifications.',
      autostart: 'Security → Permissions → Background management: allow the app to run in background.',
      battery: 'Settings → Battery → Background management: allow the app.',
    },
    tokenErrors: {},
    // Flyme's ro.product.model is already the marketing name ("MEIZU 21 Pro").
    marketNameProps: [],
  },
  fcm: {
    vendor: 'fcm', displayName: 'Google FCM', brands: [],
    // Google Play services; TUIOfflinePush uses FCM only when GoogleApiAvailability reports SUCCESS.
    servicePackages: [{ package: GOOGLE_PLAY_SERVICES, minVersionCode: null, minVersionName: null }],
    consoles: [
      { name: 'Firebase console (Cloud Messaging)', url: 'https://console.firebase.google.com/' },
    ],
    restrictions: {
      classification: 'FCM has no vendor classification; send high priority (vendorParams fcmPriority "high") for chat so '
        + 'Doze does not defer the message, and name GoogleChannelID on Android 8+.',
      // FAQ "Vendor's push restrictions" → FCM.
      dailyLimit: 'FCM throttles upstream messages and collapsible bursts per device; see FCM throttling.',
      docs: ['https://firebase.google.com/docs/cloud-messaging/concept-options?hl=en#upstream_throttling'],
    },
    channelIdField: 'GoogleChannelID',
    sdkChannelId: null,
    customSoundSupported: true,
    manifestKeys: [],
    notificationsOffByDefault: false,
    batteryOptimizationSeverity: 'warning',
    autostartScreens: [],
    batteryScreens: [],
    remedies: {
      appNotifications: 'Settings → Notifications → App notifications → the app: turn on notifications and the channel the push uses.',
    },
    tokenErrors: {},
    // Samsung and Pixel print none: Build.MODEL (SM-S9210, Pixel 8 Pro) is what they show.
    marketNameProps: [],
  },
};

/**
 * The order TUIOfflinePush tries vendor channels in (TIMSDK `tuiofflinepush/utils/BrandUtil.getInstanceType()`
 * @6b048d53, the version with an Honor branch); FCM comes after all of them.
 */
export const CHANNEL_PRIORITY: readonly Exclude<Vendor, 'fcm'>[] = ['xiaomi', 'honor', 'huawei', 'meizu', 'oppo', 'vivo'];

/** Whether BrandUtil sends a phone with this brand and manufacturer (lower case) to `vendor`'s channel. */
export function brandMatches(vendor: VendorEntry, brand: string, manufacturer: string): boolean {
  if (vendor.brandAndManufacturer) return vendor.brands.includes(brand) && vendor.brands.includes(manufacturer);
  return vendor.brands.includes(brand) || vendor.brands.includes(manufacturer) || (vendor.brandOnly ?? []).includes(brand);
}

/** Vendors whose ROMs expose autostart as an app-op. */
export const AUTOSTART_OPS: readonly { vendor: Vendor; opNames: readonly string[] }[] = Object.values(VENDORS)
  .flatMap((v) => (v.autostartOp ? [{ vendor: v.vendor, opNames: v.autostartOp.opNames }] : []));

/** The autostart app-op of the maker whose ROM this is, or null where the ROM has none. */
export function autostartOpFor(rom: RomName | null): { opNames: readonly string[] } | null {
  const vendor = ROMS.find((r) => r.name === rom)?.vendor ?? null;
  return vendor === null ? null : VENDORS[vendor].autostartOp ?? null;
}

/** Every package that can carry a push channel: the audit reads the state of each. */
export const ALL_PUSH_SERVICE_PACKAGES: readonly string[] = Object.values(VENDORS).flatMap((v) =>
  v.servicePackages.map((p) => p.package),
);

/**
 * Every marketing-name property, in channel order. Each is set only by its own maker's ROM, so the first one a
 * phone prints is its name whatever channel it ends up on (a OnePlus or realme carries OPLUS's property too).
 */
export const MARKET_NAME_PROPS: readonly string[] = [...new Set(
  [...CHANNEL_PRIORITY, 'fcm' as const].flatMap((v) => VENDORS[v].marketNameProps),
)];

export function vendorOf(channel: PushChannel | null): VendorEntry | null {
  return channel && channel !== 'none' ? VENDORS[channel] : null;
}

/** The Tencent IM console's own offline-push check tool (FAQ "The failure still exists after integration"). */
export const TENCENT_PUSH_CHECK_TOOL = 'https://console.cloud.tencent.com/im/tool-push-check';

/**
 * IM SDK error codes `setOfflinePushToken err code = …` can carry (com.tencent.imsdk.BaseConstants; the
 * V2 SDK keeps these values). Code -1 is TUIOfflinePush's own REGISTER_TOKEN_ERROR_CODE (push-apis §4.1).
 */
export const IM_TOKEN_ERRORS: Readonly<Record<string, string>> = {
  '-1': 'the vendor SDK failed to return a token (TUIOfflinePush REGISTER_TOKEN_ERROR_CODE); the description names the vendor exception',
  '6012': 'request timed out (ERR_REQUEST_TIMEOUT); check the network and retry',
  '6013': 'the IM SDK was not initialised (ERR_SDK_NOT_INITIALIZED)',
  '6014': 'the user was not logged in when the token was reported (ERR_SDK_NOT_LOGGED_IN); report the token after login succeeds',
  '6017': 'invalid parameters (ERR_INVALID_PARAMETERS): usually a certificate ID (businessID) of 0 or a token that is empty',
  '6206': 'the UserSig expired (ERR_USER_SIG_EXPIRED); log in again with a fresh UserSig',
  '6208': 'the account was kicked offline by a login elsewhere (ERR_LOGIN_KICKED_OFF_BY_OTHER)',
};
