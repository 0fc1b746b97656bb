import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, link, lstat, mkdir, mkdtemp, open, readdir, realpath, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where a command's output goes (a report file, a capture zip or folder), checked before any work starts and
 * written so that nothing is lost: an existing file is replaced only when asked (`--force`), an input never; the
 * bytes go to a temporary file in the target's folder, are flushed to disk, then renamed over the target, so a
 * crash or a full disk leaves the old file or the new one, never half of one.
 */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export interface FileTargetOptions {
  /** Replace an existing file (`--force`). An input is never replaced. */
  force: boolean;
  /** Paths the command reads; the target may be none of them, nor inside one that is a folder. */
  inputs?: readonly string[];
}

/** Says, in plain words, why a file operation failed; the system's code follows in brackets for a bug report. */
export function plainFsError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = path.dirname(path.resolve(target));
  const words: Record<string, string> = {
    ENOENT: `the folder ${folder} does not exist`,
    EACCES: `you do not have permission to write in ${folder}`,
    EPERM: `the system does not allow writing ${target}`,
    EISDIR: `${target} is a folder, not a file`,
    ENOTDIR: `a part of ${target} is a file, not a folder`,
    ENOSPC: 'the disk is full',
    EDQUOT: 'your disk quota is used up',
    EROFS: `${folder} is on a read-only disk`,
    EEXIST: `${target} already exists`,
    EBUSY: `${target} is in use by another program`,
    ENAMETOOLONG: 'the file name is too long',
  };
  const plain = code ? words[code] : undefined;
  if (plain) return `${plain} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

async function statOrNull(p: string, follow = true): Promise<Stats | null> {
  return (follow ? stat(p) : lstat(p)).catch(() => null);
}

/** Whether `target` is one of the inputs, or lies inside an input folder (by real path, and by inode for hard links). */
async function isInput(target: string, info: Stats | null, inputs: readonly string[]): Promise<string | null> {
  const real = await realpath(target).catch(() => path.resolve(target));
  for (const input of inputs) {
    const inputInfo = await statOrNull(input);
    if (!inputInfo) continue;
    const inputReal = await realpath(input).catch(() => path.resolve(input));
    if (real === inputReal) return input;
    if (info && inputInfo.dev === info.dev && inputInfo.ino === info.ino) return input;
    if (inputInfo.isDirectory() && real.startsWith(`${inputReal}${path.sep}`) && info) return input;
  }
  return null;
}

async function checkParent(target: string): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const info = await statOrNull(parent);
  if (!info) throw new OutputError(`Cannot write ${target}: the folder ${parent} does not exist. Create it first, or choose another place.`);
  if (!info.isDirectory()) throw new OutputError(`Cannot write ${target}: ${parent} is a file, not a folder.`);
  try {
    await access(parent, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputError(`Cannot write ${target}: you do not have permission to write in ${parent}. Choose another place.`);
  }
}

/** Checks a file target before any work starts; throws OutputError saying what to do. */
export async function checkFileTarget(target: string, options: FileTargetOptions): Promise<void> {
  const info = await statOrNull(target);
  if (info) {
    const input = await isInput(target, info, options.inputs ?? []);
    if (input) {
      throw new OutputError(`${target} is ${path.resolve(input) === path.resolve(target) ? 'the input' : 'inside the input'} this command reads; `
        + 'Push Doctor never writes over its input, even with --force. Choose another file.');
    }
    if (info.isDirectory()) throw new OutputError(`${target} is a folder; name a file inside it, e.g. ${path.join(target, 'report.json')}.`);
    if (!info.isFile()) throw new OutputError(`${target} is not a regular file (a device, pipe or socket); name a file.`);
    if (!options.force) throw new OutputError(`${target} already exists; add --force to replace it, or choose another file.`);
  } else if (await statOrNull(target, false)) {
    throw new OutputError(`${target} is a symbolic link to nothing; remove it or choose another file.`);
  }
  await checkParent(target);
}

/** A capture folder: new, or an existing empty folder, never an input; `--force` does not mix two captures. */
export async function checkFolderTarget(target: string, options: { inputs?: readonly string[] } = {}): Promise<void> {
  const info = await statOrNull(target);
  if (info) {
    if (await isInput(target, info, options.inputs ?? [])) throw new OutputError(`${target} is an input of this command; choose another folder.`);
    if (!info.isDirectory()) throw new OutputError(`${target} exists and is not a folder; a capture goes into a new or empty folder, or a .zip file.`);
    const entries = await readdir(target).catch((error: unknown) => {
      throw new OutputError(`Cannot read ${target}: ${plainFsError(error, target)}.`);
    });
    if (entries.length > 0) {
      throw new OutputError(`${target} already holds ${entries.length} file(s); a capture goes into a new or empty folder, so that two phones' files `
        + 'never mix (--force does not change this). Choose a new folder, or a .zip file.');
    }
  }
  await checkParent(target);
}

async function writeFlushed(file: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'wx', 0o666);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entry list, so a rename survives a power cut; not every system allows it, so best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

const tempName = (target: string) => path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * Writes `bytes` to `target` through a temporary file in the same folder (so the rename cannot cross disks).
 * Without `force` the file is linked into place, which fails if a file appeared there meanwhile.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string, options: { force: boolean }): Promise<void> {
  const destination = (await realpath(target).catch(() => null)) ?? path.resolve(target);
  const temp = tempName(destination);
  try {
    await writeFlushed(temp, bytes);
    if (options.force) {
      await rename(temp, destination);
    } else {
      try {
        await link(temp, destination);
      } catch (error) {
        // Some file systems (FAT, some network shares) have no hard links: check, then rename.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' || await statOrNull(destination, false)) throw error;
        await rename(temp, destination);
      }
    }
    await syncFolder(path.dirname(destination));
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Writes a folder of files: into a temporary folder beside it, then renamed into place (the target is new or empty). */
export async function writeFolderAtomic(target: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const destination = path.resolve(target);
  const temp = await mkdtemp(path.join(path.dirname(destination), `.${path.basename(destination)}.tmp-`));
  try {
    for (const [name, bytes] of files) {
      const file = path.join(temp, name);
      if (!file.startsWith(`${temp}${path.sep}`)) throw new OutputError(`Refusing to write ${name} outside the capture folder.`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFlushed(file, bytes);
    }
    await syncFolder(temp);
    // An empty folder may stand where the capture goes; rmdir fails, as it should, if something was put in it meanwhile.
    if (await statOrNull(destination)) await rmdir(destination);
    await rename(temp, destination);
    await syncFolder(path.dirname(destination));
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Keeps an output that could not be written where it was asked: in the system's temporary folder, under a
 * name no other run takes. Returns the path.
 */
export async function keepInTemp(prefix: string, extension: string, bytes: Uint8Array | string): Promise<string> {
  const folder = path.join(tmpdir(), 'push-doctor');
  await mkdir(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(folder, `${prefix}-${stamp}-${randomBytes(3).toString('hex')}.${extension}`);
  await writeFlushed(file, bytes);
  return file;
}
