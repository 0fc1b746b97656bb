import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addCommonOptions, buildProgram, defaultAdbServers, parseAdbAddress, runCli, type CliDeps } from './program.js';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = { version: '0.1.0', env, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
  return { deps, out: () => out.join(''), err: () => err.join('') };
}

describe('push-doctor CLI', () => {
  it('prints help and exits 0 for --help', async () => {
    const io = capture();
    expect(await runCli(['--help'], io.deps)).toBe(0);
    expect(io.out()).toContain('Usage: push-doctor');
    expect(io.out()).toContain('version');
  });

  it('exits 2 with a hint for an unknown command or option', async () => {
    const io = capture();
    expect(await runCli(['devicez'], io.deps)).toBe(2);
    expect(io.err()).toContain("unknown command 'devicez'");
    expect(await runCli(['version', '--frobnicate'], io.deps)).toBe(2);
    expect(io.err()).toContain("unknown option '--frobnicate'");
  });

  it('prints the version as text or JSON', async () => {
    const io = capture();
    expect(await runCli(['version', '--json'], io.deps)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ name: 'push-doctor', version: '0.1.0' });
    const plain = capture();
    expect(await runCli(['--version'], plain.deps)).toBe(0);
    expect(plain.out()).toBe('0.1.0\n');
  });

  it('lets every subcommand inherit the usage-error handling', () => {
    const program = buildProgram(capture().deps);
    const sub = program.commands.find((c) => c.name() === 'version');
    expect(sub).toBeDefined();
    expect(() => sub!.parse(['--nope'], { from: 'user' })).toThrow(expect.objectContaining({ code: 'commander.unknownOption' }));
  });
});

describe('--adb addresses', () => {
  it('parses host:port, [v6]:port and a bare port', () => {
    expect(parseAdbAddress('192.168.1.20:5037')).toEqual({ host: '192.168.1.20', port: 5037 });
    expect(parseAdbAddress('[::1]:5038')).toEqual({ host: '::1', port: 5038 });
    expect(parseAdbAddress('15037')).toEqual({ host: '127.0.0.1', port: 15037 });
  });

  it.each(['', 'host', 'host:0', 'host:70000', 'a b:5037', 'host:5037;rm'])('rejects %j', (value) => {
    expect(() => parseAdbAddress(value)).toThrow(/not an adb server address/);
  });

  it('defaults to ANDROID_ADB_SERVER_PORT, then 5037, as adb does', () => {
    expect(defaultAdbServers({})).toEqual([{ host: '127.0.0.1', port: 5037 }]);
    expect(defaultAdbServers({ ANDROID_ADB_SERVER_PORT: '15037' })).toEqual([{ host: '127.0.0.1', port: 15037 }]);
  });

  it('collects a repeated --adb and reports a bad one as a usage error', async () => {
    const program = new Command('t').exitOverride().configureOutput({ writeErr: () => undefined });
    let seen: unknown;
    addCommonOptions(program.command('devices')).action((opts) => {
      seen = opts;
    });
    await program.parseAsync(['devices', '--adb', '127.0.0.1:5037', '--adb', '10.0.0.2:5037', '--json'], { from: 'user' });
    expect(seen).toEqual({ adb: [{ host: '127.0.0.1', port: 5037 }, { host: '10.0.0.2', port: 5037 }], json: true });
    await expect(program.parseAsync(['devices', '--adb', 'nope'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});
