import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../common/ipc/contract.js';
import { LOCALES } from '../../common/i18n/locale.js';
import { ROUTE_IDS } from '../../common/push/route-ids.js';
import { AdbAddressError, parseAdbAddress } from '../adb/server-address.js';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'path contains a NUL byte')
  .refine((p) => path.posix.isAbsolute(p) || path.win32.isAbsolute(p), 'path must be absolute');

function isAdbAddress(value: string): boolean {
  try {
    parseAdbAddress(value);
    return value.includes(':');
  } catch (error) {
    if (error instanceof AdbAddressError) return false;
    throw error;
  }
}

/** A push route's base URL: http(s) only, no credentials in it (they would be saved in plain text and logged). */
export const pushBaseUrlSchema = z.string().max(2048).refine((value) => {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && u.username === '' && u.password === '' && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}, 'not an http(s) base URL without user, password, query or fragment');

const adbServer = z.string().max(300).refine(isAdbAddress, 'not an adb server "host:port"');

export const settingsSchema = z.object({
  adbPath: absolutePath.nullable(),
  // Kept unique and in the order given: the lab view sorts by host from this list.
  adbServers: z.array(adbServer).max(64).transform((list) => [...new Set(list)]),
  theme: z.enum(['system', 'light', 'dark']),
  locale: z.enum(['system', ...LOCALES]),
  pushBaseUrls: z.partialRecord(z.enum(ROUTE_IDS), pushBaseUrlSchema),
}).strict();

export const DEFAULT_SETTINGS: Settings = { adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} };

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
}

/**
 * Each field on its own: a hand-edited bad theme does not lose the adb servers beside it.
 */
function readFields(json: unknown): Settings {
  const result: Settings = { ...DEFAULT_SETTINGS };
  if (typeof json !== 'object' || json === null) return result;
  const record = json as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(record[key]);
    if (parsed.success) (result as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return result;
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
      return readFields(JSON.parse(text));
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
