import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../common/ipc/contract.js';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  .refine((p) => path.posix.isAbsolute(p) || path.win32.isAbsolute(p), 'path must be absolute');

export const settingsSchema = z.object({ adbPath: absolutePath.nullable() }).strict();

export const DEFAULT_SETTINGS: Settings = { adbPath: null };

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
}

/**
 * Settings as one small JSON file (in Electron's userData folder). A missing, unreadable or
 * hand-edited invalid file yields the defaults instead of stopping the app; writes go through a
 * temporary file and a rename so a crash never leaves half a file.
 */
export function createSettingsStore(file: string): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    try {
      const parsed = settingsSchema.partial().safeParse(JSON.parse(text));
      return parsed.success ? { ...DEFAULT_SETTINGS, ...parsed.data } : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  async function write(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await read()), ...settingsSchema.partial().parse(patch) });
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await rename(tmp, file);
    return next;
  }

  return {
    getSettings: read,
    // Serialised so two quick saves cannot interleave their read-modify-write.
    setSettings(patch) {
      const result = queue.then(() => write(patch));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
