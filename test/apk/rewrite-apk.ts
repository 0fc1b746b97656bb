import { openZip, METHOD_STORED } from '../../main/apk/zip-reader.js';
import { writeZip, type ZipInput, type ZipWriteOptions } from './zip-writer.js';

/**
 * Rewrites of aapt-built APKs into the format variants aapt here cannot produce but real APKs have:
 * obfuscated attribute names (resource-shrinking/obfuscation tools rename the strings, keep the ids) and
 * sparse type chunks (aapt2 --enable-sparse-encoding; Debian's aapt 1 has no such flag).
 */

/** Copies `apk` to `out`, replacing the named entries' bytes and keeping each entry's compression. */
export async function rezip(apk: string, out: string, replace: Record<string, Buffer> = {}, options: ZipWriteOptions = {}): Promise<string> {
  const zip = await openZip(apk);
  try {
    const entries: ZipInput[] = [];
    for (const entry of zip.entries.values()) {
      entries.push({
        name: entry.name,
        data: replace[entry.name] ?? (await zip.read(entry.name)),
        method: entry.method === METHOD_STORED ? 'stored' : 'deflate',
      });
    }
    return await writeZip(out, entries, options);
  } finally {
    await zip.close();
  }
}

/**
 * Overwrites, in place and at the same length, every string of a binary XML file's pool that names an
 * attribute with a resource id (the first N strings, N = the resource map's length): "name" becomes "qdkz".
 * aapt shares one string between the attribute `android:permission` and the element `<permission>`; an
 * obfuscator must keep element names, so strings also used as one are left alone.
 */
export function obfuscateAttributeNames(xml: Buffer): Buffer {
  const out = Buffer.from(xml);
  const pool = out.readUInt16LE(2); // the pool chunk follows the document header
  if (out.readUInt16LE(pool) !== 0x0001) throw new Error('expected the string pool first');
  const poolHeader = out.readUInt16LE(pool + 2);
  const poolSize = out.readUInt32LE(pool + 4);
  const utf8 = (out.readUInt32LE(pool + 16) & 0x100) !== 0;
  const stringsStart = pool + out.readUInt32LE(pool + 20);
  const map = pool + poolSize;
  if (out.readUInt16LE(map) !== 0x0180) throw new Error('expected the resource map after the pool');
  const mapped = (out.readUInt32LE(map + 4) - out.readUInt16LE(map + 2)) / 4;
  const elementNames = new Set<number>();
  for (let p = out.readUInt16LE(2); p < out.length; p += out.readUInt32LE(p + 4)) {
    if (out.readUInt16LE(p) === 0x0102) elementNames.add(out.readUInt32LE(p + out.readUInt16LE(p + 2) + 4));
  }
  for (let i = 0; i < mapped; i++) {
    if (elementNames.has(i)) continue;
    const at = stringsStart + out.readUInt32LE(pool + poolHeader + i * 4);
    const garble = (j: number): number => 0x61 + ((i * 7 + j * 3 + 5) % 26);
    if (utf8) {
      const bytes = out[at + 1]!;
      for (let j = 0; j < bytes; j++) out[at + 2 + j] = garble(j);
    } else {
      const units = out.readUInt16LE(at);
      for (let j = 0; j < units; j++) out.writeUInt16LE(garble(j), at + 2 + j * 2);
    }
  }
  return out;
}

/** Re-encodes every type chunk of a resource table as FLAG_SPARSE: an {index, offset/4} pair per defined entry. */
export function sparsifyTable(arsc: Buffer): Buffer {
  const tableHeader = arsc.readUInt16LE(2);
  const parts: Buffer[] = [arsc.subarray(0, tableHeader)];
  for (let p = tableHeader; p < arsc.readUInt32LE(4);) {
    const size = arsc.readUInt32LE(p + 4);
    const chunk = arsc.subarray(p, p + size);
    parts.push(chunk.readUInt16LE(0) === 0x0200 ? sparsifyPackage(chunk) : chunk);
    p += size;
  }
  return withSize(Buffer.concat(parts));
}

function sparsifyPackage(pkg: Buffer): Buffer {
  const header = pkg.readUInt16LE(2);
  const parts: Buffer[] = [pkg.subarray(0, header)];
  for (let p = header; p < pkg.length;) {
    const size = pkg.readUInt32LE(p + 4);
    const chunk = pkg.subarray(p, p + size);
    parts.push(chunk.readUInt16LE(0) === 0x0201 ? sparsifyType(chunk) : chunk);
    p += size;
  }
  return withSize(Buffer.concat(parts));
}

function sparsifyType(chunk: Buffer): Buffer {
  const header = chunk.readUInt16LE(2);
  const count = chunk.readUInt32LE(12);
  const entriesStart = chunk.readUInt32LE(16);
  const pairs: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const offset = chunk.readUInt32LE(header + i * 4);
    if (offset === 0xffffffff) continue;
    if (offset % 4) throw new Error('entry offset not 4-aligned');
    const pair = Buffer.alloc(4);
    pair.writeUInt16LE(i, 0);
    pair.writeUInt16LE(offset / 4, 2);
    pairs.push(pair);
  }
  const head = Buffer.from(chunk.subarray(0, header));
  head.writeUInt8(head.readUInt8(9) | 0x01, 9);
  head.writeUInt32LE(pairs.length, 12);
  head.writeUInt32LE(header + pairs.length * 4, 16);
  return withSize(Buffer.concat([head, ...pairs, chunk.subarray(entriesStart)]));
}

function withSize(chunk: Buffer): Buffer {
  chunk.writeUInt32LE(chunk.length, 4);
  return chunk;
}

