import type { ShellIo, SimFileStat, SimPhone } from '../android/phone.js';
import type { ProfileManifest } from '../android/profile.js';

/**
 * A tiny stand-in for the simulated Android, for testing the transport alone. It knows a handful of
 * commands (echo, getprop, true, false, exit N, pattern BYTES, sleep SECONDS, cat), `;` between
 * commands, `>&2` at the end of one, and keeps files in a map.
 */

/** Deterministic, incompressible bytes, so a transfer can be checked byte for byte. */
export function patternBytes(length: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

export function fakeManifest(overrides: Partial<ProfileManifest> = {}): ProfileManifest {
  return {
    name: 'fake-pixel',
    description: 'Transport test phone',
    banner: { product: 'oriole', model: 'Pixel 6', device: 'oriole' },
    auth: { mode: 'none' },
    trouble: [],
    sources: [],
    writtenFromAosp: [],
    ...overrides,
  };
}

const WRITE_SIZE = 64 * 1024;

export interface FakePhone extends SimPhone {
  /** Command lines in the order they ran. */
  readonly ran: string[];
}

export function createFakePhone(manifest: ProfileManifest = fakeManifest(), props: Record<string, string> = {}): FakePhone {
  const files = new Map<string, { data: Buffer; mode: number; mtime: number }>();
  const ran: string[] = [];
  const properties: Record<string, string> = {
    'ro.product.manufacturer': 'Google',
    'ro.product.model': manifest.banner.model,
    'ro.build.version.sdk': '34',
    ...props,
  };

  async function runOne(words: string[], io: ShellIo): Promise<number> {
    const [name, ...args] = words;
    switch (name) {
      case undefined:
        return 0;
      case 'echo':
        await io.stdout(`${args.join(' ')}\n`);
        return 0;
      case 'getprop':
        if (args[0] !== undefined) await io.stdout(`${properties[args[0]] ?? ''}\n`);
        else for (const [key, value] of Object.entries(properties)) await io.stdout(`[${key}]: [${value}]\n`);
        return 0;
      case 'true':
        return 0;
      case 'false':
        return 1;
      case 'exit':
        return Number(args[0] ?? 0);
      case 'pattern': {
        const data = patternBytes(Number(args[0] ?? 0), Number(args[1] ?? 1));
        for (let offset = 0; offset < data.length; offset += WRITE_SIZE) {
          await io.stdout(data.subarray(offset, offset + WRITE_SIZE));
        }
        return 0;
      }
      case 'sleep':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Number(args[0] ?? 0) * 1000);
          io.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        return io.signal.aborted ? 130 : 0;
      case 'cat':
        for await (const chunk of io.stdin ?? []) await io.stdout(chunk);
        return 0;
      default:
        await io.stderr(`/system/bin/sh: ${name}: inaccessible or not found\n`);
        return 127;
    }
  }

  function isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return path === '/' || [...files.keys()].some((file) => file.startsWith(prefix));
  }

  return {
    manifest,
    ran,
    async run(commandLine, io) {
      ran.push(commandLine);
      let code = 0;
      for (const part of commandLine.split(';')) {
        const toStderr = /\s*>&2\s*$/.test(part);
        const words = part.replace(/\s*>&2\s*$/, '').trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/^'(.*)'$/, '$1'));
        code = await runOne(words, toStderr ? { ...io, stdout: io.stderr } : io);
      }
      return code;
    },
    stat(path): SimFileStat | null {
      const file = files.get(path);
      if (file) return { mode: file.mode, size: file.data.length, mtime: file.mtime };
      return isDirectory(path) ? { mode: 0o040771, size: 4096, mtime: 1_700_000_000 } : null;
    },
    list(path) {
      if (!isDirectory(path)) return null;
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Set<string>();
      for (const file of files.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0] as string);
      return [...names].sort().map((name) => ({ name, stat: this.stat(prefix + name) as SimFileStat }));
    },
    readFile(path) {
      return files.get(path)?.data ?? null;
    },
    writeFile(path, data, mode, mtime) {
      if (!/^\/(data\/local\/tmp|sdcard)\//.test(path)) throw new Error('Read-only file system');
      files.set(path, { data: Buffer.from(data), mode, mtime });
    },
  };
}
