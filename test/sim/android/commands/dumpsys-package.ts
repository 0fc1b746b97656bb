import { stableHash, type AndroidDevice } from '../android-device.js';
import type { SimPackage } from '../profile.js';
import { fullClassName, shortComponent } from './pm.js';

/**
 * `dumpsys package PKG`, after PackageManagerService.dump / dumpPackagesLPr and
 * Settings.dumpPackageLPr (frameworks/base/services/core/java/com/android/server/pm/Settings.java,
 * android-8.0.0_r1 … android-12.0.0_r1; ComputerEngine + Settings in android-13.0.0_r1 …
 * android-15.0.0_r1). What differs by SDK: the `User 0:` field set (virtual= from 9,
 * distractionFlags= from 10, deDataInode= and quarantined= from 15, appLockEnabled= from 16),
 * first-install time moving under the user from 13, appId= and dataDir under the user from 15, USER_SENSITIVE_* permission flags from 10. An unknown package prints only the Dexopt
 * and Compiler sections with `Unable to find package: PKG` (dumpDexoptStateLPr).
 */
export function dumpsysPackage(device: AndroidDevice, name: string): string {
  const pkg = device.installedPackage(name) ?? device.findPackage(name);
  if (!pkg) {
    return ['', 'Dexopt state:', `  Unable to find package: ${name}`, '', 'Compiler stats:', `  Unable to find package: ${name}`, ''].join('\n');
  }
  const out: string[] = [];
  out.push(...resolverTables(pkg));
  out.push('Key Set Manager:');
  out.push(`  [${pkg.name}]`);
  out.push(`      Signing KeySets: ${(parseInt(stableHash(pkg.name + ':ks'), 16) % 90) + 10}`);
  out.push('');
  out.push('Packages:');
  out.push(...packageSection(device, pkg));
  out.push('');
  if (device.sdk >= 30) {
    out.push('Queries:');
    out.push('  system apps queryable: false');
    out.push('  queries via forceQueryable:');
    out.push('  queries via package name:');
    out.push('  queries via component:');
    out.push('  queryable via interaction:');
    out.push(`    User 0:`);
    out.push('');
  }
  out.push('Dexopt state:');
  out.push(`  [${pkg.name}]`);
  out.push(`    path: ${pkg.codePath}/base.apk`);
  out.push(`      arm64: [status=speed-profile] [reason=${pkg.system ? 'bg-dexopt' : 'install-dm'}]`);
  out.push('');
  out.push('Compiler stats:');
  out.push(`  [${pkg.name}]`);
  out.push(`     base.apk - ${(parseInt(stableHash(pkg.name + ':cs'), 16) % 4000) + 300}`);
  return out.join('\n') + '\n';
}

function resolverTables(pkg: SimPackage): string[] {
  const activities = (pkg.activities ?? []).filter((a) => a.actions.length > 0);
  if (activities.length === 0) return [];
  const nonData = new Map<string, string[]>();
  const schemes = new Map<string, string[]>();
  for (const activity of activities) {
    const className = fullClassName(pkg.name, activity.name);
    const id = stableHash(`${pkg.name}/${className}`);
    const filterId = stableHash(`${pkg.name}/${className}:filter`);
    const body = [
      `        ${id} ${shortComponent(pkg.name, className)} filter ${filterId}`,
      ...activity.actions.map((a) => `          Action: "${a}"`),
      ...(activity.categories ?? []).map((c) => `          Category: "${c}"`),
      ...(activity.schemes ?? []).map((s) => `          Scheme: "${s}"`),
      ...(activity.hosts ?? []).map((h) => `          Authority: "${h}": -1`),
    ];
    if (activity.schemes && activity.schemes.length > 0) {
      for (const scheme of activity.schemes) schemes.set(scheme, [...(schemes.get(scheme) ?? []), ...body]);
    } else {
      for (const action of activity.actions) nonData.set(action, [...(nonData.get(action) ?? []), ...body]);
    }
  }
  const out = ['Activity Resolver Table:'];
  if (schemes.size > 0) {
    out.push('  Schemes:');
    for (const [scheme, body] of schemes) out.push(`      ${scheme}:`, ...body);
    out.push('');
  }
  if (nonData.size > 0) {
    out.push('  Non-Data Actions:');
    for (const [action, body] of nonData) out.push(`      ${action}:`, ...body);
    out.push('');
  }
  out.push('');
  return out;
}

function permissionFlags(sdk: number): string {
  return sdk >= 29 ? ', flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]' : ', flags=[ USER_SET]';
}

