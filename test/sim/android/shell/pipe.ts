/**
 * An in-memory pipe between two commands of a pipeline. Writers wait while more than
 * HIGH_WATER bytes are unread (backpressure), and once the reader is gone writes are dropped
 * and `onReaderClosed` fires, which the interpreter turns into SIGPIPE for the writer.
 */
const HIGH_WATER = 64 * 1024;

export class Pipe implements AsyncIterable<Buffer> {
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private writerDone = false;
  private readerDone = false;
  private wakeReader: (() => void) | null = null;
  private wakeWriters: (() => void)[] = [];

  constructor(private readonly onReaderClosed: () => void = () => {}) {}

  get readerClosed(): boolean {
    return this.readerDone;
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.readerDone || this.writerDone || chunk.length === 0) return;
    this.queue.push(chunk);
    this.queuedBytes += chunk.length;
    this.wake();
    while (this.queuedBytes > HIGH_WATER && !this.readerDone) {
      await new Promise<void>((resolve) => this.wakeWriters.push(resolve));
    }
  }

  endWrite(): void {
    this.writerDone = true;
    this.wake();
  }

  closeRead(): void {
    if (this.readerDone) return;
    this.readerDone = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.releaseWriters();
    this.onReaderClosed();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    while (!this.readerDone) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queuedBytes -= chunk.length;
        if (this.queuedBytes <= HIGH_WATER) this.releaseWriters();
        yield chunk;
        continue;
      }
      if (this.writerDone) return;
      await new Promise<void>((resolve) => {
        this.wakeReader = resolve;
      });
    }
  }

  private wake(): void {
    const wake = this.wakeReader;
    this.wakeReader = null;
    wake?.();
  }

  private releaseWriters(): void {
    const writers = this.wakeWriters;
    this.wakeWriters = [];
    for (const release of writers) release();
  }
}

/** Stdin that is already at end of file. */
export const EMPTY_INPUT: AsyncIterable<Buffer> = {
  async *[Symbol.asyncIterator]() {},
};
