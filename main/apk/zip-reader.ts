import { open, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import { ApkError } from './apk-error.js';

/**
 * A zip reader for APKs that reads only what it is asked for: the end-of-central-directory record (zip64 where
 * present), the central directory, then single entries by their local header. An APK can be hundreds of MB of
 * assets and native code while the manifest is a few KB, so the file is never read whole.
 * Every size and offset comes from the file and is checked before it is used; bad input raises ApkError.
 */

const inflate = promisify(inflateRaw);

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Far above any real APK's directory (framework-res.apk's is ~0.3 MB); stops a forged size allocating GBs. */
const MAX_CENTRAL_DIRECTORY = 64 << 20;
/** The default per-entry cap: framework-res.apk's resources.arsc (31.8 MB) fits, a zip bomb does not. */
export const DEFAULT_ENTRY_CAP = 96 << 20;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  /** Bytes in the file. */
  readonly size: number;
  /** By name; for a duplicated name the first central-directory record wins (see `duplicates`). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Names that appear more than once in the central directory (Android itself refuses such APKs). */
  readonly duplicates: readonly string[];
  /** The entry's bytes, inflated and CRC-checked; ApkError 'missing-entry' / 'too-large' / 'corrupt-entry'. */
  read(name: string, options?: { maxBytes?: number }): Promise<Buffer>;
  close(): Promise<void>;
}

