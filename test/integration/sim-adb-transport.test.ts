import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, hostService, listDevices, runAdb, waitForState } from '../sim/adb/adb-server.js';
import { startDeviceDaemon } from '../sim/adb/device-daemon.js';
import { createFakePhone, fakeManifest, patternBytes } from '../sim/adb/fake-phone.js';
import { ShellFrameDecoder } from '../sim/adb/shell-protocol.js';
import { startLab, type Lab, type LabPhone } from '../sim/lab.js';
import type { ProfileManifest } from '../sim/android/profile.js';

/** The transport against the real adb server (Debian adb 29.0.6), with the small fake phone behind it. */

const manifests: Record<string, ProfileManifest> = {
  pixel: fakeManifest(),
  redmi: fakeManifest({ name: 'redmi', banner: { product: 'sunstone', model: '22101317C', device: 'sunstone' } }),
  locked: fakeManifest({ name: 'locked', auth: { mode: 'never' } }),
  flaky: fakeManifest({ name: 'flaky', banner: { product: 'flaky', model: 'Flaky Phone', device: 'flaky' } }),
};

let adbPort = 0;
let lab: Lab;
let scratch = '';

function phone(profile: string): LabPhone {
  const found = lab.phones.find((candidate) => candidate.profile === profile);
  if (!found) throw new Error(`no ${profile} in the lab`);
  return found;
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'sim-adb-'));
  lab = await startLab({
    profiles: Object.keys(manifests),
    adbPort,
    profilesDir: '/nonexistent-profiles',
    createPhone: async (profileDir) => createFakePhone(manifests[basename(profileDir)]),
  });
});

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('simulated phones on a real adb server', () => {
  it('lists each phone with product, model and device from its banner', async () => {
    const devices = await listDevices(adbPort);
    const pixel = devices.find((device) => device.serial === phone('pixel').serial);
    const redmi = devices.find((device) => device.serial === phone('redmi').serial);
    expect(pixel?.state).toBe('device');
    // adb replaces characters outside [A-Za-z0-9._-] with '_' in `devices -l`.
    expect(pixel).toMatchObject({ product: 'oriole', model: 'Pixel_6', device: 'oriole' });
    expect(redmi).toMatchObject({ product: 'sunstone', model: '22101317C', device: 'sunstone' });
    expect(devices.find((device) => device.serial === phone('locked').serial)?.state).toBe('unauthorized');
  });

  it('answers adb shell with output, exit status and a separate stderr (shell_v2)', async () => {
    const serial = phone('pixel').serial;
    const getprop = await runAdb(adbPort, ['-s', serial, 'shell', 'getprop', 'ro.product.manufacturer']);
    expect([getprop.code, getprop.stdout.toString()]).toEqual([0, 'Google\n']);
    expect((await runAdb(adbPort, ['-s', serial, 'shell', 'false'])).code).toBe(1);
    const stderr = await runAdb(adbPort, ['-s', serial, 'shell', 'echo err >&2']);
    expect([stderr.stdout.toString(), stderr.stderr]).toEqual(['', 'err\n']);
  });

  it('refuses commands on an unauthorized phone', async () => {
    const result = await runAdb(adbPort, ['-s', phone('locked').serial, 'shell', 'echo hi']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unauthorized/);
  });

  it('carries 5 MiB byte for byte through adb shell, exec-out and a legacy shell: stream', async () => {
    const serial = phone('pixel').serial;
    const expected = sha(patternBytes(5 * 1024 * 1024, 42));
    const started = Date.now();
    const shell = await runAdb(adbPort, ['-s', serial, 'shell', 'pattern 5242880 42']);
    const shellMs = Date.now() - started;
    const execOut = await runAdb(adbPort, ['-s', serial, 'exec-out', 'pattern 5242880 42']);
    const legacy = await hostService(adbPort, serial, 'shell:pattern 5242880 42');
    expect([shell.code, shell.stdout.length, sha(shell.stdout)]).toEqual([0, 5 * 1024 * 1024, expected]);
    expect(sha(execOut.stdout)).toBe(expected);
    expect(sha(legacy)).toBe(expected);
    expect(shellMs).toBeLessThan(15_000);
  });

  it('pulls an APK-sized file byte for byte and round-trips a push', async () => {
    const serial = phone('pixel').serial;
    const apk = patternBytes(9 * 1024 * 1024 + 123, 7);
    phone('pixel').phone.writeFile('/data/local/tmp/base.apk', apk, 0o100644, 1_700_000_000);
    const pulled = join(scratch, 'pulled.apk');
    const pull = await runAdb(adbPort, ['-s', serial, 'pull', '/data/local/tmp/base.apk', pulled]);
    expect(pull.code).toBe(0);
    expect(sha(readFileSync(pulled))).toBe(sha(apk));

    const local = join(scratch, 'upload.bin');
    const upload = patternBytes(3 * 1024 * 1024 + 5, 99);
    writeFileSync(local, upload);
    const push = await runAdb(adbPort, ['-s', serial, 'push', local, '/sdcard/Download/upload.bin']);
    expect(push.code).toBe(0);
    expect(sha(phone('pixel').phone.readFile('/sdcard/Download/upload.bin') ?? Buffer.alloc(0))).toBe(sha(upload));
    const back = join(scratch, 'back.bin');
    expect((await runAdb(adbPort, ['-s', serial, 'pull', '/sdcard/Download/upload.bin', back])).code).toBe(0);
    expect(sha(readFileSync(back))).toBe(sha(upload));
  });

  it('reports a missing file to adb pull as an error', async () => {
    const result = await runAdb(adbPort, ['-s', phone('pixel').serial, 'pull', '/data/local/tmp/nope.apk', join(scratch, 'nope')]);
    expect(result.code).not.toBe(0);
    // adb 29 prints sync errors on stdout.
    expect(`${result.stdout.toString()}${result.stderr}`).toMatch(/failed to stat remote object .*No such file or directory/);
  });

  // 300 is the adb-ts regression size (adb-facts.md); the CLI costs a process spawn each, so it runs fewer.
  it('completes 300 consecutive 64 KiB shells as legacy shell: and as shell,v2 streams, and 30 through the adb CLI', async () => {
    const serial = phone('redmi').serial;
    const expected = sha(patternBytes(65536, 3));
    for (let i = 0; i < 300; i++) {
      const output = await hostService(adbPort, serial, 'shell:pattern 65536 3', 5000);
      if (sha(output) !== expected) throw new Error(`legacy shell ${i} returned ${output.length} bytes`);
    }
    for (let i = 0; i < 300; i++) {
      const frames = new ShellFrameDecoder().push(await hostService(adbPort, serial, 'shell,v2,raw:pattern 65536 3', 5000));
      const stdout = Buffer.concat(frames.filter((frame) => frame.id === 1).map((frame) => frame.data));
      const exit = frames.find((frame) => frame.id === 3)?.data[0];
      if (sha(stdout) !== expected || exit !== 0) throw new Error(`shell,v2 ${i} returned ${stdout.length} bytes, exit ${exit}`);
    }
    for (let i = 0; i < 30; i++) {
      const result = await runAdb(adbPort, ['-s', serial, 'shell', 'pattern 65536 3'], { timeoutMs: 5000 });
      if (result.code !== 0 || sha(result.stdout) !== expected) throw new Error(`adb shell ${i} returned ${result.code}, ${result.stdout.length} bytes`);
    }
  }, 45_000);
});

