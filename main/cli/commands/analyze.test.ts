import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureToFiles, writeCaptureFiles } from '../../capture/capture-io.js';
import { runCli, type CliDeps } from '../program.js';

const GETPROP = readFileSync(new URL('../../../test/fixtures/real/xiaomi-redmi-k50pro-hyperos2-a14/getprop.txt', import.meta.url), 'utf8');
const APP = 'com.example.im';

/** A minimal `adb bugreport` main text: dumpstate's SYSTEM PROPERTIES section around a genuine getprop. */
const BUGREPORT = [
  '== dumpstate: 2026-11-25 10:00:00',
  '------ SYSTEM PROPERTIES (getprop) ------',
  GETPROP.trimEnd(),
  "------ 0.064s was the duration of 'SYSTEM PROPERTIES' ------",
  '',
].join('\n');

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = { version: '0.0.0-test', env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runCli(args, deps);
  return { code, stdout, stderr };
}

let dir = '';
let capture = '';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
  capture = join(dir, 'cap');
  await writeCaptureFiles(capture, captureToFiles({ serial: 'K50PRO01', app: APP, capturedAt: '2026-11-25T10:00:00.000Z' }, [
    { command: 'getprop', text: GETPROP, exitCode: 0 },
  ]), { force: false });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('analyze --out never loses a file', () => {
  it('refuses to write the report over its input, even with --force', async () => {
    const input = join(dir, 'br.txt');
    writeFileSync(input, BUGREPORT);
    for (const extra of [[], ['--force']]) {
      const r = await cli(['analyze', input, '--out', input, ...extra]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/never writes over its input/);
      expect(readFileSync(input, 'utf8')).toBe(BUGREPORT);
    }
  });

  it('knows the input through a hard link, a symbolic link, and inside a capture folder', async () => {
    const input = join(dir, 'br.txt');
    writeFileSync(input, BUGREPORT);
    linkSync(input, join(dir, 'hard.txt'));
    symlinkSync(input, join(dir, 'soft.txt'));
    for (const out of [join(dir, 'hard.txt'), join(dir, 'soft.txt')]) {
      const r = await cli(['analyze', input, '--out', out, '--force']);
      expect(r.code, out).toBe(2);
      expect(readFileSync(input, 'utf8')).toBe(BUGREPORT);
    }
    const manifest = readFileSync(join(capture, 'capture.json'), 'utf8');
    const r = await cli(['analyze', capture, '--out', join(capture, 'capture.json'), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inside the input/);
    expect(readFileSync(join(capture, 'capture.json'), 'utf8')).toBe(manifest);
  });

  it('refuses an existing report file unless --force, then replaces it whole', async () => {
    const out = join(dir, 'report.json');
    writeFileSync(out, 'keep me');
    const refused = await cli(['analyze', capture, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; add --force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await cli(['analyze', capture, '--out', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ schema: 'push-doctor/report@1', source: 'capture' });
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('checks the target and the format before reading the input, in plain words', async () => {
    const missing = join(dir, 'nothing-here');
    const cases: [string[], RegExp][] = [
      [['--format', 'pdf'], /A pdf report is a file, not text for the terminal: add --out report.pdf/],
      [['--out', dir], /is a folder; name a file inside it/],
      [['--out', join(dir, 'no', 'such', 'r.json')], /the folder .*no.*such does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['analyze', missing, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/does not exist\.$|EISDIR|ENOENT/m);
    }
  });
});

describe('analyze refuses what it cannot read safely', () => {
  it('refuses a named pipe at once instead of blocking on it', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = await cli(['analyze', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a named pipe \(FIFO\); analyze reads a capture folder, a zip or a text file/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses /dev/zero instead of reading it for ever', async () => {
    const r = await cli(['analyze', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero is a character device/);
  });

  it('caps a plain-text input with a message, not V8\'s string-length error', async () => {
    const big = join(dir, 'huge.txt');
    // Sparse: 600 MB on paper, nothing on disk.
    execFileSync('truncate', ['-s', '600M', big]);
    const r = await cli(['analyze', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TOO_LARGE: .*huge\.txt is 629 MB; Push Doctor reads text files of at most 512 MB/);
  });

  it('says that capture.json is a symbolic link, and refuses it', async () => {
    const linked = join(dir, 'linked');
    mkdirSync(linked);
    symlinkSync(join(capture, 'capture.json'), join(linked, 'capture.json'));
    const r = await cli(['analyze', linked]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/capture\.json is a symbolic link; refused/);
  });

  it('rejects a capturedAt that is not a date, and a bad app, saying they come from capture.json', async () => {
    const manifest = JSON.parse(readFileSync(join(capture, 'capture.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(capture, 'capture.json'), JSON.stringify({ ...manifest, capturedAt: 'not a date' }));
    const date = await cli(['analyze', capture]);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/capture\.json does not follow push-doctor\/capture@1: capturedAt: not an ISO 8601 date/);

    writeFileSync(join(capture, 'capture.json'), JSON.stringify({ ...manifest, app: `com.x;reboot${'x'.repeat(10_000)}` }));
    const app = await cli(['analyze', capture]);
    expect(app.code).toBe(2);
    expect(app.stderr).toMatch(/capture\.json does not follow push-doctor\/capture@1: app: "com\.x;reboot.*…" \(10012 characters\) is not an Android package name/);
    expect(app.stderr.length).toBeLessThan(400);
  });

  it('echoes a 10 000-character value cut short, with its length', async () => {
    const r = await cli(['analyze', capture, '--app', 'a'.repeat(10_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^"a{60}…" \(10000 characters\) is not an Android package name/);
    expect(r.stderr.length).toBeLessThan(200);
  });
});

describe('a report that cannot be written is kept', () => {
  it('saves it in the temporary folder and says where and why', async () => {
    const { writeReport } = await import('../report-output.js');
    const { reportWriter } = await import('../../report/writers.js');
    const choice = await reportWriter('json');
    if (!choice.ok) throw new Error(choice.reason);
    const report = { schema: 'push-doctor/report@1', generatedAt: '2026-11-25T10:00:00.000Z', tool: { name: 'push-doctor', version: '0' }, source: 'live', devices: [] } as const;
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    rmSync(gone, { recursive: true });
    let err = '';
    const error = await writeReport({ ...report, devices: [] }, choice.writer, { format: 'json', out: join(gone, 'r.json') },
      { version: '0', env: {}, stdout: () => undefined, stderr: (t) => void (err += t) }, null).catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/Could not write the report to .*r\.json: the folder .*gone does not exist \(ENOENT\)\. The report was kept in (\S+)\./);
    const kept = /kept in (\S+)\.$/.exec((error as Error).message)?.[1] ?? '';
    expect(existsSync(kept)).toBe(true);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toMatchObject({ schema: 'push-doctor/report@1' });
    rmSync(kept);
  });
});

describe('environment', () => {
  it('names ANDROID_ADB_SERVER_PORT when its value is wrong', async () => {
    const r = await cli(['audit', '--serial', 'X'], { ANDROID_ADB_SERVER_PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ANDROID_ADB_SERVER_PORT="abc" is not an adb server port/);
  });
});

describe('analyze report.json renders a saved report again', () => {
  it('in the other language, from the message ids, without a phone', async () => {
    const saved = join(dir, 'report.json');
    expect((await cli(['analyze', capture, '--lang', 'en', '--format', 'json', '--out', saved])).code).toBe(0);
    const en = JSON.parse(readFileSync(saved, 'utf8')) as { lang: string; devices: { findings: { id: string; title: string; detail: string }[] }[] };
    expect(en.lang).toBe('en');
    const r = await cli(['analyze', saved, '--lang', 'zh-CN', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(en → zh-CN)');
    const zh = JSON.parse(r.stdout) as typeof en;
    expect(zh.lang).toBe('zh-CN');
    expect(zh.devices[0]!.findings.map((f) => f.id)).toEqual(en.devices[0]!.findings.map((f) => f.id));
    for (const f of zh.devices[0]!.findings) expect(`${f.title} ${f.detail}`, f.id).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says what is wrong with a file that claims to be a report and is not', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'push-doctor/report@1', generatedAt: 'yesterday', devices: [] }));
    const r = await cli(['analyze', bad, '--lang', 'zh-CN']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a valid push-doctor\/report@1 report: generatedAt: /);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schema": "push-doctor/report@1", "devices": [');
    expect((await cli(['analyze', broken])).stderr).toMatch(/looks like a Push Doctor report but is not valid JSON/);
  });
});
