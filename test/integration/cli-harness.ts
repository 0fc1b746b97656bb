import { runCli } from '../../main/cli/program.js';

/** Runs the CLI in-process, as `npm run cli -- …` would, and keeps what it printed. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    version: '0.0.0-test',
    env: { ...process.env, ADB_EMU: '0' },
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
  });
  return { code, stdout, stderr };
}
