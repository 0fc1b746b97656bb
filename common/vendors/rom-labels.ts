import type { RomName } from '../domain/facts.js';

/**
 * How each ROM names the settings screens our remedies send people to, per locale, in the ROM's own words.
 * A remedy that says "Settings → Apps → Autostart" is of little use to an engineer whose customer's phone says
 * 设置 → 应用设置 → 自启动管理, so every label here is a path of taps read from a public source, never guessed:
 * each carries the URL (or the repository@commit path) and the sentence it was read from. Where no source was
 * found for a screen on a ROM, the screen is absent rather than invented; `LOCALE_GAPS` names the ROMs that ship
 * in a market whose language has no sourced label yet.
 *
 * Conventions:
 * - `path` is the taps in order, starting where the source starts (most start at the Settings app).
 *   `APP_PLACEHOLDER` stands for the app being fixed where the source has a step that picks it ("Your app",
 *   "[App]", "微信"). "Phone settings" / "手机设置" in a source is the Settings app, written "Settings" / "设置".
 * - `versions` says which ROM versions (or devices) the source ties the path to; absent when the source names
 *   none. A screen renamed between versions keeps one entry per name.
 * - Several entries for one screen are alternatives (versions or layouts), best-sourced first.
 * - `doubt` records why a source is weaker than a vendor page (content farms, forum answers, community wikis,
 *   machine translation risk), so the UI can prefer the better one and the lead can replace it.
 */

export const ROM_SCREENS = [
  /** The app's notification switch ("Allow notifications"). */
  'appNotifications',
  /** Per-channel / per-category switches inside the app's notification settings. */
  'notificationChannels',
  /** The app's (or channel's) notification sound / silent setting. */
  'notificationSound',
  'lockScreenNotifications',
  'doNotDisturb',
  /** Whether notification icons show in the status bar. */
  'statusBarIcons',
  /** Vendor autostart / app launch management (自启动, 应用启动管理). */
  'autostart',
  /** Battery optimisation / per-app background power policy (电池优化, 省电策略 "无限制", 后台耗电管理). */
  'batteryOptimization',
  /** Background running toggles (允许后台活动, "Run in background", Background restriction). */
  'backgroundRunning',
  'dataSaver',
  'batterySaver',
] as const;
export type RomScreen = (typeof ROM_SCREENS)[number];

export const LABEL_LOCALES = ['en', 'zh-CN'] as const;
export type LabelLocale = (typeof LABEL_LOCALES)[number];

/** Stands for the app being fixed inside a path; remedies substitute the app's name. */
export const APP_PLACEHOLDER = '{app}';

export interface LabelSource {
  /** https URL, a GitHub blob URL pinned to a commit, or a `../shared/...` path for the project's own seeds. */
  url: string;
  /** The words the path was read from, verbatim but for collapsed whitespace; " … " joins fragments of one page. */
  quote: string;
}

export interface ScreenLabel {
  path: readonly string[];
  versions?: string;
  source: LabelSource;
  doubt?: string;
}

export type LabelsByLocale = Readonly<Partial<Record<LabelLocale, readonly ScreenLabel[]>>>;
export type RomScreenLabels = Readonly<Partial<Record<RomScreen, LabelsByLocale>>>;

/**
 * The languages each ROM ships in: Chinese ROMs in zh-CN, their global builds in en. HarmonyOS is sold on
 * phones in China only (global Huawei phones run EMUI); OxygenOS is OnePlus's global ROM (OnePlus phones in
 * China run ColorOS, whose zh-CN labels apply).
 */
export const ROM_LOCALES: Readonly<Record<RomName, readonly LabelLocale[]>> = {
  MIUI: ['en', 'zh-CN'],
  HyperOS: ['en', 'zh-CN'],
  EMUI: ['en', 'zh-CN'],
  HarmonyOS: ['zh-CN'],
  MagicOS: ['en', 'zh-CN'],
  ColorOS: ['en', 'zh-CN'],
  OxygenOS: ['en'],
  'Funtouch OS': ['en', 'zh-CN'],
  OriginOS: ['en', 'zh-CN'],
  Flyme: ['en', 'zh-CN'],
  'One UI': ['en', 'zh-CN'],
  Android: ['en', 'zh-CN'],
};

/**
 * ROMs with sourced labels in one of their languages but none yet in the other. Kept exact by the test: a
 * gap that gets filled must be removed here, and a ROM missing a language it ships in must be listed.
 */
export const LOCALE_GAPS: Readonly<Partial<Record<RomName, Readonly<Partial<Record<LabelLocale, string>>>>>> = {
  MagicOS: { 'zh-CN': 'No Honor Chinese help page or developer doc with these paths was found in the searchable corpora.' },
  'One UI': { 'zh-CN': 'No Samsung China help page with these paths was found in the searchable corpora.' },
};

