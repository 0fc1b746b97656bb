import { PUSH_CONDITIONS, type PushCondition } from '../../common/push/route-ids.js';
import { assertSafePackageName } from '../adb/shell-safety.js';
import type { DevicePort, DeviceRef } from '../adb/device-port.js';

/**
 * The states offline push must survive (FAQ: background, locked screen, killed app), put on the phone before
 * a test push and undone after it. `killed` is `am kill` — the process gone as when the system reclaims memory,
 * the package still startable — and `stopped` is `am force-stop`, the stopped state in which FCM drops the
 * message: the report keeps the two apart. `doze` fakes a charger-less phone and forces deep idle
 * (developer.android.com/training/monitoring-device-state/doze-standby#testing_doze).
 */
// Named in common so the IPC contract and the composer offer the same list.
export const CONDITIONS = PUSH_CONDITIONS;
export type Condition = PushCondition;

export interface ConditionStep {
  command: string;
  output: string;
  exitCode: number | null;
}

export interface EnteredCondition {
  condition: Condition;
  /** The phone confirmed the state (true), denied it (false), or has no read-back for it (null). */
  confirmed: boolean | null;
  /** Why the phone is not in the condition, when it is not. */
  problem: string | null;
  steps: ConditionStep[];
  /** Puts the phone back as a user would have it: screen on, charger reporting, no forced Doze. */
  restore(): Promise<ConditionStep[]>;
}

const TIMEOUT_MS = 15_000;

export async function enterCondition(port: DevicePort, ref: DeviceRef, pkg: string, condition: Condition): Promise<EnteredCondition> {
  const app = assertSafePackageName(pkg);
  const steps: ConditionStep[] = [];
  const run = async (command: string, into: ConditionStep[] = steps): Promise<ConditionStep> => {
    try {
      const r = await port.shell(ref, command, { timeoutMs: TIMEOUT_MS });
      const step = { command, output: r.output.trim(), exitCode: r.exitCode };
      into.push(step);
      return step;
    } catch (error) {
      const step = { command, output: error instanceof Error ? error.message : String(error), exitCode: null };
      into.push(step);
      return step;
    }
  };
  const launch = () => run(`monkey -p ${app} -c android.intent.category.LAUNCHER 1`);
  const home = () => run('input keyevent KEYCODE_HOME');
  const restoreWith = (commands: string[]) => async () => {
    const done: ConditionStep[] = [];
    for (const c of commands) await run(c, done);
    return done;
  };
  const result = (confirmed: boolean | null, problem: string | null, restore: string[]): EnteredCondition =>
    ({ condition, confirmed, problem, steps, restore: restoreWith(restore) });

  switch (condition) {
    case 'foreground': {
      const s = await launch();
      const ok = /Events injected: 1/.test(s.output);
      return result(ok, ok ? null : `The app could not be started: ${s.output.split('\n').pop() ?? ''}`, ['input keyevent KEYCODE_HOME']);
    }
    case 'background': {
      const s = await launch();
      await home();
      const ok = /Events injected: 1/.test(s.output);
      return result(ok ? null : false, ok ? null : 'The app could not be started, so it is not in the background.', []);
    }
    case 'locked': {
      await run('input keyevent KEYCODE_SLEEP');
      const power = await run('dumpsys power');
      const w = /mWakefulness=(\w+)/.exec(power.output)?.[1] ?? null;
      const asleep = w === null ? null : w === 'Asleep' || w === 'Dozing';
      return result(asleep, asleep === false ? `The screen stayed on (mWakefulness=${w}).` : asleep === null ? 'dumpsys power did not say whether the screen is off.' : null,
        ['input keyevent KEYCODE_WAKEUP']);
    }
    case 'killed': {
      await launch();
      await home();
      await run(`am kill ${app}`);
      return result(null, null, []);
    }
    case 'stopped': {
      await run(`am force-stop ${app}`);
      const dump = await run(`dumpsys package ${app}`);
      const stopped = /\bstopped=(true|false)/.exec(dump.output)?.[1];
      const ok = stopped === undefined ? null : stopped === 'true';
      // Starting an activity is what takes a package out of the stopped state.
      return result(ok, ok === false ? 'The package did not enter the stopped state.' : null,
        [`monkey -p ${app} -c android.intent.category.LAUNCHER 1`, 'input keyevent KEYCODE_HOME']);
    }
    case 'doze': {
      await run('dumpsys battery unplug');
      const forced = await run('dumpsys deviceidle force-idle');
      const deep = await run('dumpsys deviceidle get deep');
      const idle = deep.output.trim() === 'IDLE';
      return result(idle, idle ? null : `Deep Doze could not be forced: ${forced.output || deep.output}`,
        ['dumpsys deviceidle unforce', 'dumpsys battery reset']);
    }
  }
}
