import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.test-helper.js';
import { parseGetprop } from './parsers/getprop.js';
import { commandFailure, decodeCapture, toLines } from './text.js';

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe('capture text decoding', () => {
  const original = fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt');

  it('decodes a PowerShell UTF-16LE file with BOM and CRLF to the same properties', () => {
    const decoded = decodeCapture(utf16le(original.replace(/\n/g, '\r\n'), true));
    const a = parseGetprop(original);
    const b = parseGetprop(decoded);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect([...b.value.props.entries()].map(([k, v]) => [k, v.value])).toEqual([...a.value.props.entries()].map(([k, v]) => [k, v.value]));
  });

  it('decodes UTF-16LE without a BOM, UTF-16BE and UTF-8 with a BOM', () => {
    expect(decodeCapture(utf16le('[a.b]: [c]\n', false))).toBe('[a.b]: [c]\n');
    const be = Buffer.from(utf16le('xy', false)).swap16();
    expect(decodeCapture(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('xy');
    expect(decodeCapture(Buffer.from('\ufeffhello', 'utf8'))).toBe('hello');
  });

  it('splits CRLF, CRCRLF and lone CR into the same lines', () => {
    expect(toLines('a\r\r\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('recognises a command that did not run', () => {
    expect(commandFailure("cmd: Can't find service: app_hibernation")).toBe("cmd: Can't find service: app_hibernation");
    expect(commandFailure('/system/bin/sh: getprop: not found')).not.toBeNull();
    expect(commandFailure('[ro.a]: [b]')).toBeNull();
  });
});
