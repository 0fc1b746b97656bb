import type { SimFileStat, SimPhone } from '../android/phone.js';
import type { DeviceStream } from './stream.js';

/**
 * The `sync:` service as adbd answers it: requests are [id 4 bytes][length u32 LE][path], replies use
 * the structs of AOSP adb/file_sync_protocol.h (stat_v1 16 bytes, stat_v2 72, dent 20, dent_v2 76).
 */

/** SYNC_DATA_MAX: the largest DATA chunk either side sends. */
export const SYNC_DATA_MAX = 64 * 1024;
const MAX_PATH = 1024;
const ENOENT = 2;
/** Replies are grouped up to this many bytes per write, so a pull streams without one round trip per chunk. */
const REPLY_BATCH = 1024 * 1024;

type Writer = (data: Buffer) => Promise<void>;

export async function serveSync(stream: DeviceStream, phone: SimPhone): Promise<void> {
  const write: Writer = (data) => stream.write(data);
  for (;;) {
    const header = await stream.inbox.readExactly(8);
    if (!header) return;
    const id = header.toString('latin1', 0, 4);
    const length = header.readUInt32LE(4);
    if (id === 'QUIT') {
      stream.close();
      return;
    }
    if (length > MAX_PATH) {
      await write(fail(`path too long: ${length}`));
      stream.close();
      return;
    }
    const pathBytes = await stream.inbox.readExactly(length);
    if (!pathBytes) return;
    const path = pathBytes.toString('utf8');
    switch (id) {
      case 'STAT':
        await write(statV1(phone.stat(path)));
        break;
      case 'STA2':
      case 'LST2':
        await write(statV2(phone.stat(path), id));
        break;
      case 'LIST':
      case 'LIS2':
        await write(listing(id, phone, path));
        break;
      case 'RECV':
        await sendFile(write, phone, path);
        break;
      case 'SEND':
        if (!(await receiveFile(stream, write, phone, path))) return;
        break;
      default:
        await write(fail(`unknown sync command ${JSON.stringify(id)}`));
        stream.close();
        return;
    }
  }
}

function fail(message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  const out = Buffer.alloc(8);
  out.write('FAIL', 0, 'latin1');
  out.writeUInt32LE(text.length, 4);
  return Buffer.concat([out, text]);
}

function idAndWord(id: string, word: number): Buffer {
  const out = Buffer.alloc(8);
  out.write(id, 0, 'latin1');
  out.writeUInt32LE(word >>> 0, 4);
  return out;
}

function statV1(stat: SimFileStat | null): Buffer {
  const out = Buffer.alloc(16);
  out.write('STAT', 0, 'latin1');
  if (stat) {
    out.writeUInt32LE(stat.mode >>> 0, 4);
    out.writeUInt32LE(Math.min(stat.size, 0xffffffff), 8);
    out.writeUInt32LE(stat.mtime >>> 0, 12);
  }
  return out;
}

/** stat_v2 (also the head of dent_v2): id error dev ino mode nlink uid gid size atime mtime ctime. */
function statV2(stat: SimFileStat | null, id: 'STA2' | 'LST2' | 'DNT2'): Buffer {
  const out = Buffer.alloc(72);
  out.write(id, 0, 'latin1');
  if (!stat) {
    out.writeUInt32LE(ENOENT, 4);
    return out;
  }
  out.writeBigUInt64LE(0xfd00n, 8);
  out.writeBigUInt64LE(BigInt(inodeOf(stat)), 16);
  out.writeUInt32LE(stat.mode >>> 0, 24);
  out.writeUInt32LE(1, 28);
  // /data/local/tmp and /sdcard files belong to shell (2000) on a real phone.
  out.writeUInt32LE(2000, 32);
  out.writeUInt32LE(2000, 36);
  out.writeBigUInt64LE(BigInt(stat.size), 40);
  out.writeBigInt64LE(BigInt(stat.mtime), 48);
  out.writeBigInt64LE(BigInt(stat.mtime), 56);
  out.writeBigInt64LE(BigInt(stat.mtime), 64);
  return out;
}

