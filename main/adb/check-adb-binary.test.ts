import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAdbBinary } from './check-adb-binary.js';

let dir: string;
const script = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-adbcheck-'));
  await writeFile(script('adb'), '#!/bin/sh\n[ "$1" = version ] || exit 9\necho "Android Debug Bridge version 1.0.41"\necho "Version 35.0.2-12147458"\n', { mode: 0o755 });
  await writeFile(script('liar'), '#!/bin/sh\necho "Totally adb, trust me"\n', { mode: 0o755 });
  await writeFile(script('silent'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  await writeFile(script('hangs'), '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
  await writeFile(script('not-exec'), '#!/bin/sh\necho "Android Debug Bridge version 1.0.41"\n');
  await chmod(script('not-exec'), 0o644);
  await mkdir(script('folder'));
  await symlink(script('adb'), script('adb-link'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkAdbBinary', () => {
  it('accepts a file that answers `version` as Android Debug Bridge, through a symlink too', async () => {
    expect(await checkAdbBinary(script('adb'))).toEqual({ ok: true, version: 'Android Debug Bridge version 1.0.41' });
    expect(await checkAdbBinary(script('adb-link'))).toEqual({ ok: true, version: 'Android Debug Bridge version 1.0.41' });
  });

  it.runIf(existsSync('/usr/bin/adb'))("accepts the system's real adb", async () => {
    expect(await checkAdbBinary('/usr/bin/adb')).toMatchObject({ ok: true, version: expect.stringMatching(/^Android Debug Bridge version \d/) });
  });

  it.each([
    ['/bin/sh', /running it with `version` failed/],
    ['liar', /answered "Totally adb, trust me"/],
    ['silent', /printed nothing/],
    ['not-exec', /not executable/],
    ['folder', /not a regular file/],
    ['missing', /does not exist/],
    ['relative/adb', /not an absolute path/],
  ])('refuses %s', async (name, reason) => {
    const file = name.startsWith('/') || name.includes('/') ? name : script(name);
    const result = await checkAdbBinary(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('gives up on a binary that does not answer in time', async () => {
    const started = Date.now();
    const result = await checkAdbBinary(script('hangs'), { timeoutMs: 300 });
    expect(result).toEqual({ ok: false, reason: 'it did not answer `version` within 300 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a Windows share path on Windows without running anything there', async () => {
    expect(await checkAdbBinary('\\\\host\\share\\adb.exe', { platform: 'linux' })).toEqual({ ok: false, reason: 'it is not an absolute path' });
  });
});
