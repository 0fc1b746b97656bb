import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Pulled APKs kept on disk, so a second audit of the same build does not pull again. Keyed by what identifies
 * one installed build on one phone: the phone, the path (a new install gets a new random `~~…==` folder), the
 * size, the modification time and the versionCode. The phone is part of the key because paths are only random
 * per install: cloned images and simulators share them, and a same-sized different build must never be served. Bounded by a byte cap; the least recently used files go first (a hit touches the file's mtime,
 * so the order survives restarts without an index file that could disagree with the folder).
 */

export const DEFAULT_CACHE_CAP = 1024 * 1024 * 1024;

export interface ApkCacheKey {
  /** The phone's serial (with its server when known). */
  device: string;
  remotePath: string;
  /** Seconds since the epoch, from the phone; null when it did not say. */
  mtime: number | null;
  size: number;
  versionCode: number | null;
}

export class ApkCache {
  constructor(
    readonly dir: string,
    readonly capBytes: number = DEFAULT_CACHE_CAP,
  ) {}

  fileFor(key: ApkCacheKey): string {
    const digest = createHash('sha256').update([key.device, key.remotePath, key.size, key.mtime ?? '-', key.versionCode ?? '-'].join('\u0000')).digest('hex').slice(0, 32);
    return path.join(this.dir, `${digest}.apk`);
  }

  /** The cached file for `key`, or null. A file of another size is stale (cut short by a crash) and is dropped. */
  async get(key: ApkCacheKey): Promise<string | null> {
    const file = this.fileFor(key);
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    if (info.size !== key.size) {
      await rm(file, { force: true });
      return null;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return file;
  }

  /** Stores the bytes (written aside and renamed, so a reader never sees half a file), then evicts down to the cap. */
  async put(key: ApkCacheKey, bytes: Uint8Array): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileFor(key);
    const part = `${file}.${process.pid}.part`;
    await writeFile(part, bytes);
    await rename(part, file);
    await this.evict(file);
    return file;
  }

  /** Removes least recently used APKs until the folder is within the cap; `keep` (just written) stays. */
  async evict(keep?: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const files = (await Promise.all(names.filter((n) => n.endsWith('.apk')).map(async (n) => {
      const full = path.join(this.dir, n);
      const info = await stat(full).catch(() => null);
      return info ? { full, size: info.size, used: info.mtimeMs } : null;
    }))).filter((f): f is { full: string; size: number; used: number } => f !== null);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const f of files.sort((a, b) => a.used - b.used)) {
      if (total <= this.capBytes) break;
      if (f.full === keep) continue;
      await rm(f.full, { force: true });
      total -= f.size;
    }
  }
}

export function apkCacheDir(dataDir: string): string {
  return path.join(dataDir, 'apk-cache');
}
