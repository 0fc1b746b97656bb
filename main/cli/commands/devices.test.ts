import { readFileSync } from 'node:fs';
import { freePort } from '../../../test/sim/adb/adb-server.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdbTsPort } from '../../adb/adb-ts-adapter.js';
import { FakeAdbServer } from '../../adb/fake-adb-server.test-helper.js';
import { buildProgram, CliExit, EXIT, type CliDeps } from '../program.js';
import { runDevices, type DevicesDeps } from './devices.js';

const POCO_MIUI = readFileSync(new URL('../../probes/__fixtures__/getprop/xiaomi-poco-x5pro-miui14-a12.txt', import.meta.url), 'utf8');

/** Real sockets to a fake adb server; never starts a real adb. */
function deps(env: Record<string, string | undefined> = {}, autoStart = false): DevicesDeps & { out: string; err: string } {
  const d = {
    out: '', err: '', version: '0.0.0', env,
    stdout: (t: string) => { d.out += t; },
    stderr: (t: string) => { d.err += t; },
    openPort: (adb: { host: string; port: number }[] | undefined, cli: CliDeps) =>
      createAdbTsPort({ servers: adb ?? [], autoStart, env: cli.env as NodeJS.ProcessEnv }),
  };
  return d;
}


let fake: FakeAdbServer;
let address: { host: string; port: number };

beforeEach(async () => {
  fake = await new FakeAdbServer().start();
  address = { host: '127.0.0.1', port: fake.port };
  fake.setDevices([
    { serial: 'POCO1', state: 'device', product: 'redwood_global', model: '22101320G', device: 'redwood', shell: () => ({ output: POCO_MIUI }) },
    { serial: '27211JEGR06194', state: 'unauthorized' },
  ]);
});

afterEach(() => fake.stop());

describe('devices', () => {
  it('prints a table with identity for ready phones and the fix for the others', async () => {
    const d = deps();
    await runDevices({ json: false, adb: [address] }, d);
    const lines = d.out.split('\n');
    expect(lines[0]).toMatch(/^SERIAL\s+STATE\s+MAKER\s+MODEL\s+ANDROID\s+ROM\s+SERVER$/);
    expect(lines[1]).toMatch(new RegExp(`^POCO1\\s+device\\s+Xiaomi\\s+22101320G\\s+12 \\(API 31\\)\\s+MIUI V140\\s+127\\.0\\.0\\.1:${fake.port}$`));
    expect(lines[2]).toMatch(/^27211JEGR06194\s+unauthorized\s+-\s+-\s+-\s+-\s+127/);
    expect(d.out).toContain('unauthorized: Accept the USB debugging prompt');
    expect(d.err).toBe('');
  });

  it('prints JSON with identities and hints, and warns on stderr about a server that did not answer', async () => {
    const dead = await freePort();
    const d = deps();
    await runDevices({ json: true, adb: [address, { host: '127.0.0.1', port: dead }] }, d);
    const parsed = JSON.parse(d.out) as { devices: { serial: string; identity: unknown; hint?: string }[]; serverErrors: { server: string; code: string }[] };
    expect(parsed.devices.map((x) => x.serial)).toEqual(['POCO1', '27211JEGR06194']);
    expect(parsed.devices[0]?.identity).toMatchObject({ brand: 'POCO', rom: { name: 'MIUI', version: 'V140' } });
    expect(parsed.devices[1]?.hint).toMatch(/USB debugging/);
    expect(parsed.serverErrors).toMatchObject([{ server: `127.0.0.1:${dead}`, code: 'ADB_UNREACHABLE' }]);
    expect(d.err).toContain(`warning: Cannot reach the adb server at 127.0.0.1:${dead}`);
  });

  it('ends with exit 2 and the fix when no server can be reached', async () => {
    const dead = await freePort();
    const error = await runDevices({ json: false, adb: [{ host: '127.0.0.1', port: dead }] }, deps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliExit);
    expect((error as CliExit).exitCode).toBe(EXIT.usage);
    expect((error as CliExit).message).toMatch(new RegExp(`fix: .*-P ${dead} start-server`));
  });

  it('ends with exit 2 saying what to install when a server must be started and adb is missing', async () => {
    const dead = await freePort();
    const error = await runDevices({ json: false, adb: [{ host: '127.0.0.1', port: dead }] }, deps({ PATH: '/nonexistent' }, true)).catch((e: unknown) => e);
    expect((error as CliExit).exitCode).toBe(EXIT.usage);
    expect((error as CliExit).message).toMatch(/adb \(Android Debug Bridge\) was not found/);
  });

  it('runs as `devices --json --adb … --adb …` inside the CLI program', async () => {
    const d = deps();
    // buildProgram registers `devices` itself; the deps it is given carry the injected port.
    const program = buildProgram(d);
    await program.parseAsync(['devices', '--json', '--adb', `127.0.0.1:${fake.port}`, '--adb', `127.0.0.1:${fake.port}`], { from: 'user' });
    expect((JSON.parse(d.out) as { devices: unknown[] }).devices).toHaveLength(4);
  });
});

describe('devices with a phone that never answers', () => {
  it('waits one deadline for it, then lists it without identity and says so', async () => {
    fake.setDevices([
      { serial: 'POCO1', state: 'device', shell: () => ({ output: POCO_MIUI }) },
      { serial: 'MUTE1', state: 'device', shell: () => ({ output: '', hang: true }) },
    ]);
    const d = deps();
    const started = Date.now();
    await runDevices({ json: false, adb: [address], deadlineMs: 300 }, d);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(d.out).toMatch(/^MUTE1\s+device\s+-/m);
    expect(d.err).toMatch(new RegExp(`warning: MUTE1 on 127\\.0\\.0\\.1:${fake.port} \\(transport \\d+\\): identity not read: .*took longer than 300 ms`));
  });

});
