import type { AndroidDevice } from '../android-device.js';
import type { CommandIo } from '../shell/interpreter.js';
import { am } from './am.js';
import { bugreportz } from './bugreportz.js';
import type { AndroidCommand } from './command.js';
import { deviceidleCommand } from './deviceidle.js';
import { dumpsysNotification } from './dumpsys-notification.js';
import { dumpsysPackage } from './dumpsys-package.js';
import { getprop } from './getprop.js';
import { logcat } from './logcat.js';
import { monkey } from './monkey.js';
import { notificationCommand } from './notification-cmd.js';
import { pm } from './pm.js';
import { dumpsysBattery, dumpsysPower } from './power.js';
import { dumpsysActivities, statusbarCommand } from './shade.js';
import { appHibernation, appops, netpolicy } from './services.js';
import { dumpsysSettings, settings } from './settings.js';
import { input, screencap, uiautomator, wm } from './ui-tools.js';

/** A binder service reached through `cmd NAME …` (and some through `dumpsys NAME …`). */
type Service = (io: CommandIo, device: AndroidDevice, args: string[]) => Promise<number>;

const withArgs =
  (command: AndroidCommand): Service =>
  (io, device, args) =>
    command({ ...io, args }, device);

function services(device: AndroidDevice): Record<string, Service> {
  const table: Record<string, Service> = {
    package: withArgs(pm),
    activity: withArgs(am),
    settings: withArgs(settings),
    deviceidle: (io, d, args) => deviceidleCommand(io, d, args, false),
    appops: appops,
    netpolicy: netpolicy,
    notification: notificationCommand,
    window: withArgs(wm),
    statusbar: statusbarCommand,
  };
  // AppHibernationService arrived in Android 12.
  if (device.sdk >= 31) table['app_hibernation'] = appHibernation;
  return table;
}

/** `cmd SERVICE …` (frameworks/native/cmds/cmd/cmd.cpp): unknown services exit 20. */
const cmd: AndroidCommand = async (io, device) => {
  const [name, ...args] = io.args;
  const table = services(device);
  if (name === undefined) {
    await io.err('cmd: No service specified; use -l to list all running services. Use -w to start and wait for a service.\n');
    return 20;
  }
  if (name === '-l') {
    await io.out(['Currently running services:', ...Object.keys(table).sort().map((s) => `  ${s}`)].join('\n') + '\n');
    return 0;
  }
  const service = table[name];
  if (!service) {
    await io.err(`cmd: Can't find service: ${name}\n`);
    return 20;
  }
  return service(io, device, args);
};

/** `dumpsys SERVICE [args]` (frameworks/native/cmds/dumpsys/dumpsys.cpp). */
const dumpsys: AndroidCommand = async (io, device) => {
  const [name, ...args] = io.args;
  switch (name) {
    case 'package': {
      const target = args.find((a) => !a.startsWith('-'));
      const names = target ? [target] : device.state.packages.filter((p) => p.installed).map((p) => p.name);
      await io.out(names.map((n) => dumpsysPackage(device, n)).join('\n'));
      return 0;
    }
    case 'notification':
      await io.out(dumpsysNotification(device, args));
      return 0;
    case 'deviceidle':
      return deviceidleCommand(io, device, args, true);
    case 'power':
      await io.out(dumpsysPower(device));
      return 0;
    case 'activity':
      if (args[0] === 'activities' || args[0] === 'a') {
        await io.out(dumpsysActivities(device));
        return 0;
      }
      break;
    case 'battery':
      return dumpsysBattery(io, device, args);
    case 'settings':
      await io.out(dumpsysSettings(device));
      return 0;
    case '-l':
      await io.out(['Currently running services:', '  activity', '  appops', '  battery', '  deviceidle', '  netpolicy', '  notification', '  package', '  power', '  settings', '  window'].join('\n') + '\n');
      return 0;
    case undefined:
      return dumpAll(io, device);
  }
  await io.err(`Can't find service: ${name}\n`);
  return 0;
};

/** `dumpsys` with no service: every service in turn, framed as dumpsys.cpp frames them (Android 8+). */
async function dumpAll(io: CommandIo, device: AndroidDevice): Promise<number> {
  const rule = '-'.repeat(79);
  const stamp = new Date(device.now()).toISOString().replace('T', ' ').slice(0, 19);
  const sections: [string, () => Promise<unknown>][] = [
    ['deviceidle', () => deviceidleCommand(io, device, [], true)],
    ['notification', () => io.out(dumpsysNotification(device, []))],
    ['package', () => io.out(device.state.packages.filter((p) => p.installed).map((p) => dumpsysPackage(device, p.name)).join('\n'))],
    ['settings', () => io.out(dumpsysSettings(device))],
  ];
  for (const [service, dump] of sections) {
    await io.out(`${rule}\nDUMP OF SERVICE ${service}:\n`);
    await dump();
    await io.out(`--------- 0.0${String(service.length).padStart(2, '0')}s was the duration of dumpsys ${service}, ending at: ${stamp}\n`);
  }
  return 0;
}

const appopsBinary: AndroidCommand = (io, device) => appops(io, device, io.args);

/** Android binaries by name, each paying the phone's per-command start-up latency. */
export const ANDROID_COMMANDS: Record<string, AndroidCommand> = {
  getprop,
  settings,
  pm,
  am,
  cmd,
  dumpsys,
  appops: appopsBinary,
  logcat,
  screencap,
  uiautomator,
  input,
  wm,
  monkey,
  bugreportz,
};
