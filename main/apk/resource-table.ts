import type { ApkValue } from '../../common/domain/apk.js';
import { ApkError } from './apk-error.js';
import { decodeValue } from './res-value.js';
import { readStringPool, RES_STRING_POOL_TYPE, type StringPool } from './string-pool.js';

/**
 * resources.arsc (ResTable, ResourceTypes.h): a global value string pool, then packages, each with type and key
 * string pools and, per resource type, one chunk per configuration. Decoding indexes the chunks only; entries
 * are read when looked up, so framework-res.apk's 31.8 MB table costs one pass over chunk headers.
 * Handles dense, 16-bit-offset and sparse (FLAG_SPARSE, aapt2 --enable-sparse-encoding) type chunks and compact
 * entries; map (complex) entries — styles, arrays, plurals — are recognised and not decoded.
 */

const RES_TABLE_TYPE = 0x0002;
const RES_TABLE_PACKAGE_TYPE = 0x0200;
const RES_TABLE_TYPE_TYPE = 0x0201;
const FLAG_SPARSE = 0x01;
const FLAG_OFFSET16 = 0x02;
const ENTRY_FLAG_COMPLEX = 0x0001;
const ENTRY_FLAG_COMPACT = 0x0008;
const MAX_REFERENCE_DEPTH = 8;

export interface ResourceConfig {
  /** "" for any; two or three letters. */
  language: string;
  region: string;
  /** dpi; 0 for any. */
  density: number;
  sdkVersion: number;
  /** Every qualifier unset: the configuration a phone falls back to. */
  isDefault: boolean;
}

export interface ResourceEntry {
  id: number;
  /** "type/key", e.g. "string/google_app_id". */
  name: string;
  config: ResourceConfig;
  /** null for a complex (map) entry. */
  value: ApkValue | null;
  complex: boolean;
  /** Res_value as stored (null for a complex entry), for comparing with `aapt dump resources`. */
  dataType: number | null;
  data: number | null;
}

export interface ResourcePackage {
  id: number;
  name: string;
}

export type Resolved = { ok: true; value: ApkValue } | { ok: false; reason: string };

export interface ResourceTable {
  readonly packages: readonly ResourcePackage[];
  /** The entry in every configuration that defines it. */
  entries(id: number): ResourceEntry[];
  /** The entry a phone with no matching qualifier would use: the default configuration's, else the first defined. */
  entry(id: number): ResourceEntry | null;
  /** "type/key" of a resource id, or null when the table has no such entry. */
  nameOf(id: number): string | null;
  /** Ids of `type/name` in any package (normally one). */
  idsByName(type: string, name: string): number[];
  /** Follows references until a plain value; a complex or missing target is a reason, not a guess. */
  resolve(value: ApkValue): Resolved;
}

interface TypeChunk {
  /** Index array start (absolute). */
  index: number;
  entries: number;
  end: number;
  entryCount: number;
  sparse: boolean;
  offset16: boolean;
  config: ResourceConfig;
}

interface PackageIndex {
  id: number;
  name: string;
  typeStrings: StringPool;
  keyStrings: StringPool;
  typeIdOffset: number;
  types: Map<number, TypeChunk[]>;
  /** typeId → key index → entry index, built on the first lookup by name. */
  byKey: Map<number, Map<number, number>>;
}

export function decodeResourceTable(buffer: Buffer): ResourceTable {
  if (buffer.length < 12 || buffer.readUInt16LE(0) !== RES_TABLE_TYPE) throw new ApkError('bad-table', 'not a resource table');
  const headerSize = buffer.readUInt16LE(2);
  const size = buffer.readUInt32LE(4);
  if (headerSize < 12 || size < headerSize || size > buffer.length) throw new ApkError('bad-table', `table chunk of ${size} bytes (header ${headerSize}) in ${buffer.length} bytes`);
  let values: StringPool | null = null;
  const packages = new Map<number, PackageIndex>();
  forChunks(buffer, headerSize, size, (type, at) => {
    if (type === RES_STRING_POOL_TYPE && !values) values = readStringPool(buffer, at, 'bad-table');
    else if (type === RES_TABLE_PACKAGE_TYPE) {
      const pkg = readPackage(buffer, at);
      if (!packages.has(pkg.id)) packages.set(pkg.id, pkg);
    }
  });
  if (!values) throw new ApkError('bad-table', 'no global string pool');
  return table(buffer, values, packages);
}

