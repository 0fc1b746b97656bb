import type { ApkValue } from '../../common/domain/apk.js';
import type { StringPool } from './string-pool.js';

/** Res_value::dataType (ResourceTypes.h). */
export const TYPE = {
  NULL: 0x00,
  REFERENCE: 0x01,
  ATTRIBUTE: 0x02,
  STRING: 0x03,
  FLOAT: 0x04,
  DIMENSION: 0x05,
  FRACTION: 0x06,
  DYNAMIC_REFERENCE: 0x07,
  DYNAMIC_ATTRIBUTE: 0x08,
  INT_DEC: 0x10,
  INT_HEX: 0x11,
  INT_BOOLEAN: 0x12,
  INT_COLOR_ARGB8: 0x1c,
  INT_COLOR_RGB8: 0x1d,
  INT_COLOR_ARGB4: 0x1e,
  INT_COLOR_RGB4: 0x1f,
} as const;

const DIMENSION_UNITS = ['px', 'dp', 'sp', 'pt', 'in', 'mm'] as const;
const FRACTION_UNITS = ['%', '%p'] as const;
/** Complex values: a 24-bit signed mantissa with the radix (bits 4–5) saying where its binary point is. */
const RADIX_SHIFT = [0, 7, 15, 23];

function complex(data: number): number {
  const mantissa = data >> 8; // arithmetic shift keeps the sign of the 24-bit mantissa
  return mantissa / 2 ** RADIX_SHIFT[(data >> 4) & 0x3]!;
}

/**
 * One Res_value as a typed value. `strings` is the pool a TYPE_STRING indexes (the XML file's, or the table's
 * global pool). A string index the pool does not have is kept as an unknown value rather than an empty string.
 */
export function decodeValue(dataType: number, data: number, strings: StringPool): ApkValue {
  const u = data >>> 0;
  switch (dataType) {
    case TYPE.NULL:
      return { type: 'null', empty: u === 1 };
    case TYPE.REFERENCE:
    case TYPE.DYNAMIC_REFERENCE:
      return { type: 'reference', id: u, name: null };
    case TYPE.ATTRIBUTE:
    case TYPE.DYNAMIC_ATTRIBUTE:
      return { type: 'attribute', id: u };
    case TYPE.STRING: {
      const value = strings.get(u);
      return value === null ? { type: 'unknown', dataType, data: u } : { type: 'string', value };
    }
    case TYPE.FLOAT: {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(u);
      return { type: 'float', value: b.readFloatLE(0) };
    }
    case TYPE.DIMENSION:
      return { type: 'dimension', value: complex(data), unit: DIMENSION_UNITS[u & 0xf] ?? 'unknown' };
    case TYPE.FRACTION:
      return { type: 'fraction', value: complex(data) * 100, unit: FRACTION_UNITS[u & 0xf] ?? 'unknown' };
    case TYPE.INT_DEC:
      return { type: 'int', format: 'dec', value: data | 0 };
    case TYPE.INT_HEX:
      return { type: 'int', format: 'hex', value: data | 0 };
    case TYPE.INT_BOOLEAN:
      return { type: 'boolean', value: u !== 0 };
    case TYPE.INT_COLOR_ARGB8:
    case TYPE.INT_COLOR_RGB8:
    case TYPE.INT_COLOR_ARGB4:
    case TYPE.INT_COLOR_RGB4:
      // aapt expands every spelling (#rgb, #argb, #rrggbb) to 32-bit ARGB in `data`; the type only records the source form.
      return { type: 'color', value: `#${u.toString(16).padStart(8, '0')}` };
    default:
      return { type: 'unknown', dataType, data: u };
  }
}

/** A readable form for evidence lines: `"text"`, `104412345 (int)`, `@0x7f020001`. */
export function formatValue(value: ApkValue): string {
  switch (value.type) {
    case 'string': return JSON.stringify(value.value);
    case 'int': return value.format === 'hex' ? `0x${(value.value >>> 0).toString(16)} (int)` : `${value.value} (int)`;
    case 'boolean': return `${value.value} (boolean)`;
    case 'float': return `${value.value} (float)`;
    case 'dimension': return `${value.value}${value.unit}`;
    case 'fraction': return `${value.value}${value.unit}`;
    case 'color': return value.value;
    case 'reference': return value.name ? `@${value.name}` : `@0x${value.id.toString(16).padStart(8, '0')}`;
    case 'attribute': return `?0x${value.id.toString(16).padStart(8, '0')}`;
    case 'null': return value.empty ? '@empty' : '@null';
    case 'unknown': return `(type 0x${value.dataType.toString(16)}) 0x${value.data.toString(16)}`;
  }
}
