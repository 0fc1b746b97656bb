import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApkCache, type ApkCacheKey } from './apk-cache.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'apk-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const key = (n: number, size: number, patch: Partial<ApkCacheKey> = {}): ApkCacheKey =>
  ({ device: 'srv/serial', remotePath: `/data/app/~~${n}==/com.example.im-x==/base.apk`, size, mtime: 1_700_000_000, versionCode: 42, ...patch });

describe('ApkCache', () => {
  it('gives back what was put, only for the same phone, path, size, mtime and version', async () => {
    const cache = new ApkCache(dir);
    const file = await cache.put(key(1, 3), Buffer.from('abc'));
    expect(await cache.get(key(1, 3))).toBe(file);
    for (const other of [key(1, 3, { versionCode: 43 }), key(1, 3, { device: 'srv/other' }), key(1, 3, { mtime: 1 }), key(2, 3), key(1, 4)]) {
      expect(await cache.get(other)).toBeNull();
    }
  });

  it('drops a file whose size is not the key\'s (cut short) instead of serving it', async () => {
    const cache = new ApkCache(dir);
    const file = await cache.put(key(1, 3), Buffer.from('abc'));
    await writeFile(file, 'ab');
    expect(await cache.get(key(1, 3))).toBeNull();
    await expect(stat(file)).rejects.toThrow();
  });

  it('evicts the least recently used files down to the cap, keeping the one just written', async () => {
    const cache = new ApkCache(dir, 10);
    const a = await cache.put(key(1, 4), Buffer.alloc(4));
    const b = await cache.put(key(2, 4), Buffer.alloc(4));
    await utimes(a, new Date(1_000_000), new Date(1_000_000));
    await utimes(b, new Date(2_000_000), new Date(2_000_000));
    // A hit makes `a` the most recently used, so `b` goes when `c` needs room.
    expect(await cache.get(key(1, 4))).toBe(a);
    const c = await cache.put(key(3, 4), Buffer.alloc(4));
    expect((await readdir(dir)).sort()).toEqual([path.basename(a), path.basename(c)].sort());
    // One file over the cap alone is kept: it is the one the audit is reading.
    const big = await cache.put(key(4, 20), Buffer.alloc(20));
    expect(await readdir(dir)).toEqual([path.basename(big)]);
  });
});
