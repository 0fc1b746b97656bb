import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDevices, type DevicesDeps } from '../../main/cli/commands/devices.js';
import { adbServerAnswers, freePort, runAdb } from '../sim/adb/adb-server.js';
import { plugPhone, startAdbServer, unplugPhone, waitUntil, type AdbServerHandle, type AttachedPhone } from './adb-harness.js';

process.env.ADB_EMU = '0';

function deps(): DevicesDeps & { out: string; err: string } {
  const d = {
    out: '', err: '', version: '0.0.0', env: { ...process.env, ADB_EMU: '0' },
    stdout: (t: string) => { d.out += t; },
    stderr: (t: string) => { d.err += t; },
  };
  return d;
}

let server: AdbServerHandle;
let phone: AttachedPhone;

beforeAll(async () => {
  server = await startAdbServer();
  // Values as a HyperOS 1.0 Xiaomi prints them (see main/services/device-service.test.ts for the source).
  phone = await plugPhone(server, {
    model: '23127PN0CC',
    props: {
      'ro.product.manufacturer': 'Xiaomi', 'ro.product.brand': 'Xiaomi', 'ro.build.version.release': '14', 'ro.build.version.sdk': '34',
      'ro.mi.os.version.incremental': 'OS1.0.7.0.UOQCNXM', 'ro.miui.ui.version.name': 'V816',
    },
  });
  await waitUntil(async () => (await runAdb(server.port, ['devices'])).stdout.toString().includes(`${phone.serial}\tdevice`), 15_000, 'ready');
});

afterAll(async () => {
  if (phone) await unplugPhone(server, phone);
  await server?.stop();
});

describe('push-doctor devices on a real adb server', () => {
  it('prints each phone with maker, model, Android and ROM read from the phone', async () => {
    const d = deps();
    await runDevices({ json: false, adb: [server.address] }, d);
    const row = d.out.split('\n').find((line) => line.startsWith(phone.serial));
    expect(row).toMatch(/device\s+Xiaomi\s+23127PN0CC\s+14 \(API 34\)\s+HyperOS OS1\.0\.7\.0\.UOQCNXM\s+127\.0\.0\.1:\d+$/);
  });

  it('prints JSON for scripts', async () => {
    const d = deps();
    await runDevices({ json: true, adb: [server.address] }, d);
    const parsed = JSON.parse(d.out) as { devices: { serial: string; identity: { rom: unknown } | null }[] };
    expect(parsed.devices.find((x) => x.serial === phone.serial)?.identity?.rom).toEqual({ name: 'HyperOS', version: 'OS1.0.7.0.UOQCNXM' });
  });

  it('starts a server that is not running with the user\'s adb, and lists it', async () => {
    const port = await freePort();
    try {
      const d = deps();
      await runDevices({ json: false, adb: [{ host: '127.0.0.1', port }] }, d);
      expect(d.out).toContain('No devices attached.');
      expect(await adbServerAnswers(port)).toBe(true);
    } finally {
      await runAdb(port, ['kill-server'], { timeoutMs: 10_000 });
    }
  });
});
