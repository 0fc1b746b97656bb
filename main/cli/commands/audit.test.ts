import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAdbServer } from '../../adb/fake-adb-server.test-helper.js';
import { runCli, type CliDeps } from '../program.js';

const POCO_MIUI = readFileSync(new URL('../../probes/__fixtures__/getprop/xiaomi-poco-x5pro-miui14-a12.txt', import.meta.url), 'utf8');

const dataHome = mkdtempSync(join(tmpdir(), 'pd-data-'));
let fake: FakeAdbServer;
let adb = '';
let dir = '';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = { version: '0.0.0-test', env: { ADB_EMU: '0', PATH: '/nonexistent', XDG_DATA_HOME: dataHome }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runCli(args, deps);
  return { code, stdout, stderr };
}

beforeEach(async () => {
  fake = await new FakeAdbServer().start();
  adb = `127.0.0.1:${fake.port}`;
  dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  fake.setDevices([
    { serial: 'POCO1', state: 'device', product: 'redwood_global', model: '22101320G', device: 'redwood',
      shell: (command) => ({ output: command.startsWith('getprop') ? POCO_MIUI : '' }) },
    { serial: 'LOCKED1', state: 'unauthorized' },
  ]);
});

afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('exit 3: a phone that could not be audited', () => {
  it.each([
    [['--serial', 'NOPE'], 3],
    [['--serial', 'NOPE', '--fail-on', 'error'], 3],
    [['--serial', 'LOCKED1'], 3],
    [['--serial', 'LOCKED1', '--fail-on', 'warning'], 3],
    [['--serial', 'POCO1', '--serial', 'NOPE'], 0],
    [['--serial', 'POCO1', '--serial', 'NOPE', '--fail-on', 'error'], 3],
    [['--all', '--fail-on', 'error'], 3],
    [['--all'], 0],
  ])('audit %j exits %i', async (args, expected) => {
    const r = await cli(['audit', '--adb', adb, '--app', 'com.example.im', ...args]);
    expect(r.code, r.stderr).toBe(expected);
    if (expected === 3) expect(r.stderr).toMatch(/Could not audit|No phone could be audited/);
  });

  it('says what became of a phone that sends no progress (unauthorized)', async () => {
    const r = await cli(['audit', '--adb', adb, '--all']);
    expect(r.stderr).toMatch(/^POCO1: audited/m);
    expect(r.stderr).toMatch(/^LOCKED1: unauthorized — .*Allow USB debugging/m);
  });

  it('capture exits 3 for a phone that is not there or not authorized', async () => {
    for (const serial of ['NOPE', 'LOCKED1']) {
      const r = await cli(['capture', '--adb', adb, '--serial', serial, '--out', join(dir, `${serial}.zip`)]);
      expect(r.code, r.stderr).toBe(3);
    }
  });
});

describe('the output is checked before a phone is touched', () => {
  const shellCount = () => fake.shellLog.length;

  it.each([
    [['--format', 'pdf'], /A pdf report is a file, not text for the terminal: add --out report.pdf/],
    [['--format', 'docx'], /Allowed choices are json, md, html, pdf, csv/],
    [['--out', '.'], /is a folder; name a file/],
    [['--out', join('no', 'such', 'folder', 'r.json')], /the folder .*folder does not exist/],
  ])('audit %j ends with exit 2 and no command run', async (args, message) => {
    const r = await cli(['audit', '--adb', adb, '--serial', 'POCO1', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(shellCount()).toBe(0);
  });

  it('refuses an existing --out unless --force', async () => {
    const out = join(dir, 'r.json');
    writeFileSync(out, 'old');
    expect((await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--out', out])).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(shellCount()).toBe(0);
    const forced = await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ devices: [{ serial: 'POCO1' }] });
  });

  it('refuses a capture folder that already holds files, even with --force, and an existing zip without it', async () => {
    const folder = join(dir, 'old-capture');
    mkdirSync(folder);
    writeFileSync(join(folder, 'getprop.txt'), 'another phone');
    const r = await cli(['capture', '--adb', adb, '--serial', 'POCO1', '--out', folder, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds 1 file\(s\); a capture goes into a new or empty folder/);
    expect(readdirSync(folder)).toEqual(['getprop.txt']);
    const zip = join(dir, 'old.zip');
    writeFileSync(zip, 'old zip');
    expect((await cli(['capture', '--adb', adb, '--serial', 'POCO1', '--out', zip])).code).toBe(2);
    expect(readFileSync(zip, 'utf8')).toBe('old zip');
    expect(shellCount()).toBe(0);
  });

  it('writes a capture into an empty folder', async () => {
    const folder = join(dir, 'empty');
    mkdirSync(folder);
    const r = await cli(['capture', '--adb', adb, '--serial', 'POCO1', '--out', folder]);
    // Outputs the fake phone answers with nothing still count as read; the manifest lists every command.
    expect([0, 2]).toContain(r.code);
    expect(readdirSync(folder)).toContain('capture.json');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('audit and capture options', () => {
  it('has no --json (a report format is chosen with --format)', async () => {
    for (const command of ['audit', 'capture']) {
      const r = await cli([command, '--adb', adb, '--serial', 'POCO1', '--out', join(dir, 'x.zip'), '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("unknown option '--json'");
    }
  });

  it('with --redact keeps the serial out of stdout and of the progress lines', async () => {
    const r = await cli(['audit', '--adb', adb, '--all', '--redact', '--format', 'md']);
    expect(r.stdout + r.stderr).not.toMatch(/POCO1|LOCKED1/);
    expect(r.stderr).toMatch(/^serial#[0-9a-f]{8}: audited/m);
  });

  it('echoes a 10 000-character --app cut short', async () => {
    const r = await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--app', 'b'.repeat(10_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"b{60}…" \(10000 characters\)/);
    expect(r.stderr.length).toBeLessThan(200);
  });
});

describe('--click', () => {
  it('needs --app, and one line of text', async () => {
    const noApp = await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--click', 'imdemo://h/p']);
    expect(noApp.code).toBe(2);
    expect(noApp.stderr).toMatch(/--click needs --app/);
    const twoLines = await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--app', 'com.example.im', '--click', 'imdemo://h/p\nreboot']);
    expect(twoLines.code).toBe(2);
    expect(twoLines.stderr).toMatch(/click target on one line/);
  });

  it('asks the phone with the target quoted, and reports the APK steps unknown when pm path names none', async () => {
    const asked: string[] = [];
    fake.setDevices([{ serial: 'POCO1', state: 'device', product: 'redwood_global', model: '22101320G', device: 'redwood',
      shell: (command) => { asked.push(command); return { output: command.startsWith('getprop') ? POCO_MIUI : '' }; } }]);
    const r = await cli(['audit', '--adb', adb, '--serial', 'POCO1', '--app', 'com.example.im', '--click', "imdemo://h/p?x='1'", '--format', 'json', '--no-history']);
    expect(r.code, r.stderr).toBe(0);
    expect(asked.join('\n')).toContain(`cmd package resolve-activity --brief --user 0 -a android.intent.action.VIEW -d 'imdemo://h/p?x='\\''1'\\'''`);
    const device = (JSON.parse(r.stdout) as { devices: { findings: { id: string; severity: string; detail: string }[] }[] }).devices[0]!;
    const vendor = device.findings.find((f) => f.id === 'vendor-components-missing');
    expect(vendor?.severity).toBe('unknown');
    expect(vendor?.detail).toMatch(/named no APK|not pulled/);
  });
});
