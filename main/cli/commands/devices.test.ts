import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdbTsPort } from '../../adb/adb-ts-adapter.js';
import { FakeAdbServer } from '../../adb/fake-adb-server.test-helper.js';
import { createDeviceService } from '../../services/device-service.js';
import { register, runDevices, type CliIo, type DevicesDeps } from './devices.js';

const POCO_MIUI = readFileSync(new URL('../../probes/__fixtures__/getprop/xiaomi-poco-x5pro-miui14-a12.txt', import.meta.url), 'utf8');

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

/** Real sockets to a fake adb server; never starts a real adb. */
const noAutoStart: DevicesDeps['openService'] = (servers) => {
  const port = createAdbTsPort({ servers, autoStart: false });
  return { service: createDeviceService(port), close: () => port.close() };
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let fake: FakeAdbServer;

beforeEach(async () => {
  fake = await new FakeAdbServer().start();
  fake.setDevices([
    { serial: 'POCO1', state: 'device', product: 'redwood_global', model: '22101320G', device: 'redwood', shell: () => ({ output: POCO_MIUI }) },
    { serial: '27211JEGR06194', state: 'unauthorized' },
  ]);
});

afterEach(() => fake.stop());

describe('devices', () => {
  it('prints a table with identity for ready phones and the fix for the others', async () => {
    const io = capture();
    const code = await runDevices({ adb: [`127.0.0.1:${fake.port}`] }, io, { openService: noAutoStart });
    expect(code).toBe(0);
    const lines = io.stdout.split('\n');
    expect(lines[0]).toMatch(/^SERIAL\s+STATE\s+MAKER\s+MODEL\s+ANDROID\s+ROM\s+SERVER$/);
    expect(lines[1]).toMatch(new RegExp(`^POCO1\\s+device\\s+Xiaomi\\s+22101320G\\s+12 \\(API 31\\)\\s+MIUI V140\\s+127\\.0\\.0\\.1:${fake.port}$`));
    expect(lines[2]).toMatch(/^27211JEGR06194\s+unauthorized\s+-\s+-\s+-\s+-\s+127/);
    expect(io.stdout).toContain('unauthorized: Accept the USB debugging prompt');
    expect(io.stderr).toBe('');
  });

  it('prints JSON with identities, hints and unreachable servers', async () => {
    const dead = await freePort();
    const io = capture();
    const code = await runDevices({ json: true, adb: [`127.0.0.1:${fake.port}`, `127.0.0.1:${dead}`] }, io, { openService: noAutoStart });
    expect(code).toBe(0);
    const parsed = JSON.parse(io.stdout) as { devices: { serial: string; identity: unknown; hint?: string }[]; serverErrors: { server: string; code: string }[] };
    expect(parsed.devices.map((d) => d.serial)).toEqual(['POCO1', '27211JEGR06194']);
    expect(parsed.devices[0]?.identity).toMatchObject({ brand: 'POCO', rom: { name: 'MIUI', version: 'V140' } });
    expect(parsed.devices[1]?.hint).toMatch(/USB debugging/);
    expect(parsed.serverErrors).toMatchObject([{ server: `127.0.0.1:${dead}`, code: 'ADB_UNREACHABLE' }]);
    expect(io.stderr).toContain(`127.0.0.1:${dead}`);
  });

  it('exits 2 with the fix when no server can be reached', async () => {
    const dead = await freePort();
    const io = capture();
    expect(await runDevices({ adb: [`127.0.0.1:${dead}`] }, io, { openService: noAutoStart })).toBe(2);
    expect(io.stderr).toMatch(/error: Cannot reach the adb server/);
    expect(io.stderr).toMatch(new RegExp(`fix: .*-P ${dead} start-server`));
    expect(io.stdout).toBe('');
  });

  it('exits 2 saying what to install when a server must be started and adb is missing', async () => {
    const dead = await freePort();
    const io = capture();
    expect(await runDevices({ adb: [`127.0.0.1:${dead}`] }, io, { env: { PATH: '/nonexistent' } })).toBe(2);
    expect(io.stderr).toMatch(/adb \(Android Debug Bridge\) was not found/);
  });

  it('exits 2 on a malformed --adb value', async () => {
    const io = capture();
    expect(await runDevices({ adb: ['nonsense'] }, io, { openService: noAutoStart })).toBe(2);
    expect(io.stderr).toMatch(/Not an adb server address/);
  });

  it('registers a commander command that takes repeated --adb and --json', async () => {
    const io = capture();
    const program = new Command().exitOverride();
    register(program, { io, openService: noAutoStart });
    await program.parseAsync(['node', 'push-doctor', 'devices', '--json', '--adb', `127.0.0.1:${fake.port}`, '--adb', `127.0.0.1:${fake.port}`]);
    const parsed = JSON.parse(io.stdout) as { devices: unknown[] };
    expect(parsed.devices).toHaveLength(4);
    expect(process.exitCode).toBe(0);
    process.exitCode = undefined;
  });
});
