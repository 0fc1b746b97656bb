import { createServer, type AddressInfo } from 'node:net';
import { freePort } from '../../test/sim/adb/adb-server.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from './adb-ts-adapter.js';
import { DevicePortError, type DeviceEvent, type DeviceRef } from './device-port.js';
import { FakeAdbServer, type FakeDevice } from './fake-adb-server.test-helper.js';

const GETPROP = '[ro.product.brand]: [Redmi]\n[ro.product.model]: [23049RAD8C]\n[ro.build.version.sdk]: [34]\n';

function phone(serial: string, extra: Partial<FakeDevice> = {}): FakeDevice {
  return {
    serial, state: 'device', product: 'sunstone', model: '23049RAD8C', device: 'sunstone',
    shell: (command) => (command === 'getprop' ? { output: GETPROP } : { output: `ran ${command}\n`, exitCode: 0 }),
    ...extra,
  };
}


async function expectPortError(work: Promise<unknown>, code: string): Promise<DevicePortError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DevicePortError);
  expect((error as DevicePortError).code).toBe(code);
  return error as DevicePortError;
}

async function waitFor(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let fake: FakeAdbServer;
let port: AdbTsPort;
/** A reference to a phone on the main fake server. */
const at = (serial: string): DeviceRef => ({ server: `127.0.0.1:${fake.port}`, serial });

beforeEach(async () => {
  fake = await new FakeAdbServer().start();
  port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }], autoStart: false, settlePollMs: 50, reconnectMs: 50 });
});

afterEach(async () => {
  await port.close();
  await fake.stop();
});

describe('listing', () => {
  it('lists devices with their normalised state and the server they are on', async () => {
    fake.setDevices([
      phone('R58M123ABC'),
      { serial: '27211JEGR06194', state: 'unauthorized' },
      { serial: '59253ADYT113RN', state: 'no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html]' },
    ]);
    const devices = await port.listDevices();
    expect(devices.map((d) => [d.serial, d.state, d.model ?? null, d.server])).toEqual([
      ['R58M123ABC', 'device', '23049RAD8C', `127.0.0.1:${fake.port}`],
      ['27211JEGR06194', 'unauthorized', null, `127.0.0.1:${fake.port}`],
      ['59253ADYT113RN', 'no-permissions', null, `127.0.0.1:${fake.port}`],
    ]);
  });

  it('merges two servers and keeps the same serial on both as two entries', async () => {
    const second = await new FakeAdbServer().start();
    try {
      fake.setDevices([phone('A1'), phone('SAME')]);
      second.setDevices([phone('SAME'), phone('B2')]);
      const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }, { host: '127.0.0.1', port: second.port }], autoStart: false });
      const devices = await lab.listDevices();
      expect(devices.map((d) => `${d.serial}@${d.server}`)).toEqual([
        `A1@127.0.0.1:${fake.port}`, `SAME@127.0.0.1:${fake.port}`, `SAME@127.0.0.1:${second.port}`, `B2@127.0.0.1:${second.port}`,
      ]);
      const listings = await lab.listServers();
      expect(listings.map((l) => l.error)).toEqual([null, null]);
    } finally {
      await second.stop();
    }
  });

  it('lists the servers it reaches when another is down, and says which is down', async () => {
    const dead = await freePort();
    fake.setDevices([phone('A1')]);
    const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: dead }, { host: '127.0.0.1', port: fake.port }], autoStart: false });
    expect((await lab.listDevices()).map((d) => d.serial)).toEqual(['A1']);
    const listings = await lab.listServers();
    expect(listings[0]?.error?.code).toBe('ADB_UNREACHABLE');
  });

  it('gives up on a server that accepts but never answers, and keeps serving phones elsewhere without waiting on it', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      fake.setDevices([phone('A1')]);
      const lab = createAdbTsPort({
        servers: [{ host: '127.0.0.1', port: fake.port }, { host: '127.0.0.1', port: silentPort }], autoStart: false, serverTimeoutMs: 2_000,
      });
      const listings = await lab.listServers();
      expect(listings[1]?.error?.code).toBe('ADB_UNREACHABLE');
      expect(listings[1]?.error?.message).toContain('no answer within 2000 ms');
      await lab.shell(at('A1'), 'echo');
      const started = Date.now();
      await lab.shell(at('A1'), 'echo');
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      silent.close();
    }
  });

  it('fails with ADB_UNREACHABLE and the start-server command when no server answers', async () => {
    const dead = await freePort();
    const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: dead }], autoStart: false });
    const error = await expectPortError(lab.listDevices(), 'ADB_UNREACHABLE');
    expect(error.hint).toContain(`-P ${dead} start-server`);
  });

  it('gives callers that arrive while a server is being started the outcome of that one start', async () => {
    const dead = await freePort();
    const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: dead }], env: { PATH: '/nonexistent' } });
    const [first, second] = await Promise.all([lab.listDevices().catch((e: unknown) => e), lab.listDevices().catch((e: unknown) => e)]);
    expect((first as DevicePortError).code).toBe('ADB_MISSING');
    expect((second as DevicePortError).code).toBe('ADB_MISSING');
    expect(((await lab.listDevices().catch((e: unknown) => e)) as DevicePortError).code).toBe('ADB_MISSING');
  });

  it('fails with ADB_MISSING and what to install when it must start a server but finds no adb', async () => {
    const dead = await freePort();
    const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: dead }], env: { PATH: '/nonexistent' } });
    const error = await expectPortError(lab.listDevices(), 'ADB_MISSING');
    expect(error.hint).toMatch(/Platform-Tools/);
  });
});

