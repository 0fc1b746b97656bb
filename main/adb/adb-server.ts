import { spawn } from 'node:child_process';
import type { AdbServerAddress } from './device-port.js';

export function serverKey(address: AdbServerAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

export function isLoopback(address: AdbServerAddress): boolean {
  return address.host === '127.0.0.1' || address.host === 'localhost' || address.host === '::1';
}

/**
 * Whether `adb -P <port> start-server` would answer at this address: the server it forks listens on
 * `tcp:<port>`, which adb binds to the IPv4 loopback only (AOSP adb sysdeps network_loopback_server with
 * prefer_ipv4), so 127.0.0.1 and localhost (Node tries both families) but not ::1.
 */
export function listensWhereAdbStarts(address: AdbServerAddress): boolean {
  return address.host === '127.0.0.1' || address.host === 'localhost';
}

/**
 * Starts an adb server the way the user's own adb would (`adb -P <port> start-server`), asynchronously so
 * the UI never blocks. The environment is passed through untouched: ADB_EMU and friends are the user's
 * (tests set ADB_EMU=0 themselves). Resolves with the exit code and what adb printed.
 */
export function startAdbServer(
  adbPath: string,
  port: number,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(adbPath, ['-P', String(port), 'start-server'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: error.message });
    });
    // 'exit', not 'close': the forked server daemon may keep our pipes open for its whole life.
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ code, output: output.trim() });
    });
  });
}
