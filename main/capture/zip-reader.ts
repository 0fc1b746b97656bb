import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Inflate } from 'fflate';

/**
 * Reads a zip file by its central directory, one named entry at a time, inflating as a stream under a byte cap.
 * Nothing is read that is not asked for: a 2 MB zip that holds a 2 GB entry nobody names costs nothing, and a
 * named entry that inflates past the cap stops at the cap (APPNOTE.TXT 4.3: local header, data, central
 * directory, end of central directory record; zip64 records per 4.3.14–4.3.15 and extra field 0x0001).
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
  isSymlink: boolean;
}

export class ZipReadError extends Error {
  constructor(readonly code: 'TOO_LARGE' | 'INVALID_INPUT' | 'UNSUPPORTED', message: string) {
    super(message);
    this.name = 'ZipReadError';
  }
}

/** A shared allowance: each read takes from it, so many entries cannot add up past the total cap either. */
export interface ByteBudget {
  /** Bytes still allowed across every read. */
  remaining: number;
  /** The cap of one entry. */
  perEntry: number;
  /** For the message: the caps as a person reads them. */
  describe: string;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The central directory of a zip of text files; far bigger means a crafted file. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
/** Small compressed chunks bound what one push can inflate (DEFLATE expands at most ~1032×). */
const CHUNK = 16 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

function u64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError('INVALID_INPUT', 'the zip names an offset or size too large to be real');
  return Number(value);
}

export class ZipReader {
  private constructor(private readonly handle: FileHandle, private readonly fileSize: number, readonly entries: readonly ZipEntry[]) {}

  static async open(file: string): Promise<ZipReader> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      return new ZipReader(handle, size, await readDirectory(handle, size));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The entry's bytes, inflated; ZipReadError TOO_LARGE when it would pass the entry's or the total cap. */
  async read(entry: ZipEntry, budget: ByteBudget): Promise<Uint8Array> {
    if (entry.flags & 1) throw new ZipReadError('UNSUPPORTED', `the zip entry ${entry.name} is encrypted`);
    const cap = Math.min(budget.perEntry, budget.remaining);
    const tooLarge = () => new ZipReadError('TOO_LARGE', `the zip entry ${entry.name} is larger than Push Doctor reads (${budget.describe})`);
    if (entry.size > cap) throw tooLarge();
    const local = await readAt(this.handle, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw new ZipReadError('INVALID_INPUT', `the zip entry ${entry.name} has no local header`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.fileSize) throw new ZipReadError('INVALID_INPUT', `the zip entry ${entry.name} runs past the end of the file`);
    if (entry.method === 0) {
      if (entry.compressedSize > cap) throw tooLarge();
      const bytes = await readAt(this.handle, start, entry.compressedSize);
      budget.remaining -= bytes.length;
      return bytes;
    }
    if (entry.method !== 8) throw new ZipReadError('UNSUPPORTED', `the zip entry ${entry.name} uses compression method ${entry.method}, which Push Doctor cannot read`);
    const parts: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflate = new Inflate((data) => {
      total += data.length;
      if (total > cap) over = true;
      else parts.push(data);
    });
    try {
      for (let at = 0; at < entry.compressedSize && !over; at += CHUNK) {
        const length = Math.min(CHUNK, entry.compressedSize - at);
        inflate.push(await readAt(this.handle, start + at, length), at + length >= entry.compressedSize);
      }
    } catch (error) {
      throw new ZipReadError('INVALID_INPUT', `the zip entry ${entry.name} could not be inflated: ${(error as Error).message}`);
    }
    if (over) throw tooLarge();
    budget.remaining -= total;
    const out = new Uint8Array(total);
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }
}

async function readDirectory(handle: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  // The end record is the last 22 bytes, plus a comment of at most 65535 bytes.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipReadError('INVALID_INPUT', 'it has no end-of-central-directory record (not a zip, or cut short)');
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw new ZipReadError('INVALID_INPUT', 'its zip64 records are missing');
    const record = await readAt(handle, u64(tail, locatorAt + 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipReadError('INVALID_INPUT', 'its zip64 end record is missing');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
  }
  if (directorySize > MAX_DIRECTORY_BYTES) throw new ZipReadError('TOO_LARGE', `its central directory is ${directorySize} bytes, more than a capture's could be`);
  if (directoryOffset + directorySize > fileSize) throw new ZipReadError('INVALID_INPUT', 'its central directory runs past the end of the file');
  const directory = await readAt(handle, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new ZipReadError('INVALID_INPUT', 'its central directory is damaged');
    const madeBy = directory.readUInt16LE(at + 4) >> 8;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const external = directory.readUInt32LE(at + 38);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    let compressedSize = directory.readUInt32LE(at + 20);
    let size = directory.readUInt32LE(at + 24);
    let localOffset = directory.readUInt32LE(at + 42);
    // Zip64 extra field: the 64-bit values, in this order, for exactly those fields that are 0xffffffff.
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        const next = () => {
          if (p + 8 > e + 4 + length) throw new ZipReadError('INVALID_INPUT', `the zip64 field of ${name} is short`);
          const v = u64(extra, p);
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + length;
    }
    // Unix "made by" (3) keeps the file mode in the high 16 bits of the external attributes.
    const mode = madeBy === 3 ? external >>> 16 : 0;
    entries.push({
      name,
      method: directory.readUInt16LE(at + 10),
      flags: directory.readUInt16LE(at + 8),
      compressedSize,
      size,
      localOffset,
      isDirectory: name.endsWith('/'),
      isSymlink: (mode & 0o170000) === 0o120000,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