describe('shell', () => {
  it('returns the output without the end marker, and the exit status', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: 'Unknown option: -z\n', exitCode: 2 }) })]);
    const result = await port.shell(at('R58M123ABC'), 'cmd package list packages -z');
    expect(result.output).toBe('Unknown option: -z\n');
    expect(result.exitCode).toBe(2);
    expect(fake.shellLog[0]).toMatch(/^cmd package list packages -z ; echo "<<pd-end:[0-9a-f]{16}:\$\?>>"$/);
  });

  it('carries a large output whole', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'abcdefghij\n');
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: big }) })]);
    const result = await port.shell(at('R58M123ABC'), 'dumpsys notification --noredact');
    expect(Buffer.from(result.output).equals(big)).toBe(true);
  });

  it('turns a stream that stops early into DEVICE_GONE when the phone left the list', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: 'x'.repeat(100_000), cutAfter: 70_000, removeOnCut: true }) })]);
    const error = await expectPortError(port.shell(at('R58M123ABC'), 'dumpsys package'), 'DEVICE_GONE');
    expect(error.message).toContain('after 70000 bytes');
  });

  it('turns a stream that stops early into TRUNCATED_OUTPUT when the phone is still there', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: 'x'.repeat(1000), cutAfter: 10 }) })]);
    await expectPortError(port.shell(at('R58M123ABC'), 'dumpsys package'), 'TRUNCATED_OUTPUT');
  });

  it('gives up with TIMEOUT on a command that never ends', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: '', hang: true }) })]);
    const started = Date.now();
    await expectPortError(port.shell(at('R58M123ABC'), 'logcat', { timeoutMs: 200 }), 'TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops when the caller aborts', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: '', hang: true }) })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DevicePortError('TIMEOUT', 'user cancelled')), 50);
    const error = await expectPortError(port.shell(at('R58M123ABC'), 'logcat', { signal: controller.signal }), 'TIMEOUT');
    expect(error.message).toBe('user cancelled');
  });

  it.each([
    ['unauthorized', 'DEVICE_UNAUTHORIZED', /USB debugging/],
    ['offline', 'DEVICE_OFFLINE', /re-plug/],
    ['no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html]', 'DEVICE_NO_PERMISSIONS', /51-android\.rules/],
  ])('refuses a phone that is %s with %s and the fix', async (state, code, hint) => {
    fake.setDevices([{ serial: 'R58M123ABC', state }]);
    const error = await expectPortError(port.shell(at('R58M123ABC'), 'getprop'), code);
    expect(error.hint).toMatch(hint);
  });

  it('says DEVICE_NOT_FOUND for a serial no server knows', async () => {
    fake.setDevices([phone('R58M123ABC')]);
    await expectPortError(port.shell(at('OTHER'), 'getprop'), 'DEVICE_NOT_FOUND');
  });

  it('maps the server FAIL text when the phone turns unauthorized between listing and transport', async () => {
    fake.setDevices([phone('R58M123ABC', { state: 'unauthorized' })]);
    const original = fake.listing.bind(fake);
    fake.listing = () => original().replace('unauthorized', 'device');
    await expectPortError(port.shell(at('R58M123ABC'), 'getprop'), 'DEVICE_UNAUTHORIZED');
  });

  it.each(['R58M; reboot', '$(id)', 'a b'])('never sends the hostile serial %j to a socket', async (serial) => {
    await expectPortError(port.shell(at(serial), 'getprop'), 'INVALID_INPUT');
    expect(fake.shellLog).toEqual([]);
  });

  it.each(['getprop\nreboot', 'a\0b', '   '])('refuses the command %j', async (command) => {
    fake.setDevices([phone('R58M123ABC')]);
    await expectPortError(port.shell(at('R58M123ABC'), command), 'INVALID_INPUT');
    expect(fake.shellLog).toEqual([]);
  });
});

