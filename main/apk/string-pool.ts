import { ApkError, type ApkErrorCode } from './apk-error.js';

/**
 * ResStringPool (frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h): the strings of a binary XML
 * file or of a resource table. Strings are decoded on first use: framework-res.apk's key pool holds tens of
 * thousands, and a lookup needs a handful.
 */

export const RES_STRING_POOL_TYPE = 0x0001;
const UTF8_FLAG = 0x100;

export interface StringPool {
  readonly count: number;
  readonly utf8: boolean;
  /** The string at `index`, or null for an index outside the pool or a string that runs past it. */
  get(index: number): string | null;
  /** Every index whose string equals `value` (pools may repeat a string). */
  indicesOf(value: string): number[];
}

/** `offset` is the chunk start inside `buffer`; `code` is the error code for the containing format. */
export function readStringPool(buffer: Buffer, offset: number, code: ApkErrorCode): StringPool {
  if (offset + 28 > buffer.length) throw new ApkError(code, `string pool header at ${offset} runs past the data`);
  const type = buffer.readUInt16LE(offset);
  const headerSize = buffer.readUInt16LE(offset + 2);
  const size = buffer.readUInt32LE(offset + 4);
  if (type !== RES_STRING_POOL_TYPE) throw new ApkError(code, `expected a string pool at ${offset}, found chunk type 0x${type.toString(16)}`);
  if (headerSize < 28 || size < headerSize || offset + size > buffer.length) throw new ApkError(code, `string pool at ${offset} has header ${headerSize} / size ${size} outside the data`);
  const count = buffer.readUInt32LE(offset + 8);
  const flags = buffer.readUInt32LE(offset + 16);
  const stringsStart = buffer.readUInt32LE(offset + 20);
  const utf8 = (flags & UTF8_FLAG) !== 0;
  const indexStart = offset + headerSize;
  if (count > (size - headerSize) / 4) throw new ApkError(code, `string pool at ${offset} claims ${count} strings in ${size} bytes`);
  const dataStart = offset + stringsStart;
  const end = offset + size;
  if (count > 0 && (stringsStart < headerSize + count * 4 || dataStart > end)) throw new ApkError(code, `string pool at ${offset}: string data at ${stringsStart} is outside the chunk`);

  const cache = new Map<number, string | null>();

  const decode = (index: number): string | null => {
    const at = dataStart + buffer.readUInt32LE(indexStart + index * 4);
    if (at >= end) return null;
    const span = utf8 ? utf8Span(buffer, at, end) : utf16Span(buffer, at, end);
    return span ? buffer.toString(utf8 ? 'utf8' : 'utf16le', span[0], span[1]) : null;
  };

  const get = (index: number): string | null => {
    if (!Number.isInteger(index) || index < 0 || index >= count) return null;
    let value = cache.get(index);
    if (value === undefined) {
      value = decode(index);
      cache.set(index, value);
    }
    return value;
  };

  return {
    count,
    utf8,
    get,
    indicesOf(value) {
      // Compares encoded bytes in place: decoding every key of framework-res.apk's pool to find one costs 100+ ms.
      const target = Buffer.from(value, utf8 ? 'utf8' : 'utf16le');
      const found: number[] = [];
      for (let i = 0; i < count; i++) {
        const span = utf8 ? utf8Span(buffer, dataStart + buffer.readUInt32LE(indexStart + i * 4), end) : utf16Span(buffer, dataStart + buffer.readUInt32LE(indexStart + i * 4), end);
        if (span && span[1] - span[0] === target.length && buffer.compare(target, 0, target.length, span[0], span[1]) === 0) found.push(i);
      }
      return found;
    },
  };
}

/** UTF-8 entries: UTF-16 length, then byte length (each 1 byte, or 2 with the high bit set), the bytes, NUL. */
function utf8Span(buffer: Buffer, at: number, end: number): [number, number] | null {
  let p = at;
  const length = (): number | null => {
    if (p >= end) return null;
    const first = buffer[p++]!;
    if (!(first & 0x80)) return first;
    if (p >= end) return null;
    return ((first & 0x7f) << 8) | buffer[p++]!;
  };
  if (length() === null) return null;
  const bytes = length();
  if (bytes === null || p + bytes > end) return null;
  return [p, p + bytes];
}

/** UTF-16 entries: length in code units (1 unit, or 2 with the high bit set), the units, a NUL unit. */
function utf16Span(buffer: Buffer, at: number, end: number): [number, number] | null {
  if (at + 2 > end) return null;
  let units = buffer.readUInt16LE(at);
  let p = at + 2;
  if (units & 0x8000) {
    if (p + 2 > end) return null;
    units = ((units & 0x7fff) << 16) | buffer.readUInt16LE(p);
    p += 2;
  }
  if (p + units * 2 > end) return null;
  return [p, p + units * 2];
}
