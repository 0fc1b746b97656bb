import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { parseDeviceList } from '../../../main/adb/device-list.js';
import type { DeviceInfo } from '../../../main/adb/device-port.js';

/**
 * Drives the real `adb` CLI against one adb server port. Always asynchronous: `adb connect` blocks
 * until the device answers CNXN, and the device may live in this very event loop.
 */

export interface AdbResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

export interface AdbRunOptions {
  timeoutMs?: number;
  /** Bytes for adb's stdin; stdin is closed after them (or at once when absent). */
  input?: Buffer | string;
  adbPath?: string;
}

/** The environment every adb command gets: no emulator probing on 5555–5585. */
export function adbEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ADB_EMU: '0' };
}

export function runAdb(serverPort: number, args: readonly string[], options: AdbRunOptions = {}): Promise<AdbResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.adbPath ?? 'adb', ['-P', String(serverPort), ...args], {
      env: adbEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    let exitCode: number | null = null;
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(drain);
      resolve({ code: exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
    };
    let drain: NodeJS.Timeout | undefined;
    // `close` comes once the pipes are drained, but `adb start-server` forks a server that may keep
    // them open for good: after `exit`, wait a little for `close` and then stop waiting.
    child.once('exit', (code) => {
      exitCode = code;
      drain = setTimeout(finish, 500);
    });
    child.once('close', finish);
  });
}

/** A port nothing listens on right now, outside the adb server's emulator range. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port !== 5037 && (port < 5555 || port > 5585)) return port;
  }
}

/** Whether an adb server answers `host:version` on the port. */
export function adbServerAnswers(serverPort: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(serverPort, '127.0.0.1');
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('000chost:version'));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1', 0, 4) === 'OKAY'));
  });
}

/** Starts an adb server on the port unless one already answers there; true when this call started it. */
export async function ensureAdbServer(serverPort: number): Promise<boolean> {
  if (await adbServerAnswers(serverPort)) return false;
  const result = await runAdb(serverPort, ['start-server'], { timeoutMs: 20_000 });
  if (result.code !== 0 || !(await adbServerAnswers(serverPort))) {
    throw new Error(`adb server did not start on port ${serverPort}: ${result.stderr.trim()}`);
  }
  return true;
}

/** `adb devices -l`, read by the app's own parser. */
export async function listDevices(serverPort: number): Promise<DeviceInfo[]> {
  const result = await runAdb(serverPort, ['devices', '-l'], { timeoutMs: 10_000 });
  return parseDeviceList(result.stdout.toString('utf8'), `127.0.0.1:${serverPort}`).devices;
}

export interface StateWanted {
  /** States that satisfy the wait; `gone` means not listed. */
  states: readonly string[];
  timeoutMs: number;
}

/**
 * Polls `adb devices -l` until every serial shows one of its wanted states; resolves with the state
 * each settled in, or rejects naming the first serial that ran out of time.
 */
export async function waitForStates(serverPort: number, wanted: ReadonlyMap<string, StateWanted>): Promise<Map<string, string>> {
  const started = Date.now();
  for (;;) {
    const listed = new Map((await listDevices(serverPort)).map((device) => [device.serial, device.state as string]));
    const stateOf = (serial: string) => listed.get(serial) ?? 'gone';
    const pending = [...wanted].filter(([serial, want]) => !want.states.includes(stateOf(serial)));
    if (pending.length === 0) return new Map([...wanted.keys()].map((serial) => [serial, stateOf(serial)]));
    const late = pending.find(([, want]) => Date.now() - started > want.timeoutMs);
    if (late) {
      const [serial, want] = late;
      throw new Error(`${serial} is ${stateOf(serial)}, expected ${want.states.join(' or ')} within ${want.timeoutMs} ms (adb server on ${serverPort})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForState(serverPort: number, serial: string, states: readonly string[], timeoutMs = 15_000): Promise<string> {
  const settled = await waitForStates(serverPort, new Map([[serial, { states, timeoutMs }]]));
  return settled.get(serial) as string;
}

/**
 * Opens a device service (e.g. `shell:<cmd>`, `shell,v2,raw:<cmd>`) through the adb server's
 * smart-socket protocol, the way client libraries such as adb-ts do (host:transport, then the
 * service), and resolves with everything the stream carried until the server closed it.
 */
export function hostService(serverPort: number, serial: string, service: string, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(serverPort, '127.0.0.1');
    const request = (text: string) => socket.write(`${Buffer.byteLength(text).toString(16).padStart(4, '0')}${text}`);
    // Until both OKAYs (transport, service) arrived, bytes are a status; after, they are the stream.
    let status = Buffer.alloc(0);
    const body: Buffer[] = [];
    let okays = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${JSON.stringify(service)} timed out`));
    }, timeoutMs);
    socket.once('connect', () => request(`host:transport:${serial}`));
    socket.on('data', (chunk: Buffer) => {
      if (okays === 2) {
        body.push(chunk);
        return;
      }
      status = Buffer.concat([status, chunk]);
      while (okays < 2 && status.length >= 4) {
        if (status.toString('latin1', 0, 4) !== 'OKAY') {
          clearTimeout(timer);
          socket.destroy();
          reject(new Error(`adb server answered ${status.toString('latin1')}`));
          return;
        }
        status = status.subarray(4);
        okays += 1;
        if (okays === 1) request(service);
      }
      if (okays === 2 && status.length > 0) body.push(status);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      if (okays === 2) resolve(Buffer.concat(body));
      else reject(new Error(`adb server closed the connection before ${JSON.stringify(service)} opened`));
    });
  });
}
