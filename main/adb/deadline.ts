import type { AdbConnection } from './adb-socket.js';
import { DevicePortError } from './device-port.js';

/**
 * A timeout, and the caller's abort, for one operation: when either fires, the connection is destroyed
 * with that error so no read can wait forever, and a pending `race` rejects at once.
 */
export class Deadline {
  fired = false;
  private firedWith: Error;
  private readonly timer: NodeJS.Timeout;
  private connection: AdbConnection | null = null;
  private rejectRace: ((error: Error) => void) | null = null;
  private readonly onAbort: () => void;

  constructor(error: DevicePortError, timeoutMs: number, private readonly signal?: AbortSignal) {
    this.firedWith = error;
    this.timer = setTimeout(() => this.fire(error), timeoutMs);
    this.onAbort = () => this.fire(abortReason(signal));
    if (signal?.aborted) queueMicrotask(this.onAbort);
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  attach(connection: AdbConnection): void {
    this.connection = connection;
    if (this.fired) connection.destroy(this.firedWith);
  }

  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.rejectRace = reject;
      if (this.fired) reject(this.firedWith);
      work.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private fire(error: Error): void {
    if (this.fired) return;
    this.fired = true;
    this.firedWith = error;
    this.connection?.destroy(error);
    this.rejectRace?.(error);
  }
}

/** The caller's own DevicePortError when it gave one; a plain `abort()` (an AbortError) is "Cancelled". */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof DevicePortError ? reason : new DevicePortError('TIMEOUT', 'Cancelled');
}
