import { describe, expect, it } from 'vitest';
import { FramedOutputCollector, frameCommand, LineSplitter, newNonce, parseFramedOutput } from './shell-framing.js';

/** Feeds `whole` to a collector in the given chunk sizes, as a socket would deliver it. */
function collect(whole: Buffer, nonce: string, sizes: number[]): FramedOutputCollector {
  const collector = new FramedOutputCollector(nonce);
  let at = 0;
  let i = 0;
  while (at < whole.length) {
    const size = sizes[i++ % sizes.length] as number;
    collector.push(whole.subarray(at, at + size));
    at += size;
  }
  return collector;
}

describe('frameCommand', () => {
  it('appends an echo of a per-call nonce and the exit status after the command', () => {
    const framed = frameCommand('dumpsys notification --noredact', 'abc123');
    expect(framed.line).toBe('dumpsys notification --noredact ; echo "<<pd-end:abc123:$?>>"');
  });

  it('draws a different nonce for each call', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('parseFramedOutput', () => {
  const nonce = 'deadbeefcafef00d';
  const getprop = '[ro.product.brand]: [Xiaomi]\n[ro.product.model]: [23049PCD8G]\n';

  it('returns the output before the marker and the exit status', () => {
    const parsed = parseFramedOutput(Buffer.from(`${getprop}<<pd-end:${nonce}:0>>\n`), nonce);
    expect(parsed).toEqual({ complete: true, output: Buffer.from(getprop), exitCode: 0 });
  });

  it('keeps output that had no final newline byte for byte', () => {
    const parsed = parseFramedOutput(Buffer.from(`Package [com.x.y] (abc):<<pd-end:${nonce}:1>>\n`), nonce);
    expect(parsed.complete && parsed.output.toString()).toBe('Package [com.x.y] (abc):');
    expect(parsed.complete && parsed.exitCode).toBe(1);
  });

  it('reads the pty line ending of old phones (\\r\\n)', () => {
    const parsed = parseFramedOutput(Buffer.from(`Unknown command\r\n<<pd-end:${nonce}:255>>\r\n`), nonce);
    expect(parsed).toEqual({ complete: true, output: Buffer.from('Unknown command\r\n'), exitCode: 255 });
  });

  it('ignores a marker with another nonce printed by the command itself', () => {
    const text = `log: <<pd-end:0000000000000000:0>>\n`;
    const parsed = parseFramedOutput(Buffer.from(`${text}<<pd-end:${nonce}:0>>\n`), nonce);
    expect(parsed.complete && parsed.output.toString()).toBe(text);
  });

  it('reports a stream cut before the marker as incomplete, with what did arrive', () => {
    const parsed = parseFramedOutput(Buffer.from(getprop.slice(0, 20)), nonce);
    expect(parsed).toEqual({ complete: false, output: Buffer.from(getprop.slice(0, 20)) });
  });

  it('reports a stream cut inside the marker as incomplete', () => {
    const parsed = parseFramedOutput(Buffer.from(`${getprop}<<pd-end:${nonce}:`), nonce);
    expect(parsed.complete).toBe(false);
    expect(parsed.output.toString()).toBe(getprop);
  });
});

describe('FramedOutputCollector', () => {
  const nonce = newNonce();
  const body = Buffer.from(Array.from({ length: 3000 }, (_, i) => `line ${i} ✓ ünïcode\n`).join(''));
  const whole = Buffer.concat([body, Buffer.from(`<<pd-end:${nonce}:3>>\n`)]);

  it.each([[[1]], [[7, 3, 1]], [[4096]], [[65536]], [[whole.length]], [[whole.length - 3, 1]]])(
    'reassembles the output from chunks of %j bytes', (sizes) => {
      const collector = collect(whole, nonce, sizes);
      expect(collector.sawEnd()).toBe(true);
      const result = collector.finish();
      expect(result.complete).toBe(true);
      expect(result.output.equals(body)).toBe(true);
      expect(result.complete && result.exitCode).toBe(3);
    });

  it('does not see the end while the marker is only partly received', () => {
    const cut = whole.subarray(0, whole.length - 4);
    const collector = collect(cut, nonce, [5]);
    expect(collector.sawEnd()).toBe(false);
    expect(collector.finish().complete).toBe(false);
  });

  it('does not see the end in output that merely ends with a foreign marker', () => {
    const collector = collect(Buffer.from(`x<<pd-end:1111111111111111:0>>\n`), nonce, [3]);
    expect(collector.sawEnd()).toBe(false);
  });
});

describe('LineSplitter', () => {
  it('splits lines across chunk boundaries, strips CR, holds back the marker and reads its status', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter('abc', (l) => lines.push(l));
    expect(splitter.push(Buffer.from('one\r\ntw'))).toBe(false);
    expect(splitter.push(Buffer.from('o\nlast<<pd-end:abc:'))).toBe(false);
    expect(splitter.push(Buffer.from('4>>\n'))).toBe(true);
    expect(lines).toEqual(['one', 'two', 'last']);
    expect(splitter.exitCode).toBe(4);
  });

  it('keeps a UTF-8 character split between chunks whole', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter('n', (l) => lines.push(l));
    const bytes = Buffer.from('推送\n');
    splitter.push(bytes.subarray(0, 2));
    splitter.push(bytes.subarray(2));
    expect(lines).toEqual(['推送']);
  });

  it('hands on a stream without newlines in bounded pieces, in linear time', () => {
    let total = 0;
    let pieces = 0;
    const splitter = new LineSplitter('n', (l) => { total += l.length; pieces++; });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const started = performance.now();
    for (let i = 0; i < 160; i++) splitter.push(chunk);
    splitter.flush();
    expect(total).toBe(160 * 64 * 1024);
    expect(pieces).toBe(10);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
