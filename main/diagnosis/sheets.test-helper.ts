import type {
  AppFacts, ChannelFact, DeviceFacts, Evidence, FactSheet, GmsFact, PushLogFacts, PushServiceFact, SystemFacts, Vendor,
} from '../../common/domain/facts.js';
import type { Finding } from '../../common/domain/findings.js';
import { concludeFacts } from './conclude.js';
import { channelOf, type Rule } from './rules/rule.js';
import { vendorOf } from '../../common/vendors/vendor-table.js';

/**
 * Builds FactSheets for rule, diagnose and report tests: a phone that passes every check, per push channel,
 * patched with the trouble a test needs. Evidence excerpts are lines in the shape the phone prints them.
 */
export const TEST_APP = 'com.tencent.qcloud.tim.tuikit';

export interface SheetPatch {
  device?: Partial<Pick<DeviceFacts, 'manufacturer' | 'brand' | 'model' | 'device' | 'android' | 'rom' | 'pushChannel' | 'pushServices' | 'apk' | 'clickTarget'>>;
  system?: Partial<SystemFacts>;
  app?: Partial<AppFacts> | null;
  gms?: Partial<GmsFact> | null;
  pushLog?: Partial<PushLogFacts> | null;
  evidence?: Record<string, Evidence[]>;
  unknown?: Record<string, string>;
}

export type Preset = Vendor | 'none';

export function ev(command: string, excerpt: string): Evidence {
  return { command, excerpt };
}

function service(vendor: Vendor, pkg: string, versionName: string, versionCode: number): PushServiceFact {
  return { vendor, package: pkg, installed: true, enabled: true, versionName, versionCode };
}

const PRESETS: Record<Preset, Pick<DeviceFacts, 'manufacturer' | 'brand' | 'model' | 'device' | 'android' | 'rom' | 'pushChannel' | 'pushServices'> & { gmsInstalled: boolean }> = {
  xiaomi: {
    manufacturer: 'Xiaomi', brand: 'POCO', model: '22101320G', device: 'redwood', android: { release: '12', sdk: 31 },
    rom: { name: 'MIUI', version: 'V14.0.4.0.SMSEUXM' }, pushChannel: 'xiaomi',
    pushServices: [service('xiaomi', 'com.xiaomi.xmsf', '6.0.7-GO', 60007)], gmsInstalled: true,
  },
  huawei: {
    manufacturer: 'HUAWEI', brand: 'HUAWEI', model: 'ELS-NX9', device: 'HWELS', android: { release: '10', sdk: 29 },
    rom: { name: 'EMUI', version: '12.0.0' }, pushChannel: 'huawei',
    pushServices: [service('huawei', 'com.huawei.hwid', '6.11.0.332', 61100332)], gmsInstalled: false,
  },
  honor: {
    manufacturer: 'HONOR', brand: 'HONOR', model: 'PGT-AN20', device: 'HNPGT', android: { release: '14', sdk: 34 },
    rom: { name: 'MagicOS', version: '8.0.0' }, pushChannel: 'honor',
    pushServices: [service('honor', 'com.hihonor.android.pushagent', '8.0.1.300', 80001300)], gmsInstalled: false,
  },
  oppo: {
    manufacturer: 'OPPO', brand: 'OPPO', model: 'CPH2305', device: 'OP5325', android: { release: '13', sdk: 33 },
    rom: { name: 'ColorOS', version: 'V13.1' }, pushChannel: 'oppo',
    pushServices: [service('oppo', 'com.heytap.mcs', '5.13.0', 51300)], gmsInstalled: true,
  },
  vivo: {
    manufacturer: 'vivo', brand: 'vivo', model: 'V2145', device: 'PD2145', android: { release: '13', sdk: 33 },
    rom: { name: 'Funtouch OS', version: 'PD2145F_EX_A_13.1.7.4.W30' }, pushChannel: 'vivo',
    pushServices: [service('vivo', 'com.vivo.pushservice', '3.6.1.0', 3610)], gmsInstalled: true,
  },
  meizu: {
    manufacturer: 'Meizu', brand: 'meizu', model: 'MEIZU 18', device: 'meizu18', android: { release: '11', sdk: 30 },
    rom: { name: 'Flyme', version: 'Flyme 9.2.3.1A' }, pushChannel: 'meizu',
    pushServices: [service('meizu', 'com.meizu.cloud', '8.2.3', 8002003)], gmsInstalled: false,
  },
  fcm: {
    manufacturer: 'Google', brand: 'google', model: 'Pixel 7', device: 'panther', android: { release: '14', sdk: 34 },
    rom: { name: 'Android', version: null }, pushChannel: 'fcm', pushServices: [], gmsInstalled: true,
  },
  none: {
    manufacturer: 'HUAQIN', brand: 'generic', model: 'Tab A1', device: 'a1', android: { release: '13', sdk: 33 },
    rom: { name: 'Android', version: null }, pushChannel: 'none', pushServices: [], gmsInstalled: false,
  },
};

