import type { PushChannel, RomName, Vendor } from '../domain/facts.js';

/**
 * The one place for what we know about each push vendor: probes, rules, UI and reports read it.
 * SKELETON written to unblock parallel work: the diagnosis owner completes the data
 * (minimum versions, restrictions, consoles, remedies) with sources.
 */
export interface PushServicePackage {
  package: string;
  /** Minimum versionCode the vendor SDK bundled by TUIOfflinePush needs; null when no published minimum. */
  minVersionCode: number | null;
  minVersionName: string | null;
  note?: string;
}

export interface VendorEntry {
  vendor: Vendor;
  displayName: string;
  /** Values of Build.BRAND / Build.MANUFACTURER (lower case) that belong to this maker. */
  brands: readonly string[];
  /** ROMs this maker ships, with the system property that names the ROM version. */
  roms: readonly { name: RomName; versionProps: readonly string[] }[];
  /** Packages that provide the push channel; the first installed one counts. */
  servicePackages: readonly PushServicePackage[];
}

export const VENDORS: Readonly<Record<Vendor, VendorEntry>> = {
  xiaomi: {
    vendor: 'xiaomi', displayName: 'Xiaomi', brands: ['xiaomi', 'redmi', 'poco'],
    roms: [
      { name: 'HyperOS', versionProps: ['ro.mi.os.version.incremental', 'ro.mi.os.version.name'] },
      { name: 'MIUI', versionProps: ['ro.miui.ui.version.name', 'ro.build.version.incremental'] },
    ],
    servicePackages: [{ package: 'com.xiaomi.xmsf', minVersionCode: null, minVersionName: null }],
  },
  huawei: {
    vendor: 'huawei', displayName: 'Huawei', brands: ['huawei'],
    roms: [
      { name: 'HarmonyOS', versionProps: ['hw_sc.build.platform.version'] },
      { name: 'EMUI', versionProps: ['ro.build.version.emui'] },
    ],
    servicePackages: [{ package: 'com.huawei.hwid', minVersionCode: null, minVersionName: null }],
  },
  honor: {
    vendor: 'honor', displayName: 'Honor', brands: ['honor'],
    roms: [{ name: 'MagicOS', versionProps: ['ro.build.version.magic', 'msc.config.magic.version'] }],
    servicePackages: [{ package: 'com.hihonor.android.pushagent', minVersionCode: null, minVersionName: null }],
  },
  oppo: {
    vendor: 'oppo', displayName: 'OPPO', brands: ['oppo', 'realme', 'oneplus'],
    roms: [
      { name: 'ColorOS', versionProps: ['ro.build.version.oplusrom', 'ro.build.version.opporom'] },
      { name: 'OxygenOS', versionProps: ['ro.oxygen.version', 'ro.build.version.oplusrom'] },
    ],
    servicePackages: [
      { package: 'com.heytap.mcs', minVersionCode: null, minVersionName: null },
      { package: 'com.coloros.mcs', minVersionCode: null, minVersionName: null },
    ],
  },
  vivo: {
    vendor: 'vivo', displayName: 'vivo', brands: ['vivo', 'iqoo'],
    roms: [
      { name: 'OriginOS', versionProps: ['ro.vivo.os.build.display.id', 'ro.vivo.os.version'] },
      { name: 'Funtouch OS', versionProps: ['ro.vivo.os.build.display.id', 'ro.vivo.os.version'] },
    ],
    servicePackages: [{ package: 'com.vivo.pushservice', minVersionCode: null, minVersionName: null }],
  },
  meizu: {
    vendor: 'meizu', displayName: 'Meizu', brands: ['meizu'],
    roms: [{ name: 'Flyme', versionProps: ['ro.build.display.id', 'ro.flyme.version.id'] }],
    servicePackages: [{ package: 'com.meizu.cloud', minVersionCode: null, minVersionName: null }],
  },
  fcm: {
    vendor: 'fcm', displayName: 'Google FCM', brands: [],
    roms: [],
    servicePackages: [{ package: 'com.google.android.gms', minVersionCode: null, minVersionName: null }],
  },
};

/** Every package that can carry a push channel: the audit reads the state of each. */
export const ALL_PUSH_SERVICE_PACKAGES: readonly string[] = Object.values(VENDORS).flatMap((v) =>
  v.servicePackages.map((p) => p.package),
);

export function vendorOf(channel: PushChannel | null): VendorEntry | null {
  return channel && channel !== 'none' ? VENDORS[channel] : null;
}
