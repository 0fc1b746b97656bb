import type { ShellIo, SimFileStat, SimPhone } from '../sim/android/phone.js';
import type { ProfileManifest } from '../sim/android/profile.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startDeviceDaemon, type DeviceDaemon } from '../sim/adb/device-daemon.js';
import { fakeManifest, patternBytes } from '../sim/adb/fake-phone.js';
import type { TransportFaults } from '../sim/adb/faults.js';

/**
 * What the device-port integration tests run against: a real adb server (Debian adb 29) on a free port
 * with ADB_EMU=0, and the simulator's device daemon (test/sim/adb) carrying a small phone of our own.
 * The phone knows just enough shell for transport tests: `a ; b`, `echo` with double quotes and `$?`,
 * `text BYTES` (deterministic printable text, multi-byte UTF-8 included), `getprop`, `sleep S`, `exit N`.
 */

export interface AdbServerHandle {
  port: number;
  address: { host: string; port: number };
  stop(): Promise<void>;
}

export async function startAdbServer(): Promise<AdbServerHandle> {
  const port = await freePort();
  const started = await runAdb(port, ['start-server'], { timeoutMs: 20_000 });
  if (started.code !== 0) throw new Error(`adb start-server on ${port} failed: ${started.stderr}`);
  return {
    port,
    address: { host: '127.0.0.1', port },
    stop: async () => {
      await runAdb(port, ['kill-server'], { timeoutMs: 10_000 });
    },
  };
}

/** Printable text of exactly `length` bytes, different per seed, with 2- and 3-byte UTF-8 characters. */
export function textBytes(length: number, seed = 1): Buffer {
  // 37 one-byte letters/digits/space, then ü (2 bytes) and € (3 bytes); a newline every 97 characters.
  const chars = [...'abcdefghijklmnopqrstuvwxyz0123456789 ', 'ü', '€'].map((c) => Buffer.from(c, 'utf8'));
  const noise = patternBytes(length, seed);
  const out = Buffer.alloc(length);
  let at = 0;
  for (let i = 0; at < length; i++) {
    const char = chars[(noise[i] as number) % chars.length] as Buffer;
    if (at + char.length > length) {
      out[at++] = 0x2e;
    } else {
      char.copy(out, at);
      at += char.length;
    }
    if (i % 97 === 96 && at < length) out[at++] = 0x0a;
  }
  return out;
}

export interface HarnessPhone extends SimPhone {
  files: Map<string, Buffer>;
  ran: string[];
}

export function harnessPhone(manifest: ProfileManifest, props: Record<string, string> = {}): HarnessPhone {
  const files = new Map<string, Buffer>();
  const ran: string[] = [];
  const properties: Record<string, string> = {
    'ro.product.manufacturer': 'Google', 'ro.product.brand': 'google', 'ro.product.model': manifest.banner.model,
    'ro.build.version.release': '14', 'ro.build.version.sdk': '34', ...props,
  };

  async function one(words: string[], status: number, io: ShellIo): Promise<number> {
    const [name, ...args] = words;
    switch (name) {
      case 'echo':
        await io.stdout(`${args.join(' ').replace(/\$\?/g, String(status))}\n`);
        return 0;
      case 'text': {
        const data = textBytes(Number(args[0] ?? 0), Number(args[1] ?? 1));
        for (let at = 0; at < data.length && !io.signal.aborted; at += 64 * 1024) await io.stdout(data.subarray(at, at + 64 * 1024));
        return 0;
      }
      case 'getprop':
        for (const [key, value] of Object.entries(properties).sort()) await io.stdout(`[${key}]: [${value}]\n`);
        return 0;
      case 'sleep':
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Number(args[0] ?? 0) * 1000);
          io.signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); });
        });
        return io.signal.aborted ? 130 : 0;
      case 'exit':
        return Number(args[0] ?? 0);
      default:
        await io.stderr(`/system/bin/sh: ${name}: inaccessible or not found\n`);
        return 127;
    }
  }

  return {
    manifest,
    files,
    ran,
    async run(commandLine, io) {
      ran.push(commandLine);
      let status = 0;
      for (const part of commandLine.split(' ; ')) {
        const words = (part.match(/"[^"]*"|\S+/g) ?? []).map((word) => word.replace(/^"(.*)"$/, '$1'));
        status = await one(words, status, io);
      }
      return status;
    },
    stat(path): SimFileStat | null {
      const file = files.get(path);
      return file ? { mode: 0o100644, size: file.length, mtime: 1_700_000_000 } : null;
    },
    list: () => null,
    readFile: (path) => files.get(path) ?? null,
    writeFile(path, data) {
      files.set(path, Buffer.from(data));
    },
  };
}

export interface AttachedPhone {
  daemon: DeviceDaemon;
  phone: HarnessPhone;
  serial: string;
}

/** Starts a simulated phone and `adb connect`s it (asynchronously: the daemon lives in this process). */
export async function plugPhone(
  server: AdbServerHandle,
  options: { model?: string; auth?: ProfileManifest['auth']; faults?: TransportFaults; props?: Record<string, string> } = {},
): Promise<AttachedPhone> {
  const model = options.model ?? 'Pixel 6';
  const manifest = fakeManifest({
    banner: { product: model.toLowerCase().replace(/\s+/g, '_'), model, device: 'sim' },
    auth: options.auth ?? { mode: 'none' },
  });
  const phone = harnessPhone(manifest, options.props);
  const daemon = await startDeviceDaemon(phone, options.faults ? { faults: options.faults } : {});
  const connected = await runAdb(server.port, ['connect', daemon.serial], { timeoutMs: 15_000 });
  if (connected.code !== 0) throw new Error(`adb connect ${daemon.serial}: ${connected.stderr || connected.stdout.toString()}`);
  return { daemon, phone, serial: daemon.serial };
}

export async function unplugPhone(server: AdbServerHandle, attached: AttachedPhone): Promise<void> {
  await runAdb(server.port, ['disconnect', attached.serial], { timeoutMs: 10_000 });
  await attached.daemon.close();
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
