import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface SimProcess {
  serials: { serial: string; profile: string }[];
  /** The simulator's peak resident memory so far (VmHWM), in bytes; null where /proc is not there. */
  peakRss(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts `npm run sim` in its own process, so the simulated phones' CPU and memory are not counted as
 * ours: the bench measures the audit the way a user's machine runs it, against phones elsewhere.
 */
export function startSimProcess(args: string[], env: NodeJS.ProcessEnv): Promise<SimProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/sim/cli.ts', ...args], {
    env: { ...env, ADB_EMU: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const serials: SimProcess['serials'] = [];
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`simulator exited early (${code})`)));
    lines.on('line', (line) => {
      const ready = /^READY (\S+) (\S+)$/.exec(line.trim());
      if (ready) serials.push({ serial: ready[1]!, profile: ready[2]! });
      if (line.trim() === 'ALL READY') {
        child.removeAllListeners('exit');
        resolve({
          serials,
          peakRss: () => {
            try {
              const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
              const kb = /^VmHWM:\s+(\d+) kB/m.exec(status);
              return kb ? Number(kb[1]) * 1024 : null;
            } catch {
              return null;
            }
          },
          stop: () => new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
  });
}
