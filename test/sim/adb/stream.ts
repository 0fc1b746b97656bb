import { Inbox } from './inbox.js';

/** What a stream needs from its connection. */
export interface StreamLink {
  /** Largest WRTE payload both sides accept. */
  readonly maxPayload: number;
  sendWrite(localId: number, remoteId: number, data: Buffer): void;
  sendOkay(localId: number, remoteId: number): void;
  sendClose(localId: number, remoteId: number): void;
  forget(localId: number): void;
}

interface PendingWrite {
  data: Buffer;
  offset: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class StreamClosedError extends Error {
  constructor() {
    super('stream closed');
    this.name = 'StreamClosedError';
  }
}

/**
 * One device-side ADB stream. Writes are cut to the negotiated payload size and sent one WRTE at a
 * time: the next goes out only after the host's OKAY, so a host that stops reading stalls the writer
 * (adbd behaves the same way; see AOSP adb/sockets.cpp, local_socket_enqueue/ready).
 */
export class DeviceStream {
  readonly inbox = new Inbox();
  private readonly aborter = new AbortController();
  private queue: PendingWrite[] = [];
  private inFlight: PendingWrite[] | null = null;
  private closed = false;
  private outputLimit: { remaining: number; onReached: () => void } | null = null;
  /** A silent stream neither sends nor acknowledges anything any more. */
  silent = false;

  constructor(
    readonly localId: number,
    readonly remoteId: number,
    private readonly link: StreamLink,
  ) {}

  /** Largest payload of one WRTE on this stream's connection. */
  get maxPayload(): number {
    return this.link.maxPayload;
  }

  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves once the host acknowledged the WRTE carrying the last byte of `data`. */
  write(data: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new StreamClosedError());
    if (data.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ data, offset: 0, resolve, reject });
      this.pump();
    });
  }

  /** Lets about `bytes` more output bytes out (whole WRTEs), then calls `onReached` (a truncation or a dropped link). */
  limitOutput(bytes: number, onReached: () => void): void {
    this.outputLimit = { remaining: bytes, onReached };
  }

  /** A command that ended before its output limit still suffers the fault, before its exit status. */
  strikeOutputLimit(): boolean {
    const limit = this.outputLimit;
    if (!limit) return false;
    this.outputLimit = null;
    limit.onReached();
    return true;
  }

  onOkay(): void {
    const done = this.inFlight;
    this.inFlight = null;
    for (const write of done ?? []) if (write.offset >= write.data.length) write.resolve();
    this.pump();
  }

  onData(data: Buffer): void {
    if (this.silent || this.closed) return;
    this.inbox.push(data);
    this.link.sendOkay(this.localId, this.remoteId);
  }

  /** Closes from our side: CLSE to the host. */
  close(): void {
    if (this.closed) return;
    this.link.sendClose(this.localId, this.remoteId);
    this.teardown();
  }

  /** The host closed the stream (or the connection went away): answer its CLSE once. */
  onRemoteClose(answer: boolean): void {
    if (this.closed) {
      this.link.forget(this.localId);
      return;
    }
    if (answer && !this.silent) this.link.sendClose(this.localId, this.remoteId);
    this.teardown();
    this.link.forget(this.localId);
  }

  private teardown(): void {
    this.closed = true;
    this.inbox.end();
    const error = new StreamClosedError();
    for (const write of [...(this.inFlight ?? []), ...this.queue]) write.reject(error);
    this.inFlight = null;
    this.queue = [];
    this.aborter.abort(error);
  }

  /**
   * Sends the queued writes that fit in one WRTE; a write is split only when it alone exceeds the
   * payload size, so a shell_v2 packet sized by its writer stays inside one WRTE as adbd sends it.
   * An output limit strikes at the first WRTE boundary at or past it.
   */
  private pump(): void {
    if (this.inFlight || this.closed || this.silent || this.queue.length === 0) return;
    if (this.outputLimit && this.outputLimit.remaining <= 0) {
      this.strikeOutputLimit();
      return;
    }
    let room = this.link.maxPayload;
    const parts: Buffer[] = [];
    const carried: PendingWrite[] = [];
    while (room > 0 && this.queue.length > 0) {
      const head = this.queue[0] as PendingWrite;
      const left = head.data.length - head.offset;
      if (left > room && parts.length > 0) break;
      const take = Math.min(room, left);
      parts.push(head.data.subarray(head.offset, head.offset + take));
      head.offset += take;
      room -= take;
      carried.push(head);
      if (head.offset >= head.data.length) this.queue.shift();
    }
    const chunk = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    if (this.outputLimit) this.outputLimit.remaining -= chunk.length;
    this.inFlight = carried;
    this.link.sendWrite(this.localId, this.remoteId, chunk);
  }
}
