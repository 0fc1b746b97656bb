import { connect, type Socket } from 'node:net';
import type { AdbServerAddress } from './device-port.js';

/**
 * A client for the adb server's smart-socket protocol (AOSP packages/modules/adb/SERVICES.TXT and
 * OVERVIEW.TXT): each request is a 4-hex-digit length then the service name; the server answers `OKAY`,
 * or `FAIL` + 4-hex-digit length + message. After `host:transport:<serial>` the same connection talks to
 * the device, and after `shell:<cmd>` it carries the raw output until the device closes the stream.
 *
 * We read the socket ourselves because adb-ts 6.0.0's `shell()` can hang on outputs ≥ 64 KiB (its parser
 * never drains bytes already buffered when it attaches; see shared/spec/adb-facts.md).
 */

/** The server answered FAIL; `message` is the server's text, e.g. "device 'X' not found". */
export class AdbFailError extends Error {
  constructor(readonly failMessage: string) {
    super(failMessage);
    this.name = 'AdbFailError';
  }
}

/** The connection closed before the bytes the protocol promised. */
export class AdbStreamEndedError extends Error {
  constructor(what: string) {
    super(`adb connection closed while reading ${what}`);
    this.name = 'AdbStreamEndedError';
  }
}

export function formatRequest(service: string): Buffer {
  const body = Buffer.from(service, 'utf8');
  if (body.length > 0xffff) throw new RangeError('adb request longer than 65535 bytes');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'latin1'), body]);
}

export class AdbConnection {
  private readonly buffered: Buffer[] = [];
  private bufferedLength = 0;
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private sink: ((chunk: Buffer) => boolean | void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      if (this.sink) {
        if (this.sink(chunk) === true) this.finishEarly();
      } else {
        this.buffered.push(chunk);
        this.bufferedLength += chunk.length;
      }
      this.notify();
    });
    socket.on('end', () => this.markEnded());
    socket.on('close', () => this.markEnded());
    socket.on('error', (error) => this.fail(error));
  }

  /** Opens a TCP connection to an adb server; rejects with the socket error (ECONNREFUSED when none runs). */
  static open(address: AdbServerAddress, timeoutMs = 5_000): Promise<AdbConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(Object.assign(new Error(`connect to ${address.host}:${address.port} timed out`), { code: 'ETIMEDOUT' }));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new AdbConnection(socket));
      });
    });
  }

  /** Sends one request and waits for OKAY; throws AdbFailError with the server's message on FAIL. */
  async request(service: string): Promise<void> {
    this.socket.write(formatRequest(service));
    const status = (await this.readExactly(4, `the reply to ${service.split(':', 2).join(':')}`)).toString('latin1');
    if (status === 'OKAY') return;
    if (status === 'FAIL') throw new AdbFailError(await this.readHexPrefixed());
    throw new AdbFailError(`unexpected reply ${JSON.stringify(status)}`);
  }

  /** Reads a 4-hex-digit length and that many bytes (host:devices-l, FAIL messages, track-devices). */
  async readHexPrefixed(): Promise<string> {
    const lengthText = (await this.readExactly(4, 'a length')).toString('latin1');
    const length = Number.parseInt(lengthText, 16);
    if (!/^[0-9a-fA-F]{4}$/.test(lengthText)) throw new AdbFailError(`bad length ${JSON.stringify(lengthText)}`);
    return (await this.readExactly(length, 'a message')).toString('utf8');
  }

  async readExactly(n: number, what: string): Promise<Buffer> {
    for (;;) {
      if (this.bufferedLength >= n) return this.take(n);
      if (this.failure) throw this.failure;
      if (this.ended) throw new AdbStreamEndedError(what);
      await this.waitForData();
    }
  }

  /**
   * Hands every byte to `onChunk` until the peer closes the stream. `onChunk` may return true to say it
   * has everything it needs; the connection is then closed and the read resolves.
   */
  async readToEnd(onChunk: (chunk: Buffer) => boolean | void): Promise<void> {
    const pending = this.take(this.bufferedLength);
    this.sink = onChunk;
    if (pending.length > 0 && onChunk(pending) === true) this.finishEarly();
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.ended) return;
      await this.waitForData();
    }
  }

  write(data: Buffer): void {
    this.socket.write(data);
  }

  /** Ends the connection; pending reads reject with `reason` when given. */
  destroy(reason?: Error): void {
    if (reason) this.fail(reason);
    this.socket.destroy();
  }

  private finishEarly(): void {
    this.socket.destroy();
    this.markEnded();
  }

  private take(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      const first = this.buffered[0] as Buffer;
      if (first.length <= need) {
        parts.push(first);
        this.buffered.shift();
        need -= first.length;
      } else {
        parts.push(first.subarray(0, need));
        this.buffered[0] = first.subarray(need);
        need = 0;
      }
    }
    this.bufferedLength -= n;
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, n);
  }

  private markEnded(): void {
    this.ended = true;
    this.notify();
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    this.notify();
  }

  private waitForData(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
