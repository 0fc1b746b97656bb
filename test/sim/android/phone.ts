import type { DeliveryResult, SimPush } from './push-delivery.js';
import type { ProfileManifest } from './profile.js';

/**
 * Contract between the ADB transport side of the simulator (test/sim/adb/) and the simulated Android
 * that answers commands (test/sim/android/). The transport knows nothing about Android; the phone
 * knows nothing about ADB packets.
 */

export interface ShellIo {
  /** Resolves when the bytes are accepted (the transport applies ADB flow control behind it). */
  stdout(chunk: Buffer | string): Promise<void>;
  stderr(chunk: Buffer | string): Promise<void>;
  /** Bytes the client sends on stdin (shell v2 / exec), ending when it closes stdin. */
  stdin?: AsyncIterable<Buffer>;
  /** Aborted when the client closes the stream or the phone disconnects; long commands (logcat) stop then. */
  signal: AbortSignal;
}

export interface SimFileStat {
  /** st_mode, e.g. 0o100644 for a regular file, 0o040755 for a directory. */
  mode: number;
  size: number;
  /** Seconds since epoch. */
  mtime: number;
}

export interface SimPhone {
  readonly manifest: ProfileManifest;
  /** Runs a whole shell command line (`;`, `&&`, `||`, pipes, subshells, redirections); resolves to its exit code. */
  run(commandLine: string, io: ShellIo): Promise<number>;
  stat(path: string): SimFileStat | null;
  list(path: string): { name: string; stat: SimFileStat }[] | null;
  readFile(path: string): Buffer | null;
  writeFile(path: string, data: Buffer, mode: number, mtime: number): void;
  /**
   * Optional (added by the simulated Android): a push arriving for an app, posted the way
   * NotificationManagerService would (nothing is posted when the app is missing, disabled or
   * blocked, or the channel is missing or blocked). An FCM app in the stopped state never gets
   * the message: Play services logs `broadcast intent callback: result=CANCELLED` instead.
   */
  postAppNotification?(pkg: string, channelId: string, title: string, text: string): PostResult;
  /** Optional (added by the simulated Android): every activity `am start` opened, oldest first. */
  readonly activityStarts?: readonly { at: number; intent: string; component: string }[];
  /** Optional (added by the simulated Android): a push from a push service, as android/push-delivery.ts models it. */
  deliverPush?(push: SimPush): DeliveryResult;
  /** Optional (added by the simulated Android): the push tokens the phone's apps log, by token. */
  pushTokens?(): Map<string, { pkg: string; transport: SimPush['transport'] }>;
  /** Optional (added by the simulated Android): the package on top of the screen, null on the home screen or when locked. */
  foregroundPackage?(): string | null;
}

/** Optional (added by the simulated Android): what became of a simulated push. */
export type PostResult =
  | { posted: true; key: string }
  | { posted: false; reason: 'not-installed' | 'package-disabled' | 'app-stopped' | 'app-blocked' | 'channel-missing' | 'channel-blocked' };

export interface PhoneOptions {
  /** Delay before each Android command (getprop, dumpsys, cmd, pm, am, settings, logcat …) runs. */
  latencyMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}
