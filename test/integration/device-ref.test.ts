import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { auditLab } from '../../main/audit/audit-lab.js';
import type { Report } from '../../common/domain/report.js';
import { startDeviceDaemon, type DeviceDaemon } from '../sim/adb/device-daemon.js';
import { adbServerAnswers, runAdb } from '../sim/adb/adb-server.js';
import { createPhone, type SimAndroidPhone } from '../sim/android/create-phone.js';
import { PROFILES_DIR } from '../sim/lab.js';
import { startAdbServer, waitUntil, type AdbServerHandle } from './adb-harness.js';
import { cli } from './cli-harness.js';

process.env.ADB_EMU = '0';

const APP = 'com.tencent.qcloud.tim.tuikit';

async function connect(server: AdbServerHandle, serial: string): Promise<void> {
  const result = await runAdb(server.port, ['connect', serial], { timeoutMs: 20_000 });
  if (result.code !== 0) throw new Error(`adb connect ${serial}: ${result.stderr}`);
  const port = createAdbTsPort({ servers: [server.address], autoStart: false });
  await waitUntil(async () => (await port.listDevices()).some((d) => d.serial === serial && d.state === 'device'), 15_000, `${serial} ready`);
}

/**
 * Scenario (a), on two real adb servers: both list a phone under one serial, and they are two different
 * phones. A simulated phone's serial is its address (`adb connect 127.0.0.1:P`), so the first phone is
 * attached to server one, stops listening (its connection stays), and a second phone takes the same port
 * for server two.
 */
