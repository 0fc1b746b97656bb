import type { AndroidDevice } from '../android-device.js';
import type { CommandIo } from '../shell/interpreter.js';

/**
 * `dumpsys power`, the head of PowerManagerService.dumpInternal
 * (frameworks/base/services/core/java/com/android/server/power/PowerManagerService.java, android-9 … 15):
 * `mWakefulness=` is Awake or Asleep (what `dumpsys power | grep mWakefulness` shows after KEYCODE_SLEEP).
 */
export function dumpsysPower(device: AndroidDevice): string {
  const rt = device.runtime;
  const powered = !rt.batteryUnplugged;
  return [
    'POWER MANAGER (dumpsys power)',
    '',
    'Power Manager State:',
    '  mDirty=0x0',
    `  mWakefulness=${rt.screenOn ? 'Awake' : 'Asleep'}`,
    '  mWakefulnessChanging=false',
    `  mIsPowered=${powered}`,
    `  mPlugType=${powered ? 2 : 0}`,
    '  mBatteryLevel=85',
    '  mBatteryLevelWhenDreamStarted=0',
    '  mDockState=0',
    '  mStayOn=false',
    '  mProximityPositive=false',
    '  mBootCompleted=true',
    '  mSystemReady=true',
    `  mDeviceIdleMode=${rt.deepIdleForced}`,
    '',
  ].join('\n');
}

/**
 * `dumpsys battery [unplug|reset]`, after BatteryService.Shell / dumpInternal
 * (frameworks/base/services/core/java/com/android/server/BatteryService.java): `unplug` stops updates and
 * reports no charger, `reset` restarts updates; both print nothing.
 */
export async function dumpsysBattery(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const rt = device.runtime;
  const [verb] = args;
  if (verb === 'unplug') {
    rt.batteryUnplugged = true;
    return 0;
  }
  if (verb === 'reset') {
    rt.batteryUnplugged = false;
    return 0;
  }
  if (verb !== undefined && !verb.startsWith('-')) {
    await io.out(`Unknown command: ${verb}\n`);
    return 255;
  }
  const usb = !rt.batteryUnplugged;
  await io.out([
    'Current Battery Service state:',
    ...(rt.batteryUnplugged ? ["  (UPDATES STOPPED -- use 'reset' to restart)"] : []),
    '  AC powered: false',
    `  USB powered: ${usb}`,
    '  Wireless powered: false',
    '  Max charging current: 500000',
    '  Max charging voltage: 5000000',
    '  Charge counter: 2800000',
    `  status: ${usb ? 2 : 3}`,
    '  health: 2',
    '  present: true',
    '  level: 85',
    '  scale: 100',
    '  voltage: 4200',
    '  temperature: 250',
    '  technology: Li-ion',
    '',
  ].join('\n'));
  return 0;
}
