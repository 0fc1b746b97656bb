import { describe, expect, it } from 'vitest';
import { fixture, realPhones } from '../fixtures.test-helper.js';
import { parseGetprop } from './getprop.js';

describe('parseGetprop', () => {
  it('reads identity props from a MIUI 14 phone', () => {
    const r = parseGetprop(fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.props.get('ro.product.brand')?.value).toBe('POCO');
    expect(r.value.props.get('ro.product.manufacturer')?.value).toBe('Xiaomi');
    expect(r.value.props.get('ro.miui.ui.version.name')?.line).toBe('[ro.miui.ui.version.name]: [V140]');
    expect(r.value.props.get('ro.build.version.base_os')?.value).toBe('');
    expect(r.value.skippedLines).toBe(0);
  });

  it('reads every real capture of the fixtures collector', () => {
    const phones = realPhones('getprop.txt');
    expect(phones.length).toBeGreaterThan(0);
    for (const { phone, text } of phones) {
      const r = parseGetprop(text);
      expect(r.ok, phone).toBe(true);
      if (r.ok) expect(r.value.props.get('ro.product.brand')?.value, phone).toBeTruthy();
    }
  });

  it('keeps a value that spans lines and counts garbage lines', () => {
    const text = '[a.b]: [one]\nnoise here\n[multi.line]: [first\nsecond]\n[c.d]: [x]\n';
    const r = parseGetprop(text);
    expect(r.ok && r.value.props.get('multi.line')?.value).toBe('first\nsecond');
    expect(r.ok && r.value.skippedLines).toBe(1);
    expect(r.ok && r.value.props.get('c.d')?.value).toBe('x');
  });

  it('flags an output cut inside a value', () => {
    const r = parseGetprop('[a.b]: [one]\n[cut.value]: [never clos');
    expect(r.ok && r.value.truncated).toBe(true);
    expect(r.ok && r.value.props.has('cut.value')).toBe(false);
  });

  it('reads a UTF-16LE file written by PowerShell like the UTF-8 one', () => {
    const utf8 = fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt').replace(/\n/g, '\r\n');
    const asRead = `\ufeff${utf8}`;
    const r = parseGetprop(asRead);
    expect(r.ok && r.value.props.get('ro.product.model')?.value).toBe('22101320G');
  });

  it('returns a reason, not a throw, for a failed command or empty text', () => {
    expect(parseGetprop('')).toEqual({ ok: false, reason: 'getprop output is empty' });
    const failed = parseGetprop('/system/bin/sh: getprop: not found');
    expect(failed.ok).toBe(false);
    expect(parseGetprop('hello\nworld').ok).toBe(false);
  });
});
