/**
 * Bytes the host sends on one stream, consumed either as chunks (stdin of a shell) or as exact-size
 * reads (the sync protocol, whose requests straddle WRTE boundaries).
 */
export class Inbox implements AsyncIterable<Buffer> {
  private chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  push(chunk: Buffer): void {
    if (this.ended || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Resolves with exactly `length` bytes, or null when the stream ends first. */
  async readExactly(length: number): Promise<Buffer | null> {
    while (this.size < length) {
      if (this.ended) return null;
      await this.waitForMore();
    }
    const joined = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const out = joined.subarray(0, length);
    const rest = joined.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    return out;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      if (this.chunks.length > 0) {
        const chunk = this.chunks.shift() as Buffer;
        this.size -= chunk.length;
        yield chunk;
        continue;
      }
      if (this.ended) return;
      await this.waitForMore();
    }
  }

  private waitForMore(): Promise<void> {
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