// Sources used more than once. Pinned commits are the versions read; dontkillmyapp.com renders these files.
const DKMA = 'https://github.com/urbandroid-team/dont-kill-my-app/blob';
const SRC = {
  dkmaXiaomi: `${DKMA}/79db60547aabbd62167376f5bf8fb18d19150cb2/_vendors-content/xiaomi/user.md`,
  dkmaHuawei: `${DKMA}/c0864ea9a7cdcb3cdb5a9a8a01e13bb8e5198d87/_vendors-content/huawei/user.md`,
  dkmaOppo: `${DKMA}/d094e234f5f54f3a73e32cc1f2340d5875f58882/_vendors-content/oppo/user.md`,
  dkmaRealme: `${DKMA}/f15875314a0175f0d2ced2facba42970fea49c0a/_vendors-content/realme/user.md`,
  dkmaOnePlus: `${DKMA}/642551b7b097ccf727d6c10436cb38df5f401fb9/_vendors-content/oneplus/user.md`,
  dkmaVivo: `${DKMA}/93c0273cb806d7d79f0d5dcedbf949e851ddb731/_vendors-content/vivo/user.md`,
  dkmaSamsung: `${DKMA}/1eee664b59a805357a171fd35b3e5008abbef9f8/_vendors-content/samsung/user.md`,
  dkmaGoogle: `${DKMA}/5a79d606f0aa33ac27bbf2d183e9c8216bec8325/_vendors-content/google/user.md`,
  xiaomiWiki: 'https://github.com/XiaomiWiki/XiaomiWiki.github.io/blob/6f739c78b9329928bd091177a299235a88aa86ea/wiki/Fix_notifications_on_MIUI.md',
  // The Tencent IM offline-push FAQ the project automates; its "Notification bar settings of the device" section.
  imFaqEn: '../shared/seeds/000_096810a5576f5948.txt',
  imFaqZh: 'https://tencentcloud.com/zh/document/product/1047/60546',
  huaweiKeepRunning: 'https://consumer-tkbdownload.huawei.com/ctkbfm/applet/simulator/en-gb15769601/index.html',
  fcmGuardZh: 'https://raw.githubusercontent.com/ReedGAOOO/FCMGuard-HyperOS/master/README.zh-CN.md',
  drfoneHyperOs: 'https://drfone.wondershare.com/android-xiaomi/turn-off-battery-draining-background-apps-xiaomi.html',
  // Baidu's mobile push SDK FAQ ("发送消息后收不到"): a push vendor's developer doc, like the brief's 厂商通道 FAQs.
  baiduPushFaq: 'https://cloud.baidu.com/doc/SPP/s/Ajwvxjbrx',
  androidPoliceDnd: 'https://www.androidpolice.com/how-to-enable-and-schedule-dnd-mode-on-android/',
  // Read through a mirror of the Reddit post; the path is the post's own.
  redditMagicOs: 'https://www.reddit.com/r/Honor/comments/1cxlurd/understand_magic_oss_battery_optimization',
  volcengineQa: 'https://www.volcengine.com/article/2662649',
} as const;
const VOLCENGINE_DOUBT = 'A cloud vendor\'s Q&A article (Volcengine) that reads machine-written; it agrees with the other sources here, but verify on a phone.';

const A = APP_PLACEHOLDER;
const CONTENT_FARM = 'Third-party how-to site (content farm), not a Xiaomi/Huawei/vivo page; replace with a vendor page when one is found.';
const DKMA_DOUBT = 'Community-maintained (dontkillmyapp.com), not a vendor page; labels come from user screenshots.';

