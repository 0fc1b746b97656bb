/**
 * shell_v2 framing: [id u8][length u32 LE][data]. See AOSP adb/shell_protocol.h.
 * The framing is a byte stream, independent of WRTE boundaries.
 */
export const SHELL_STDIN = 0;
export const SHELL_STDOUT = 1;
export const SHELL_STDERR = 2;
export const SHELL_EXIT = 3;
export const SHELL_CLOSE_STDIN = 4;

export const SHELL_HEADER_SIZE = 5;

export function shellPacket(id: number, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(SHELL_HEADER_SIZE + data.length);
  out.writeUInt8(id, 0);
  out.writeUInt32LE(data.length, 1);
  data.copy(out, SHELL_HEADER_SIZE);
  return out;
}

export interface ShellFrame {
  id: number;
  data: Buffer;
}

/** Splits the host's shell_v2 bytes into frames; a partial frame waits for the next chunk. */
export class ShellFrameDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): ShellFrame[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: ShellFrame[] = [];
    while (this.buffered.length >= SHELL_HEADER_SIZE) {
      const length = this.buffered.readUInt32LE(1);
      if (this.buffered.length < SHELL_HEADER_SIZE + length) break;
      frames.push({ id: this.buffered.readUInt8(0), data: this.buffered.subarray(SHELL_HEADER_SIZE, SHELL_HEADER_SIZE + length) });
      this.buffered = this.buffered.subarray(SHELL_HEADER_SIZE + length);
    }
    return frames;
  }
}
