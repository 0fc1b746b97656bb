import { PACKAGE_NAME, type AndroidDevice } from '../android-device.js';
import type { SimPackage } from '../profile.js';
import type { CommandIo } from '../shell/interpreter.js';
import { shellCommandException, type AndroidCommand } from './command.js';
import { cancelPackageNotifications } from './notification-post.js';

/**
 * `pm …` and `cmd package …`, after PackageManagerShellCommand
 * (frameworks/base/services/core/java/com/android/server/pm/PackageManagerShellCommand.java,
 * android-8.0.0_r1 … android-15.0.0_r1): list packages, path, grant/revoke, enable/disable-user,
 * clear, resolve-activity.
 */
export const pm: AndroidCommand = async (io, device) => {
  const [verb, ...args] = io.args;
  switch (verb) {
    case 'list':
      if (args[0] === 'packages') return listPackages(io, device, args.slice(1));
      break;
    case 'path':
      return path(io, device, withoutUser(args));
    case 'grant':
    case 'revoke':
      return grantRevoke(io, device, verb, withoutUser(args));
    case 'enable':
    case 'disable':
    case 'disable-user':
    case 'disable-until-used':
    case 'default-state':
      return setEnabled(io, device, verb, withoutUser(args));
    case 'clear':
      return clear(io, device, withoutUser(args));
    case 'resolve-activity':
      return resolveActivity(io, device, args);
    case undefined:
      await io.err('Package manager (package) commands:\n  help\n    Print this help text.\n');
      return 255;
  }
  // ShellCommand.handleDefaultCommands prints this on stdout.
  await io.out(`Unknown command: ${verb}\n`);
  return 255;
};

function withoutUser(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user') {
      i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

async function listPackages(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const flags = new Set<string>();
  let filter: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--user' || arg === '--uid') {
      i++;
      continue;
    }
    if (arg === '--show-versioncode' || arg === '--apex-only' || arg === '-a') {
      flags.add(arg);
      continue;
    }
    if (arg.startsWith('-')) {
      for (const flag of arg.slice(1)) {
        if (!'defsu3iUlt'.includes(flag)) {
          await io.err(`Error: Unknown option: -${flag}\n`);
          return 255;
        }
        flags.add(flag);
      }
      continue;
    }
    filter = arg;
  }
  const rows: string[] = [];
  for (const pkg of device.state.packages) {
    if (!pkg.installed && !flags.has('u')) continue;
    const disabled = pkg.enabled >= 2;
    if (flags.has('d') && !disabled) continue;
    if (flags.has('e') && disabled) continue;
    if (flags.has('s') && !pkg.system) continue;
    if (flags.has('3') && pkg.system) continue;
    if (filter !== null && !pkg.name.includes(filter)) continue;
    let row = 'package:';
    if (flags.has('f')) row += `${pkg.codePath}/base.apk=`;
    row += pkg.name;
    if (flags.has('--show-versioncode')) row += ` versionCode:${pkg.versionCode}`;
    if (flags.has('i')) row += `  installer=${pkg.installerPackageName ?? 'null'}`;
    if (flags.has('U')) row += ` uid:${pkg.uid}`;
    rows.push(row + '\n');
  }
  await io.out(rows.join(''));
  return 0;
}

async function path(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const name = args[0];
  if (!name) {
    await io.err('Error: no package specified\n');
    return 1;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) return 1;
  await io.out(`package:${pkg.codePath}/base.apk\n`);
  return 0;
}

/** Dangerous permissions AOSP defines; others are unknown to `pm grant`. */
const RUNTIME_PERMISSIONS = new Set([
  'READ_CALENDAR', 'WRITE_CALENDAR', 'CAMERA', 'READ_CONTACTS', 'WRITE_CONTACTS', 'GET_ACCOUNTS',
  'ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION', 'ACCESS_BACKGROUND_LOCATION', 'RECORD_AUDIO',
  'READ_PHONE_STATE', 'READ_PHONE_NUMBERS', 'CALL_PHONE', 'ANSWER_PHONE_CALLS', 'READ_CALL_LOG',
  'WRITE_CALL_LOG', 'ADD_VOICEMAIL', 'USE_SIP', 'BODY_SENSORS', 'SEND_SMS', 'RECEIVE_SMS', 'READ_SMS',
  'RECEIVE_WAP_PUSH', 'RECEIVE_MMS', 'READ_EXTERNAL_STORAGE', 'WRITE_EXTERNAL_STORAGE',
  'ACTIVITY_RECOGNITION', 'BLUETOOTH_CONNECT', 'BLUETOOTH_SCAN', 'BLUETOOTH_ADVERTISE', 'NEARBY_WIFI_DEVICES',
  'POST_NOTIFICATIONS', 'READ_MEDIA_IMAGES', 'READ_MEDIA_VIDEO', 'READ_MEDIA_AUDIO', 'READ_MEDIA_VISUAL_USER_SELECTED',
  'UWB_RANGING', 'BODY_SENSORS_BACKGROUND', 'ACCESS_MEDIA_LOCATION',
].map((p) => `android.permission.${p}`));

