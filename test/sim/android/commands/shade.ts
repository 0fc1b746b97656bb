import { stableHash, type AndroidDevice } from '../android-device.js';
import type { CommandIo } from '../shell/interpreter.js';
import { launchActivity } from './am.js';
import { shortComponent } from './pm.js';

/** Where the expanded shade draws each notification row (newest first), on the 1080×2400 screen ui-tools uses. */
export const ROW_TOP = 320;
export const ROW_HEIGHT = 220;

/**
 * `cmd statusbar expand-notifications | collapse` (StatusBarShellCommand,
 * frameworks/base/services/core/java/com/android/server/statusbar/StatusBarShellCommand.java, Android 8+): silent.
 */
export async function statusbarCommand(io: CommandIo, device: AndroidDevice, args: string[]): Promise<number> {
  const [verb] = args;
  if (verb === 'expand-notifications' || verb === 'expand-settings') device.runtime.shadeExpanded = true;
  else if (verb === 'collapse') device.runtime.shadeExpanded = false;
  else {
    await io.out(`Unknown command: ${verb ?? ''}\n`);
    return 255;
  }
  return 0;
}

/** The notification rows of the expanded shade, as the window hierarchy shows them. */
export function shadeRows(device: AndroidDevice): { title: string; text: string; pkg: string; id: number; bounds: [number, number, number, number] }[] {
  return [...device.state.posted].reverse().map((p, i) => ({
    title: p.title, text: p.text, pkg: p.pkg, id: p.id, bounds: [0, ROW_TOP + i * ROW_HEIGHT, 1080, ROW_TOP + (i + 1) * ROW_HEIGHT - 10],
  }));
}

/**
 * A tap on the expanded shade: a row's content intent opens its app (TUIOfflinePush's notifications open the app,
 * push-apis §4.8) and, with FLAG_AUTO_CANCEL, the notification goes away and the shade closes. The shell's own
 * notifications have no content intent: nothing opens.
 */
export function tapShade(device: AndroidDevice, x: number, y: number): void {
  if (!device.runtime.shadeExpanded) return;
  const row = shadeRows(device).find((r) => x >= r.bounds[0] && x < r.bounds[2] && y >= r.bounds[1] && y < r.bounds[3]);
  if (!row || row.pkg === 'com.android.shell') return;
  const pkg = device.installedPackage(row.pkg);
  const launcher = pkg?.activities?.find((a) => a.actions.includes('android.intent.action.MAIN') && a.categories?.includes('android.intent.category.LAUNCHER'));
  if (!pkg || !launcher) return;
  device.state.posted = device.state.posted.filter((p) => !(p.pkg === row.pkg && p.id === row.id));
  device.runtime.shadeExpanded = false;
  launchActivity(device, pkg, launcher.name.startsWith('.') ? pkg.name + launcher.name : launcher.name, ['flg=0x10000000']);
}

/**
 * `dumpsys activity activities`, the lines that name the resumed activity: `mResumedActivity: ActivityRecord{…}`
 * up to Android 11, `topResumedActivity=ActivityRecord{…}` from Android 12 (Task.dump).
 */
export function dumpsysActivities(device: AndroidDevice): string {
  const r = device.runtime.resumed;
  const [pkg, cls] = r ? [r.pkg, r.className] : ['com.android.launcher3', 'com.android.launcher3.uioverrides.QuickstepLauncher'];
  const record = `ActivityRecord{${stableHash(`${pkg}/${cls}`)} u0 ${shortComponent(pkg, cls)} t${r ? 42 : 6}}`;
  const head = 'ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\nDisplay #0 (activities from top to bottom):\n';
  return device.sdk >= 31
    ? `${head}  * Task{${stableHash(pkg)} #${r ? 42 : 6} type=standard A=${pkg} U=0 visible=true mode=fullscreen sz=1}\n    isSleeping=false\n    topResumedActivity=${record}\n`
    : `${head}  Stack #1: type=standard mode=fullscreen\n    mResumedActivity: ${record}\n`;
}
