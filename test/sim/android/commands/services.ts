import type { AndroidDevice } from '../android-device.js';
import type { AppOpMode } from '../profile.js';
import type { CommandIo } from '../shell/interpreter.js';

/** AppOpsManager op names `cmd appops` accepts (AppOpsManager.sOpToString, Android 8–15, common subset). */
const APP_OPS = new Set([
  'COARSE_LOCATION', 'FINE_LOCATION', 'GPS', 'VIBRATE', 'READ_CONTACTS', 'WRITE_CONTACTS', 'READ_CALL_LOG',
  'WRITE_CALL_LOG', 'READ_CALENDAR', 'WRITE_CALENDAR', 'WIFI_SCAN', 'POST_NOTIFICATION', 'NEIGHBORING_CELLS',
  'CALL_PHONE', 'READ_SMS', 'WRITE_SMS', 'RECEIVE_SMS', 'RECEIVE_EMERGECY_SMS', 'RECEIVE_MMS', 'RECEIVE_WAP_PUSH',
  'SEND_SMS', 'READ_ICC_SMS', 'WRITE_ICC_SMS', 'WRITE_SETTINGS', 'SYSTEM_ALERT_WINDOW', 'ACCESS_NOTIFICATIONS',
  'CAMERA', 'RECORD_AUDIO', 'PLAY_AUDIO', 'READ_CLIPBOARD', 'WRITE_CLIPBOARD', 'TAKE_MEDIA_BUTTONS',
  'TAKE_AUDIO_FOCUS', 'AUDIO_MASTER_VOLUME', 'AUDIO_VOICE_VOLUME', 'AUDIO_RING_VOLUME', 'AUDIO_MEDIA_VOLUME',
  'AUDIO_ALARM_VOLUME', 'AUDIO_NOTIFICATION_VOLUME', 'AUDIO_BLUETOOTH_VOLUME', 'WAKE_LOCK', 'MONITOR_LOCATION',
  'MONITOR_HIGH_POWER_LOCATION', 'GET_USAGE_STATS', 'MUTE_MICROPHONE', 'TOAST_WINDOW', 'PROJECT_MEDIA',
  'ACTIVATE_VPN', 'WRITE_WALLPAPER', 'ASSIST_STRUCTURE', 'ASSIST_SCREENSHOT', 'READ_PHONE_STATE', 'ADD_VOICEMAIL',
  'USE_SIP', 'PROCESS_OUTGOING_CALLS', 'USE_FINGERPRINT', 'BODY_SENSORS', 'READ_CELL_BROADCASTS', 'MOCK_LOCATION',
  'READ_EXTERNAL_STORAGE', 'WRITE_EXTERNAL_STORAGE', 'TURN_SCREEN_ON', 'GET_ACCOUNTS', 'RUN_IN_BACKGROUND',
  'AUDIO_ACCESSIBILITY_VOLUME', 'READ_PHONE_NUMBERS', 'REQUEST_INSTALL_PACKAGES', 'PICTURE_IN_PICTURE',
  'INSTANT_APP_START_FOREGROUND', 'ANSWER_PHONE_CALLS', 'RUN_ANY_IN_BACKGROUND', 'CHANGE_WIFI_STATE',
  'REQUEST_DELETE_PACKAGES', 'BIND_ACCESSIBILITY_SERVICE', 'ACCEPT_HANDOVER', 'MANAGE_IPSEC_TUNNELS',
  'START_FOREGROUND', 'BLUETOOTH_SCAN', 'USE_BIOMETRIC', 'ACTIVITY_RECOGNITION', 'SCHEDULE_EXACT_ALARM',
  'MANAGE_EXTERNAL_STORAGE', 'INTERACT_ACROSS_PROFILES', 'NO_ISOLATED_STORAGE', 'AUTO_REVOKE_PERMISSIONS_IF_UNUSED',
  'AUTO_REVOKE_MANAGED_BY_INSTALLER', 'MANAGE_MEDIA', 'BLUETOOTH_CONNECT', 'BLUETOOTH_ADVERTISE', 'USE_ICC_AUTH_WITH_DEVICE_IDENTIFIER',
  'SYSTEM_EXEMPT_FROM_POWER_RESTRICTIONS', 'SYSTEM_EXEMPT_FROM_HIBERNATION', 'RUN_USER_INITIATED_JOBS',
]);
const MODES = new Set<AppOpMode>(['allow', 'ignore', 'deny', 'default', 'foreground']);

/**
 * `cmd appops get|set` / `appops get|set`, after AppOpsService.Shell
 * (frameworks/base/services/core/java/com/android/server/appop/AppOpsService.java, android-10.0.0_r1 …
 * android-15.0.0_r1): `OP: mode` per op with a non-default mode, `No operations.` when none;
 * OEM ops (MIUI 10008 …) are accepted when the profile carries them.
 */