describe('the same serial on two servers', () => {
  it('uses the server the reference names, and says when the phone there is not ready', async () => {
    const second = await new FakeAdbServer().start();
    try {
      fake.setDevices([phone('SAME', { state: 'offline' })]);
      second.setDevices([phone('SAME', { shell: () => ({ output: 'second\n' }) })]);
      const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }, { host: '127.0.0.1', port: second.port }], autoStart: false });
      expect((await lab.shell({ server: `127.0.0.1:${second.port}`, serial: 'SAME' }, 'echo')).output).toBe('second\n');
      const error = await expectPortError(lab.shell({ server: `127.0.0.1:${fake.port}`, serial: 'SAME' }, 'echo'), 'DEVICE_OFFLINE');
      expect(error.hint).toMatch(/re-plug/);
    } finally {
      await second.stop();
    }
  });
});

describe('shellBatch', () => {
  it('keeps input order, isolates a failure and bounds the streams open at once', async () => {
    fake.setDevices([phone('R58M123ABC', {
      shell: (command) => {
        if (command === 'boom') return { output: 'partial', cutAfter: 3 };
        return { output: `${command}\n`, delayMs: command === 'slow' ? 80 : 20 };
      },
    })]);
    const commands = ['slow', 'a', 'boom', ...Array.from({ length: 20 }, (_, i) => `c${i}`)];
    const seen: number[] = [];
    const items = await port.shellBatch(at('R58M123ABC'), commands, { concurrency: 4, onItem: (index) => seen.push(index) });
    expect(items.map((item) => item.command)).toEqual(commands);
    expect(items[0]).toMatchObject({ ok: true, result: { output: 'slow\n', exitCode: 0 } });
    expect(items[2]).toMatchObject({ ok: false, error: { code: 'TRUNCATED_OUTPUT' } });
    expect(items.filter((item) => item.ok)).toHaveLength(commands.length - 1);
    expect(fake.maxInFlight).toBeLessThanOrEqual(4);
    expect(fake.maxInFlight).toBeGreaterThan(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(commands.map((_, i) => i));
  });

  it('gives each command its own timeout', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: (command) => (command === 'stuck' ? { output: '', hang: true } : { output: 'ok\n' }) })]);
    const items = await port.shellBatch(at('R58M123ABC'), ['stuck', 'fine'], { timeoutMs: 150 });
    expect(items[0]).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(items[1]).toMatchObject({ ok: true, result: { output: 'ok\n' } });
  });

  it('rejects the whole batch when the phone cannot be reached at all', async () => {
    fake.setDevices([{ serial: 'R58M123ABC', state: 'unauthorized' }]);
    await expectPortError(port.shellBatch(at('R58M123ABC'), ['getprop']), 'DEVICE_UNAUTHORIZED');
  });
});

