import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPhone } from './create-phone.js';
import { normalizePath, SimFs } from './sim-fs.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/pixel-a14', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'simandroid-fs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the simulated file system', () => {
  it('treats /storage/emulated/0 and /sdcard as one place and resolves dot segments', () => {
    expect(normalizePath('/storage/emulated/0/Download/../a.txt')).toBe('/sdcard/a.txt');
    expect(normalizePath('//data/./local/tmp/')).toBe('/data/local/tmp');
  });

  it('lists, stats and reads files pushed over sync', () => {
    const fs = new SimFs(() => 1_700_000_000_000);
    fs.write('/data/local/tmp/probe.sh', Buffer.from('echo hi\n'), 0o100755, 1_700_000_123);
    expect(fs.stat('/data/local/tmp/probe.sh')).toEqual({ mode: 0o100755, size: 8, mtime: 1_700_000_123 });
    expect(fs.list('/data/local/tmp')?.map((e) => e.name)).toEqual(['probe.sh']);
    expect(fs.list('/data/local')?.map((e) => [e.name, (e.stat.mode & 0o170000).toString(8)])).toEqual([['tmp', '40000']]);
    expect(fs.read('/data/local/tmp/nope')).toBeNull();
  });

  it('serves the APK a profile supplies under apks/<pkg>.apk instead of stand-in bytes', async () => {
    const dir = join(scratch, 'with-apk');
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(join(dir, 'apks'));
    const apk = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(1000, 7)]);
    writeFileSync(join(dir, 'apks', 'com.example.im.apk'), apk);
    const phone = await createPhone(dir);
    const path = '/data/app/~~fX2pQ1sT==/com.example.im-Ab3dE5fG==/base.apk';
    expect(phone.stat(path)?.size).toBe(apk.length);
    expect(phone.readFile(path)?.equals(apk)).toBe(true);
  });
});