/** The SDK that introduced a runtime permission, where newer than Android 8. */
const PERMISSION_SINCE: Record<string, number> = {
  'android.permission.POST_NOTIFICATIONS': 33,
  'android.permission.READ_MEDIA_IMAGES': 33,
  'android.permission.READ_MEDIA_VIDEO': 33,
  'android.permission.READ_MEDIA_AUDIO': 33,
  'android.permission.NEARBY_WIFI_DEVICES': 33,
  'android.permission.BODY_SENSORS_BACKGROUND': 33,
  'android.permission.READ_MEDIA_VISUAL_USER_SELECTED': 34,
  'android.permission.BLUETOOTH_CONNECT': 31,
  'android.permission.BLUETOOTH_SCAN': 31,
  'android.permission.BLUETOOTH_ADVERTISE': 31,
  'android.permission.UWB_RANGING': 31,
  'android.permission.ACCESS_BACKGROUND_LOCATION': 29,
  'android.permission.ACTIVITY_RECOGNITION': 29,
  'android.permission.ACCESS_MEDIA_LOCATION': 29,
};

async function grantRevoke(io: CommandIo, device: AndroidDevice, verb: 'grant' | 'revoke', args: string[]): Promise<number> {
  const [name, permission] = args;
  if (!name || !permission) {
    await io.err('Error: no package specified\n');
    return 255;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) return shellCommandException(io, verb, `java.lang.IllegalArgumentException: Unknown package: ${name}`);
  const known = RUNTIME_PERMISSIONS.has(permission) && (PERMISSION_SINCE[permission] ?? 0) <= device.sdk;
  if (!Object.hasOwn(pkg.runtimePermissions, permission)) {
    if (pkg.installPermissions.includes(permission)) {
      return shellCommandException(io, verb, `java.lang.SecurityException: Permission ${permission} requested by ${name} is not a changeable permission type`);
    }
    if (!known) return shellCommandException(io, verb, `java.lang.IllegalArgumentException: Unknown permission: ${permission}`);
    return shellCommandException(io, verb, `java.lang.SecurityException: Package ${name} has not requested permission ${permission}`);
  }
  pkg.runtimePermissions[permission] = verb === 'grant';
  if (permission === 'android.permission.POST_NOTIFICATIONS' && device.sdk >= 33) {
    if (pkg.notifications) pkg.notifications.enabled = verb === 'grant';
    // NotificationManagerService cancels an app's notifications when it loses the permission (Android 13+).
    if (verb === 'revoke') cancelPackageNotifications(device, pkg.name, 'PERMISSION_REVOKED');
  }
  return 0;
}

const NEW_STATE: Record<string, { state: SimPackage['enabled']; label: string }> = {
  enable: { state: 1, label: 'enabled' },
  disable: { state: 2, label: 'disabled' },
  'disable-user': { state: 3, label: 'disabled-user' },
  'disable-until-used': { state: 4, label: 'disabled-until-used' },
  'default-state': { state: 0, label: 'default' },
};

async function setEnabled(io: CommandIo, device: AndroidDevice, verb: string, args: string[]): Promise<number> {
  const name = args[0];
  const target = NEW_STATE[verb]!;
  if (!name) {
    await io.err('Error: no package or component specified\n');
    return 255;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) return shellCommandException(io, verb, `java.lang.IllegalArgumentException: Unknown package: ${name}`);
  if (pkg.system && verb === 'disable') {
    return shellCommandException(io, verb, `java.lang.SecurityException: Shell cannot change component state for ${name}/null to ${target.state}`);
  }
  pkg.enabled = target.state;
  if (target.state >= 2) cancelPackageNotifications(device, pkg.name, 'PACKAGE_CHANGED');
  await io.out(`Package ${name} new state: ${target.label}\n`);
  return 0;
}

async function clear(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const name = args[0];
  const pkg = name ? device.installedPackage(name) : undefined;
  if (!pkg) {
    await io.out('Failed\n');
    return 255;
  }
  // Clearing data drops the app's channels and stops it, as ActivityManager.clearApplicationUserData does.
  if (pkg.notifications) pkg.notifications.channels = [];
  pkg.stopped = true;
  cancelPackageNotifications(device, pkg.name, 'CLEAR_DATA');
  await io.out('Success\n');
  return 0;
}

interface IntentSpec {
  action: string | null;
  data: string | null;
  categories: string[];
  component: string | null;
  packageName: string | null;
}