describe('pull', () => {
  it('copies a file byte for byte over sync RECV', async () => {
    const apk = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
    fake.setDevices([phone('R58M123ABC', { files: { '/data/app/base.apk': apk } })]);
    expect((await port.pull(at('R58M123ABC'), '/data/app/base.apk')).equals(apk)).toBe(true);
  });

  it('reports a missing file as NOT_FOUND with the phone\'s message', async () => {
    fake.setDevices([phone('R58M123ABC', { files: {} })]);
    const error = await expectPortError(port.pull(at('R58M123ABC'), '/sdcard/none'), 'NOT_FOUND');
    expect(error.message).toContain('No such file');
  });

  it('reports a transfer cut short as TRUNCATED_OUTPUT, never as a short file', async () => {
    fake.setDevices([phone('R58M123ABC', { files: { '/f': Buffer.alloc(400_000) }, cutPullAfter: 131_072 })]);
    await expectPortError(port.pull(at('R58M123ABC'), '/f'), 'TRUNCATED_OUTPUT');
  });

  it('refuses a relative path', async () => {
    await expectPortError(port.pull(at('R58M123ABC'), 'sdcard/x'), 'INVALID_INPUT');
  });
});

describe('trackDevices', () => {
  it('reports phones present at start, plug, state changes with fresh details, and unplug', async () => {
    fake.setDevices([phone('A1')]);
    const events: DeviceEvent[] = [];
    const tracker = await port.trackDevices((event) => events.push(event));
    try {
      await waitFor(() => events.length >= 1);
      expect(events[0]).toMatchObject({ type: 'added', device: { serial: 'A1', state: 'device' } });

      fake.setDevices([phone('A1'), { serial: 'B2', state: 'offline' }]);
      await waitFor(() => events.some((e) => e.type === 'added' && e.device.serial === 'B2'));

      fake.update('B2', { state: 'device', model: 'Pixel_7', product: 'panther', device: 'panther' });
      await waitFor(() => events.some((e) => e.type === 'changed' && e.device.serial === 'B2'));
      expect(events.find((e) => e.type === 'changed')).toMatchObject({ device: { serial: 'B2', state: 'device', model: 'Pixel_7' } });

      fake.remove('A1');
      await waitFor(() => events.some((e) => e.type === 'removed'));
      expect(events.find((e) => e.type === 'removed')).toEqual({
        type: 'removed', ref: { serial: 'A1', server: `127.0.0.1:${fake.port}`, transportId: expect.any(Number) as number },
      });
    } finally {
      tracker.close();
    }
  });

  it('notices offline → unauthorized, which track-devices never announces, by re-listing while a phone is passing', async () => {
    fake.setDevices([{ serial: 'B2', state: 'offline' }]);
    const events: DeviceEvent[] = [];
    const tracker = await port.trackDevices((event) => events.push(event));
    try {
      await waitFor(() => events.length >= 1);
      // Change the state behind the tracker's back: no track-devices message is sent.
      const device = fake.devices[0] as FakeDevice;
      device.state = 'unauthorized';
      await waitFor(() => events.some((e) => e.type === 'changed' && e.device.state === 'unauthorized'));
    } finally {
      tracker.close();
    }
  });

  it('does not wait forever on a server that accepts and never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    fake.setDevices([phone('A1')]);
    const lab = createAdbTsPort({
      servers: [{ host: '127.0.0.1', port: fake.port }, { host: '127.0.0.1', port: silentPort }],
      autoStart: false, serverTimeoutMs: 200, reconnectMs: 5_000,
    });
    const events: DeviceEvent[] = [];
    const tracker = await lab.trackDevices((event) => events.push(event));
    try {
      expect(events).toContainEqual(expect.objectContaining({ type: 'added', device: expect.objectContaining({ serial: 'A1' }) }));
      expect(events).toContainEqual(expect.objectContaining({ type: 'server-error', server: `127.0.0.1:${silentPort}` }));
    } finally {
      tracker.close();
      silent.close();
    }
  });

  it('reports the server going away once, removes its phones, and resumes when it is back', async () => {
    fake.setDevices([phone('A1')]);
    const events: DeviceEvent[] = [];
    const tracker = await port.trackDevices((event) => events.push(event));
    try {
      await waitFor(() => events.length >= 1);
      const serverPort = fake.port;
      await fake.stop();
      await waitFor(() => events.some((e) => e.type === 'removed'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(events.filter((e) => e.type === 'server-error')).toHaveLength(1);
      expect(events.find((e) => e.type === 'server-error')).toMatchObject({ error: { code: 'ADB_UNREACHABLE' } });

      await fake.start(serverPort);
      fake.setDevices([phone('A1')]);
      await waitFor(() => events.filter((e) => e.type === 'added').length >= 2);
    } finally {
      tracker.close();
    }
  });
});

describe('device references', () => {
  const SHARED = '0123456789ABCDEF';

  it('tells apart two phones sharing a serial on one server by transport id, selecting each with host:transport-id', async () => {
    fake.setDevices([
      phone(SHARED, { transportId: 11, shell: () => ({ output: 'phone eleven\n' }) }),
      phone(SHARED, { transportId: 12, shell: () => ({ output: 'phone twelve\n' }) }),
    ]);
    const listed = await port.listDevices();
    expect(listed.map((d) => [d.serial, d.transportId])).toEqual([[SHARED, 11], [SHARED, 12]]);
    expect((await port.shell(listed[1]!, 'echo')).output).toBe('phone twelve\n');
    expect((await port.shell(listed[0]!, 'echo')).output).toBe('phone eleven\n');
    const items = await port.shellBatch(listed[1]!, ['a', 'b']);
    expect(items.map((i) => (i.ok ? i.result.output : i.error.code))).toEqual(['phone twelve\n', 'phone twelve\n']);
    expect(fake.transportLog).toContain('host:transport-id:12');
    expect(fake.transportLog).not.toContain(`host:transport:${SHARED}`);
  });

  it('refuses a shared serial without a transport id instead of letting adb pick one', async () => {
    fake.setDevices([phone(SHARED, { transportId: 11 }), phone(SHARED, { transportId: 12 })]);
    const error = await expectPortError(port.shell(at(SHARED), 'echo'), 'INVALID_INPUT');
    expect(error.message).toMatch(/2 phones .* share the serial/);
    expect(fake.shellLog).toEqual([]);
  });

  it('says DEVICE_NOT_FOUND for a transport id the server no longer has (the phone was re-plugged)', async () => {
    fake.setDevices([phone(SHARED, { transportId: 11 })]);
    await expectPortError(port.shell({ ...at(SHARED), transportId: 99 }, 'echo'), 'DEVICE_NOT_FOUND');
  });

  it('reads the emulator-5554 of each of two servers through its own server', async () => {
    const second = await new FakeAdbServer().start();
    try {
      fake.setDevices([phone('emulator-5554', { shell: () => ({ output: 'first server\n' }) })]);
      second.setDevices([phone('emulator-5554', { shell: () => ({ output: 'second server\n' }) })]);
      const lab = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }, { host: '127.0.0.1', port: second.port }], autoStart: false });
      const [a, b] = await lab.listDevices();
      expect((await lab.shell(b!, 'echo')).output).toBe('second server\n');
      expect((await lab.shell(a!, 'echo')).output).toBe('first server\n');
      await expectPortError(lab.shell({ server: '127.0.0.1:1', serial: 'emulator-5554' }, 'echo'), 'INVALID_INPUT');
    } finally {
      await second.stop();
    }
  });
});

