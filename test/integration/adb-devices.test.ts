import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import type { DeviceEvent } from '../../main/adb/device-port.js';
import { runAdb } from '../sim/adb/adb-server.js';
import { plugPhone, startAdbServer, unplugPhone, waitUntil, type AdbServerHandle } from './adb-harness.js';

process.env.ADB_EMU = '0';

let server: AdbServerHandle;
let port: AdbTsPort;

/** Our port names a phone by its reference: this lab's one server and the serial. */
const on = (serial: string) => ({ server: `127.0.0.1:${server.port}`, serial });

beforeAll(async () => {
  server = await startAdbServer();
  port = createAdbTsPort({ servers: [server.address], autoStart: false, settlePollMs: 200, reconnectMs: 200 });
});

afterAll(async () => {
  await port?.close();
  await server?.stop();
});

function recorder() {
  const events: DeviceEvent[] = [];
  const of = (serial: string) => events.filter((e) => (e.type === 'removed' ? e.ref.serial : e.type === 'server-error' ? null : e.device.serial) === serial);
  const states = (serial: string) => of(serial).map((e) => (e.type === 'removed' ? 'removed' : e.type === 'server-error' ? 'error' : e.device.state));
  return { events, of, states, push: (event: DeviceEvent) => events.push(event) };
}

describe('device list and live events on a real adb server', () => {
  it('follows a plug, with the model, and an `adb disconnect`', async () => {
    const seen = recorder();
    const tracker = await port.trackDevices(seen.push);
    try {
      const phone = await plugPhone(server, { model: 'Pixel 6' });
      await waitUntil(() => seen.states(phone.serial).includes('device'), 15_000, 'the phone to show as ready');
      const ready = seen.of(phone.serial).find((e) => e.type !== 'removed' && e.type !== 'server-error' && e.device.state === 'device');
      expect(ready).toMatchObject({ device: { serial: phone.serial, model: 'Pixel_6', server: `127.0.0.1:${server.port}` } });
      expect((await port.listDevices()).find((d) => d.serial === phone.serial)?.state).toBe('device');

      await unplugPhone(server, phone);
      await waitUntil(() => seen.states(phone.serial).includes('removed'), 15_000, 'the phone to leave');
      expect((await port.listDevices()).some((d) => d.serial === phone.serial)).toBe(false);
    } finally {
      tracker.close();
    }
  });

  it('shows a phone whose daemon died as offline, then removes it on disconnect', async () => {
    const seen = recorder();
    const tracker = await port.trackDevices(seen.push);
    const phone = await plugPhone(server, { model: 'Dying' });
    try {
      await waitUntil(() => seen.states(phone.serial).includes('device'), 15_000, 'ready');
      phone.daemon.disconnect();
      await waitUntil(() => seen.states(phone.serial).at(-1) === 'offline', 15_000, 'offline');
      await runAdb(server.port, ['disconnect', phone.serial]);
      await waitUntil(() => seen.states(phone.serial).at(-1) === 'removed', 15_000, 'removed');
    } finally {
      tracker.close();
      await phone.daemon.close();
    }
  });

  it('reports a phone waiting for the USB debugging tap as unauthorized, then ready once accepted', async () => {
    const seen = recorder();
    const tracker = await port.trackDevices(seen.push);
    const phone = await plugPhone(server, { model: 'Shy', auth: { mode: 'delayed', acceptAfterMs: 2_500 } });
    try {
      await waitUntil(() => seen.states(phone.serial).includes('unauthorized'), 15_000, 'unauthorized');
      const error = await port.shell(on(phone.serial), 'echo hi').then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'DEVICE_UNAUTHORIZED', hint: expect.stringMatching(/USB debugging/) });
      await waitUntil(() => seen.states(phone.serial).at(-1) === 'device', 20_000, 'authorized');
      const states = seen.states(phone.serial);
      expect(states.indexOf('unauthorized')).toBeLessThan(states.lastIndexOf('device'));
      expect((await port.shell(on(phone.serial), 'echo hi')).output).toBe('hi\n');
    } finally {
      tracker.close();
      await unplugPhone(server, phone);
    }
  });

  it('makes one list of two adb servers, each device tagged with its server', async () => {
    const other = await startAdbServer();
    const a = await plugPhone(server, { model: 'Lab A' });
    const b = await plugPhone(other, { model: 'Lab B' });
    try {
      const lab = createAdbTsPort({ servers: [server.address, other.address], autoStart: false });
      await waitUntil(async () => (await lab.listDevices()).filter((d) => d.state === 'device').length >= 2, 15_000, 'both ready');
      const devices = await lab.listDevices();
      expect(devices.find((d) => d.serial === a.serial)).toMatchObject({ server: `127.0.0.1:${server.port}`, model: 'Lab_A' });
      expect(devices.find((d) => d.serial === b.serial)).toMatchObject({ server: `127.0.0.1:${other.port}`, model: 'Lab_B' });
      expect((await lab.shell({ server: `127.0.0.1:${other.port}`, serial: b.serial }, 'echo from-b')).output).toBe('from-b\n');
    } finally {
      await unplugPhone(server, a);
      await unplugPhone(other, b);
      await other.stop();
    }
  });

  it('reports a server that stops, and picks its phones up again when it is back', async () => {
    const own = await startAdbServer();
    const lab = createAdbTsPort({ servers: [own.address], autoStart: false, reconnectMs: 200 });
    const seen = recorder();
    const tracker = await lab.trackDevices(seen.push);
    const phone = await plugPhone(own, { model: 'Survivor' });
    try {
      await waitUntil(() => seen.states(phone.serial).includes('device'), 15_000, 'ready');
      await own.stop();
      await waitUntil(() => seen.events.some((e) => e.type === 'server-error'), 15_000, 'server-error');
      await waitUntil(() => seen.states(phone.serial).includes('removed'), 5_000, 'removed with the server');
      const restarted = await runAdb(own.port, ['start-server'], { timeoutMs: 20_000 });
      expect(restarted.code).toBe(0);
      await runAdb(own.port, ['connect', phone.serial], { timeoutMs: 15_000 });
      await waitUntil(() => seen.states(phone.serial).at(-1) === 'device', 20_000, 'back after restart');
      expect(seen.events.filter((e) => e.type === 'server-error')).toHaveLength(1);
    } finally {
      tracker.close();
      await unplugPhone(own, phone);
      await own.stop();
    }
  });
});