describe('simulated trouble', () => {
  it('shows a delayed-auth phone unauthorized, then device once the tap comes', async () => {
    const daemon = await startDeviceDaemon(createFakePhone(fakeManifest({ auth: { mode: 'delayed', acceptAfterMs: 2500 } })));
    try {
      const connect = await runAdb(adbPort, ['connect', daemon.serial]);
      expect(connect.stdout.toString()).toMatch(/failed to authenticate|connected to/);
      expect(await waitForState(adbPort, daemon.serial, ['unauthorized', 'device'], 5000)).toBe('unauthorized');
      expect(await waitForState(adbPort, daemon.serial, ['device'], 8000)).toBe('device');
    } finally {
      await runAdb(adbPort, ['disconnect', daemon.serial]);
      await daemon.close();
    }
  });

  it('ends adb shell promptly with part of the output when the phone drops mid-command, then shows it offline', async () => {
    const flaky = phone('flaky');
    flaky.setFaults({ disconnectOnCommand: /^pattern/, faultAfterBytes: 256 * 1024 });
    const started = Date.now();
    const result = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'pattern 20000000'], { timeoutMs: 15_000 });
    // adb 29 exits 0 when a shell_v2 stream ends without an exit packet (measured here): only the
    // short output and the device state tell that the phone went away.
    expect(result.timedOut).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stdout.length).toBeLessThan(20_000_000);
    expect(result.stdout.equals(patternBytes(result.stdout.length))).toBe(true);
    expect(await waitForState(adbPort, flaky.serial, ['offline', 'gone'], 5000)).toMatch(/offline|gone/);

    flaky.setFaults({});
    await flaky.reconnect();
    const after = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'echo', 'back']);
    expect(after.stdout.toString()).toBe('back\n');
  });

  it('ends a running adb shell at once when the phone is unplugged at run time', async () => {
    const flaky = phone('flaky');
    const running = runAdb(adbPort, ['-s', flaky.serial, 'shell', 'sleep 30'], { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    flaky.disconnect();
    const result = await running;
    expect(result.timedOut).toBe(false);
    expect(result.stdout.length).toBe(0);
    expect(await waitForState(adbPort, flaky.serial, ['offline', 'gone'], 5000)).toMatch(/offline|gone/);
    await flaky.reconnect();
  });

  it('leaves adb shell waiting on a command the phone went silent on, while other commands still answer', async () => {
    const flaky = phone('flaky');
    flaky.setFaults({ silentOnCommand: /^getprop/ });
    try {
      const silent = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'getprop ro.product.model'], { timeoutMs: 1500 });
      expect(silent.timedOut).toBe(true);
      const other = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'echo', 'alive']);
      expect(other.stdout.toString()).toBe('alive\n');
    } finally {
      flaky.setFaults({});
    }
  });

  it('cuts a truncated command short: the output stops early and no exit status arrives', async () => {
    const flaky = phone('flaky');
    flaky.setFaults({ truncateOnCommand: /^pattern/, faultAfterBytes: 100_000 });
    try {
      const result = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'pattern 1000000 5'], { timeoutMs: 10_000 });
      expect(result.timedOut).toBe(false);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout.length).toBeLessThan(1_000_000);
      expect(result.stdout.equals(patternBytes(result.stdout.length, 5))).toBe(true);
      const status = await runAdb(adbPort, ['-s', flaky.serial, 'shell', 'exit 7']);
      expect(status.code).toBe(7);
    } finally {
      flaky.setFaults({});
    }
  });
});