describe('two adb servers, each with its own phone under one serial', () => {
  let one: AdbServerHandle;
  let two: AdbServerHandle;
  let xiaomi: DeviceDaemon;
  let pixel: DeviceDaemon;

  beforeAll(async () => {
    one = await startAdbServer();
    two = await startAdbServer();
    xiaomi = await startDeviceDaemon(await createPhone(join(PROFILES_DIR, 'xiaomi-hyperos-a14')));
    await connect(one, xiaomi.serial);
    await xiaomi.stopListening();
    pixel = await startDeviceDaemon(await createPhone(join(PROFILES_DIR, 'pixel-a16')), { port: xiaomi.port });
    expect(pixel.serial).toBe(xiaomi.serial);
    await connect(two, pixel.serial);
  }, 90_000);

  afterAll(async () => {
    for (const server of [one, two]) await runAdb(server.port, ['disconnect'], { timeoutMs: 10_000 }).catch(() => undefined);
    await xiaomi?.close();
    await pixel?.close();
    await one?.stop();
    await two?.stop();
  });

  it('lists the serial twice, with each server and a numeric transport id', async () => {
    const port = createAdbTsPort({ servers: [one.address, two.address], autoStart: false });
    const listed = (await port.listDevices()).filter((d) => d.serial === xiaomi.serial);
    expect(listed.map((d) => d.server)).toEqual([`127.0.0.1:${one.port}`, `127.0.0.1:${two.port}`]);
    for (const d of listed) expect(typeof d.transportId).toBe('number');
  });

  it('`audit --serial S` audits both phones, each reported with its ref, each read from the right phone', async () => {
    const r = await cli(['audit', '--adb', `127.0.0.1:${one.port}`, '--adb', `127.0.0.1:${two.port}`, '--serial', xiaomi.serial,
      '--serial', xiaomi.serial, '--app', APP, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // Named twice, audited once per phone: two phones, not four.
    expect(report.devices).toHaveLength(2);
    const byServer = new Map(report.devices.map((d) => [d.ref?.server, d]));
    expect(byServer.get(`127.0.0.1:${one.port}`)?.facts.manufacturer).toBe('Xiaomi');
    expect(byServer.get(`127.0.0.1:${two.port}`)?.facts.manufacturer).toBe('Google');
    for (const d of report.devices) {
      expect(d.serial).toBe(xiaomi.serial);
      expect(typeof d.ref?.transportId).toBe('number');
      expect(d.errors).toEqual([]);
    }
    // Each progress line names its phone by server, since the serial alone names two.
    expect(r.stderr).toContain(`${xiaomi.serial} on 127.0.0.1:${one.port}`);
    expect(r.stderr).toContain(`${xiaomi.serial} on 127.0.0.1:${two.port}`);
  });
});

describe('the real adb server selects a phone by transport id', () => {
  let server: AdbServerHandle;
  let daemon: DeviceDaemon;

  beforeAll(async () => {
    server = await startAdbServer();
    daemon = await startDeviceDaemon(await createPhone(join(PROFILES_DIR, 'samsung-oneui-a14')));
    await connect(server, daemon.serial);
  }, 60_000);

  afterAll(async () => {
    await runAdb(server.port, ['disconnect'], { timeoutMs: 10_000 }).catch(() => undefined);
    await daemon?.close();
    await server?.stop();
  });

  it('reads through host:transport-id:N, and calls a transport id adb no longer has gone', async () => {
    const port = createAdbTsPort({ servers: [server.address], autoStart: false });
    const [device] = (await port.listDevices()).filter((d) => d.serial === daemon.serial);
    expect(device?.transportId).toEqual(expect.any(Number));
    expect((await port.shell(device!, 'getprop ro.product.manufacturer')).output.trim()).toBe('samsung');
    // The fake adb server tells two phones sharing a serial apart the same way (main/adb unit tests);
    // here adb itself answers the request we send for them.
    const stale = await port.shell({ ...device!, transportId: device!.transportId! + 1000 }, 'echo').then(() => null, (e: unknown) => e);
    expect(stale).toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });

  it('streams logcat lines as they are logged, and stops when cancelled', async () => {
    const port = createAdbTsPort({ servers: [server.address], autoStart: false });
    const [device] = (await port.listDevices()).filter((d) => d.serial === daemon.serial);
    const phone = daemon.phone as SimAndroidPhone;
    const controller = new AbortController();
    const lines: { line: string; at: number }[] = [];
    const streaming = port.shellStream(device!, 'logcat -v threadtime -s PushDoctorTest', {
      signal: controller.signal,
      onLine: (line) => lines.push({ line, at: Date.now() }),
    });
    const logged: number[] = [];
    for (let i = 1; i <= 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      logged.push(Date.now());
      phone.device.log('main', 'I', 'PushDoctorTest', `message ${i}`);
      await waitUntil(() => lines.some((l) => l.line.endsWith(`message ${i}`)), 5_000, `line ${i}`);
    }
    controller.abort();
    const result = await streaming;
    expect(result).toMatchObject({ cancelled: true, exitCode: null });
    const ours = lines.filter((l) => l.line.includes('PushDoctorTest'));
    expect(ours.map((l) => l.line.replace(/^.* PushDoctorTest: /, ''))).toEqual(['message 1', 'message 2', 'message 3']);
    // Each line arrived within a second of being logged, while the command kept running.
    ours.forEach((l, i) => expect(l.at - logged[i]!).toBeLessThan(1_000));
    expect((await port.shell(device!, 'echo still here')).output).toBe('still here\n');
  });

  it('ends a stream that ends by itself with its exit status', async () => {
    const port = createAdbTsPort({ servers: [server.address], autoStart: false });
    const [device] = (await port.listDevices()).filter((d) => d.serial === daemon.serial);
    const lines: string[] = [];
    const result = await port.shellStream(device!, 'logcat -d -v threadtime', { onLine: (l) => lines.push(l) });
    expect(result).toMatchObject({ cancelled: false, exitCode: 0 });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toContain('<<pd-end:');
  });
});

describe('the adb server killed mid-audit', () => {
  let server: AdbServerHandle;
  let daemons: DeviceDaemon[] = [];

  beforeAll(async () => {
    server = await startAdbServer();
    daemons = await Promise.all(['xiaomi-hyperos-a14', 'pixel-a16'].map(async (profile) =>
      startDeviceDaemon(await createPhone(join(PROFILES_DIR, profile), { latencyMs: 1_500 }))));
    for (const d of daemons) await connect(server, d.serial);
  }, 90_000);

  afterAll(async () => {
    for (const d of daemons) await d.close();
    await server?.stop().catch(() => undefined);
  });

  it('says once that the adb server went away and what to do, not that each phone disconnected', async () => {
    const port = createAdbTsPort({ servers: [server.address], autoStart: true });
    let killed = false;
    const report = await auditLab(port, {
      app: APP,
      onProgress: (event) => {
        if (event.type === 'device-started' && !killed) {
          killed = true;
          setTimeout(() => void runAdb(server.port, ['kill-server'], { timeoutMs: 10_000 }), 300);
        }
      },
    });
    expect(report.devices).toHaveLength(2);
    for (const device of report.devices) {
      expect(device.errors.map((e) => e.code), JSON.stringify(device.errors)).toEqual(['ADB_UNREACHABLE']);
      expect(device.errors[0]?.message).toMatch(new RegExp(`adb server at 127\\.0\\.0\\.1:${server.port} went away`));
      expect(JSON.stringify(device.errors)).not.toMatch(/disconnected during/);
    }
    const { serverGoneLines } = await import('../../main/cli/commands/audit.js');
    const lines = serverGoneLines(report);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/went away[\s\S]*2 phones were not fully read/);
    // It was not started again behind the user's back: a fresh server would know none of the phones.
    expect(await adbServerAnswers(server.port)).toBe(false);
  }, 60_000);
});
