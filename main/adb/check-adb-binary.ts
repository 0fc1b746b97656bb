import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Checks that a file is an adb binary before the app stores it and later spawns it: a regular,
 * executable file that, run as `FILE version` (execFile, no shell), answers as Android Debug Bridge.
 * A path that only looks right (a shell, a script that prints nothing, a share that hangs) is
 * refused with the reason in plain words.
 */
export type AdbBinaryCheck = { ok: true; version: string } | { ok: false; reason: string };

export interface CheckAdbOptions {
  platform?: NodeJS.Platform;
  /** How long `adb version` may take; it answers in milliseconds without starting a server. */
  timeoutMs?: number;
}

// What every adb since the platform-tools of 2009 prints first: "Android Debug Bridge version 1.0.41".
const VERSION_LINE = /^Android Debug Bridge version \d+\.\d+\.\d+\s*$/;

function runVersion(file: string, timeoutMs: number): Promise<{ stdout: string } | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      file, ['version'],
      // No shell, a small output cap and a timeout: the check itself must not be the way in.
      { shell: false, timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => {
        if (error) {
          const killed = (error as { killed?: boolean }).killed;
          resolve({ error: killed ? `it did not answer \`version\` within ${timeoutMs} ms` : `running it with \`version\` failed (${error.message.split('\n')[0]})` });
        } else {
          resolve({ stdout });
        }
      },
    );
  });
}

export async function checkAdbBinary(file: string, options: CheckAdbOptions = {}): Promise<AdbBinaryCheck> {
  const platform = options.platform ?? process.platform;
  const isAbsolute = platform === 'win32' ? path.win32.isAbsolute(file) : path.posix.isAbsolute(file);
  if (!isAbsolute || file.includes('\0')) return { ok: false, reason: 'it is not an absolute path' };
  let info;
  try {
    info = await stat(file);
  } catch {
    return { ok: false, reason: 'the file does not exist or cannot be read' };
  }
  if (!info.isFile()) return { ok: false, reason: 'it is not a regular file' };
  try {
    // Windows has no execute bit; there the `version` run below is the test.
    await access(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
  } catch {
    return { ok: false, reason: 'it is not executable' };
  }
  const run = await runVersion(file, options.timeoutMs ?? 5000);
  if ('error' in run) return { ok: false, reason: run.error };
  const first = run.stdout.split(/\r?\n/, 1)[0] ?? '';
  if (!VERSION_LINE.test(first)) {
    const shown = first.length > 80 ? `${first.slice(0, 80)}…` : first;
    return { ok: false, reason: first ? `it answered "${shown}", not "Android Debug Bridge version …"` : 'it printed nothing for `version`' };
  }
  return { ok: true, version: first.trim() };
}