function packageSection(device: AndroidDevice, pkg: SimPackage): string[] {
  const sdk = device.sdk;
  const p = '    ';
  const hash = stableHash(pkg.name);
  const appFlags = pkg.system
    ? '[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]'
    : '[ HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]';
  // Android 15 prints the app id as appId= (see the Pixel capture in test/fixtures/real/google-pixel-dumpsys-package-a16).
  const out = [`  Package [${pkg.name}] (${hash}):`, `${p}${sdk >= 35 ? 'appId' : 'userId'}=${pkg.uid}`];
  out.push(`${p}pkg=Package{${stableHash(pkg.name + ':pkg')} ${pkg.name}}`);
  out.push(`${p}codePath=${pkg.codePath}`);
  out.push(`${p}resourcePath=${pkg.codePath}`);
  out.push(`${p}legacyNativeLibraryDir=${pkg.codePath}/lib`);
  if (sdk >= 30) out.push(`${p}extractNativeLibs=false`);
  out.push(`${p}primaryCpuAbi=${pkg.system ? 'null' : 'arm64-v8a'}`);
  out.push(`${p}secondaryCpuAbi=null`);
  if (sdk >= 31) out.push(`${p}cpuAbiOverride=null`);
  out.push(`${p}versionCode=${pkg.versionCode} minSdk=${pkg.minSdk ?? 21} targetSdk=${pkg.targetSdk}`);
  if (sdk >= 30) out.push(`${p}minExtensionVersions=[]`);
  out.push(`${p}versionName=${pkg.versionName}`);
  if (sdk >= 30) out.push(`${p}usesNonSdkApi=false`);
  out.push(`${p}splits=[base]`);
  out.push(`${p}apkSigningVersion=${sdk >= 28 ? 3 : 2}`);
  if (sdk < 30) out.push(`${p}applicationInfo=ApplicationInfo{${stableHash(pkg.name + ':ai')} ${pkg.name}}`);
  out.push(`${p}flags=${appFlags}`);
  out.push(`${p}privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZEABLE_VIA_SDK_VERSION ALLOW_AUDIO_PLAYBACK_CAPTURE PRIVATE_FLAG_REQUEST_LEGACY_EXTERNAL_STORAGE PARTIALLY_DIRECT_BOOT_AWARE ]`);
  if (sdk >= 30) out.push(`${p}forceQueryable=false`, `${p}queriesPackages=[]`);
  if (sdk < 35) out.push(`${p}dataDir=/data/user/0/${pkg.name}`);
  out.push(`${p}supportsScreens=[small, medium, large, xlarge, resizeable, anyDensity]`);
  out.push(`${p}timeStamp=${pkg.lastUpdateTime}`);
  if (sdk < 33) out.push(`${p}firstInstallTime=${pkg.firstInstallTime}`);
  out.push(`${p}lastUpdateTime=${pkg.lastUpdateTime}`);
  out.push(`${p}installerPackageName=${pkg.installerPackageName ?? (pkg.system ? 'null' : 'com.android.vending')}`);
  if (sdk >= 34) {
    const installer = pkg.installerPackageName ?? (pkg.system ? null : 'com.android.vending');
    out.push(`${p}installerPackageUid=${installer === null ? -1 : 10041}`);
    out.push(`${p}initiatingPackageName=${installer ?? (pkg.system ? 'null' : 'com.android.shell')}`);
    out.push(`${p}originatingPackageName=null`);
  }
  out.push(`${p}signatures=PackageSignatures{${stableHash(pkg.name + ':sig')} version:${sdk >= 28 ? 3 : 2}, signatures:[${stableHash(pkg.name + ':cert')}], past signatures:[]}`);
  out.push(`${p}installPermissionsFixed=true`);
  out.push(`${p}pkgFlags=${appFlags}`);
  const requested = [...pkg.installPermissions, ...Object.keys(pkg.runtimePermissions)];
  if (requested.length > 0) {
    out.push(`${p}requested permissions:`);
    for (const permission of requested) out.push(`${p}  ${permission}`);
  }
  if (pkg.installPermissions.length > 0) {
    out.push(`${p}install permissions:`);
    for (const permission of pkg.installPermissions) out.push(`${p}  ${permission}: granted=true`);
  }
  out.push(`${p}${userLine(device, pkg)}`);
  if (sdk >= 33) {
    out.push(`${p}  installReason=0`);
    if (sdk >= 35) out.push(`${p}  dataDir=/data/user/0/${pkg.name}`);
    out.push(`${p}  firstInstallTime=${pkg.firstInstallTime}`);
    out.push(`${p}  uninstallReason=0`);
  }
  if (pkg.enabled === 2 || pkg.enabled === 3) out.push(`${p}  lastDisabledCaller: com.android.shell`);
  out.push(`${p}  gids=[3003]`);
  // The header is printed even when the app requests no runtime permission (Pixel Android 16 capture).
  out.push(`${p}  runtime permissions:`);
  for (const [permission, granted] of Object.entries(pkg.runtimePermissions)) out.push(`${p}    ${permission}: granted=${granted}${permissionFlags(sdk)}`);
  return out;
}

/** The `User 0:` line of Settings.dumpPackageLPr for that SDK. */
function userLine(device: AndroidDevice, pkg: SimPackage): string {
  const sdk = device.sdk;
  const inode = (parseInt(stableHash(pkg.name + ':inode'), 16) % 900000) + 100000;
  const fields = [`ceDataInode=${inode}`];
  if (sdk >= 35) fields.push(`deDataInode=${inode + 1}`);
  fields.push(`installed=${pkg.installed}`, `hidden=${pkg.hidden ?? false}`, 'suspended=false');
  if (sdk >= 36) fields.push('appLockEnabled=false');
  if (sdk >= 29) fields.push('distractionFlags=0');
  fields.push(`stopped=${pkg.stopped}`, `notLaunched=${pkg.stopped && pkg.standbyBucket === 50}`, `enabled=${pkg.enabled}`, 'instant=false');
  if (sdk >= 28) fields.push('virtual=false');
  if (sdk >= 35) fields.push('quarantined=false');
  return `User 0: ${fields.join(' ')}`;
}
