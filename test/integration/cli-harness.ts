import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../main/cli/program.js';

// Audits keep their history in the per-user data folder: in tests that is a folder of the run's own.
const dataHome = mkdtempSync(path.join(tmpdir(), 'pd-data-'));

/** Runs the CLI in-process, as `npm run cli -- …` would, and keeps what it printed. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    version: '0.0.0-test',
    env: { ...process.env, ADB_EMU: '0', XDG_DATA_HOME: dataHome },
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
  });
  return { code, stdout, stderr };
}
