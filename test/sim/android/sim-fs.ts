import { createHash } from 'node:crypto';
import type { SimFileStat } from './phone.js';

interface DirEntry {
  kind: 'dir';
  mode: number;
  mtime: number;
}

interface FileEntry {
  kind: 'file';
  mode: number;
  mtime: number;
  size: number;
  data: Buffer | null;
  /** Produces the content on first read (big pseudo-random APKs are never built unless pulled). */
  load: (() => Buffer) | null;
}

type Entry = DirEntry | FileEntry;

const DIR_MODE = 0o040771;
const FILE_MODE = 0o100660;
/** Where the shell user may create files, as on a real phone. */
const WRITABLE_ROOTS = ['/sdcard', '/data/local/tmp'];

export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  let normalized = '/' + parts.join('/');
  // /sdcard is a symlink to the primary emulated storage.
  for (const alias of ['/storage/emulated/0', '/storage/self/primary', '/mnt/sdcard']) {
    if (normalized === alias || normalized.startsWith(alias + '/')) normalized = '/sdcard' + normalized.slice(alias.length);
  }
  return normalized;
}

function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** A small in-memory file system: enough for `sync:` (stat, list, pull, push) and shell redirections. */
export class SimFs {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {
    this.entries.set('/', { kind: 'dir', mode: 0o040755, mtime: this.seconds() });
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  mkdirp(path: string, mode = DIR_MODE, mtime = this.seconds()): void {
    const normalized = normalizePath(path);
    if (this.entries.has(normalized)) return;
    this.mkdirp(parentOf(normalized), mode, mtime);
    this.entries.set(normalized, { kind: 'dir', mode, mtime });
  }

  addLazyFile(path: string, size: number, load: () => Buffer, mode = 0o100644, mtime = this.seconds()): void {
    const normalized = normalizePath(path);
    this.mkdirp(parentOf(normalized));
    this.entries.set(normalized, { kind: 'file', mode, mtime, size, data: null, load });
  }

  stat(path: string): SimFileStat | null {
    const entry = this.entries.get(normalizePath(path));
    if (!entry) return null;
    return { mode: entry.mode, size: entry.kind === 'file' ? entry.size : 4096, mtime: entry.mtime };
  }

  list(path: string): { name: string; stat: SimFileStat }[] | null {
    const dir = normalizePath(path);
    const entry = this.entries.get(dir);
    if (!entry || entry.kind !== 'dir') return null;
    const prefix = dir === '/' ? '/' : dir + '/';
    const children: { name: string; stat: SimFileStat }[] = [];
    for (const [childPath] of this.entries) {
      if (childPath === dir || !childPath.startsWith(prefix)) continue;
      const name = childPath.slice(prefix.length);
      if (name.includes('/')) continue;
      children.push({ name, stat: this.stat(childPath)! });
    }
    return children.sort((a, b) => a.name.localeCompare(b.name));
  }

  read(path: string): Buffer | null {
    const entry = this.entries.get(normalizePath(path));
    if (!entry || entry.kind !== 'file') return null;
    if (!entry.data && entry.load) {
      entry.data = entry.load();
      entry.load = null;
    }
    return entry.data ?? Buffer.alloc(0);
  }

  /** For sync SEND: creates parents like adbd does. */
  write(path: string, data: Buffer, mode: number, mtime: number): void {
    const normalized = normalizePath(path);
    this.mkdirp(parentOf(normalized));
    this.entries.set(normalized, { kind: 'file', mode: mode || FILE_MODE, mtime, size: data.length, data: Buffer.from(data), load: null });
  }

  /** For shell redirections: returns the error mksh would print, or null. */
  writeFromShell(path: string, data: Buffer, append: boolean): string | null {
    const normalized = normalizePath(path);
    const parent = this.entries.get(parentOf(normalized));
    if (!parent || parent.kind !== 'dir') return 'No such file or directory';
    const existing = this.entries.get(normalized);
    if (existing?.kind === 'dir') return 'Is a directory';
    if (!WRITABLE_ROOTS.some((root) => normalized.startsWith(root + '/'))) return 'Permission denied';
    const before = append && existing?.kind === 'file' ? this.read(normalized) ?? Buffer.alloc(0) : Buffer.alloc(0);
    const content = Buffer.concat([before, data]);
    this.entries.set(normalized, { kind: 'file', mode: FILE_MODE, mtime: this.seconds(), size: content.length, data: content, load: null });
    return null;
  }
}

/** Deterministic bytes that stand in for an APK nobody supplied: same package, same bytes, every run. */
export function pseudoRandomBytes(seed: string, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  const digest = createHash('sha256').update(seed).digest();
  let state = digest.readUInt32LE(0) || 0x9e3779b9;
  let offset = 0;
  for (; offset + 4 <= size; offset += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.writeUInt32LE(state >>> 0, offset);
  }
  for (; offset < size; offset++) out[offset] = offset & 0xff;
  return out;
}

/** A stable size in [min, max] bytes for a package's stand-in APK. */
export function pseudoRandomSize(seed: string, minBytes: number, maxBytes: number): number {
  const digest = createHash('sha256').update(`size:${seed}`).digest();
  return minBytes + (digest.readUInt32LE(0) % (maxBytes - minBytes + 1));
}