export async function appops(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const rest = withoutUserFlag(args);
  const [verb, pkgName, op, mode] = rest;
  if (verb !== 'get' && verb !== 'set') {
    if (verb === undefined) {
      await io.err('AppOps service (appops) commands:\n  help\n    Print this help text.\n');
      return 255;
    }
    await io.err(`Unknown command: ${verb}\n`);
    return 255;
  }
  if (!pkgName) {
    await io.err('Error: No package specified\n');
    return 255;
  }
  const pkg = device.installedPackage(pkgName);
  if (!pkg) {
    await io.err(`Error: No UID for ${pkgName} in user 0\n`);
    return 255;
  }
  if (op !== undefined && !APP_OPS.has(op) && !Object.hasOwn(pkg.appops, op)) {
    await io.err(`Error: Unknown operation string: ${op}\n`);
    return 255;
  }
  if (verb === 'set') {
    if (!op || !mode) {
      await io.err('Error: Mode not specified.\n');
      return 255;
    }
    if (!MODES.has(mode as AppOpMode)) {
      await io.err(`Error: Mode ${mode} is not valid,\n`);
      return 255;
    }
    if (mode === 'default') delete pkg.appops[op];
    else pkg.appops[op] = mode as AppOpMode;
    return 0;
  }
  const entries = Object.entries(pkg.appops).filter(([name]) => op === undefined || name === op);
  if (entries.length === 0) {
    await io.out('No operations.\n');
    return 0;
  }
  await io.out(entries.map(([name, value]) => `${name}: ${value}\n`).join(''));
  return 0;
}

function withoutUserFlag(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user' || args[i] === '--uid') {
      if (args[i] === '--user') i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

/**
 * `cmd netpolicy`, after NetworkPolicyManagerShellCommand
 * (frameworks/base/services/core/java/com/android/server/net/NetworkPolicyManagerShellCommand.java,
 * android-8.0.0_r1 … android-15.0.0_r1).
 */
export async function netpolicy(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const [verb, what, value] = args;
  const policy = device.state.netpolicy;
  const isWhitelist = what === 'restrict-background-whitelist' || what === 'restrict-background-allowlist';
  const isBlacklist = what === 'restrict-background-blacklist' || what === 'restrict-background-denylist';
  if (verb === 'get' && what === 'restrict-background') {
    await io.out(`Restrict background status: ${policy.restrictBackground ? 'enabled' : 'disabled'}\n`);
    return 0;
  }
  if (verb === 'set' && what === 'restrict-background') {
    if (value !== 'true' && value !== 'false') {
      await io.err(`Invalid value: ${value ?? ''}\n`);
      return 255;
    }
    policy.restrictBackground = value === 'true';
    return 0;
  }
  if (verb === 'list' && (isWhitelist || isBlacklist)) {
    const uids = isWhitelist ? policy.restrictBackgroundWhitelistUids : policy.restrictBackgroundBlacklistUids ?? [];
    const label = isWhitelist ? 'Restrict background whitelisted UIDs' : 'Restrict background blacklisted UIDs';
    await io.out(`${label}: ${uids.length === 0 ? 'none' : uids.map((uid) => `${uid} `).join('')}\n`);
    return 0;
  }
  if ((verb === 'add' || verb === 'remove') && (isWhitelist || isBlacklist)) {
    if (value === undefined || !/^\d+$/.test(value)) {
      await io.err(`Error: UID (${value ?? ''}) should be a number\n`);
      return 255;
    }
    const uid = Number(value);
    const list = isWhitelist ? policy.restrictBackgroundWhitelistUids : (policy.restrictBackgroundBlacklistUids ??= []);
    const index = list.indexOf(uid);
    if (verb === 'add' && index < 0) list.push(uid);
    if (verb === 'remove' && index >= 0) list.splice(index, 1);
    return 0;
  }
  await io.err(`Unknown command: ${args.join(' ')}\n`);
  return 255;
}

/**
 * `cmd app_hibernation get-state|set-state PKG`, AppHibernationShellCommand
 * (frameworks/base/services/core/java/com/android/server/apphibernation/, android-12.0.0_r1 …).
 */
export async function appHibernation(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const rest = args.filter((a) => a !== '--global');
  const cleaned = withoutUserFlag(rest);
  const [verb, pkgName, value] = cleaned;
  if ((verb !== 'get-state' && verb !== 'set-state') || !pkgName) {
    await io.err(verb ? `Unknown command: ${verb}\n` : 'App hibernation (app_hibernation) commands:\n');
    return 255;
  }
  const pkg = device.installedPackage(pkgName);
  if (verb === 'get-state') {
    await io.out(`${pkg?.hibernated ?? false}\n`);
    return 0;
  }
  if (value !== 'true' && value !== 'false') {
    await io.err('Error: state not specified or invalid\n');
    return 255;
  }
  if (pkg) pkg.hibernated = value === 'true';
  return 0;
}