/**
 * Re-encodes a binary XML file's string pool as UTF-8 (what aapt2 writes; Debian's aapt 1 always writes UTF-16
 * for XML). The pool is rebuilt whole, so later chunks move and the document size changes.
 */
export function utf8Manifest(xml: Buffer): Buffer {
  const pool = xml.readUInt16LE(2);
  const poolHeader = xml.readUInt16LE(pool + 2);
  const poolSize = xml.readUInt32LE(pool + 4);
  const count = xml.readUInt32LE(pool + 8);
  if (xml.readUInt32LE(pool + 12) !== 0) throw new Error('styled strings are not expected in a manifest');
  if (xml.readUInt32LE(pool + 16) & 0x100) throw new Error('already UTF-8');
  const stringsStart = pool + xml.readUInt32LE(pool + 20);
  const strings: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = stringsStart + xml.readUInt32LE(pool + poolHeader + i * 4);
    const units = xml.readUInt16LE(at);
    if (units & 0x8000) throw new Error('long strings are not expected in a manifest');
    strings.push(xml.toString('utf16le', at + 2, at + 2 + units * 2));
  }
  const lengthBytes = (n: number): number[] => (n < 0x80 ? [n] : [0x80 | (n >> 8), n & 0xff]);
  const data: Buffer[] = [];
  const offsets = Buffer.alloc(count * 4);
  let offset = 0;
  strings.forEach((s, i) => {
    const bytes = Buffer.from(s, 'utf8');
    const entry = Buffer.from([...lengthBytes(s.length), ...lengthBytes(bytes.length), ...bytes, 0]);
    offsets.writeUInt32LE(offset, i * 4);
    data.push(entry);
    offset += entry.length;
  });
  const body = Buffer.concat(data);
  const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
  const header = Buffer.alloc(28);
  header.writeUInt16LE(0x0001, 0);
  header.writeUInt16LE(28, 2);
  header.writeUInt32LE(28 + offsets.length + padded.length, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(0x100, 16);
  header.writeUInt32LE(28 + offsets.length, 20);
  return withSize(Buffer.concat([xml.subarray(0, pool), header, offsets, padded, xml.subarray(pool + poolSize)]));
}

/**
 * Re-encodes every type chunk the way newer aapt2 can: `offset16` (FLAG_OFFSET16, 16-bit entry offsets / 4) and
 * `compact` (ResTable_entry FLAG_COMPACT: key, type and data in 8 bytes; complex entries stay as they are).
 */
export function reencodeTable(arsc: Buffer, options: { offset16?: boolean; compact?: boolean }): Buffer {
  return mapTypeChunks(arsc, (chunk) => reencodeType(chunk, options));
}

function mapTypeChunks(arsc: Buffer, map: (chunk: Buffer) => Buffer): Buffer {
  const tableHeader = arsc.readUInt16LE(2);
  const parts: Buffer[] = [arsc.subarray(0, tableHeader)];
  for (let p = tableHeader; p < arsc.readUInt32LE(4);) {
    const size = arsc.readUInt32LE(p + 4);
    const chunk = arsc.subarray(p, p + size);
    if (chunk.readUInt16LE(0) !== 0x0200) parts.push(chunk);
    else {
      const header = chunk.readUInt16LE(2);
      const inner: Buffer[] = [chunk.subarray(0, header)];
      for (let q = header; q < chunk.length;) {
        const s = chunk.readUInt32LE(q + 4);
        const c = chunk.subarray(q, q + s);
        inner.push(c.readUInt16LE(0) === 0x0201 ? map(c) : c);
        q += s;
      }
      parts.push(withSize(Buffer.concat(inner)));
    }
    p += size;
  }
  return withSize(Buffer.concat(parts));
}

function reencodeType(chunk: Buffer, options: { offset16?: boolean; compact?: boolean }): Buffer {
  const header = chunk.readUInt16LE(2);
  const count = chunk.readUInt32LE(12);
  const entriesStart = chunk.readUInt32LE(16);
  const entries: Buffer[] = [];
  const offsets: (number | null)[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const offset = chunk.readUInt32LE(header + i * 4);
    if (offset === 0xffffffff) { offsets.push(null); continue; }
    const e = entriesStart + offset;
    const size = chunk.readUInt16LE(e);
    const flags = chunk.readUInt16LE(e + 2);
    let bytes: Buffer;
    if (flags & 0x0001) {
      bytes = chunk.subarray(e, e + size + 12 * chunk.readUInt32LE(e + 12)); // map entry + its Res_table_map items
    } else if (options.compact) {
      bytes = Buffer.alloc(8);
      const key = chunk.readUInt32LE(e + 4);
      if (key > 0xffff) throw new Error('key index too large for a compact entry');
      bytes.writeUInt16LE(key, 0);
      bytes.writeUInt16LE((chunk.readUInt8(e + size + 3) << 8) | 0x0008 | (flags & 0x0006), 2);
      bytes.writeUInt32LE(chunk.readUInt32LE(e + size + 4), 4);
    } else {
      bytes = chunk.subarray(e, e + size + 8);
    }
    offsets.push(at);
    entries.push(bytes);
    at += bytes.length;
  }
  const index = Buffer.alloc(count * (options.offset16 ? 2 : 4));
  offsets.forEach((o, i) => {
    if (options.offset16) index.writeUInt16LE(o === null ? 0xffff : o / 4, i * 2);
    else index.writeUInt32LE(o === null ? 0xffffffff : o, i * 4);
  });
  const head = Buffer.from(chunk.subarray(0, header));
  if (options.offset16) head.writeUInt8(head.readUInt8(9) | 0x02, 9);
  head.writeUInt32LE(header + index.length, 16);
  return withSize(Buffer.concat([head, index, ...entries]));
}