export const TUIKIT_CHANNEL: ChannelFact = {
  id: 'tuikit', name: 'oppotest', importance: 4, blocked: false, sound: 'content://settings/system/notification_sound',
  vibration: true, lockscreenVisibility: null, showBadge: true, bypassDnd: false, group: null,
};

function healthyApp(): AppFacts {
  return {
    package: TEST_APP, installed: true, enabled: true, versionName: '7.2.4146', versionCode: 1024, targetSdk: 33,
    stopped: false, notificationImportance: null, notificationsEnabled: true, postNotificationsGranted: true, standbyBucket: 10,
    batteryOptimizationExempt: true, backgroundRestricted: false, dataSaverExempt: false, hibernated: false,
    autostartAllowed: true, channels: [{ ...TUIKIT_CHANNEL }],
  };
}

/** Evidence a healthy phone's probes would have attached, in the phone's own output format. */
function baseEvidence(p: Preset): Record<string, Evidence[]> {
  const d = PRESETS[p];
  return {
    brand: [ev('getprop', `[ro.product.brand]: [${d.brand}]`)],
    manufacturer: [ev('getprop', `[ro.product.manufacturer]: [${d.manufacturer}]`)],
    'system.zenMode': [ev('settings get global zen_mode', '0')],
    'system.lockScreenShowNotifications': [ev('settings get secure lock_screen_show_notifications', '1')],
    'system.lockScreenShowPrivate': [ev('settings get secure lock_screen_allow_private_notifications', '1')],
    'system.dataSaver': [ev('cmd netpolicy get restrict-background', 'Restrict background status: disabled')],
    'system.batterySaver': [ev('settings get global low_power', '0')],
    'system.ringerMode': [ev('dumpsys audio', '- mode (internal) = NORMAL')],
    'app.installed': [ev(`dumpsys package ${TEST_APP}`, 'User 0: ceDataInode=786092 installed=true hidden=false suspended=false stopped=false notLaunched=false enabled=0 instant=false virtual=false')],
    'app.stopped': [ev(`dumpsys package ${TEST_APP}`, 'User 0: ceDataInode=786092 installed=true hidden=false suspended=false stopped=false notLaunched=false enabled=0 instant=false virtual=false')],
    'app.standbyBucket': [ev(`am get-standby-bucket ${TEST_APP}`, '10')],
    'app.backgroundRestricted': [ev(`cmd appops get ${TEST_APP} RUN_ANY_IN_BACKGROUND`, 'RUN_ANY_IN_BACKGROUND: allow')],
    'pushLog.tokenReported': [ev('logcat -d', '11-25 10:00:01.234  4242  4301 D TUIOfflinePush-TUIOfflinePushManager: setOfflinePushToken success')],
  };
}

export function buildSheet(preset: Preset = 'xiaomi', patch: SheetPatch = {}): FactSheet {
  const d = PRESETS[preset];
  const { gmsInstalled, ...device } = d;
  const facts: DeviceFacts = {
    ...device,
    pushServices: device.pushServices.map((s) => ({ ...s })),
    ...patch.device,
    gms: patch.gms === null ? null : {
      installed: gmsInstalled, enabled: gmsInstalled, versionName: gmsInstalled ? '24.45.33 (190400-695810384)' : null, ...patch.gms,
    },
    system: {
      zenMode: 0, lockScreenShowNotifications: true, lockScreenShowPrivate: true, dataSaver: false, batterySaver: false, ringerMode: 2,
      ...patch.system,
    },
    app: patch.app === null ? null : { ...healthyApp(), ...patch.app },
    pushLog: patch.pushLog === null ? null : {
      tokenReceived: true, tokenReported: true, businessId: '36598', lastError: null, fcmCancelledForStoppedApp: false, ...patch.pushLog,
    },
  };
  return {
    facts,
    evidence: { ...baseEvidence(preset), ...patch.evidence },
    unknown: { ...patch.unknown },
  };
}

/** Runs one rule the way `diagnose` does: conclusions drawn, vendor from the phone's channel, the test app under test. */
export function runRule(rule: Rule, probed: FactSheet, app: string | null = TEST_APP): Finding | null {
  const sheet = concludeFacts(probed);
  return rule({ sheet, vendor: vendorOf(channelOf(sheet)), app });
}
