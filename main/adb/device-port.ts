import type { Msg } from '../../common/domain/findings.js';
import type { DeviceInfo, DeviceRef } from '../../common/domain/device.js';
import type { ErrorCode } from '../../common/domain/report.js';

export type { DeviceInfo, DeviceRef } from '../../common/domain/device.js';

/**
 * Our interface to phones. Everything above it (audit, fixes, push watcher, UI) speaks only this;
 * the one adapter on adb-ts (adb-ts-adapter.ts) implements it, so another ADB library could replace
 * it in one file.
 */

/** An adb server to talk to; a lab may span several. */
export interface AdbServerAddress {
  host: string;
  port: number;
}


export interface ShellResult {
  /** stdout (and, on legacy shell, stderr mixed in), as raw text decoded UTF-8. */
  output: string;
  /** Exit status when known (we frame commands with end markers); null when the stream ended early. */
  exitCode: number | null;
  durationMs: number;
}

export interface ShellOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface StreamOptions {
  /** Ends the stream (the promise then resolves with `cancelled: true`); the only way to stop `logcat`. */
  signal?: AbortSignal;
  /** Each complete line as it arrives, without its line ending (CRLF or LF). */
  onLine: (line: string) => void;
  /** How long opening the stream may take. Default: the port's shell timeout. */
  openTimeoutMs?: number;
  /** Called once the phone has accepted the stream (the command is starting), before any line arrives. */
  onOpen?: () => void;
}

/** How a streamed command ended. */
export interface StreamResult {
  /** The command's exit status when it ended on its own and we saw the end marker; null when cancelled or cut. */
  exitCode: number | null;
  cancelled: boolean;
  lines: number;
  durationMs: number;
}

export interface PullOptions extends ShellOptions {
  /** Called as data arrives: bytes so far, and the file's size from sync STAT (null when the phone did not say). */
  onProgress?: (bytes: number, total: number | null) => void;
}

export interface BatchOptions extends ShellOptions {
  /** Most streams open at once on this phone. */
  concurrency?: number;
  /** Called as each command finishes, so callers can stream progress. */
  onItem?: (index: number, item: BatchItem) => void;
}

/** Result of several commands run as one batch; each command keeps its own result or error. */
export type BatchItem =
  | { ok: true; command: string; result: ShellResult }
  | { ok: false; command: string; error: DevicePortError };

export type DeviceEvent =
  | { type: 'added'; device: DeviceInfo }
  | { type: 'changed'; device: DeviceInfo }
  | { type: 'removed'; ref: DeviceRef }
  | { type: 'server-error'; server: string; error: DevicePortError };

export interface DeviceTracker {
  close(): void;
}

export interface DevicePort {
  listDevices(): Promise<DeviceInfo[]>;
  /** Calls `onEvent` for each device that appears, changes state or leaves, on every server. */
  trackDevices(onEvent: (event: DeviceEvent) => void): Promise<DeviceTracker>;
  /** Runs one shell command; rejects with DevicePortError (DEVICE_GONE, TIMEOUT, TRUNCATED_OUTPUT, …). */
  shell(ref: DeviceRef, command: string, options?: ShellOptions): Promise<ShellResult>;
  /**
   * Runs several commands with as few round trips as the phone allows, concurrently; results come
   * back in the order given, each with its own status, so one failed command never hides the others.
   */
  shellBatch(ref: DeviceRef, commands: readonly string[], options?: BatchOptions): Promise<BatchItem[]>;
  /**
   * Runs a long or endless command (`logcat`) and hands over its lines as they arrive, until it ends, the
   * signal aborts it (resolves `cancelled`), or the phone is lost (rejects DEVICE_GONE / ADB_UNREACHABLE).
   */
  shellStream(ref: DeviceRef, command: string, options: StreamOptions): Promise<StreamResult>;
  /** Copies a file from the phone, reporting progress; the signal cancels it (rejects TIMEOUT "Cancelled"). */
  pull(ref: DeviceRef, remotePath: string, options?: PullOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export class DevicePortError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What the user should do about it, e.g. "Accept the USB debugging prompt on the phone." */
    readonly hint?: string,
    /** The message ids `message` and `hint` were rendered from (English), so a reader gets them in their language. */
    readonly text?: { message: Msg; hint?: Msg },
  ) {
    super(message);
    this.name = 'DevicePortError';
  }
}
