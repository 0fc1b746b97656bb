import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureToFiles } from './capture-io.js';
import { loadSource } from './load-source.js';

const GETPROP = readFileSync(new URL('../../test/fixtures/real/xiaomi-redmi-k50pro-hyperos2-a14/getprop.txt', import.meta.url), 'utf8');
const META = { serial: 'K50PRO01', app: 'com.example.im', capturedAt: '2026-11-25T10:00:00.000Z' };

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'load-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function captureZip(extra: Record<string, Uint8Array> = {}, outputs = [{ command: 'getprop', text: GETPROP, exitCode: 0 }]): string {
  const files = Object.fromEntries(captureToFiles(META, outputs));
  const file = join(dir, 'cap.zip');
  writeFileSync(file, zipSync({ ...files, ...extra }, { level: 6 }));
  return file;
}

/** Flips a zip entry's data to garbage, so inflating it would throw: proof that it was never inflated. */
function corrupt(zipFile: string, marker: string): void {
  const bytes = readFileSync(zipFile);
  const at = bytes.indexOf(Buffer.from(marker));
  // The local header's name is followed by the entry's data; overwrite the start of the data.
  for (let i = at + marker.length; i < at + marker.length + 64 && i < bytes.length; i++) bytes[i] = 0xff;
  writeFileSync(zipFile, bytes);
}

describe('loadSource on a capture zip', () => {
  it('reads only the entries capture.json names', async () => {
    const file = captureZip({ 'junk.bin': new Uint8Array(4 * 1024 * 1024) });
    corrupt(file, 'junk.bin');
    const loaded = await loadSource(file, null);
    expect(loaded.source).toBe('capture');
    expect(loaded.outputs).toHaveLength(1);
    expect(loaded.outputs[0]?.text).toContain('[ro.product.manufacturer]: [Xiaomi]');
    expect(loaded.errors).toEqual([]);
  });

  it('stops inflating a named entry at the cap and reports TOO_LARGE with its name, going on with the rest', async () => {
    const big = 'x'.repeat(3 * 1000 * 1000);
    const file = captureZip({}, [
      { command: 'getprop', text: GETPROP, exitCode: 0 },
      { command: 'dumpsys notification --noredact', text: big, exitCode: 0 },
    ]);
    const loaded = await loadSource(file, null, { limits: { perFile: 1_000_000, total: 2_000_000 } });
    expect(loaded.outputs[0]?.text).toContain('Xiaomi');
    expect(loaded.outputs[1]?.text).toBeNull();
    expect(loaded.errors).toEqual([
      { code: 'TOO_LARGE', message: expect.stringMatching(/dumpsys-notification---noredact\.txt is larger than Push Doctor reads \(at most 1 MB per file and 2 MB in all\)/), during: 'load:dumpsys-notification---noredact.txt' },
    ]);
  });

  it('holds the total cap across entries', async () => {
    const part = 'y'.repeat(800_000);
    const file = captureZip({}, [
      { command: 'settings list global', text: part, exitCode: 0 },
      { command: 'settings list secure', text: part, exitCode: 0 },
      { command: 'settings list system', text: part, exitCode: 0 },
    ]);
    const loaded = await loadSource(file, null, { limits: { perFile: 1_000_000, total: 2_000_000 } });
    expect(loaded.outputs.map((o) => o.text === null)).toEqual([false, false, true]);
    expect(loaded.errors.map((e) => e.code)).toEqual(['TOO_LARGE']);
  });

  it('refuses a zip whose capture.json is a symbolic link entry', async () => {
    const file = captureZip();
    // Mark capture.json as a Unix symlink in the central directory: "made by" Unix, mode 0120777.
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      const nameLength = bytes.readUInt16LE(at + 28);
      if (bytes.subarray(at + 46, at + 46 + nameLength).toString() !== 'capture.json') continue;
      bytes.writeUInt16LE((3 << 8) | 20, at + 4);
      bytes.writeUInt32LE((0o120777 << 16) >>> 0, at + 38);
    }
    writeFileSync(file, bytes);
    await expect(loadSource(file, null)).rejects.toThrow(/capture\.json in .* is a symbolic link; refused/);
  });

  it('reads a bug report zip through main_entry.txt, ignoring the rest', async () => {
    const main = ['------ SYSTEM PROPERTIES (getprop) ------', GETPROP.trimEnd(), "------ 0.06s was the duration of 'SYSTEM PROPERTIES' ------", ''].join('\n');
    const file = join(dir, 'br.zip');
    writeFileSync(file, zipSync({ 'main_entry.txt': strToU8('bugreport-x.txt'), 'bugreport-x.txt': strToU8(main), 'FS/data/huge.bin': new Uint8Array(2_000_000) }));
    corrupt(file, 'FS/data/huge.bin');
    const loaded = await loadSource(file, 'com.example.im');
    expect(loaded.source).toBe('bugreport');
    expect(loaded.origin).toContain('(bugreport-x.txt)');
  });

  it('says what is wrong with a file that only starts like a zip', async () => {
    const file = join(dir, 'broken.zip');
    writeFileSync(file, Buffer.from('PK\u0003\u0004 and then nothing'));
    await expect(loadSource(file, null)).rejects.toThrow(/no end-of-central-directory record/);
  });
});

describe('ZipReader', () => {
  it('stops at the cap while inflating, even when the central directory understates the size', async () => {
    const { ZipReader } = await import('./zip-reader.js');
    const file = join(dir, 'liar.zip');
    const bytes = Buffer.from(zipSync({ 'big.txt': new Uint8Array(5_000_000) }, { level: 6 }));
    // Say 10 bytes in both the local header and the central directory.
    bytes.writeUInt32LE(10, 22);
    bytes.writeUInt32LE(10, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    writeFileSync(file, bytes);
    const zip = await ZipReader.open(file);
    try {
      const entry = zip.entries[0]!;
      expect(entry.size).toBe(10);
      const budget = { remaining: 1_000_000, perEntry: 1_000_000, describe: 'at most 1 MB' };
      await expect(zip.read(entry, budget)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/big\.txt is larger than Push Doctor reads/) });
      expect(budget.remaining).toBe(1_000_000);
    } finally {
      await zip.close();
    }
  });
});
