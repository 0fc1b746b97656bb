import { describe, expect, it } from 'vitest';
import { Pipe } from './pipe.js';

describe('Pipe', () => {
  it('makes a writer wait while more than 64 KiB are unread, and releases it as the reader drains', async () => {
    const pipe = new Pipe();
    let written = 0;
    const writer = (async () => {
      for (let i = 0; i < 8; i++) {
        await pipe.write(Buffer.alloc(32 * 1024));
        written++;
      }
      pipe.endWrite();
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toBe(2);
    let read = 0;
    for await (const chunk of pipe) read += chunk.length;
    await writer;
    expect(read).toBe(8 * 32 * 1024);
  });

  it('drops writes and tells the writer once the reader has gone', async () => {
    let signalled = false;
    const pipe = new Pipe(() => {
      signalled = true;
    });
    const blocked = pipe.write(Buffer.alloc(100 * 1024));
    pipe.closeRead();
    await blocked;
    await pipe.write(Buffer.from('more'));
    expect(signalled).toBe(true);
    expect(pipe.readerClosed).toBe(true);
  });
});