/** Parses the intent options `am start` and `cmd package resolve-activity` share (Intent.parseCommandArgs). */
export function parseIntentArgs(args: string[]): { intent: IntentSpec; rest: string[]; unknown: string | null } {
  const intent: IntentSpec = { action: null, data: null, categories: [], component: null, packageName: null };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    switch (arg) {
      case '-a':
        intent.action = args[++i] ?? null;
        break;
      case '-d':
        intent.data = args[++i] ?? null;
        break;
      case '-c':
        intent.categories.push(args[++i] ?? '');
        break;
      case '-n':
        intent.component = args[++i] ?? null;
        break;
      case '-p':
        intent.packageName = args[++i] ?? null;
        break;
      case '-f':
      case '-t':
      case '--user':
        i++;
        break;
      case '--es':
      case '--ei':
      case '--ez':
      case '--el':
        i += 2;
        break;
      default:
        if (arg.startsWith('-')) rest.push(arg);
        else if (!intent.component && !intent.packageName && PACKAGE_NAME.test(arg)) intent.packageName = arg;
        else if (arg.includes('/')) intent.component = arg;
        else return { intent, rest, unknown: arg };
    }
  }
  return { intent, rest, unknown: null };
}

interface ResolvedActivity {
  pkg: SimPackage;
  className: string;
}

export function fullClassName(pkg: string, name: string): string {
  return name.startsWith('.') ? pkg + name : name;
}

/** ComponentName.flattenToShortString. */
export function shortComponent(pkg: string, className: string): string {
  return className.startsWith(pkg + '.') ? `${pkg}/${className.slice(pkg.length)}` : `${pkg}/${className}`;
}

export function resolveIntent(device: AndroidDevice, intent: IntentSpec): ResolvedActivity[] {
  if (intent.component) {
    const [pkgName, cls] = intent.component.split('/') as [string, string | undefined];
    const pkg = device.installedPackage(pkgName);
    if (!pkg || !cls) return [];
    const className = fullClassName(pkgName, cls);
    const found = pkg.activities?.find((a) => fullClassName(pkg.name, a.name) === className);
    return found && pkg.enabled < 2 ? [{ pkg, className }] : [];
  }
  const candidates = device.state.packages.filter(
    (p) => p.installed && p.enabled < 2 && (!intent.packageName || p.name === intent.packageName),
  );
  const matches: ResolvedActivity[] = [];
  const uri = intent.data ? /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#:]*))?/.exec(intent.data) : null;
  for (const pkg of candidates) {
    for (const activity of pkg.activities ?? []) {
      if (intent.action && !activity.actions.includes(intent.action)) continue;
      if (!intent.action && activity.actions.length === 0) continue;
      if (!intent.categories.every((c) => activity.categories?.includes(c))) continue;
      const schemes = activity.schemes ?? [];
      if (intent.data) {
        if (!uri || !schemes.includes(uri[1]!)) continue;
        if (activity.hosts && activity.hosts.length > 0 && !activity.hosts.includes(uri[2] ?? '')) continue;
      } else if (schemes.length > 0) continue;
      if (pkg.name !== intent.packageName && activity.exported === false) continue;
      matches.push({ pkg, className: fullClassName(pkg.name, activity.name) });
    }
  }
  return matches;
}

async function resolveActivity(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const brief = args.includes('--brief');
  const componentsOnly = args.includes('--components');
  const { intent, unknown } = parseIntentArgs(args.filter((a) => a !== '--brief' && a !== '--components'));
  if (unknown) {
    await io.err(`Error: Unknown option: ${unknown}\n`);
    return 255;
  }
  const matches = resolveIntent(device, intent);
  if (matches.length === 0) {
    await io.out('No activity found\n');
    return 0;
  }
  const [pkgName, className] =
    matches.length === 1 ? [matches[0]!.pkg.name, matches[0]!.className] : ['android', 'com.android.internal.app.ResolverActivity'];
  const header = `priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=${matches.length === 1}`;
  if (brief || componentsOnly) {
    await io.out((componentsOnly ? '' : header + '\n') + shortComponent(pkgName, className) + '\n');
    return 0;
  }
  const pkg = device.findPackage(pkgName);
  await io.out(
    [
      header,
      'ActivityInfo:',
      `  name=${className}`,
      `  packageName=${pkgName}`,
      `  enabled=true exported=true directBootAware=false`,
      `  taskAffinity=${pkgName} targetActivity=null persistableMode=PERSIST_ROOT_ONLY`,
      `  launchMode=0 flags=0x${(0x200).toString(16)} privateFlags=0x0 theme=0x0`,
      `  screenOrientation=-1 configChanges=0x0 softInputMode=0x0`,
      `  lockTaskLaunchMode=LOCK_TASK_LAUNCH_MODE_DEFAULT`,
      `  resizeMode=RESIZE_MODE_RESIZEABLE`,
      `  ApplicationInfo:`,
      `    packageName=${pkgName}`,
      `    processName=${pkgName}`,
      `    taskAffinity=${pkgName}`,
      `    uid=${pkg?.uid ?? 1000} flags=0x${(pkg?.system ? 0x38c8be45 : 0x38c8be44).toString(16)} privateFlags=0x${(0x4001000).toString(16)} theme=0x0`,
      `    sourceDir=${pkg?.codePath ?? '/system/framework'}/base.apk`,
      `    targetSdkVersion=${pkg?.targetSdk ?? device.sdk}`,
      `    enabled=true minSdkVersion=${pkg?.minSdk ?? 21} versionCode=${pkg?.versionCode ?? device.sdk}`,
      '',
    ].join('\n'),
  );
  return 0;
}