function inodeOf(stat: SimFileStat): number {
  return ((stat.mtime * 31 + stat.size) >>> 0) + 1;
}

function listing(id: 'LIST' | 'LIS2', phone: SimPhone, path: string): Buffer {
  const self = phone.stat(path);
  const entries = phone.list(path);
  const parts: Buffer[] = [];
  if (self && entries) {
    // readdir() on a phone yields "." and ".." too; the adb client skips them.
    const all = [{ name: '.', stat: self }, { name: '..', stat: self }, ...entries];
    for (const entry of all) parts.push(id === 'LIST' ? dentV1(entry.name, entry.stat) : dentV2(entry.name, entry.stat));
  }
  parts.push(id === 'LIST' ? doneOfSize(20) : doneOfSize(76));
  return Buffer.concat(parts);
}

function dentV1(name: string, stat: SimFileStat): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const out = Buffer.alloc(20);
  out.write('DENT', 0, 'latin1');
  out.writeUInt32LE(stat.mode >>> 0, 4);
  out.writeUInt32LE(Math.min(stat.size, 0xffffffff), 8);
  out.writeUInt32LE(stat.mtime >>> 0, 12);
  out.writeUInt32LE(nameBytes.length, 16);
  return Buffer.concat([out, nameBytes]);
}

function dentV2(name: string, stat: SimFileStat): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(nameBytes.length, 0);
  return Buffer.concat([statV2(stat, 'DNT2'), length, nameBytes]);
}

/** The end of a listing is a whole zeroed dent struct whose id is DONE. */
function doneOfSize(size: number): Buffer {
  const out = Buffer.alloc(size);
  out.write('DONE', 0, 'latin1');
  return out;
}

async function sendFile(write: Writer, phone: SimPhone, path: string): Promise<void> {
  const data = phone.readFile(path);
  if (!data) {
    const stat = phone.stat(path);
    const reason = stat && (stat.mode & 0o170000) === 0o040000 ? 'Is a directory' : 'No such file or directory';
    await write(fail(`open failed: ${reason}`));
    return;
  }
  let batch: Buffer[] = [];
  let batchSize = 0;
  for (let offset = 0; offset < data.length; offset += SYNC_DATA_MAX) {
    const chunk = data.subarray(offset, Math.min(offset + SYNC_DATA_MAX, data.length));
    batch.push(idAndWord('DATA', chunk.length), chunk);
    batchSize += chunk.length + 8;
    if (batchSize >= REPLY_BATCH) {
      await write(Buffer.concat(batch));
      batch = [];
      batchSize = 0;
    }
  }
  batch.push(idAndWord('DONE', 0));
  await write(Buffer.concat(batch));
}

/** Returns false when the stream ended before the upload did. */
async function receiveFile(stream: DeviceStream, write: Writer, phone: SimPhone, spec: string): Promise<boolean> {
  const comma = spec.lastIndexOf(',');
  const path = comma >= 0 ? spec.slice(0, comma) : spec;
  const mode = comma >= 0 ? Number.parseInt(spec.slice(comma + 1), 10) : 0o100644;
  const parts: Buffer[] = [];
  for (;;) {
    const header = await stream.inbox.readExactly(8);
    if (!header) return false;
    const id = header.toString('latin1', 0, 4);
    const word = header.readUInt32LE(4);
    if (id === 'DATA') {
      if (word > SYNC_DATA_MAX) {
        await write(fail(`data chunk of ${word} bytes exceeds ${SYNC_DATA_MAX}`));
        stream.close();
        return false;
      }
      const chunk = await stream.inbox.readExactly(word);
      if (!chunk) return false;
      parts.push(chunk);
      continue;
    }
    if (id !== 'DONE') {
      await write(fail(`invalid data message ${JSON.stringify(id)}`));
      stream.close();
      return false;
    }
    try {
      phone.writeFile(path, Buffer.concat(parts), Number.isFinite(mode) ? mode : 0o100644, word);
      await write(idAndWord('OKAY', 0));
    } catch (error) {
      await write(fail(`failed to write ${path}: ${error instanceof Error ? error.message : String(error)}`));
    }
    return true;
  }
}
