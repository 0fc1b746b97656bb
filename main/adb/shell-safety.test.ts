import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevicePortError } from './device-port.js';
import { assertSafePackageName, assertSafeSerial, isSafePackageName, isSafeSerial, shellQuote } from './shell-safety.js';

/** Runs `printf %s <quoted>` in a real POSIX shell (dash, like the phone's mksh for quoting) and returns what it printed. */
function throughShell(quoted: string, cwd: string): string {
  return execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`], { cwd, encoding: 'utf8' });
}

const HOSTILE = [
  '; rm -rf /',
  '$(touch pwned)',
  '`touch pwned`',
  "it's",
  '"double" and \'single\'',
  'line1\nline2; touch pwned',
  '${IFS}touch${IFS}pwned',
  '&& touch pwned || touch pwned | cat > pwned',
  '\\$(touch pwned)\\',
  '',
  ' leading and trailing ',
  '*',
];

describe('shellQuote', () => {
  it.each(HOSTILE)('passes %j through a real shell unchanged and runs nothing', (value) => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-quote-'));
    expect(throughShell(shellQuote(value), dir)).toBe(value);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('leaves plain words readable', () => {
    expect(shellQuote('com.tencent.qcloud.tim.tuikit')).toBe('com.tencent.qcloud.tim.tuikit');
    expect(shellQuote('/sdcard/Download/a.txt')).toBe('/sdcard/Download/a.txt');
  });

  it('refuses a NUL byte, which no shell line can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(DevicePortError);
  });
});

describe('assertSafePackageName', () => {
  it.each(['com.tencent.qcloud.tim.tuikit', 'com.xiaomi.xmsf', 'com.google.android.gms', 'a.b', 'com.example_app.v2'])(
    'accepts %s', (pkg) => {
      expect(assertSafePackageName(pkg)).toBe(pkg);
    });

  it.each([
    'com.example; rm -rf /', 'com.example$(reboot)', 'com.example`id`', 'com.example\nreboot', "com.ex'ample",
    'com.example && reboot', 'noseparator', '.com.example', 'com..example', 'com.1example', '1com.example', 'com.example.',
    'com example', '-p.com', '',
  ])('refuses %j with INVALID_INPUT', (pkg) => {
    expect(isSafePackageName(pkg)).toBe(false);
    try {
      assertSafePackageName(pkg);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DevicePortError);
      expect((error as DevicePortError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('assertSafeSerial', () => {
  it.each(['R58M123ABC', '127.0.0.1:6001', 'emulator-5554', '[::1]:6001', 'adb-R58M-abc._adb-tls-connect._tcp', 'UYT5T18414003349'])(
    'accepts the serial %s', (serial) => {
      expect(assertSafeSerial(serial)).toBe(serial);
    });

  it.each(['R58M; reboot', 'a b', '$(id)', '`id`', 'x\ny', 'x'.repeat(129), '', 'serial/../../x'])('refuses %j', (serial) => {
    expect(isSafeSerial(serial)).toBe(false);
    expect(() => assertSafeSerial(serial)).toThrow(/Not a device serial/);
  });
});
