import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CLI ends its work when told to stop: SIGINT/SIGTERM abort what is in flight and the process exits with
 * 128 + the signal's number, and killing `npm run cli` does not leave the CLI running as an orphan. The adb
 * server here accepts connections and never answers, so the audit is always still waiting when the signal comes.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));
let silent: Server;
let port = 0;
const sockets = new Set<Socket>();
let connected: () => void = () => undefined;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    connected();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const firstConnection = (timeoutMs: number) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the CLI never reached the adb server')), timeoutMs);
  connected = () => {
    clearTimeout(timer);
    resolve();
  };
});

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

/** Processes whose command line holds `marker` (Linux /proc). */
function running(marker: string): number[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).flatMap((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.platform === 'linux')('stopping the CLI', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s aborts an audit in flight and exits %i at once', async (signal, code) => {
    const reached = firstConnection(20_000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'audit', '--adb', `127.0.0.1:${port}`, '--serial', 'WAITING1'], {
      cwd: repo, env: { ...process.env, ADB_EMU: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    const end = exited(child);
    await reached;
    const sentAt = Date.now();
    child.kill(signal);
    const result = await end;
    expect(result, stderr).toEqual({ code, signal: null });
    expect(Date.now() - sentAt).toBeLessThan(3000);
    expect(stderr).toContain(`Stopped by ${signal}.`);
  }, 30_000);

  it('killing `npm run cli` leaves no CLI process behind', async () => {
    const marker = `ORPHAN${process.pid}X${Date.now()}`;
    const reached = firstConnection(30_000);
    const npm = spawn('npm', ['run', '-s', 'cli', '--', 'audit', '--adb', `127.0.0.1:${port}`, '--serial', marker], {
      cwd: repo, env: { ...process.env, ADB_EMU: '0' }, stdio: 'ignore',
    });
    const end = exited(npm);
    await reached;
    expect(running(marker).length).toBeGreaterThan(0);
    npm.kill('SIGTERM');
    await end;
    const deadline = Date.now() + 5000;
    while (running(marker).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const left = running(marker);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    expect(left).toEqual([]);
  }, 40_000);
});