function forChunks(buffer: Buffer, start: number, end: number, visit: (type: number, at: number, size: number) => void): void {
  for (let p = start; p < end;) {
    if (p + 8 > end) throw new ApkError('bad-table', `chunk header at ${p} runs past its parent`);
    const type = buffer.readUInt16LE(p);
    const headerSize = buffer.readUInt16LE(p + 2);
    const size = buffer.readUInt32LE(p + 4);
    if (size < 8 || headerSize > size || p + size > end) throw new ApkError('bad-table', `chunk 0x${type.toString(16)} at ${p} has size ${size}`);
    visit(type, p, size);
    p += size;
  }
}

function readPackage(buffer: Buffer, at: number): PackageIndex {
  const headerSize = buffer.readUInt16LE(at + 2);
  const size = buffer.readUInt32LE(at + 4);
  if (headerSize < 284) throw new ApkError('bad-table', `package header at ${at} is ${headerSize} bytes`);
  const id = buffer.readUInt32LE(at + 8);
  const name = buffer.toString('utf16le', at + 12, at + 268).replace(/\0.*$/s, '');
  const typeStringsAt = buffer.readUInt32LE(at + 268);
  const keyStringsAt = buffer.readUInt32LE(at + 276);
  const typeIdOffset = headerSize >= 288 ? buffer.readUInt32LE(at + 284) : 0;
  if (typeStringsAt >= size || keyStringsAt >= size) throw new ApkError('bad-table', `package ${name}: string pools outside the package`);
  const pkg: PackageIndex = {
    id, name, typeIdOffset,
    typeStrings: readStringPool(buffer, at + typeStringsAt, 'bad-table'),
    keyStrings: readStringPool(buffer, at + keyStringsAt, 'bad-table'),
    types: new Map(),
    byKey: new Map(),
  };
  forChunks(buffer, at + headerSize, at + size, (type, chunkAt, chunkSize) => {
    if (type !== RES_TABLE_TYPE_TYPE) return; // type specs, libraries, overlayables: nothing a lookup needs
    const chunk = readTypeChunk(buffer, chunkAt, chunkSize);
    const list = pkg.types.get(chunk.typeId);
    if (list) list.push(chunk.chunk);
    else pkg.types.set(chunk.typeId, [chunk.chunk]);
  });
  return pkg;
}

function readTypeChunk(buffer: Buffer, at: number, size: number): { typeId: number; chunk: TypeChunk } {
  const headerSize = buffer.readUInt16LE(at + 2);
  if (headerSize < 20 + 4 || size < headerSize) throw new ApkError('bad-table', `type chunk at ${at} has a ${headerSize}-byte header`);
  const typeId = buffer.readUInt8(at + 8);
  const flags = buffer.readUInt8(at + 9);
  const entryCount = buffer.readUInt32LE(at + 12);
  const entriesStart = buffer.readUInt32LE(at + 16);
  const sparse = (flags & FLAG_SPARSE) !== 0;
  const offset16 = !sparse && (flags & FLAG_OFFSET16) !== 0;
  const indexBytes = entryCount * (offset16 ? 2 : 4);
  if (typeId === 0) throw new ApkError('bad-table', `type chunk at ${at} has type id 0`);
  if (entriesStart > size || headerSize + indexBytes > entriesStart) {
    throw new ApkError('bad-table', `type chunk at ${at}: ${entryCount} entries do not fit before their data at ${entriesStart}`);
  }
  return {
    typeId,
    chunk: {
      index: at + headerSize,
      entries: at + entriesStart,
      end: at + size,
      entryCount, sparse, offset16,
      config: readConfig(buffer, at + 20, at + headerSize),
    },
  };
}