describe('the adb server going away', () => {
  it('says the server went away, not that the phone disconnected, when it dies mid-command', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: '', hang: true }) })]);
    const running = port.shell(at('R58M123ABC'), 'dumpsys package');
    await waitFor(() => fake.shellLog.length > 0);
    await fake.stop();
    const error = await expectPortError(running, 'ADB_UNREACHABLE');
    expect(error.message).toMatch(/adb server at 127\.0\.0\.1:\d+ went away/);
    expect(error.hint).toMatch(/start-server/);
  });
});

describe('shellStream', () => {
  it('hands over each line without the end marker and ends with the exit status', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: 'one\r\ntwo\nthree', exitCode: 3 }) })]);
    const lines: string[] = [];
    const result = await port.shellStream(at('R58M123ABC'), 'logcat -d', { onLine: (l) => lines.push(l) });
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(result).toMatchObject({ exitCode: 3, cancelled: false, lines: 3 });
  });

  it('stops a command that never ends when the signal aborts, and says it was cancelled', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: '', hang: true }) })]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await port.shellStream(at('R58M123ABC'), 'logcat', { onLine: () => undefined, signal: controller.signal });
    expect(result).toMatchObject({ exitCode: null, cancelled: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('rejects DEVICE_GONE when the phone leaves mid-stream', async () => {
    fake.setDevices([phone('R58M123ABC', { shell: () => ({ output: 'a\nb\nc\n', cutAfter: 4, removeOnCut: true }) })]);
    const lines: string[] = [];
    await expectPortError(port.shellStream(at('R58M123ABC'), 'logcat', { onLine: (l) => lines.push(l) }), 'DEVICE_GONE');
    expect(lines).toEqual(['a', 'b']);
  });
});

