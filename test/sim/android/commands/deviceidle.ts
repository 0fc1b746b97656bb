import type { AndroidDevice } from '../android-device.js';
import type { CommandIo } from '../shell/interpreter.js';

/**
 * DeviceIdleController's dump and shell command
 * (frameworks/base/apex/jobscheduler/service/java/com/android/server/DeviceIdleController.java,
 * android-11.0.0_r1 … android-15.0.0_r1; services/core/…/DeviceIdleController.java before 11).
 * `whitelist` lists `system-excidle,PKG,UID`, `system,PKG,UID`, `user,PKG,UID`; `+PKG` prints
 * `Added: PKG` or `Unknown package: PKG`, `-PKG` prints `Removed: PKG` only when it was a user entry.
 */
export async function deviceidleCommand(io: CommandIo, device: AndroidDevice, args: string[], viaDumpsys: boolean): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined) {
    if (!viaDumpsys) {
      await io.err('Device idle controller (deviceidle) commands:\n  help\n    Print this help text.\n');
      return 255;
    }
    await io.out(fullDump(device));
    return 0;
  }
  if (verb === 'whitelist') return whitelist(io, device, rest);
  if (verb === 'enabled') {
    await io.out('1\n');
    return 0;
  }
  if (verb === 'force-idle') {
    // DeviceIdleController.onShellCommand: steps the deep state machine to STATE_IDLE whatever the screen and charger say.
    device.runtime.deepIdleForced = true;
    await io.out('Now forced in to deep idle mode\n');
    return 0;
  }
  if (verb === 'unforce') {
    device.leaveDeepIdle();
    const state = deepState(device);
    await io.out(`Light state: ${state}, deep state: ${state}\n`);
    return 0;
  }
  if (verb === 'get') {
    const which = rest[0];
    const rt = device.runtime;
    const states: Record<string, string> = {
      light: rt.deepIdleForced ? 'OVERRIDE' : deepState(device), deep: deepState(device), force: String(rt.deepIdleForced),
      screen: String(rt.screenOn), charging: String(!rt.batteryUnplugged), network: 'true',
    };
    await io.out(`${(which && states[which]) ?? 'Unknown get option: ' + (which ?? '')}\n`);
    return 0;
  }
  if (viaDumpsys && verb.startsWith('-')) {
    await io.out(fullDump(device));
    return 0;
  }
  await io.err(`Unknown command: ${verb}\n`);
  return 255;
}

/** IDLE while forced; INACTIVE once screen off on battery (the first step towards Doze); ACTIVE otherwise. */
function deepState(device: AndroidDevice): string {
  const rt = device.runtime;
  if (rt.deepIdleForced) return 'IDLE';
  return !rt.screenOn && rt.batteryUnplugged ? 'INACTIVE' : 'ACTIVE';
}

function whitelistRows(device: AndroidDevice): string[] {
  const rows: string[] = [];
  const add = (label: string, names: string[]): void => {
    for (const name of names) {
      const pkg = device.installedPackage(name);
      if (pkg) rows.push(`${label},${name},${pkg.uid}`);
    }
  };
  add('system-excidle', device.state.deviceidle.systemExceptIdle);
  add('system', device.state.deviceidle.system);
  add('user', device.state.deviceidle.user);
  return rows;
}

async function whitelist(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  if (args.length === 0) {
    await io.out(whitelistRows(device).map((row) => row + '\n').join(''));
    return 0;
  }
  const lists = device.state.deviceidle;
  const out: string[] = [];
  for (const arg of args) {
    const sign = arg[0];
    const name = arg.slice(1);
    if (sign === '+') {
      if (device.installedPackage(name)) {
        if (!lists.user.includes(name) && !lists.system.includes(name)) lists.user.push(name);
        out.push(`Added: ${name}`);
      } else out.push(`Unknown package: ${name}`);
    } else if (sign === '-') {
      const index = lists.user.indexOf(name);
      if (index >= 0) {
        lists.user.splice(index, 1);
        out.push(`Removed: ${name}`);
      }
    } else if (sign === '=') {
      out.push(lists.user.includes(name) || lists.system.includes(name) ? 'true' : 'false');
    } else {
      await io.out(out.map((line) => line + '\n').join(''));
      await io.err(`Package must be prefixed with +, -, or =: ${arg}\n`);
      return 255;
    }
  }
  await io.out(out.map((line) => line + '\n').join(''));
  return 0;
}