/** Opens `path` and reads its central directory. Throws ApkError; the handle is closed on failure. */
export async function openZip(path: string): Promise<ZipArchive> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ApkError('io', `cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const size = (await handle.stat()).size;
    const directory = await readDirectory(handle, size);
    return archive(handle, size, directory);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

interface Directory {
  entries: Map<string, ZipEntry>;
  duplicates: string[];
  /** Where the central directory starts: no entry's data may reach past it. */
  dataEnd: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  // Unsafe (not zero-filled) is fine: the loop fills every byte or throws.
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ApkError('bad-zip', `file ends at ${position + done}, expected ${length} bytes at ${position}`);
    done += bytesRead;
  }
  return buffer;
}

function u64(buffer: Buffer, offset: number, what: string): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ApkError('bad-zip', `${what} ${value} is out of range`);
  return Number(value);
}

async function readDirectory(handle: FileHandle, size: number): Promise<Directory> {
  if (size < EOCD_SIZE) throw new ApkError('not-zip', `${size} bytes is too short for a zip`);
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT + 20);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  // Backwards, so a signature-like sequence inside the archive comment is not mistaken for the record.
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ApkError('not-zip', 'no end-of-central-directory record');

  let diskNumber = tail.readUInt16LE(eocd + 4);
  let directoryDisk = tail.readUInt16LE(eocd + 6);
  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  let recordStart = tailStart + eocd;

  const locator = eocd - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === SIG_ZIP64_LOCATOR) {
    const zip64Offset = u64(tail, locator + 8, 'zip64 record offset');
    if (zip64Offset + 56 > tailStart + locator) throw new ApkError('bad-zip', `zip64 record at ${zip64Offset} overlaps its locator`);
    const record = await readAt(handle, zip64Offset, 56);
    if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw new ApkError('bad-zip', `no zip64 end-of-central-directory record at ${zip64Offset}`);
    diskNumber = record.readUInt32LE(16);
    directoryDisk = record.readUInt32LE(20);
    count = u64(record, 32, 'zip64 entry count');
    directorySize = u64(record, 40, 'zip64 directory size');
    directoryOffset = u64(record, 48, 'zip64 directory offset');
    recordStart = zip64Offset;
  }
  if (diskNumber !== 0 || directoryDisk !== 0) throw new ApkError('unsupported', 'multi-disk archive');
  if (directoryOffset + directorySize > recordStart) {
    throw new ApkError('bad-zip', `central directory (${directorySize} bytes at ${directoryOffset}) runs past its end record at ${recordStart}`);
  }
  if (directorySize > MAX_CENTRAL_DIRECTORY) throw new ApkError('too-large', `central directory of ${directorySize} bytes`);
  if (count * 46 > directorySize) throw new ApkError('bad-zip', `${count} entries cannot fit in a ${directorySize}-byte directory`);

  const cd = await readAt(handle, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  const duplicates: string[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new ApkError('bad-zip', `central directory record ${n} at ${directoryOffset + p} is invalid`);
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) throw new ApkError('bad-zip', `central directory record ${n} runs past the directory`);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags,
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    if (entries.has(name)) duplicates.push(name);
    else entries.set(name, entry);
    p = end;
  }
  return { entries, duplicates, dataEnd: directoryOffset };
}

/** Sizes and offsets that overflow 32 bits are 0xffffffff in the record and real in the zip64 extra field, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const MAX = 0xffffffff;
  if (entry.uncompressedSize !== MAX && entry.compressedSize !== MAX && entry.localHeaderOffset !== MAX) return;
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (p + 4 + length > extra.length) break;
    if (id === 0x0001) {
      let q = p + 4;
      const next = (what: string): number => {
        if (q + 8 > p + 4 + length) throw new ApkError('bad-zip', `zip64 extra field of ${entry.name} lacks the ${what}`);
        const value = u64(extra, q, what);
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === MAX) entry.uncompressedSize = next('uncompressed size');
      if (entry.compressedSize === MAX) entry.compressedSize = next('compressed size');
      if (entry.localHeaderOffset === MAX) entry.localHeaderOffset = next('local header offset');
      return;
    }
    p += 4 + length;
  }
}

function archive(handle: FileHandle, size: number, directory: Directory): ZipArchive {
  let closed = false;
  return {
    size,
    entries: directory.entries,
    duplicates: directory.duplicates,
    async read(name, options = {}) {
      if (closed) throw new ApkError('io', 'archive is closed');
      const entry = directory.entries.get(name);
      if (!entry) throw new ApkError('missing-entry', `${name} is not in the archive`);
      return readEntry(handle, directory.dataEnd, entry, options.maxBytes ?? DEFAULT_ENTRY_CAP);
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

async function readEntry(handle: FileHandle, dataEnd: number, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  const { name } = entry;
  if (entry.flags & 0x1) throw new ApkError('unsupported', `${name} is encrypted`);
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) throw new ApkError('unsupported', `${name} uses compression method ${entry.method}`);
  if (entry.uncompressedSize > maxBytes) throw new ApkError('too-large', `${name} is ${entry.uncompressedSize} bytes, over the ${maxBytes}-byte cap`);
  if (entry.localHeaderOffset + 30 > dataEnd) throw new ApkError('bad-zip', `${name}: local header at ${entry.localHeaderOffset} is outside the data area`);
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== SIG_LOCAL) throw new ApkError('bad-zip', `${name}: no local header at ${entry.localHeaderOffset}`);
  // The local header's own name/extra lengths decide where the data starts; they may differ from the central record's.
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > dataEnd) throw new ApkError('bad-zip', `${name}: ${entry.compressedSize} bytes at ${dataStart} run into the central directory`);
  if (entry.method === METHOD_STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw new ApkError('bad-zip', `${name}: stored entry with ${entry.compressedSize} compressed and ${entry.uncompressedSize} uncompressed bytes`);
  }
  const raw = await readAt(handle, dataStart, entry.compressedSize);
  let data: Buffer;
  if (entry.method === METHOD_STORED) {
    data = raw;
  } else {
    try {
      // The cap is the declared size: a stream that inflates to more than the directory says is corrupt or a bomb.
      data = await inflate(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      throw new ApkError('corrupt-entry', `${name}: inflate failed (${(error as Error).message})`);
    }
  }
  if (data.length !== entry.uncompressedSize) throw new ApkError('corrupt-entry', `${name}: ${data.length} bytes, the directory says ${entry.uncompressedSize}`);
  const actual = crc32(data) >>> 0;
  if (actual !== entry.crc32) throw new ApkError('corrupt-entry', `${name}: CRC ${hex(actual)}, the directory says ${hex(entry.crc32)}`);
  return data;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
