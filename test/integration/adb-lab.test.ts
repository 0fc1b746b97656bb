import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { createDeviceService } from '../../main/services/device-service.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';

process.env.ADB_EMU = '0';

/** The simulator's phones, built from genuine public getprop captures (see each profile's profile.json). */
const PROFILES = ['xiaomi-hyperos-a14', 'huawei-harmonyos-a12', 'oneplus-oxygenos-a14', 'vivo-originos-a14', 'pixel-a16', 'samsung-oneui-a14', 'redmi-unauthorized-a12'];

let lab: Lab;
let adbPort: number;
let port: AdbTsPort;

/** Our port names a phone by its reference: this lab's one server and the serial. */
const on = (serial: string) => ({ server: `127.0.0.1:${adbPort}`, serial });

beforeAll(async () => {
  adbPort = await freePort();
  lab = await startLab({ profiles: PROFILES, adbPort, latencyMs: 40 });
  port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], autoStart: false });
}, 120_000);

afterAll(async () => {
  await port?.close();
  await lab?.stop();
  if (lab?.startedServer) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
});

const serialOf = (profile: string) => lab.phones.find((p) => p.profile === profile)?.serial as string;

describe('the simulated phone lab through our port', () => {
  it('lists every phone with identity read from its own getprop', async () => {
    const service = createDeviceService(port);
    const devices = await service.listDevices();
    const bySerial = new Map(devices.map((d) => [d.serial, d]));
    expect(bySerial.get(serialOf('xiaomi-hyperos-a14'))?.identity).toEqual({
      manufacturer: 'Xiaomi', brand: 'Redmi', model: '22011211C', marketName: 'Redmi K50 Pro', android: { release: '14', sdk: 34 },
      rom: { name: 'HyperOS', version: 'OS2.0.6.0.ULKCNXM' },
    });
    // A phone whose getprop prints no marketing name says so with null, not a guess.
    expect(bySerial.get(serialOf('pixel-a16'))?.identity?.marketName).toBeNull();
    expect(bySerial.get(serialOf('huawei-harmonyos-a12'))?.identity?.rom).toEqual({ name: 'HarmonyOS', version: '4.2.0' });
    // The same ROM rule as the audit's report: the name carries "OriginOS", the version its number.
    expect(bySerial.get(serialOf('vivo-originos-a14'))?.identity?.rom).toEqual({ name: 'OriginOS', version: '4' });
    expect(bySerial.get(serialOf('samsung-oneui-a14'))?.identity?.rom).toEqual({ name: 'One UI', version: '6.1.1' });
    expect(bySerial.get(serialOf('oneplus-oxygenos-a14'))?.identity?.rom).toEqual({ name: 'OxygenOS', version: 'V14.0.0' });
    expect(bySerial.get(serialOf('pixel-a16'))?.identity).toMatchObject({ model: 'Pixel 8 Pro', android: { release: '16', sdk: 36 } });
    expect(bySerial.get(serialOf('redmi-unauthorized-a12'))).toMatchObject({ state: 'unauthorized', identity: null });
  });

  it('runs a probe batch concurrently: wall time well under the sum of the phone\'s per-command cost', async () => {
    const serial = serialOf('xiaomi-hyperos-a14');
    const commands = [
      'getprop', 'settings get global zen_mode', 'settings get secure lock_screen_show_notifications', 'cmd netpolicy get restrict-background',
      'dumpsys deviceidle whitelist', 'pm list packages', 'settings get global low_power', 'settings get system ringer_mode',
      'getprop ro.build.version.sdk', 'getprop ro.product.model', 'getprop ro.product.brand', 'getprop ro.product.manufacturer',
    ];
    const started = performance.now();
    const items = await port.shellBatch(on(serial), commands, { concurrency: 16, timeoutMs: 20_000 });
    const concurrent = performance.now() - started;
    expect(items.every((item) => item.ok)).toBe(true);
    const sequentialStart = performance.now();
    await port.shellBatch(on(serial), commands, { concurrency: 1, timeoutMs: 20_000 });
    const sequential = performance.now() - sequentialStart;
    console.info(`12 probes, 40 ms each on the phone: concurrent ${concurrent.toFixed(0)} ms, one at a time ${sequential.toFixed(0)} ms`);
    expect(concurrent).toBeLessThan(sequential * 0.6);
  });

  it('keeps the exit status of the simulated shell', async () => {
    const result = await port.shell(on(serialOf('pixel-a16')), 'cmd package resolve-activity --brief -a android.intent.action.NOT_THERE');
    expect(typeof result.exitCode).toBe('number');
    const missing = await port.shell(on(serialOf('pixel-a16')), 'nosuchtool');
    expect(missing.exitCode).not.toBe(0);
  });
});