function fullDump(device: AndroidDevice): string {
  const lists = device.state.deviceidle;
  const uidsOf = (names: string[]): number[] =>
    names.map((n) => device.installedPackage(n)?.uid).filter((uid): uid is number => uid !== undefined).map((uid) => uid % 100000);
  const section = (title: string, items: (string | number)[]): string[] => [`  ${title}:`, ...items.map((item) => `    ${item}`)];
  const lowPower = device.state.settings.global['low_power'] === '1';
  const out = [
    '  Settings:',
    '    flex_time_short=+1m0s0ms',
    '    light_after_inactive_to=+4m0s0ms',
    '    light_idle_to=+5m0s0ms',
    '    light_idle_to_initial_flex=+1m0s0ms',
    '    light_max_idle_to_flex=+15m0s0ms',
    '    light_idle_factor=2.0',
    '    light_max_idle_to=+15m0s0ms',
    '    light_idle_maintenance_min_budget=+1m0s0ms',
    '    light_idle_maintenance_max_budget=+5m0s0ms',
    '    min_light_maintenance_time=+5s0ms',
    '    min_deep_maintenance_time=+30s0ms',
    '    inactive_to=+30m0s0ms',
    '    sensing_to=+4m0s0ms',
    '    locating_to=+30s0ms',
    '    location_accuracy=20.0m',
    '    motion_inactive_to=+10m0s0ms',
    '    idle_after_inactive_to=+30m0s0ms',
    '    idle_pending_to=+5m0s0ms',
    '    max_idle_pending_to=+10m0s0ms',
    '    idle_pending_factor=2.0',
    '    quick_doze_delay_to=+1m0s0ms',
    '    idle_to=+1h0m0s0ms',
    '    max_idle_to=+6h0m0s0ms',
    '    idle_factor=2.0',
    '    min_time_to_alarm=+30m0s0ms',
    '    max_temp_app_allowlist_duration_ms=+5m0s0ms',
    '    mms_temp_app_allowlist_duration_ms=+1m0s0ms',
    '    sms_temp_app_allowlist_duration_ms=+20s0ms',
    '    notification_allowlist_duration_ms=+30s0ms',
    '    wait_for_unlock=true',
    '    pre_idle_factor_long=1.67',
    '    pre_idle_factor_short=0.33',
    ...section('Whitelist (except idle) system apps', lists.systemExceptIdle),
    ...section('Whitelist system apps', lists.system),
    ...section('Whitelist user apps', lists.user),
    ...section('Whitelist (except idle) all app ids', uidsOf([...lists.systemExceptIdle, ...lists.system, ...lists.user])),
    ...section('Whitelist user app ids', uidsOf(lists.user)),
    ...section('Whitelist all app ids', uidsOf([...lists.system, ...lists.user])),
    '  mLightEnabled=true  mDeepEnabled=true',
    `  mForceIdle=${device.runtime.deepIdleForced}`,
    '  mUseMotionSensor=true mMotionSensor={Sensor name="Significant motion", vendor="Google", version=1, type=17, maxRange=1.0, resolution=1.0, power=0.5, minDelay=-1}',
    `  mScreenOn=${device.runtime.screenOn}`,
    '  mScreenLocked=false',
    '  mNetworkConnected=true',
    `  mCharging=${!device.runtime.batteryUnplugged}`,
    `  mBatterySaverEnabled=${lowPower}`,
    '  mMotionActive=false',
    '  mNotMoving=false',
    '  mLocating=false',
    '  mHasGps=true mHasNetwork=true mLocated=false',
    `  mState=${deepState(device)} mLightState=${device.runtime.deepIdleForced ? 'OVERRIDE' : deepState(device)}`,
    '  mInactiveTimeout=+30m0s0ms',
    '  mNextIdlePendingDelay=0',
    '  mNextIdleDelay=0',
    '  mNextLightIdleDelay=0',
  ];
  return out.join('\n') + '\n';
}
