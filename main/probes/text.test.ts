import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.test-helper.js';
import { parseGetprop } from './props/getprop.js';
import { commandFailure, decodeCapture, normalizeText, toLines } from './text.js';

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

/** The rule normalizeText implements, written the slow obvious way: the oracle for the fuzz below. */
function referenceNormalize(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  t = t.replaceAll('\0', '');
  while (t.includes('\r\n')) t = t.replace(/\r\n/g, '\n');
  return t.replace(/\r/g, '\n');
}

/** The fastest of a few runs: on a shared machine the noise only ever adds time. */
function bestMs(run: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('normalizeText on adversarial input', () => {
  it('agrees with the slow reference on random mixes of CR, LF, NUL, BOM and text', () => {
    const alphabet = ['\r', '\r', '\r', '\n', '\0', '\ufeff', 'a', '[ro.x]: [1]'];
    let seed = 7;
    const rand = (m: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % m;
    };
    for (let round = 0; round < 2000; round++) {
      let s = '';
      const len = rand(40);
      for (let k = 0; k < len; k++) s += alphabet[rand(alphabet.length)];
      expect(normalizeText(s), JSON.stringify(s)).toBe(referenceNormalize(s));
    }
  });

  it('keeps a BOM in the middle (only a leading one is a byte-order mark) and drops NULs inside a CR run', () => {
    expect(normalizeText('\ufeffa\ufeffb')).toBe('a\ufeffb');
    expect(normalizeText('a\r\0\r\0\nb\r\0\rc')).toBe('a\nb\n\nc');
  });

  it('is linear in a run of CRs, NULs or BOMs: 16× the input costs far less than 256×', () => {
    const runs: [string, (n: number) => string][] = [
      ['CRs then LF', (n) => `[ro.a]: [b]${'\r'.repeat(n)}\n`],
      ['lone CRs', (n) => `x${'\r'.repeat(n)}y`],
      ['CR NUL pairs', (n) => `x${'\r\0'.repeat(n)}\n`],
      ['mid-text BOMs and NULs', (n) => `x${'\ufeff\0'.repeat(n)}y\r\n`],
    ];
    for (const [what, make] of runs) {
      const small = make(20_000);
      const big = make(320_000);
      normalizeText(small);
      const tSmall = Math.max(bestMs(() => normalizeText(small)), 1);
      const tBig = bestMs(() => normalizeText(big));
      // Quadratic would be ~256×; linear ~16×. The bound leaves room for a noisy shared machine.
      expect(tBig / tSmall, `${what}: ${tSmall.toFixed(2)} ms → ${tBig.toFixed(2)} ms`).toBeLessThan(100);
      // The case, 100 000 CRs, took 99 s before (8× that would take hours); a generous budget catches a relapse.
      expect(tBig, what).toBeLessThan(3000);
    }
  });
});