describe('pull progress and cancellation', () => {
  it('reports progress against the size sync STAT gave, ending at the whole file', async () => {
    const apk = Buffer.alloc(300_000, 7);
    fake.setDevices([phone('R58M123ABC', { files: { '/data/app/base.apk': apk } })]);
    const progress: [number, number | null][] = [];
    const data = await port.pull(at('R58M123ABC'), '/data/app/base.apk', { onProgress: (b, t) => progress.push([b, t]) });
    expect(data.equals(apk)).toBe(true);
    expect(progress[0]).toEqual([0, 300_000]);
    expect(progress.at(-1)).toEqual([300_000, 300_000]);
    expect(progress.length).toBeGreaterThan(3);
  });

  it('refuses a file larger than the limit from its STAT size, before any data moves', async () => {
    fake.setDevices([phone('R58M123ABC', { files: { '/big': Buffer.alloc(200_000) } })]);
    const small = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }], autoStart: false, maxPullBytes: 100_000 });
    const progress: number[] = [];
    const error = await expectPortError(small.pull(at('R58M123ABC'), '/big', { onProgress: (b) => progress.push(b) }), 'COMMAND_FAILED');
    expect(error.message).toMatch(/larger than the 100000 bytes/);
    expect(progress).toEqual([]);
  });

  it('stops when the caller aborts', async () => {
    fake.setDevices([phone('R58M123ABC', { files: { '/f': Buffer.alloc(4 * 1024 * 1024, 1) } })]);
    const controller = new AbortController();
    const error = await expectPortError(port.pull(at('R58M123ABC'), '/f', {
      signal: controller.signal,
      onProgress: (bytes) => { if (bytes > 0) controller.abort(); },
    }), 'TIMEOUT');
    expect(error.message).toBe('Cancelled');
  });
});
