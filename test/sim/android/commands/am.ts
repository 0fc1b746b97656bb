import { stableHash, type AndroidDevice } from '../android-device.js';
import type { SimPackage } from '../profile.js';
import type { CommandIo } from '../shell/interpreter.js';
import { shellCommandException, type AndroidCommand } from './command.js';
import { cancelPackageNotifications } from './notification-post.js';
import { parseIntentArgs, resolveIntent, shortComponent } from './pm.js';
import { logPushRegistration } from './push-registration.js';

/**
 * `am …` / `cmd activity …`, after ActivityManagerShellCommand
 * (frameworks/base/services/core/java/com/android/server/am/ActivityManagerShellCommand.java,
 * android-9.0.0_r1 … android-15.0.0_r1): get/set-standby-bucket, force-stop, start.
 * Unknown verbs go through ShellCommand.handleDefaultCommands: `Unknown command: X` on stdout, exit -1.
 */
export const am: AndroidCommand = async (io, device) => {
  const [verb, ...args] = io.args;
  switch (verb) {
    case 'get-standby-bucket':
      return getStandbyBucket(io, device, withoutUser(args));
    case 'set-standby-bucket':
      return setStandbyBucket(io, device, withoutUser(args));
    case 'force-stop':
      return forceStop(io, device, withoutUser(args));
    case 'kill':
      return kill(io, device, withoutUser(args));
    case 'start':
    case 'start-activity':
      return start(io, device, args);
  }
  await io.out(`Unknown command: ${verb ?? ''}\n`);
  return 255;
};

function withoutUser(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user') i++;
    else out.push(args[i]!);
  }
  return out;
}

async function getStandbyBucket(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const name = args[0];
  if (!name) {
    for (const pkg of device.state.packages.filter((p) => p.installed)) await io.out(`${pkg.name}: ${pkg.standbyBucket}\n`);
    return 0;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) {
    return shellCommandException(io, 'get-standby-bucket', `java.lang.IllegalArgumentException: Cannot get standby bucket for non existent package (${name})`);
  }
  await io.out(`${pkg.standbyBucket}\n`);
  return 0;
}

/** ActivityManagerShellCommand.bucketNameToBucketValue: prefixes of the names, or a number. */
function bucketValue(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower.startsWith('ac')) return 10;
  if (lower.startsWith('wo')) return 20;
  if (lower.startsWith('fr')) return 30;
  if (lower.startsWith('ra')) return 40;
  if (lower.startsWith('re')) return 45;
  if (lower.startsWith('ne')) return 50;
  return /^\d+$/.test(lower) ? Number(lower) : null;
}

async function setStandbyBucket(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const [name, bucketName] = args;
  if (!name || !bucketName) {
    await io.err('Error: bucket not specified\n');
    return 255;
  }
  const bucket = bucketValue(bucketName);
  if (bucket === null) {
    await io.err(`Error: Unknown bucket: ${bucketName}\n`);
    return 255;
  }
  if (bucket === 45 && device.sdk < 30) {
    await io.err(`Error: Unknown bucket: ${bucketName}\n`);
    return 255;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) {
    return shellCommandException(io, 'set-standby-bucket', `java.lang.IllegalArgumentException: Cannot set standby bucket for non existent package (${name})`);
  }
  pkg.standbyBucket = bucket;
  return 0;
}

async function forceStop(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const name = args[0];
  if (!name) {
    await io.err('Error: no package specified\n');
    return 255;
  }
  const pkg = device.installedPackage(name);
  if (!pkg) return 0;
  pkg.stopped = true;
  device.runtime.running.delete(pkg.name);
  if (device.runtime.foreground === pkg.name) device.runtime.foreground = null;
  if (device.runtime.resumed?.pkg === pkg.name) device.runtime.resumed = null;
  device.log('system', 'I', 'ActivityManager', `Force stopping ${pkg.name} appid=${pkg.uid % 100000} user=0: from pid ${device.allocatePid()}`);
  // NotificationManagerService cancels a package's notifications on ACTION_PACKAGE_RESTARTED.
  cancelPackageNotifications(device, pkg.name, 'PACKAGE_CHANGED');
  return 0;
}

/**
 * `am kill PKG`: ActivityManagerService.killBackgroundProcesses — kills the app's processes unless one is in
 * the foreground, prints nothing, and leaves the package out of the stopped state (as when the system
 * reclaims memory), so broadcasts such as FCM's still start it.
 */
