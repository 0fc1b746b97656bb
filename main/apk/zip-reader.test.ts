import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { apkWorkspace } from '../../test/apk/build-apk.js';
import { writeZip, zipBytes, type ZipInput } from '../../test/apk/zip-writer.js';
import { ApkError, type ApkErrorCode } from './apk-error.js';
import { openZip } from './zip-reader.js';

const run = promisify(execFile);

const text = (n: number): Buffer => Buffer.from('push doctor reads only what it needs. '.repeat(Math.ceil(n / 38)).slice(0, n));
const ENTRIES: ZipInput[] = [
  { name: 'AndroidManifest.xml', data: text(3000), method: 'deflate' },
  { name: 'resources.arsc', data: randomBytes(5000), method: 'stored' },
  { name: 'assets/empty.txt', data: Buffer.alloc(0), method: 'deflate' },
  { name: 'assets/中文.json', data: Buffer.from('{"ok":true}'), method: 'stored' },
];

async function codeOf(promise: Promise<unknown>): Promise<ApkErrorCode | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ApkError) return error.code;
    throw error;
  }
}

/** Opens and reads every entry; the archive is closed whatever happens. */
async function readAll(path: string): Promise<Map<string, Buffer>> {
  const zip = await openZip(path);
  try {
    const out = new Map<string, Buffer>();
    for (const name of zip.entries.keys()) out.set(name, await zip.read(name));
    return out;
  } finally {
    await zip.close();
  }
}

/** Offset of the first central-directory record. */
const central = (zip: Buffer): number => zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));

