import { describe, expect, it } from 'vitest';
import { decodeValue, formatValue, TYPE } from './res-value.js';
import type { StringPool } from './string-pool.js';

const pool: StringPool = { count: 1, utf8: true, get: (i) => (i === 0 ? 'hello' : null), indicesOf: () => [] };

describe('Res_value decoding', () => {
  it.each<[string, number, number, unknown]>([
    ['string', TYPE.STRING, 0, { type: 'string', value: 'hello' }],
    ['string index outside the pool', TYPE.STRING, 7, { type: 'unknown', dataType: TYPE.STRING, data: 7 }],
    ['decimal int', TYPE.INT_DEC, 104412345, { type: 'int', format: 'dec', value: 104412345 }],
    ['negative int', TYPE.INT_DEC, 0xffffffff, { type: 'int', format: 'dec', value: -1 }],
    ['hex int', TYPE.INT_HEX, 0x1f, { type: 'int', format: 'hex', value: 0x1f }],
    ['true', TYPE.INT_BOOLEAN, 0xffffffff, { type: 'boolean', value: true }],
    ['false', TYPE.INT_BOOLEAN, 0, { type: 'boolean', value: false }],
    ['float', TYPE.FLOAT, 0x3f400000, { type: 'float', value: 0.75 }],
    ['reference', TYPE.REFERENCE, 0x7f020001, { type: 'reference', id: 0x7f020001, name: null }],
    ['dynamic reference', TYPE.DYNAMIC_REFERENCE, 0x00020001, { type: 'reference', id: 0x00020001, name: null }],
    ['attribute', TYPE.ATTRIBUTE, 0x01010036, { type: 'attribute', id: 0x01010036 }],
    ['@null', TYPE.NULL, 0, { type: 'null', empty: false }],
    ['@empty', TYPE.NULL, 1, { type: 'null', empty: true }],
    // 600dp: mantissa 600 << 8 at radix 0 (23p0), unit 1.
    ['600dp', TYPE.DIMENSION, (600 << 8) | 0x01, { type: 'dimension', value: 600, unit: 'dp' }],
    // -1.5px: mantissa -192 at radix 1 (16p7): -192 / 128.
    ['-1.5px', TYPE.DIMENSION, ((-192 << 8) | (1 << 4) | 0x00) >>> 0, { type: 'dimension', value: -1.5, unit: 'px' }],
    ['unknown unit', TYPE.DIMENSION, (1 << 8) | 0x0f, { type: 'dimension', value: 1, unit: 'unknown' }],
    // 50%: 0.5 as mantissa 64 at radix 1.
    ['50%', TYPE.FRACTION, ((64 << 8) | (1 << 4)) >>> 0, { type: 'fraction', value: 50, unit: '%' }],
    ['25%p', TYPE.FRACTION, ((32 << 8) | (1 << 4) | 1) >>> 0, { type: 'fraction', value: 25, unit: '%p' }],
    ['#rgb color', TYPE.INT_COLOR_RGB4, 0xff112233, { type: 'color', value: '#ff112233' }],
    ['#aarrggbb color', TYPE.INT_COLOR_ARGB8, 0x80ff00ff, { type: 'color', value: '#80ff00ff' }],
    ['type Android does not define', 0x42, 5, { type: 'unknown', dataType: 0x42, data: 5 }],
  ])('%s', (_what, dataType, data, expected) => {
    expect(decodeValue(dataType, data, pool)).toEqual(expected);
  });

  it('formats values so evidence shows the type', () => {
    expect(formatValue({ type: 'int', format: 'dec', value: 104412345 })).toBe('104412345 (int)');
    expect(formatValue({ type: 'string', value: '104412345' })).toBe('"104412345"');
    expect(formatValue({ type: 'reference', id: 0x7f020001, name: 'string/honor_app_id' })).toBe('@string/honor_app_id');
    expect(formatValue({ type: 'reference', id: 0x7f020001, name: null })).toBe('@0x7f020001');
    expect(formatValue({ type: 'int', format: 'hex', value: -1 })).toBe('0xffffffff (int)');
  });
});