async function kill(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const name = args[0];
  if (!name) {
    await io.err('Error: no package specified\n');
    return 255;
  }
  const pkg = device.installedPackage(name);
  if (!pkg || device.runtime.foreground === pkg.name || !device.runtime.running.has(pkg.name)) return 0;
  device.runtime.running.delete(pkg.name);
  device.log('events', 'I', 'am_kill', `[0,${device.allocatePid()},${pkg.name},900,kill background]`);
  return 0;
}

/**
 * What starting an app's activity changes: it leaves the stopped state, becomes ACTIVE for app
 * standby, and — when the simulated app uses TUIOfflinePush — logs its push registration.
 */
export function launchActivity(device: AndroidDevice, pkg: SimPackage, className: string, intentParts: string[]): void {
  pkg.stopped = false;
  device.runtime.running.add(pkg.name);
  device.runtime.foreground = pkg.name;
  device.runtime.resumed = { pkg: pkg.name, className };
  if (pkg.standbyBucket > 10) pkg.standbyBucket = 10;
  const pid = device.allocatePid();
  const tag = device.sdk >= 29 ? 'ActivityTaskManager' : 'ActivityManager';
  const logged = [...intentParts.filter((p) => !p.startsWith('cmp=')), 'flg=0x10000000', `cmp=${shortComponent(pkg.name, className)}`];
  device.activityStarts.push({ at: device.now(), intent: logged.join(' '), component: shortComponent(pkg.name, className) });
  device.log('system', 'I', tag, `START u0 {${logged.join(' ')}} from uid 2000`);
  const hosting = device.sdk >= 29 ? `for pre-top-activity {${shortComponent(pkg.name, className)}}` : `for activity ${shortComponent(pkg.name, className)}`;
  device.log('system', 'I', 'ActivityManager', `Start proc ${pid}:${pkg.name}/u0a${(pkg.uid % 100000) - 10000} ${hosting}`);
  logPushRegistration(device, pkg, pid);
}

/** Uri.toSafeString: http(s)/ftp/rtsp keep only scheme and host. */
function safeUri(uri: string): string {
  const match = /^(https?|ftp|rtsp):\/\/([^/?#]*)/i.exec(uri);
  return match ? `${match[1]}://${match[2]}/...` : uri;
}

async function start(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const wait = args.includes('-W');
  const { intent, unknown } = parseIntentArgs(args.filter((a) => !['-W', '-S', '-R', '--activity-clear-task', '--activity-new-task'].includes(a)));
  if (unknown) {
    await io.err(`Error: Unknown option: ${unknown}\n`);
    return 255;
  }
  const parts: string[] = [];
  if (intent.action) parts.push(`act=${intent.action}`);
  if (intent.categories.length > 0) parts.push(`cat=[${intent.categories.join(',')}]`);
  if (intent.data) parts.push(`dat=${safeUri(intent.data)}`);
  if (intent.packageName && !intent.component) parts.push(`pkg=${intent.packageName}`);
  if (intent.component) {
    const [pkgName, cls] = intent.component.split('/') as [string, string | undefined];
    parts.push(`cmp=${cls ? shortComponent(pkgName, cls.startsWith('.') ? pkgName + cls : cls) : intent.component}`);
  }
  const described = `Intent { ${parts.join(' ')} }`;
  await io.out(`Starting: ${described}\n`);
  const matches = resolveIntent(device, intent);
  const target = matches[0];
  if (!target) {
    if (intent.component) {
      const [pkgName, cls] = intent.component.split('/') as [string, string | undefined];
      const className = cls?.startsWith('.') ? pkgName + cls : cls ?? '';
      await io.err(`Error type 3\nError: Activity class {${pkgName}/${className}} does not exist.\n`);
    } else {
      await io.err(`Error: Activity not started, unable to resolve Intent { ${[...parts, 'flg=0x10000000'].join(' ')} }\n`);
    }
    return 255;
  }
  const { pkg, className } = target;
  const wasStopped = pkg.stopped;
  launchActivity(device, pkg, className, parts);
  if (wait) {
    // A cold start costs more than bringing a running app forward; the figure is stable per app.
    const spread = parseInt(stableHash(pkg.name), 16) % 400;
    const total = wasStopped ? 600 + spread : 150 + Math.floor(spread / 2);
    const rows = ['Status: ok'];
    if (device.sdk >= 29) rows.push(`LaunchState: ${wasStopped ? 'COLD' : 'WARM'}`);
    rows.push(`Activity: ${shortComponent(pkg.name, className)}`);
    if (device.sdk < 29) rows.push(`ThisTime: ${total}`);
    rows.push(`TotalTime: ${total}`, `WaitTime: ${total + 9}`, 'Complete');
    await io.out(rows.map((r) => r + '\n').join(''));
  }
  return 0;
}
