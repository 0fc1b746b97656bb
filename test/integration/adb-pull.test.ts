import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { DevicePortError } from '../../main/adb/device-port.js';
import { patternBytes } from '../sim/adb/fake-phone.js';
import { plugPhone, startAdbServer, unplugPhone, type AdbServerHandle, type AttachedPhone } from './adb-harness.js';

process.env.ADB_EMU = '0';

const APK_PATH = '/data/app/~~sim==/com.tencent.qcloud.tim.tuikit-sim==/base.apk';
const apk = patternBytes(8 * 1024 * 1024 + 12_345, 42);

let server: AdbServerHandle;
let phone: AttachedPhone;
let port: AdbTsPort;

/** Our port names a phone by its reference: this lab's one server and the serial. */
const on = (serial: string) => ({ server: `127.0.0.1:${server.port}`, serial });

beforeAll(async () => {
  server = await startAdbServer();
  phone = await plugPhone(server);
  phone.phone.files.set(APK_PATH, apk);
  port = createAdbTsPort({ servers: [server.address], autoStart: false });
});

afterAll(async () => {
  await port?.close();
  if (phone) await unplugPhone(server, phone);
  await server?.stop();
});

describe('pull through the real adb server', () => {
  it('copies an APK-sized file byte for byte', async () => {
    const started = performance.now();
    const data = await port.pull(on(phone.serial), APK_PATH, { timeoutMs: 60_000 });
    console.info(`pulled ${data.length} bytes in ${(performance.now() - started).toFixed(0)} ms`);
    expect(data.length).toBe(apk.length);
    expect(data.equals(apk)).toBe(true);
  });

  it('reports progress against the STAT size as data arrives, ending at the whole file', async () => {
    const progress: [number, number | null][] = [];
    const data = await port.pull(on(phone.serial), APK_PATH, { timeoutMs: 60_000, onProgress: (bytes, total) => progress.push([bytes, total]) });
    expect(data.equals(apk)).toBe(true);
    expect(progress[0]).toEqual([0, apk.length]);
    expect(progress.at(-1)).toEqual([apk.length, apk.length]);
    // DATA chunks are at most 64 KiB: an 8 MiB file reports well over a hundred times, never going back.
    expect(progress.length).toBeGreaterThan(100);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
  });

  it('stops a pull when the caller aborts, and the phone answers the next request', async () => {
    const controller = new AbortController();
    let seen = 0;
    const started = performance.now();
    const error = await port.pull(on(phone.serial), APK_PATH, {
      signal: controller.signal,
      onProgress: (bytes) => {
        seen = bytes;
        if (bytes >= 1024 * 1024) controller.abort();
      },
    }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'Cancelled' });
    expect(seen).toBeLessThan(apk.length);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await port.pull(on(phone.serial), APK_PATH, { timeoutMs: 60_000 })).length).toBe(apk.length);
  });

  it('says NOT_FOUND for a file the phone does not have', async () => {
    const error = await port.pull(on(phone.serial), '/sdcard/none.txt').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DevicePortError);
    expect((error as DevicePortError).code).toBe('NOT_FOUND');
  });

  it('turns a phone lost mid-transfer into DEVICE_GONE, never a short file', async () => {
    const flaky = await plugPhone(server, { model: 'Flaky', faults: { disconnectOnCommand: /^sync:/, faultAfterBytes: 1024 * 1024 } });
    flaky.phone.files.set(APK_PATH, apk);
    try {
      const error = await port.pull(on(flaky.serial), APK_PATH, { timeoutMs: 20_000 }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DevicePortError);
      expect((error as DevicePortError).code).toBe('DEVICE_GONE');
    } finally {
      await unplugPhone(server, flaky);
    }
  });
});