describe('zip reader', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let file: (name: string, bytes: Buffer) => Promise<string>;
  beforeAll(async () => {
    ws = await apkWorkspace();
    file = async (name, bytes) => {
      const path = join(ws.dir, name);
      await writeFile(path, bytes);
      return path;
    };
  });
  afterAll(() => ws.dispose());

  it('lists an aapt-built APK as aapt list -v does, with the same sizes, offsets and CRCs', async () => {
    const apk = await ws.build('correct');
    const { stdout } = await run('aapt', ['list', '-v', apk]);
    // "   15672  Deflate    3450  78%         0  01-01-80 00:00  ffffffff97fa7ea0  AndroidManifest.xml"
    const listed = [...stdout.matchAll(/^\s*(\d+)\s+(Stored|Deflate)\s+(\d+)\s+\d+%\s+(\d+)\s+\S+\s+\S+\s+([0-9a-f]+)\s+(.+)$/gm)]
      .map((m) => ({ name: m[6]!, length: Number(m[1]), method: m[2] === 'Stored' ? 0 : 8, size: Number(m[3]), offset: Number(m[4]), crc: Number.parseInt(m[5]!.slice(-8), 16) }));
    expect(listed.length).toBe(3);
    const zip = await openZip(apk);
    try {
      expect([...zip.entries.keys()]).toEqual(listed.map((l) => l.name));
      for (const l of listed) {
        const e = zip.entries.get(l.name)!;
        expect({ name: e.name, length: e.uncompressedSize, method: e.method, size: e.compressedSize, offset: e.localHeaderOffset, crc: e.crc32 }).toEqual(l);
        const bytes = await zip.read(l.name);
        expect(bytes.length).toBe(l.length);
        expect(crc32(bytes) >>> 0).toBe(l.crc);
      }
    } finally {
      await zip.close();
    }
  });

  it.each([false, true])('reads stored and deflated entries (zip64 records: %s)', async (zip64) => {
    const path = await file(`plain-${zip64}.zip`, zipBytes(ENTRIES, { zip64, comment: 'signed by nobody' }));
    const all = await readAll(path);
    expect([...all.keys()]).toEqual(ENTRIES.map((e) => e.name));
    for (const e of ENTRIES) expect(all.get(e.name)!.equals(e.data), e.name).toBe(true);
  });

  it('reads a zip64 archive whose entries lie past 4 GiB, without reading what is before them', async () => {
    // A sparse file: 5 GiB of hole, then the zip. Reading the whole file would take minutes and GBs.
    const path = await writeZip(join(ws.dir, 'huge.apk'), ENTRIES, { zip64: true, baseOffset: 5 * 2 ** 30 });
    expect((await stat(path)).size).toBeGreaterThan(5 * 2 ** 30);
    const zip = await openZip(path);
    try {
      expect(zip.entries.get('resources.arsc')!.localHeaderOffset).toBeGreaterThan(2 ** 32);
      for (const e of ENTRIES) expect((await zip.read(e.name)).equals(e.data), e.name).toBe(true);
    } finally {
      await zip.close();
    }
  });

  it('finds the directory behind a long archive comment and after a gap like the APK signing block', async () => {
    const bytes = zipBytes(ENTRIES, { comment: 'x'.repeat(60000) });
    const eocd = bytes.length - 60000 - 22;
    const cd = bytes.readUInt32LE(eocd + 16);
    const gap = randomBytes(4096);
    const signed = Buffer.concat([bytes.subarray(0, cd), gap, bytes.subarray(cd)]);
    signed.writeUInt32LE(cd + gap.length, eocd + gap.length + 16);
    const all = await readAll(await file('signed.zip', signed));
    expect([...all.keys()]).toEqual(ENTRIES.map((e) => e.name));
    expect(all.get('resources.arsc')!.equals(ENTRIES[1]!.data)).toBe(true);
  });

  it('refuses an entry over the cap before inflating it', async () => {
    const path = await file('cap.zip', zipBytes(ENTRIES));
    const zip = await openZip(path);
    try {
      expect(await codeOf(zip.read('AndroidManifest.xml', { maxBytes: 2999 }))).toBe('too-large');
      expect((await zip.read('AndroidManifest.xml', { maxBytes: 3000 })).length).toBe(3000);
      expect(await codeOf(zip.read('classes.dex'))).toBe('missing-entry');
    } finally {
      await zip.close();
    }
    expect(await codeOf(zip.read('AndroidManifest.xml'))).toBe('io');
  });

  it('refuses a deflate stream that inflates past its declared size (a zip bomb)', async () => {
    const bytes = zipBytes([{ name: 'bomb', data: Buffer.alloc(4 << 20), method: 'deflate' }]);
    bytes.writeUInt32LE(1000, central(bytes) + 24); // declared uncompressed size
    const zip = await openZip(await file('bomb.zip', bytes));
    try {
      expect(await codeOf(zip.read('bomb'))).toBe('corrupt-entry');
    } finally {
      await zip.close();
    }
  });

  it.each<[string, (b: Buffer) => void, ApkErrorCode]>([
    ['a wrong CRC', (b) => b.writeUInt32LE(0xdeadbeef, central(b) + 16), 'corrupt-entry'],
    ['an unknown compression method', (b) => b.writeUInt16LE(12, central(b) + 10), 'unsupported'],
    ['the encrypted flag', (b) => b.writeUInt16LE(0x801, central(b) + 8), 'unsupported'],
    ['a local header offset past the data', (b) => b.writeUInt32LE(0x7fffffff, central(b) + 42), 'bad-zip'],
    ['a corrupted deflate stream', (b) => b.fill(0xff, 60, 120), 'corrupt-entry'],
    ['a stored entry whose sizes disagree', (b) => {
      const p = b.indexOf(Buffer.from('resources.arsc'), central(b)) - 46;
      b.writeUInt32LE(4000, p + 24);
    }, 'bad-zip'],
  ])('refuses %s with a typed error', async (_what, corrupt, code) => {
    const bytes = zipBytes(ENTRIES);
    corrupt(bytes);
    const zip = await openZip(await file(`bad-${code}-${Math.random()}.zip`, bytes));
    try {
      const codes = await Promise.all(ENTRIES.map((e) => codeOf(zip.read(e.name))));
      expect(codes).toContain(code);
    } finally {
      await zip.close();
    }
  });

  it.each<[string, () => Buffer, ApkErrorCode]>([
    ['an empty file', () => Buffer.alloc(0), 'not-zip'],
    ['random bytes', () => randomBytes(100_000), 'not-zip'],
    ['a directory offset past its end record', () => {
      const b = zipBytes(ENTRIES);
      b.writeUInt32LE(b.length, b.length - 22 + 16);
      return b;
    }, 'bad-zip'],
    ['more entries than the directory holds', () => {
      const b = zipBytes(ENTRIES);
      b.writeUInt16LE(40, b.length - 22 + 10);
      return b;
    }, 'bad-zip'],
    ['a multi-disk archive', () => {
      const b = zipBytes(ENTRIES);
      b.writeUInt16LE(1, b.length - 22 + 4);
      return b;
    }, 'unsupported'],
  ])('refuses %s when opening', async (_what, make, code) => {
    expect(await codeOf(openZip(await file(`open-${code}-${Math.random()}.zip`, make())))).toBe(code);
  });

  it('opens every truncation of an APK or refuses it with a typed error', async () => {
    const apk = await readFile(await ws.build('correct'));
    for (let n = 0; n < apk.length; n += Math.ceil(apk.length / 97)) {
      const path = await file('cut.apk', apk.subarray(0, n));
      const outcome = await codeOf(readAll(path));
      expect(['not-zip', 'bad-zip']).toContain(outcome);
    }
  }, 30_000);

  it('keeps the first of duplicated names and lists the duplicate', async () => {
    const path = await file('dup.zip', zipBytes([...ENTRIES, { name: 'AndroidManifest.xml', data: Buffer.from('second'), method: 'stored' }]));
    const zip = await openZip(path);
    try {
      expect(zip.duplicates).toEqual(['AndroidManifest.xml']);
      expect((await zip.read('AndroidManifest.xml')).equals(ENTRIES[0]!.data)).toBe(true);
    } finally {
      await zip.close();
    }
  });

  it('reports a file that cannot be opened as io', async () => {
    expect(await codeOf(openZip(join(ws.dir, 'does-not-exist.apk')))).toBe('io');
  });
});
