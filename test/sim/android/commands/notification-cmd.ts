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

/** The zen mode each `set_dnd` word leads to: NotificationManager.zenModeFromInterruptionFilter of the filter it names. */
const DND_ZEN_MODES: Readonly<Record<string, number>> = {
  none: 2, on: 2, // INTERRUPTION_FILTER_NONE → ZEN_MODE_NO_INTERRUPTIONS
  priority: 1, // INTERRUPTION_FILTER_PRIORITY → ZEN_MODE_IMPORTANT_INTERRUPTIONS
  alarms: 3, // INTERRUPTION_FILTER_ALARMS → ZEN_MODE_ALARMS
  all: 0, off: 0, // INTERRUPTION_FILTER_ALL → ZEN_MODE_OFF
};

/**
 * `cmd notification set_dnd on|none|priority|alarms|all|off` (NotificationShellCmd, android-10.0.0_r1 on):
 * INotificationManager.setInterruptionFilter, whose ZenModeHelper writes Settings.Global.ZEN_MODE; silent on
 * success. An unknown word is INTERRUPTION_FILTER_UNKNOWN, which setInterruptionFilter refuses.
 */
async function setDnd(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const [mode] = args;
  if (mode === undefined) {
    await io.err('\nException occurred while executing \'set_dnd\':\njava.lang.IllegalArgumentException: Argument expected after "set_dnd"\n');
    return 255;
  }
  const zen = DND_ZEN_MODES[mode];
  if (zen === undefined) {
    await io.err('\nException occurred while executing \'set_dnd\':\njava.lang.IllegalArgumentException: Invalid filter: 0\n');
    return 255;
  }
  device.state.settings.global['zen_mode'] = String(zen);
  return 0;
}
