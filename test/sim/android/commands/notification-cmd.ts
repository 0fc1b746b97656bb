import type { AndroidDevice } from '../android-device.js';
import type { SimPackage } from '../profile.js';
import type { CommandIo } from '../shell/interpreter.js';
import { notificationToString } from './notification-format.js';
import { postNotification, SHELL_CHANNEL, SHELL_NOTIFICATION_ID } from './notification-post.js';

const NOTIFY_USAGE = 'usage: cmd notification post [flags] <tag> <text>';

/** com.android.shell exists on every phone; a profile may leave it out, so it is created on first use. */
function shellPackage(device: AndroidDevice): SimPackage {
  let shell = device.findPackage('com.android.shell');
  if (!shell) {
    shell = {
      name: 'com.android.shell',
      uid: 2000,
      versionName: String(device.sdk),
      versionCode: device.sdk,
      targetSdk: device.sdk,
      system: true,
      codePath: '/system/priv-app/Shell',
      enabled: 0,
      installed: true,
      stopped: false,
      firstInstallTime: '2009-01-01 08:00:00',
      lastUpdateTime: '2009-01-01 08:00:00',
      runtimePermissions: {},
      installPermissions: [],
      appops: {},
      standbyBucket: 5,
    };
    device.state.packages.push(shell);
  }
  shell.notifications ??= { enabled: true, importance: -1000, showBadge: true, channels: [] };
  if (!shell.notifications.channels.some((c) => c.id === SHELL_CHANNEL.id)) shell.notifications.channels.push({ ...SHELL_CHANNEL });
  return shell;
}

/**
 * `cmd notification post [flags] <tag> <text>`, after NotificationShellCmd.doNotify
 * (frameworks/base/services/core/java/com/android/server/notification/NotificationShellCmd.java,
 * android-10.0.0_r1 …): posts as com.android.shell, id 2020, on channel `shell_cmd`, and prints
 * `posting:` with the Notification.
 */
export async function notificationCommand(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'set_dnd' && device.sdk >= 29) return setDnd(io, device, rest);
  if (verb !== 'post' || device.sdk < 29) {
    await io.err(`Unknown command: ${verb ?? ''}\n`);
    return 255;
  }
  let title = '';
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (positional.length === 0 && arg.startsWith('-')) {
      if (arg === '-t' || arg === '--title' || arg === 'title') title = rest[++i] ?? '';
      else if (['-S', '--style', '-i', '--icon', '-I', '--large-icon', '--line', '--bigtext', '--big-text', '--conversation', '--message'].includes(arg)) {
        const value = rest[++i];
        if (arg === '-S' || arg === '--style') {
          if (!['bigtext', 'bigpicture', 'inbox', 'messaging', 'media'].includes((value ?? '').toLowerCase())) {
            await io.err(`Exception occurred while executing 'post':\njava.lang.IllegalArgumentException: unrecognized notification style: ${value ?? ''}\n`);
            return 255;
          }
          if (value?.toLowerCase() === 'messaging' && rest[i + 1] === '--user') i += 2;
        }
      } else if (arg === '-v' || arg === '--verbose') continue;
      else {
        await io.out(NOTIFY_USAGE + '\n');
        return 0;
      }
      continue;
    }
    positional.push(arg);
  }
  const [tag, text] = positional;
  if (tag === undefined || text === undefined) {
    await io.out(NOTIFY_USAGE + '\n');
    return 255;
  }
  shellPackage(device);
  const notification = notificationToString(device.sdk, SHELL_CHANNEL.id, 0);
  await io.out(`posting:\n  ${notification}\n`);
  device.log('system', 'V', 'NotificationManager', `posting: ${notification}`);
  postNotification(device, { pkg: 'com.android.shell', id: SHELL_NOTIFICATION_ID, tag, channelId: SHELL_CHANNEL.id, title, text });
  return 0;
}

/** NotificationShellCmd's `set_dnd` words → NotificationManager.INTERRUPTION_FILTER_* (1 all, 2 priority, 3 none, 4 alarms). */
const DND_FILTERS: Record<string, number> = { on: 3, none: 3, priority: 2, alarms: 4, all: 1, off: 1 };

/** NotificationManager.zenModeFromInterruptionFilter: the Settings.Global.ZEN_MODE value ZenModeHelper writes. */
const ZEN_FOR_FILTER: Record<number, number> = { 1: 0, 2: 1, 3: 2, 4: 3 };

/**
 * `cmd notification set_dnd [on|none|priority|alarms|all|off]`, after NotificationShellCmd (android-10.0.0_r1 …):
 * setInterruptionFilter as the shell, which ZenModeHelper turns into the zen mode and writes to
 * Settings.Global.ZEN_MODE. Prints nothing on success; an unknown word leaves the filter UNKNOWN (0), which
 * setInterruptionFilter refuses, and onCommand's catch prints "Error occurred. Check logcat for details." with
 * the exception's message, exit 0.
 */
async function setDnd(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const word = args[0];
  if (word === undefined) {
    await io.out('Error occurred. Check logcat for details. Argument expected after "set_dnd"\n');
    return 0;
  }
  const filter = DND_FILTERS[word] ?? 0;
  const zen = ZEN_FOR_FILTER[filter];
  if (zen === undefined) {
    await io.out(`Error occurred. Check logcat for details. Invalid filter: ${filter}\n`);
    return 0;
  }
  device.state.settings.global['zen_mode'] = String(zen);
  return 0;
}
