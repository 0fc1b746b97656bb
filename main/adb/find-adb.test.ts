import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAdb } from './find-adb.js';

let base: string;
let sdk: string;
let binDir: string;
let custom: string;

async function executable(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\necho "Android Debug Bridge version 1.0.41"\n');
  await chmod(file, 0o755);
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'pd-adb-'));
  sdk = path.join(base, 'Android', 'Sdk');
  binDir = path.join(base, 'usr', 'bin');
  custom = path.join(base, 'tools', 'adb');
  await executable(path.join(sdk, 'platform-tools', 'adb'));
  await executable(path.join(binDir, 'adb'));
  await executable(custom);
  // Present but not executable: must not count as an adb.
  await mkdir(path.join(base, 'noexec'), { recursive: true });
  await writeFile(path.join(base, 'noexec', 'adb'), '');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('findAdb on a real file system', () => {
  it('takes the path chosen in Settings first', async () => {
    const found = await findAdb({ settingsPath: custom, env: { ANDROID_HOME: sdk, PATH: binDir }, platform: 'linux' });
    expect(found).toEqual({ found: true, path: custom, source: 'settings', message: null });
  });

  it('says so when the Settings path is broken instead of quietly using another adb', async () => {
    const found = await findAdb({ settingsPath: path.join(base, 'gone', 'adb'), env: { PATH: binDir }, platform: 'linux' });
    expect(found.found).toBe(false);
    expect(found.message).toContain(path.join(base, 'gone', 'adb'));
    expect(found.message).toContain('clear the setting');
  });

  it('then the Android SDK from ANDROID_HOME or ANDROID_SDK_ROOT', async () => {
    for (const env of [{ ANDROID_HOME: sdk, PATH: binDir }, { ANDROID_SDK_ROOT: sdk, PATH: binDir }]) {
      expect(await findAdb({ settingsPath: null, env, platform: 'linux' }))
        .toEqual({ found: true, path: path.join(sdk, 'platform-tools', 'adb'), source: 'android-sdk', message: null });
    }
  });

  it('then PATH, skipping files that cannot be run and relative entries', async () => {
    const env = { ANDROID_HOME: path.join(base, 'no-sdk'), PATH: ['relative/bin', path.join(base, 'noexec'), binDir].join(':') };
    expect(await findAdb({ settingsPath: null, env, platform: 'linux' }))
      .toEqual({ found: true, path: path.join(binDir, 'adb'), source: 'path', message: null });
  });

  it('tells a Linux user the apt-get command and where it looked', async () => {
    const found = await findAdb({ settingsPath: null, env: { ANDROID_HOME: sdk + '-missing', PATH: path.join(base, 'noexec') }, platform: 'linux' });
    expect(found).toMatchObject({ found: false, path: null, source: null });
    expect(found.message).toContain('sudo apt-get install adb');
    expect(found.message).toContain(path.join(sdk + '-missing', 'platform-tools', 'adb'));
  });
});

describe('findAdb advice per OS', () => {
  const nothing = async () => false;

  it('suggests Homebrew on macOS', async () => {
    const found = await findAdb({ settingsPath: null, env: { PATH: '/usr/bin' }, platform: 'darwin', isExecutable: nothing });
    expect(found.message).toContain('brew install android-platform-tools');
  });

  it('suggests the Platform-Tools zip on Windows and looks for adb.exe with Windows paths', async () => {
    const seen: string[] = [];
    const found = await findAdb({
      settingsPath: null,
      env: { ANDROID_HOME: 'C:\\Users\\me\\AppData\\Local\\Android\\Sdk', Path: 'C:\\Windows\\system32;C:\\tools' },
      platform: 'win32',
      isExecutable: async (file) => {
        seen.push(file);
        return file === 'C:\\tools\\adb.exe';
      },
    });
    expect(seen).toEqual([
      'C:\\Users\\me\\AppData\\Local\\Android\\Sdk\\platform-tools\\adb.exe',
      'C:\\Windows\\system32\\adb.exe',
      'C:\\tools\\adb.exe',
    ]);
    expect(found).toMatchObject({ found: true, path: 'C:\\tools\\adb.exe', source: 'path' });
    const missing = await findAdb({ settingsPath: null, env: {}, platform: 'win32', isExecutable: nothing });
    expect(missing.message).toContain('SDK Platform-Tools for Windows');
  });
});
