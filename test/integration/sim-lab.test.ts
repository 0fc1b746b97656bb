import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'adb-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adbEnv, freePort, listDevices, runAdb } from '../sim/adb/adb-server.js';
import { listProfiles, parseGetprop } from '../sim/android/create-phone.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';

/** The lab and `npm run sim` with the simulated Android profiles behind a real adb server. */

const repo = fileURLToPath(new URL('../../', import.meta.url));
const HEALTHY = 'xiaomi-hyperos-a14';
const LOCKED = 'redmi-unauthorized-a12';
const LATENCY_MS = 120;

let adbPort = 0;
let lab: Lab;
let scratch = '';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function profileProp(profile: string, name: string): string | undefined {
  return parseGetprop(readFileSync(join(PROFILES_DIR, profile, 'getprop.txt'), 'utf8')).get(name);
}

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'sim-lab-'));
  lab = await startLab({ profiles: [HEALTHY, LOCKED], count: 2, adbPort, latencyMs: LATENCY_MS });
});

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('lab of simulated Android phones', () => {
  it('attaches every copy of every profile, each in the state its auth mode gives', async () => {
    expect(lab.phones.map((phone) => phone.profile)).toEqual([HEALTHY, HEALTHY, LOCKED, LOCKED]);
    expect(new Set(lab.phones.map((phone) => phone.serial)).size).toBe(4);
    for (const phone of lab.phones) expect(phone.port < 5555 || phone.port > 5585).toBe(true);
    const listed = new Map((await listDevices(adbPort)).map((device) => [device.serial, device]));
    for (const phone of lab.phones) {
      const device = listed.get(phone.serial);
      if (phone.profile === LOCKED) {
        expect(device?.state).toBe('unauthorized');
      } else {
        expect(device?.state).toBe('device');
        expect(device?.model).toBe(phone.phone.manifest.banner.model.replace(/[^A-Za-z0-9._-]/g, '_'));
        expect(device?.product).toBe(phone.phone.manifest.banner.product);
      }
    }
  });

  it('answers getprop from the profile through adb shell, after the phone latency', async () => {
    const serial = lab.phones[0]?.serial as string;
    const started = Date.now();
    const result = await runAdb(adbPort, ['-s', serial, 'shell', 'getprop ro.product.manufacturer']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(result.code).toBe(0);
    expect(result.stdout.toString().trim()).toBe(profileProp(HEALTHY, 'ro.product.manufacturer'));
  });

  it('answers adb-ts, the library the app drives phones with, over the legacy shell: service', async () => {
    const client = new Client({ port: adbPort });
    const phone = lab.phones[0];
    const listed = await client.listDevices();
    expect(listed.find((device) => device.id === phone?.serial)?.state).toBe('device');
    const output = await client.shell(phone?.serial as string, 'getprop ro.product.manufacturer');
    expect(output.trim()).toBe(profileProp(HEALTHY, 'ro.product.manufacturer'));
  });

  it('keeps each copy its own state: a setting put on one phone shows there only', async () => {
    const [first, second] = lab.phones.map((phone) => phone.serial);
    await runAdb(adbPort, ['-s', first as string, 'shell', 'settings put global zen_mode 1']);
    const here = await runAdb(adbPort, ['-s', first as string, 'shell', 'settings get global zen_mode']);
    const there = await runAdb(adbPort, ['-s', second as string, 'shell', 'settings get global zen_mode']);
    expect(here.stdout.toString().trim()).toBe('1');
    expect(there.stdout.toString().trim()).not.toBe('1');
  });

  it('pulls an installed APK byte for byte at the path pm reports', async () => {
    const phone = lab.phones[0];
    if (!phone) throw new Error('no phone');
    const thirdParty = await runAdb(adbPort, ['-s', phone.serial, 'shell', 'pm list packages -3']);
    const app = thirdParty.stdout.toString().trim().split('\n')[0]?.replace(/^package:/, '');
    expect(app).toMatch(/^[\w.]+$/);
    const path = await runAdb(adbPort, ['-s', phone.serial, 'shell', `pm path ${app}`]);
    const apkPath = path.stdout.toString().trim().split('\n')[0]?.replace(/^package:/, '') as string;
    expect(apkPath).toMatch(/base\.apk$/);
    const local = join(scratch, 'app.apk');
    const pull = await runAdb(adbPort, ['-s', phone.serial, 'pull', apkPath, local]);
    expect(pull.code).toBe(0);
    const pulled = readFileSync(local);
    // The test app is the aapt-built APK every profile serves (test/sim/apks); other apps get stand-in bytes of app size.
    if (app === 'com.example.im') expect(pulled.equals(readFileSync(new URL('../sim/apks/com.example.im.apk', import.meta.url)))).toBe(true);
    else expect(pulled.length).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(sha(pulled)).toBe(sha(phone.phone.readFile(apkPath) ?? Buffer.alloc(0)));
  });
});

describe('npm run sim', () => {
  function runSim(args: string[]) {
    return spawn(process.execPath, ['--import', 'tsx', 'test/sim/cli.ts', ...args], { cwd: repo, env: adbEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  }

  it('lists each profile by name with its description', async () => {
    const child = runSim(['--list']);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const profiles = listProfiles(PROFILES_DIR);
    expect(lines).toHaveLength(profiles.length);
    for (const [index, profile] of profiles.entries()) expect(lines[index]).toBe(`${profile.name} ${profile.description}`);
  });

  it('prints READY per phone then ALL READY, serves them, and disconnects them on SIGTERM', async () => {
    const port = await freePort();
    const child = runSim(['--profile', HEALTHY, '--count', '2', '--adb-port', String(port), '--latency-ms', '0']);
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('ALL READY\n')) resolve();
        });
        void exited.then((code) => reject(new Error(`sim exited ${code}: ${err}`)));
      });
      const ready = out.trim().split('\n');
      expect(ready.at(-1)).toBe('ALL READY');
      const serials = ready.slice(0, -1).map((line) => {
        const [word, serial, profile] = line.split(' ');
        expect([word, profile]).toEqual(['READY', HEALTHY]);
        return serial as string;
      });
      expect(serials).toHaveLength(2);
      const listed = await listDevices(port);
      for (const serial of serials) expect(listed.find((device) => device.serial === serial)?.state).toBe('device');
      const echo = await runAdb(port, ['-s', serials[0] as string, 'shell', 'echo', 'hello']);
      expect(echo.stdout.toString()).toBe('hello\n');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const after = await listDevices(port);
      for (const serial of serials) expect(after.some((device) => device.serial === serial)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await runAdb(port, ['kill-server'], { timeoutMs: 10_000 });
    }
  });
});