function readConfig(buffer: Buffer, at: number, end: number): ResourceConfig {
  const size = Math.min(buffer.readUInt32LE(at), end - at);
  let isDefault = true;
  for (let i = 4; i < size; i++) if (buffer[at + i] !== 0) { isDefault = false; break; }
  const byte = (o: number): number => (o < size ? buffer[at + o]! : 0);
  const short = (o: number): number => (o + 2 <= size ? buffer.readUInt16LE(at + o) : 0);
  return {
    language: unpackLocale(byte(8), byte(9), 0x61),
    region: unpackLocale(byte(10), byte(11), 0x30),
    density: short(14),
    sdkVersion: short(24),
    isDefault,
  };
}

/** Two-letter codes are stored as is; three-letter ones are packed into 15 bits with the high bit set. */
function unpackLocale(a: number, b: number, base: number): string {
  if (a === 0) return '';
  if (!(a & 0x80)) return String.fromCharCode(a, b);
  const first = b & 0x1f;
  const second = ((b & 0xe0) >> 5) | ((a & 0x03) << 3);
  const third = (a & 0x7c) >> 2;
  return String.fromCharCode(base + first, base + second, base + third);
}

/** Byte offset of entry `index` inside a chunk's entry data, or null when the chunk does not define it. */
function entryOffset(buffer: Buffer, chunk: TypeChunk, index: number): number | null {
  if (chunk.sparse) {
    // {u16 entry index, u16 offset / 4}, sorted by index.
    let lo = 0;
    let hi = chunk.entryCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const idx = buffer.readUInt16LE(chunk.index + mid * 4);
      if (idx === index) return buffer.readUInt16LE(chunk.index + mid * 4 + 2) * 4;
      if (idx < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
  if (index >= chunk.entryCount) return null;
  if (chunk.offset16) {
    const v = buffer.readUInt16LE(chunk.index + index * 2);
    return v === 0xffff ? null : v * 4;
  }
  const v = buffer.readUInt32LE(chunk.index + index * 4);
  return v === 0xffffffff ? null : v;
}

interface RawEntry {
  key: number;
  value: ApkValue | null;
  complex: boolean;
  dataType: number | null;
  data: number | null;
}

function readEntry(buffer: Buffer, chunk: TypeChunk, offset: number, values: StringPool): RawEntry {
  const at = chunk.entries + offset;
  if (at + 8 > chunk.end) throw new ApkError('bad-table', `entry at ${at} runs past its type chunk`);
  const size = buffer.readUInt16LE(at);
  const flags = buffer.readUInt16LE(at + 2);
  if (flags & ENTRY_FLAG_COMPACT) {
    // Compact entries (aapt2 --enable-compact-entries): key in the size field, type in the flags' high byte.
    return raw(size, flags >> 8, buffer.readUInt32LE(at + 4), values);
  }
  const key = buffer.readUInt32LE(at + 4);
  if (flags & ENTRY_FLAG_COMPLEX) return { key, value: null, complex: true, dataType: null, data: null };
  if (size < 8 || at + size + 8 > chunk.end) throw new ApkError('bad-table', `entry at ${at}: value runs past its type chunk`);
  const v = at + size;
  return raw(key, buffer.readUInt8(v + 3), buffer.readUInt32LE(v + 4), values);
}

function raw(key: number, dataType: number, data: number, values: StringPool): RawEntry {
  return { key, value: decodeValue(dataType, data, values), complex: false, dataType, data };
}

function table(buffer: Buffer, values: StringPool, packages: Map<number, PackageIndex>): ResourceTable {
  const typeName = (pkg: PackageIndex, typeId: number): string => pkg.typeStrings.get(typeId - 1 - pkg.typeIdOffset) ?? `type${typeId}`;

  const entries = (id: number): ResourceEntry[] => {
    const pkg = packages.get(id >>> 24);
    const typeId = (id >>> 16) & 0xff;
    const chunks = pkg?.types.get(typeId);
    if (!pkg || !chunks) return [];
    const found: ResourceEntry[] = [];
    for (const chunk of chunks) {
      const offset = entryOffset(buffer, chunk, id & 0xffff);
      if (offset === null) continue;
      const stored = readEntry(buffer, chunk, offset, values);
      found.push({
        id,
        name: `${typeName(pkg, typeId)}/${pkg.keyStrings.get(stored.key) ?? `#${stored.key}`}`,
        config: chunk.config,
        value: stored.value,
        complex: stored.complex,
        dataType: stored.dataType,
        data: stored.data,
      });
    }
    return found;
  };

  const entry = (id: number): ResourceEntry | null => {
    const all = entries(id);
    return all.find((e) => e.config.isDefault) ?? all.find((e) => !e.config.language && !e.config.region) ?? all[0] ?? null;
  };

  /** key index → entry index for one type, built on first use by scanning that type's chunks once. */
  const keyIndex = (pkg: PackageIndex, typeId: number): Map<number, number> => {
    let byKey = pkg.byKey.get(typeId);
    if (byKey) return byKey;
    byKey = new Map();
    for (const chunk of pkg.types.get(typeId) ?? []) {
      for (let i = 0; i < chunk.entryCount; i++) {
        const entryIndex = chunk.sparse ? buffer.readUInt16LE(chunk.index + i * 4) : i;
        const offset = entryOffset(buffer, chunk, entryIndex);
        if (offset === null) continue;
        const at = chunk.entries + offset;
        if (at + 8 > chunk.end) continue;
        const compact = buffer.readUInt16LE(at + 2) & ENTRY_FLAG_COMPACT;
        const key = compact ? buffer.readUInt16LE(at) : buffer.readUInt32LE(at + 4);
        if (!byKey.has(key)) byKey.set(key, entryIndex);
      }
    }
    pkg.byKey.set(typeId, byKey);
    return byKey;
  };

  const self: ResourceTable = {
    packages: [...packages.values()].map((p) => ({ id: p.id, name: p.name })),
    entries,
    entry,
    nameOf(id) {
      return entry(id)?.name ?? null;
    },
    idsByName(type, name) {
      const ids: number[] = [];
      for (const pkg of packages.values()) {
        const typeIds = [...pkg.types.keys()].filter((t) => typeName(pkg, t) === type);
        const keys = pkg.keyStrings.indicesOf(name);
        if (!keys.length) continue;
        for (const typeId of typeIds) {
          const index = keyIndex(pkg, typeId);
          for (const key of keys) {
            const entryIndex = index.get(key);
            if (entryIndex !== undefined) ids.push(((pkg.id << 24) | (typeId << 16) | entryIndex) >>> 0);
          }
        }
      }
      return ids;
    },
    resolve(value) {
      let current = value;
      for (let depth = 0; depth <= MAX_REFERENCE_DEPTH; depth++) {
        if (current.type !== 'reference') return { ok: true, value: current };
        const id = current.id;
        if (id === 0) return { ok: true, value: { type: 'null', empty: false } };
        const target = entry(id);
        const hex = `0x${id.toString(16).padStart(8, '0')}`;
        if (!target) {
          const framework = id >>> 24 === 0x01;
          return { ok: false, reason: framework ? `${hex} is an Android framework resource, not in the app's table` : `${hex} is not in resources.arsc` };
        }
        if (target.complex || !target.value) return { ok: false, reason: `@${target.name} (${hex}) is a complex resource (array, style or plurals), not a single value` };
        current = target.value.type === 'reference' ? { ...target.value, name: self.nameOf(target.value.id) } : target.value;
      }
      return { ok: false, reason: `references nest deeper than ${MAX_REFERENCE_DEPTH}` };
    },
  };
  return self;
}
