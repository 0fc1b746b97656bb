import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { DevicePortError } from '../../main/adb/device-port.js';
import { plugPhone, startAdbServer, textBytes, unplugPhone, type AdbServerHandle, type AttachedPhone } from './adb-harness.js';

process.env.ADB_EMU = '0';

let server: AdbServerHandle;
let phone: AttachedPhone;
let port: AdbTsPort;

/** Our port names a phone by its reference: this lab's one server and the serial. */
const on = (serial: string) => ({ server: `127.0.0.1:${server.port}`, serial });

beforeAll(async () => {
  server = await startAdbServer();
  phone = await plugPhone(server);
  port = createAdbTsPort({ servers: [server.address], autoStart: false });
});

afterAll(async () => {
  await port?.close();
  if (phone) await unplugPhone(server, phone);
  await server?.stop();
});

async function rejection(work: Promise<unknown>): Promise<DevicePortError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DevicePortError);
  return error as DevicePortError;
}

describe('shell through the real adb server', () => {
  it('carries 5 MiB of output byte for byte, with the exit status', async () => {
    const size = 5 * 1024 * 1024;
    const result = await port.shell(on(phone.serial), `text ${size} 7`, { timeoutMs: 30_000 });
    const bytes = Buffer.from(result.output, 'utf8');
    expect(bytes.length).toBe(size);
    expect(bytes.equals(textBytes(size, 7))).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('reports the exit status of a failing command', async () => {
    const result = await port.shell(on(phone.serial), 'nosuchcommand');
    expect(result.exitCode).toBe(127);
    expect(result.output).toContain('nosuchcommand: inaccessible or not found');
  });

  it('runs 300 shells of ≥ 64 KiB in a row without one hanging', async () => {
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      const size = 64 * 1024 + (i % 7) * 4099;
      const result = await port.shell(on(phone.serial), `text ${size} ${i + 1}`, { timeoutMs: 10_000 });
      expect(Buffer.byteLength(result.output)).toBe(size);
    }
    const elapsed = performance.now() - started;
    console.info(`300 large shells: ${elapsed.toFixed(0)} ms (${(elapsed / 300).toFixed(2)} ms each)`);
  }, 120_000);

  it('runs a batch concurrently, in input order, each command with its own status', async () => {
    const commands = ['sleep 0.3', 'exit 3', 'text 100000 5', ...Array.from({ length: 13 }, () => 'sleep 0.3')];
    const started = performance.now();
    const items = await port.shellBatch(on(phone.serial), commands, { concurrency: 16 });
    const elapsed = performance.now() - started;
    expect(items.map((item) => item.command)).toEqual(commands);
    expect(items[1]).toMatchObject({ ok: true, result: { exitCode: 3 } });
    expect(items[2]?.ok && Buffer.from(items[2].result.output).equals(textBytes(100_000, 5))).toBe(true);
    // 14 sleeps of 0.3 s run side by side on the phone, not one after another (4.2 s).
    expect(elapsed).toBeLessThan(3_000);
  });

  it('times out a command that does not finish, and the phone stays usable', async () => {
    const error = await rejection(port.shell(on(phone.serial), 'sleep 30', { timeoutMs: 300 }));
    expect(error.code).toBe('TIMEOUT');
    expect((await port.shell(on(phone.serial), 'echo still here')).output).toBe('still here\n');
  });

  it('says DEVICE_NOT_FOUND for a serial the server does not have', async () => {
    expect((await rejection(port.shell(on('127.0.0.1:1'), 'echo x'))).code).toBe('DEVICE_NOT_FOUND');
  });
});

describe('a phone that fails mid-command', () => {
  it('turns a vanished phone into DEVICE_GONE, not a hang or a short result', async () => {
    const flaky = await plugPhone(server, { model: 'Flaky', faults: { disconnectOnCommand: /^text /, faultAfterBytes: 200_000 } });
    try {
      const error = await rejection(port.shell(on(flaky.serial), 'text 1000000 3', { timeoutMs: 20_000 }));
      expect(error.code).toBe('DEVICE_GONE');
      expect(error.hint).toMatch(/Re-plug/);
    } finally {
      await unplugPhone(server, flaky);
    }
  });

  it('turns a stream closed early on a phone still attached into TRUNCATED_OUTPUT', async () => {
    const flaky = await plugPhone(server, { model: 'Cutter', faults: { truncateOnCommand: /^text /, faultAfterBytes: 50_000 } });
    try {
      const error = await rejection(port.shell(on(flaky.serial), 'text 400000 3', { timeoutMs: 20_000 }));
      expect(error.code).toBe('TRUNCATED_OUTPUT');
      expect((await port.shell(on(flaky.serial), 'echo ok')).output).toBe('ok\n');
    } finally {
      await unplugPhone(server, flaky);
    }
  });
});
