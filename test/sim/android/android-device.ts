import { LogcatBuffers, threadtimeLine, type LogBuffer } from './logcat-buffers.js';
import type { PhoneState, ProfileManifest, SimPackage } from './profile.js';
import type { SimFs } from './sim-fs.js';

/** Package names and similar identifiers that may reach a command; anything else is rejected before use. */
export const PACKAGE_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

/** system_server's pid in the simulated logs; any stable number does. */
export const SYSTEM_SERVER_PID = 1432;

/** One activity `am start` brought to the screen. */
export interface ActivityStart {
  /** ms since epoch. */
  at: number;
  /** The intent as ActivityTaskManager logs it: `act=… cat=[…] dat=… pkg=… cmp=…`. */
  intent: string;
  /** The activity that opened, "package/class" as ComponentName.flattenToShortString prints it. */
  component: string;
}

/**
 * What a phone holds only while it runs (never in a profile): the screen, the charger, Doze, which app
 * processes are alive and which one is on top. Conditions for a test push (issue 11) change these.
 */
export interface DeviceRuntime {
  screenOn: boolean;
  /** `dumpsys battery unplug`: BatteryService reports no charger until `dumpsys battery reset`. */
  batteryUnplugged: boolean;
  /** `dumpsys deviceidle force-idle`: deep Doze (STATE_IDLE) until `unforce`. */
  deepIdleForced: boolean;
  /** Packages with a live process (started by an activity, gone after `am kill` / `am force-stop`). */
  running: Set<string>;
  /** The package whose activity is resumed, or null on the home screen. */
  foreground: string | null;
  /** Work Doze holds back (normal-priority FCM), run when the phone leaves deep idle. */
  deferred: (() => void)[];
  /** `cmd statusbar expand-notifications`: the shade is pulled down (uiautomator then sees the notifications). */
  shadeExpanded: boolean;
  /** The resumed activity (package and full class name), null for the launcher. */
  resumed: { pkg: string; className: string } | null;
}

/**
 * Everything an Android command reads or changes on one simulated phone. Commands render their
 * output from here on every call, so a change made by one command shows in the next.
 */
export class AndroidDevice {
  readonly logcat: LogcatBuffers;
  readonly sdk: number;
  readonly activityStarts: ActivityStart[] = [];
  readonly runtime: DeviceRuntime = { screenOn: true, batteryUnplugged: false, deepIdleForced: false, running: new Set(), foreground: null, deferred: [], shadeExpanded: false, resumed: null };
  private nextPid = 20000;

  constructor(
    readonly manifest: ProfileManifest,
    readonly props: ReadonlyMap<string, string>,
    /** The getprop.txt text as the profile has it, printed verbatim by `getprop`. */
    readonly getpropText: string,
    readonly state: PhoneState,
    readonly fs: SimFs,
    readonly now: () => number,
  ) {
    const sdk = Number(props.get('ro.build.version.sdk'));
    this.sdk = Number.isFinite(sdk) && sdk > 0 ? sdk : 34;
    state.logcatBuffers ??= {};
    const buffers = state.logcatBuffers;
    buffers.events ??= [];
    buffers.system ??= [];
    buffers.crash ??= [];
    this.logcat = new LogcatBuffers({ main: state.logcat, system: buffers.system, events: buffers.events, crash: buffers.crash });
  }

  prop(key: string): string {
    return this.props.get(key) ?? '';
  }

  findPackage(name: string): SimPackage | undefined {
    return this.state.packages.find((p) => p.name === name);
  }

  /** An installed package for user 0, as most shell commands see it. */
  installedPackage(name: string): SimPackage | undefined {
    const pkg = this.findPackage(name);
    return pkg?.installed ? pkg : undefined;
  }

  /** Leaves forced deep idle, running what Doze held back (the maintenance window's delivery). */
  leaveDeepIdle(): void {
    this.runtime.deepIdleForced = false;
    const held = this.runtime.deferred.splice(0);
    for (const run of held) run();
  }

  allocatePid(): number {
    return this.nextPid++;
  }

  log(buffer: LogBuffer, priority: string, tag: string, message: string, pid = SYSTEM_SERVER_PID, tid = pid): void {
    this.logcat.append(buffer, threadtimeLine(this.now(), pid, tid, priority, tag, message));
  }
}

/** A hex hash that stays the same for the same input, for `Package{…}` style object ids. */
export function stableHash(input: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 7);
}