export const ROM_LABELS: Readonly<Partial<Record<RomName, RomScreenLabels>>> = {
  MIUI: {
    appNotifications: {
      en: [{
        path: ['Settings', 'Notifications & status bar', 'App notifications'],
        source: { url: SRC.xiaomiWiki, quote: 'Go to Settings > Notifications & status bar > App notifications and tweak the notification settings for each app.' },
        doubt: 'Community wiki (XiaomiWiki), not a Xiaomi page.',
      }],
      'zh-CN': [
        {
          path: ['设置', '通知栏设置', '自定义通知', '显示通知栏'],
          versions: 'older MIUI (the FAQ predates 应用设置 → 通知管理)',
          source: { url: SRC.baiduPushFaq, quote: '如果是小米手机,在“设置—通知栏设置---自定义通知”里,可以针对单个应用进行通知栏展示设置,“显示通知栏”关闭后,则不会在通知栏里展示通知消息。' },
          doubt: 'A push vendor\'s FAQ (Baidu), not a Xiaomi page; undated, the version is inferred from the wording.',
        },
        {
          path: ['设置', '应用设置', '应用管理', A, '通知管理', '允许通知'],
          source: {
            url: 'https://www.hkyyi.com/html/wei-xin-wu-fa-jie-shou-fu-wu-tong-zhi-zen-me-ban-kuai-su-pai-cha-jie-jue-fang-fa.html',
            quote: '在小米手机上,路径为:设置 > 应用设置 > 应用管理 > 微信 > 通知管理 > 允许通知(开启)> 服务通知(开启)',
          },
          doubt: CONTENT_FARM,
        },
      ],
    },
    notificationChannels: {
      'zh-CN': [{
        // 服务通知 is one of WeChat's channels: the source shows the channel switches under 通知管理.
        path: ['设置', '应用设置', '应用管理', A, '通知管理'],
        source: {
          url: 'https://www.hkyyi.com/html/wei-xin-wu-fa-jie-shou-fu-wu-tong-zhi-zen-me-ban-kuai-su-pai-cha-jie-jue-fang-fa.html',
          quote: '在小米手机上,路径为:设置 > 应用设置 > 应用管理 > 微信 > 通知管理 > 允许通知(开启)> 服务通知(开启)',
        },
        doubt: CONTENT_FARM,
      }],
    },
    lockScreenNotifications: {
      'zh-CN': [{
        path: ['设置', '通知与控制中心', '锁屏通知'],
        source: {
          url: 'https://www.2wbiao.com/p/72762.html',
          quote: '进入「设置-通知与控制中心」是解决问题的首要路径。根据MIUI系统的通知管理逻辑,用户需在「锁屏通知」选项中检查显示规则是否被设置为「隐藏内容」或「不显示通知」。',
        },
        doubt: CONTENT_FARM,
      }],
    },
    autostart: {
      en: [
        {
          path: ['Settings', 'Apps', A, 'App permissions', 'Background autostart'],
          versions: 'MIUI 14',
          source: { url: SRC.dkmaXiaomi, quote: 'On MIUI 14, there is a new permission to start from the background for each app, in *Settings > Apps > Your app > App permissions > Background autostart*.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Apps', 'Manage apps', A, 'Autostart'],
          versions: 'MIUI 12.0 (Android 10)',
          source: { url: 'https://www.techbone.net/xiaomi/user-manual/autostart', quote: 'Android 10 (MIUI 12.0) Step 1: Open the Settings Step 2: Tap on Apps Step 3: Tap on Manage apps Step 4: Choose an app Step 5: Enable or disable Autostart' },
          doubt: 'Third-party device-manual site (techbone), not a Xiaomi page.',
        },
        {
          path: ['Security', 'Permissions', 'Auto-start'],
          versions: 'before MIUI 14 (the Security app\'s list; dontkillmyapp cites Xiaomi\'s forum for it)',
          source: { url: SRC.dkmaXiaomi, quote: 'Open *Security app > Permissions > Auto-start*' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Permissions', 'Autostart'],
          source: { url: SRC.xiaomiWiki, quote: "Go to Settings > Permissions > Autostart and enable autostart for the apps you'd like to receive notifications from." },
          doubt: 'Community wiki (XiaomiWiki), not a Xiaomi page.',
        },
      ],
      'zh-CN': [
        {
          path: ['安全中心', '授权管理', '自启动管理'],
          source: { url: SRC.baiduPushFaq, quote: '小米手机在后台接收不到消息,则需要配置一下:在 安全中心 - 授权管理 - 自启动管理,把应用的自启动打开就可以了。' },
          doubt: 'A push vendor\'s FAQ (Baidu), not a Xiaomi page; the Security Center layout of older MIUI.',
        },
        {
          path: ['权限管理', '自启动'],
          source: { url: 'https://m.hextiku.cn/game/7586.html', quote: '例如小米需通过“权限管理→自启动”设置,而vivo需通过“i管家→自启动管理”操作。' },
          doubt: CONTENT_FARM,
        },
      ],
    },
    batteryOptimization: {
      'zh-CN': [{
        path: ['省电策略', '无限制'],
        source: { url: SRC.volcengineQa, quote: '小米:跳转至「应用管理-权限管理-自启动权限」或「省电策略-无限制」' },
        doubt: `${VOLCENGINE_DOUBT} It names the per-app 省电策略 switch, not the taps that reach it.`,
      }],
      en: [
        {
          path: ['Settings', 'Battery & performance', 'Choose apps', 'No restrictions'],
          source: { url: SRC.xiaomiWiki, quote: 'Go to Settings > Battery & performance > Choose apps and set "No restrictions" for all your important apps.' },
          doubt: 'Community wiki (XiaomiWiki), not a Xiaomi page.',
        },
        {
          path: ['Security', 'Battery', 'App Battery Saver', A, 'No restriction'],
          source: { url: SRC.dkmaXiaomi, quote: '*Security > Battery > App Battery Saver > your app > No restriction*' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
  },

  HyperOS: {
    autostart: {
      en: [
        {
          path: ['Settings', 'Apps', 'Permissions', 'Background Autostart'],
          source: {
            url: 'https://droid.tools/hidden-xiaomi-battery-setting-enable-now',
            quote: '- Open Settings on your Xiaomi phone. - Tap Apps, then Permissions. - Select Background Autostart.',
          },
          doubt: 'Tech blog, not a Xiaomi page.',
        },
        {
          path: ['Settings', 'Apps', 'Manage Apps', A, 'Autostart'],
          source: { url: SRC.drfoneHyperOs, quote: 'Settings > Apps > Manage Apps > [App] > Autostart → OFF' },
          doubt: 'Vendor-neutral how-to (Wondershare), not a Xiaomi page.',
        },
      ],
      'zh-CN': [{
        path: ['自启动'],
        versions: 'HyperOS 3 (China ROM)',
        source: { url: SRC.fcmGuardZh, quote: '在 HyperOS 中为 FCM Guard 开启 **自启动**,并将电池策略设为 **无限制**。' },
        doubt: 'An open-source app\'s README; it names the switch but not the taps that reach it.',
      }],
    },
    batteryOptimization: {
      en: [{
        path: ['Settings', 'Battery', 'App Battery Saver', 'No restrictions'],
        source: {
          url: SRC.drfoneHyperOs,
          quote: 'Settings > Battery > App Battery Saver (or via individual app settings): … No restrictions Full background activity (use for WhatsApp, email)',
        },
        doubt: 'Vendor-neutral how-to (Wondershare), not a Xiaomi page.',
      }],
      'zh-CN': [{
        path: [A, '省电策略', '无限制'],
        versions: 'HyperOS 3 (China ROM)',
        source: { url: SRC.fcmGuardZh, quote: 'WhatsApp → 电池优化 / 省电策略 → 无限制' },
        doubt: 'An open-source app\'s README, not a Xiaomi page.',
      }],
    },
  },

  EMUI: {
    appNotifications: {
      en: [{
        path: ['Settings', 'Notifications', 'Application Notifications', 'Allow Notifications'],
        source: { url: SRC.imFaqEn, quote: '"Settings - Notifications - Application Notifications - Allow Notifications" will directly affect the display of offline push notifications.' },
      }],
      'zh-CN': [{
        path: ['设置', '通知', '应用的通知管理', '允许通知'],
        source: { url: SRC.imFaqZh, quote: '手机设置 > 通知 > 应用的通知管理 > 允许通知,打开关闭会直接影响离线推送通知显示。' },
        doubt: 'Tencent\'s FAQ (a Huawei example, ROM version not stated); "应用的通知管理" may be Tencent\'s paraphrase of the menu name.',
      }],
    },
    notificationSound: {
      en: [{
        path: ['Settings', 'Notifications', 'Application Notifications', 'Notification Sound'],
        source: {
          url: SRC.imFaqEn,
          quote: '"Settings - Notifications - Application Notifications - Notification Sound" and "Settings - Notifications - Application Notifications - Notification Mute" will affect the offline push notification sound.',
        },
      }],
      'zh-CN': [{
        path: ['设置', '通知', '应用的通知管理', '通知铃声'],
        source: { url: SRC.imFaqZh, quote: '手机设置 > 通知 > 应用的通知管理 > 通知铃声手机设置 > 通知 > 应用的通知管理 > 静默通知,会影响离线推送通知铃音的效果。' },
        doubt: 'Tencent\'s FAQ (a Huawei example, ROM version not stated).',
      }],
    },
    lockScreenNotifications: {
      en: [{
        path: ['Settings', 'Notifications', 'Notifications (Lock Screen)'],
        source: { url: SRC.imFaqEn, quote: '"Settings - Notifications - Notifications (Lock Screen) - Hide or Do not Disturb" will affect the display of offline push notifications when the screen is locked.' },
      }],
      'zh-CN': [{
        path: ['设置', '通知', '锁屏通知'],
        source: { url: SRC.imFaqZh, quote: '手机设置 > 通知 > 锁屏通知 > 隐藏或者不显示通知,会影响锁屏状态下离线推送通知显示。' },
        doubt: 'Tencent\'s FAQ (a Huawei example, ROM version not stated).',
      }],
    },
    statusBarIcons: {
      en: [{
        path: ['Settings', 'Notifications', 'Advanced Settings', 'Show Notification Icons (Status Bar)'],
        source: { url: SRC.imFaqEn, quote: '"Settings - Notifications - Advanced Settings - Show Notification Icons (Status Bar)" will affect the showing of the offline push notification icon in the status bar.' },
      }],
      'zh-CN': [{
        path: ['设置', '通知', '更多通知设置', '状态栏显示通知图标'],
        source: { url: SRC.imFaqZh, quote: '手机设置 > 通知 > 更多通知设置 > 状态栏显示通知图标,会影响状态栏下离线推送通知的图标显示。' },
        doubt: 'Tencent\'s FAQ (a Huawei example, ROM version not stated).',
      }],
    },
    autostart: {
      'zh-CN': [{
        path: ['应用启动管理', '手动管理'],
        source: { url: SRC.volcengineQa, quote: '华为:跳转至「应用启动管理」,设置为「手动管理」并开启允许后台活动' },
        doubt: `${VOLCENGINE_DOUBT} Names the screen, not the taps that reach it (设置 → 电池 or 设置 → 应用 by version, per the English sources).`,
      }],
      en: [
        {
          path: ['Settings', 'Apps', 'App launch', A, 'Manage manually'],
          source: {
            url: SRC.huaweiKeepRunning,
            quote: 'Go to Settings > Apps > App launch, locate the app that you want to keep running in the background and disable Manage automatically, then enable Run in background in the pop-up box of Manage manually.',
          },
        },
        {
          path: ['Settings', 'Battery', 'App launch', A, 'Manage manually'],
          versions: 'EMUI 8, 9 and 10 (Huawei P20, P20 Lite, Mate 10)',
          source: { url: SRC.dkmaHuawei, quote: '*Phone settings > Battery > App launch* and then set your app to “Manage manually” and make sure everything is turned on.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Battery', 'Launch', A, 'Manage manually'],
          versions: 'Huawei Honor 9 Lite, Huawei Mate 9 Pro',
          source: { url: SRC.dkmaHuawei, quote: '*Phone settings > Battery > Launch* and then set your app to “Manage manually” and make sure everything is turned on.' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    backgroundRunning: {
      'zh-CN': [{
        path: ['应用启动管理', '手动管理', '允许后台活动'],
        source: { url: SRC.volcengineQa, quote: '华为:跳转至「应用启动管理」,设置为「手动管理」并开启允许后台活动' },
        doubt: VOLCENGINE_DOUBT,
      }],
      en: [
        {
          path: ['Settings', 'Apps', 'App launch', A, 'Manage manually', 'Run in background'],
          source: {
            url: SRC.huaweiKeepRunning,
            quote: 'Go to Settings > Apps > App launch, locate the app that you want to keep running in the background and disable Manage automatically, then enable Run in background in the pop-up box of Manage manually.',
          },
        },
        {
          // Before App launch this list kept apps alive after screen lock; third-party write-ups date the rename to
          // EMUI 8 (https://webtech360.com/… "starting with Android 8 Oreo and EMUI 8, this feature was renamed to \"App launch\"").
          path: ['Phone Manager', 'Protected apps'],
          versions: 'Huawei Mate 8 user manual (pre-EMUI 8 "Protected apps")',
          source: {
            url: 'https://azmanual.top/manuals/775959/huawei-mate-8.html?page=173',
            quote: '1 Open Phone Manager. 2 Touch > Protected apps. … If you want an app to continue running after the screen is locked (such as a backup app that is performing a backup), turn on the switch for that app.',
          },
          doubt: 'A mirror of Huawei\'s printed user manual, not huawei.com itself.',
        },
      ],
    },
    batteryOptimization: {
      en: [
        {
          path: ['Settings', 'Battery optimisation', 'All apps', A, "Don't allow"],
          source: {
            url: SRC.huaweiKeepRunning,
            quote: "Open the Settings, search for and access Battery optimisation. Touch next to Not allowed, tap All apps, locate and touch the app, then select Don't allow.",
          },
        },
        {
          path: ['Settings', 'Ignore battery optimization', 'All apps', A, 'Allow'],
          versions: 'EMUI 5.x and 8.x',
          source: { url: SRC.dkmaHuawei, quote: 'Open Settings, and search for and access Ignore battery optimization. Touch the little inverted triangle next to Allow, touch All apps, locate and touch the app, and select Allow.' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    batterySaver: {
      en: [{
        path: ['Settings', 'Battery', 'Power Saving mode'],
        source: { url: SRC.huaweiKeepRunning, quote: 'Enter the Settings > Battery and turn off Power Saving mode or Ultra Power Saving mode.' },
      }],
      'zh-CN': [{
        path: ['设置', '电池', '省电模式'],
        source: { url: 'https://www.bb365.cc/nwwd/202505/190259.html', quote: '打开设置,找到“电池”选项。 … 点击“省电模式”或“超级省电模式”,根据需要开启相应的模式。' },
        doubt: CONTENT_FARM,
      }],
    },
  },

  HarmonyOS: {
    autostart: {
      'zh-CN': [{
        path: ['设置', '应用和服务', '应用启动管理', A, '自动管理'],
        versions: 'the answer speaks of HarmonyOS NEXT (鸿蒙Next)',
        source: {
          url: 'https://bbs.itying.com/topic/68fd37ffe0a0e1004d86ca44',
          quote: '路径:进入“设置” > “应用和服务” > “应用启动管理”。 … 操作:在应用列表中,选择目标应用,关闭“自动管理”开关,然后手动设置是否允许自启动、后台运行等权限。',
        },
        doubt: 'Forum answer, not a Huawei page; the last tap turns 自动管理 off to reach the manual switches.',
      }],
    },
  },

  MagicOS: {
    autostart: {
      en: [{
        path: ['System manager', 'Battery', A, 'Manage automatically'],
        source: {
          url: SRC.redditMagicOs,
          quote: 'Note : Level 1 to 3 are performed from the system manager app, battery section (picture 1). … By disabling "Manage automatically" and enabling "Auto launch", "Secondary launch" and "Run in background" the app behaves as expected in stock Android.',
        },
        doubt: 'A user\'s Reddit post, not an Honor page; the last tap turns Manage automatically off to reach Auto launch / Secondary launch.',
      }],
    },
    backgroundRunning: {
      en: [{
        path: ['System manager', 'Battery', A, 'Manage automatically', 'Run in background'],
        source: {
          url: SRC.redditMagicOs,
          quote: 'Note : Level 1 to 3 are performed from the system manager app, battery section (picture 1). … By disabling "Manage automatically" and enabling "Auto launch", "Secondary launch" and "Run in background" the app behaves as expected in stock Android.',
        },
        doubt: 'A user\'s Reddit post, not an Honor page.',
      }],
    },
    batteryOptimization: {
      en: [{
        path: ['Settings', 'Battery optimization', A, 'not allowed'],
        source: {
          url: SRC.redditMagicOs,
          quote: 'Note : level 4 is performed from "Battery optimization" settings, you can search it in the Settings app (picture 2). … By selecting "not allowed" under "Battery optimization" for an application users can manually exclude specific apps from optimization.',
        },
        doubt: 'A user\'s Reddit post, not an Honor page; the screen is reached through the Settings search.',
      }],
    },
  },

  ColorOS: {
    appNotifications: {
      'zh-CN': [{
        path: ['设置', '通知与状态栏', '通知管理', A, '允许通知'],
        source: {
          url: 'https://uanyun.com/oppo/1769350281.html',
          quote: '进入“设置”>“通知与状态栏”>“通知管理”; 选择需要设置的应用,如“微信”或“银行APP”; 在通知权限页面,开启“允许通知”后,点击“优先通知”或“弹出提醒”',
        },
        doubt: `${CONTENT_FARM} The page says ColorOS but names no version.`,
      }],
    },
    autostart: {
      en: [
        {
          path: ['App info', 'Allow Auto Start-up'],
          versions: 'ColorOS 6',
          source: { url: SRC.dkmaOppo, quote: "On Color OS 6, you need to enable automatic start from the background in the App's info page. … App info -> Allow Auto Start-up" },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Battery', 'App battery management', A, 'Allow auto-launch'],
          versions: 'realme UI',
          source: { url: SRC.dkmaRealme, quote: 'Settings -> Battery … 1. Open app battery management     <br> 2. Choose the app from the list. … Allow auto-launch' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    backgroundRunning: {
      en: [
        {
          path: ['App info', 'Battery usage', 'Run in background'],
          source: { url: SRC.dkmaOppo, quote: 'App info -> Battery usage … Choose Run in background.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Battery', 'App battery management', A, 'Allow background activity'],
          versions: 'realme UI',
          source: { url: SRC.dkmaRealme, quote: 'Settings -> Battery … 1. Open app battery management     <br> 2. Choose the app from the list. … Allow background activity' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    batteryOptimization: {
      en: [{
        path: ['App info', 'Power Saver'],
        source: { url: SRC.dkmaOppo, quote: 'You can choose one of three power-saving options under each app and allow the app to run in the background. … App info ->Power Saver' },
        doubt: DKMA_DOUBT,
      }],
    },
    batterySaver: {
      en: [{
        path: ['Settings', 'Battery', 'Power saving mode'],
        versions: 'realme UI',
        source: { url: SRC.dkmaRealme, quote: 'Settings -> Battery … <strong>Power saving mode</strong> - reduces screen brightness, changes auto screen-off time to 15s and disables background sync.' },
        doubt: DKMA_DOUBT,
      }],
    },
  },

  OxygenOS: {
    batteryOptimization: {
      en: [
        {
          path: ['Settings', 'Battery', 'Battery optimization', 'All apps', A, 'Don’t optimize'],
          source: { url: SRC.dkmaOnePlus, quote: "Turn off **System settings > Battery > Battery optimization**, switch to 'All apps' in top right menu **> Your app > Don’t optimize**" },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Apps', 'Gear Icon', 'Special Access', 'Battery Optimization'],
          source: { url: SRC.dkmaOnePlus, quote: 'Turn off **System Settings > Apps > Gear Icon > Special Access > Battery Optimization**.' },
          doubt: DKMA_DOUBT,
        },
        {
          // Phone-wide, not per app; the source says it stops push delivery while OnePlus thinks you sleep.
          path: ['Settings', 'Battery', 'Battery optimization', 'three dots', 'Advanced optimization', 'Sleep standby optimization'],
          versions: 'OnePlus 6 and later',
          source: {
            url: SRC.dkmaOnePlus,
            quote: '**System settings > Battery > Battery optimization > (three dots) > Advanced optimization**. … 2. Sleep standby optimization … This setting will prevent push notifications from being delivered.',
          },
          doubt: DKMA_DOUBT,
        },
      ],
    },
  },

  'Funtouch OS': {
    autostart: {
      en: [
        {
          path: ['Settings', 'More settings', 'Applications', 'Autostart'],
          versions: 'newer vivo OS versions (dontkillmyapp: "Newer OS version")',
          source: { url: SRC.dkmaVivo, quote: 'Newer OS version: *Settings > More settings > Applications > Autostart* to turn on/off the app switch.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['i Manager', 'App manager', 'Autostart manager'],
          versions: 'Funtouch OS 2.6 and lower',
          source: { url: SRC.dkmaVivo, quote: 'For Funtouch OS 2.6 and lower version: *i Manager > App manager > Autostart manager* to turn on/off the app switch.' },
          doubt: DKMA_DOUBT,
        },
      ],
      'zh-CN': [{
        path: ['i管家', '自启动管理'],
        source: { url: 'https://m.hextiku.cn/game/7586.html', quote: '例如小米需通过“权限管理→自启动”设置,而vivo需通过“i管家→自启动管理”操作。' },
        doubt: `${CONTENT_FARM} i管家 is the older vivo phone manager (dontkillmyapp ties i Manager to Funtouch OS 2.6 and lower).`,
      }],
    },
    batteryOptimization: {
      en: [
        {
          path: ['Settings', 'Battery', 'High background power consumption'],
          source: { url: SRC.dkmaVivo, quote: '1. Go to system Settings > Battery. <br> 2. Go to High background power consumption.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Battery', 'Background power consumption management'],
          source: { url: SRC.dkmaVivo, quote: '1. Go to system Settings > Battery. … Another layout for the similar feature, this time unde the name *Background power consumption management*.' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
  },

  'One UI': {
    doNotDisturb: {
      en: [{
        path: ['Settings', 'Notifications', 'Do not disturb'],
        source: { url: SRC.androidPoliceDnd, quote: 'On Samsung phones Go to Settings -> Notifications -> Do not disturb.' },
        doubt: 'Tech press (Android Police), not a Samsung page; One UI version not stated.',
      }],
    },
    batteryOptimization: {
      en: [
        {
          path: ['Settings', 'Apps', A, 'Battery', 'Battery optimization', 'All apps', A, "Don't optimize"],
          versions: 'Android 11',
          source: { url: SRC.dkmaSamsung, quote: "_Settings -> Apps -> Your App -> Battery -> Battery optimization -> All apps -> Your app -> Don't optimize_." },
          doubt: DKMA_DOUBT,
        },
        {
          // Samsung's sleeping / deep sleeping app lists live here.
          path: ['Battery', 'Background usage limits'],
          versions: 'Android 11',
          source: { url: SRC.dkmaSamsung, quote: '1. Open Battery > Background usage limits.' },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    backgroundRunning: {
      en: [{
        path: ['Settings', 'Apps', A, 'Battery', 'Background restriction'],
        versions: 'Android 9 and 10',
        source: { url: SRC.dkmaSamsung, quote: 'Check that _Phone settings -> Apps -> Sleep as Android -> Battery -> Background restriction_ state as **App can use battery in background**' },
        doubt: DKMA_DOUBT,
      }],
    },
  },

  Android: {
    doNotDisturb: {
      en: [{
        path: ['Settings', 'Sound & Vibration', 'Do Not Disturb'],
        versions: 'Pixel phones',
        source: { url: SRC.androidPoliceDnd, quote: 'On Pixel phones Go to Settings -> Sound & Vibration -> Do Not Disturb.' },
        doubt: 'Tech press (Android Police), not Google\'s help centre; Android version not stated.',
      }],
    },
    lockScreenNotifications: {
      en: [{
        path: ['Settings', 'Notifications', 'Notifications On Lock screen'],
        source: {
          url: 'https://www.webproeducation.org/how-to/change-lock-screen-notification-settings-on-android/',
          quote: 'To begin, unlock your Android Phone and navigate to the Settings app. Once there, scroll down and select Notifications. … Tap on Notifications On Lock screen under the Privacy section.',
        },
        doubt: 'How-to blog, not Google\'s help centre; Android version not stated (the Privacy section is Android 12+ wording).',
      }],
    },
    backgroundRunning: {
      en: [
        {
          path: ['Settings', 'Apps', A, 'App battery usage', 'Allow background usage', 'Unrestricted'],
          versions: 'Android 14',
          source: { url: SRC.dkmaGoogle, quote: '1. Go to **Settings > Apps > _Your app_ > App battery usage** … 2. Ensure that the toggle switch next to **Allow background usage** is enabled. … 4. Choose **Unrestricted**.' },
          doubt: DKMA_DOUBT,
        },
        {
          path: ['Settings', 'Apps', A, 'Advanced', 'Battery', 'Background restrictions'],
          versions: 'Android 9 (Pie)',
          source: { url: SRC.dkmaGoogle, quote: "There's a special option in **Settings > Apps > Your app > Advanced > Battery > Background restrictions**." },
          doubt: DKMA_DOUBT,
        },
      ],
    },
    batteryOptimization: {
      en: [{
        path: ['Settings', 'Apps', A, 'Advanced', 'Battery', 'Battery optimization', 'All apps', 'Not optimized'],
        versions: 'Android 9 and earlier',
        source: { url: SRC.dkmaGoogle, quote: '1. Go to **Settings > Apps > Your app > Advanced > Battery > Battery optimization** … 2. Change view to **All apps** … 4. Choose **Not optimized**' },
        doubt: DKMA_DOUBT,
      }],
      'zh-CN': [
        {
          path: ['设置', '应用和通知', A, '电池', '电池优化'],
          source: {
            url: 'https://source.android.com/docs/core/power/mgmt?hl=zh-cn',
            quote: '用户可以依次前往“设置”>“应用和通知”>“APP-NAME”>“电池”>“电池优化”,然后选择要关闭(或重新开启)优化的应用,以此来手动豁免应用。',
          },
        },
        {
          path: ['设置', '应用和通知', '特殊应用权限', '电池优化'],
          source: { url: 'https://source.android.com/docs/core/power/mgmt?hl=zh-cn', quote: '默认情况下,被豁免的应用会在“设置”>“应用和通知”>“特殊应用权限”>“电池优化”中列出。' },
        },
      ],
    },
    dataSaver: {
      en: [{
        path: ['Settings', 'Data Saver'],
        source: {
          url: 'https://developer.android.com/training/basics/network-ops/data-saver',
          quote: 'When a user enables Data Saver in Settings and the device is on a metered network, the system blocks background data usage',
        },
        doubt: 'The developer guide names the switch and the Settings app but not the menus between them.',
      }],
      'zh-CN': [{
        path: ['设置', '流量节省程序'],
        source: {
          url: 'https://developer.android.google.cn/training/basics/network-ops/data-saver',
          quote: '当用户在设置中启用流量节省程序且设备采用按流量计费的网络时,系统会阻止后台流量消耗',
        },
        doubt: 'The developer guide names the switch and the Settings app but not the menus between them.',
      }],
    },
    batterySaver: {
      'zh-CN': [{
        path: ['设置', '电池', '省电模式'],
        versions: 'Android 10 (AOSP)',
        source: {
          url: 'https://source.android.com/docs/core/power/routine-battery-saver?hl=zh-cn',
          quote: '要进行验证,请编译映像,将其刷入手机,然后转到设置 > 电池 > 省电模式 > 省电模式调度。',
        },
      }],
    },
  },
};

/** The sourced labels for one screen on one ROM in one language, best first; empty when none was found. */
export function romLabels(rom: RomName, screen: RomScreen, locale: LabelLocale): readonly ScreenLabel[] {
  return ROM_LABELS[rom]?.[screen]?.[locale] ?? [];
}

export interface LabelCoverageRow {
  rom: RomName;
  screen: RomScreen;
  locale: LabelLocale;
  labels: number;
}

/** One row per ROM × screen × shipped locale, so reports and the lead can see what is sourced and what is not. */
export function labelCoverage(roms: readonly RomName[]): LabelCoverageRow[] {
  const rows: LabelCoverageRow[] = [];
  for (const rom of roms) {
    for (const screen of ROM_SCREENS) {
      for (const locale of ROM_LOCALES[rom]) {
        rows.push({ rom, screen, locale, labels: romLabels(rom, screen, locale).length });
      }
    }
  }
  return rows;
}
