import { open, writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes zips for tests: to rebuild an aapt-built APK with a rewritten manifest or table, to force zip64
 * records (no APK this small needs them, so aapt never writes them), and to make malformed archives.
 */

export interface ZipInput {
  name: string;
  data: Buffer;
  method: 'stored' | 'deflate';
}

export interface ZipWriteOptions {
  /** Write every size and offset through zip64 extra fields and a zip64 end record. */
  zip64?: boolean;
  comment?: string;
  /**
   * Where the zip starts in its file: offsets are written as if `baseOffset` bytes came first. With
   * `writeZip`, the gap is a hole in a sparse file, so a test can have a > 4 GiB APK on a few KB of disk.
   */
  baseOffset?: number;
}

export function zipBytes(entries: readonly ZipInput[], options: ZipWriteOptions = {}): Buffer {
  const zip64 = options.zip64 ?? false;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const base = options.baseOffset ?? 0;
  if (!zip64 && base > 0) throw new Error('an offset zip needs zip64 records');
  let offset = base;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.method === 'deflate' ? deflateRawSync(entry.data) : entry.data;
    const crc = crc32(entry.data) >>> 0;
    const method = entry.method === 'deflate' ? 8 : 0;
    const extra = zip64 ? zip64Extra([entry.data.length, body.length, offset]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : body.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    parts.push(local, name, extra, body);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(zip64 ? 45 : 20, 4);
    record.writeUInt16LE(zip64 ? 45 : 20, 6);
    record.writeUInt16LE(0x800, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(zip64 ? 0xffffffff : body.length, 20);
    record.writeUInt32LE(zip64 ? 0xffffffff : entry.data.length, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(record, name, extra);
    offset += local.length + name.length + extra.length + body.length;
  }
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryOffset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, directory, ...tail, end, comment]);
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + values.length * 8);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(values.length * 8, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + i * 8));
  return extra;
}

export async function writeZip(path: string, entries: readonly ZipInput[], options: ZipWriteOptions = {}): Promise<string> {
  const bytes = zipBytes(entries, options);
  if (!options.baseOffset) {
    await writeFile(path, bytes);
    return path;
  }
  const handle = await open(path, 'w');
  try {
    await handle.write(bytes, 0, bytes.length, options.baseOffset);
  } finally {
    await handle.close();
  }
  return path;
}
