import { unzipSync, strFromU8 } from 'fflate';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { splitBugreport } from '../../../../main/probes/bugreport.js';
import { extractPackageSection } from '../../../../main/probes/packages/packages-module.js';
import { createPhone, type SimAndroidPhone } from '../create-phone.js';
import { mergePackageDumps } from '../dumpstate.js';
import { captureIo } from '../testing/capture-io.js';

const FIXTURE = fileURLToPath(new URL('../__fixtures__/pixel-a14', import.meta.url));
const PROFILES = fileURLToPath(new URL('../../profiles/', import.meta.url));
const APP = 'com.example.im';
const NOW = Date.UTC(2024, 1, 5, 12, 0, 0);

let phone: SimAndroidPhone;
beforeEach(async () => {
  phone = await createPhone(FIXTURE, { now: () => NOW });
});

async function sh(line: string, target = phone): Promise<{ code: number; out: string; err: string; bytes: Buffer }> {
  const cap = captureIo();
  const code = await target.run(line, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr(), bytes: cap.stdoutBytes() };
}

/** Runs `bugreportz -p` and returns the protocol lines and the zip's entries. */
async function takeBugreport(target = phone): Promise<{ lines: string[]; path: string; files: Record<string, Uint8Array> }> {
  const run = await sh('bugreportz -p', target);
  expect(run).toMatchObject({ code: 0, err: '' });
  const lines = run.out.trimEnd().split('\n');
  const path = (lines.at(-1) ?? '').replace(/^OK:/, '');
  const zip = target.readFile(path);
  expect(zip, path).not.toBeNull();
  return { lines, path, files: unzipSync(zip!) };
}

function mainText(files: Record<string, Uint8Array>): string {
  const entry = strFromU8(files['main_entry.txt']!);
  return strFromU8(files[entry]!);
}

describe('bugreportz on the simulated phone', () => {
  it('prints its protocol version on stderr, where the adb client reads it', async () => {
    expect(await sh('bugreportz -v')).toMatchObject({ code: 0, out: '', err: '1.2\n' });
    const a8 = await createPhone(`${PROFILES}oppo-coloros5-a8`, { now: () => NOW });
    expect(await sh('bugreportz -v', a8)).toMatchObject({ code: 0, out: '', err: '1.1\n' });
  });

  it('announces the zip, reports progress, then names the same zip on OK and leaves it on the phone', async () => {
    const { lines, path, files } = await takeBugreport();
    expect(path).toBe('/bugreports/bugreport-panther-UQ1A.240205.004-2024-02-05-12-00-00.zip');
    expect(lines[0]).toBe(`BEGIN:${path}`);
    const progress = lines.slice(1, -1);
    expect(progress.length).toBeGreaterThan(1);
    for (const line of progress) expect(line).toMatch(/^PROGRESS:\d+\/\d+$/);
    expect(progress.at(-1)).toMatch(/^PROGRESS:(\d+)\/\1$/);
    expect(lines.at(-1)).toBe(`OK:${path}`);
    expect(Object.keys(files).sort()).toEqual(['bugreport-panther-UQ1A.240205.004-2024-02-05-12-00-00.txt', 'main_entry.txt', 'version.txt']);
    expect(strFromU8(files['version.txt']!)).toBe('2.0');
    expect(phone.list('/bugreports')?.map((e) => e.name)).toEqual(['bugreport-panther-UQ1A.240205.004-2024-02-05-12-00-00.zip']);
  });

  it('writes the zip where dumpstate kept it before Android 10, with every section’s duration line', async () => {
    const a8 = await createPhone(`${PROFILES}oppo-coloros5-a8`, { now: () => NOW });
    const { path, files } = await takeBugreport(a8);
    expect(path.startsWith('/data/user_de/0/com.android.shell/files/bugreports/bugreport-')).toBe(true);
    const text = mainText(files);
    expect(text).toMatch(/^------ [\d.]+s was the duration of 'SYSTEM LOG' ------$/m);
    const { outputs } = splitBugreport(text, [APP]);
    expect(outputs.find((o) => o.command === 'getprop')?.text).toBe((await sh('getprop', a8)).out);
    expect(outputs.find((o) => o.command === 'logcat -d -v threadtime')?.text).toBe((await sh('logcat -d -v threadtime', a8)).out);
  });

  it('fills the main text with the outputs of the phone’s own commands, in dumpstate’s sections', async () => {
    const text = mainText((await takeBugreport()).files);
    expect(text.split('\n').slice(0, 3)).toEqual(['='.repeat(56), '== dumpstate: 2024-02-05 12:00:00', '='.repeat(56)]);
    expect(text).toContain("Build fingerprint: 'google/panther/panther:14/UQ1A.240205.004/11269751:user/release-keys'\n");
    // Android 10+ dumpstate prints no duration line for a section shorter than 0.5 s; dumpsys always does.
    expect(text).not.toContain("was the duration of 'SYSTEM PROPERTIES'");
    expect(text).toMatch(/^--------- [\d.]+s was the duration of dumpsys package, ending at: 2024-02-05 12:00:00$/m);
    const logcat = (await sh('logcat -d -v threadtime')).out;
    const getprop = (await sh('getprop')).out;
    expect(text).toContain(
      `------ SYSTEM LOG (logcat -v threadtime -v printable -v uid -d *:v) ------\n${logcat}------ SYSTEM PROPERTIES (getprop) ------\n${getprop}${'='.repeat(56)}\n== Android Framework Services\n`,
    );
    const { outputs } = splitBugreport(text, [APP]);
    // The splitter returns a dumpsys body without its last newline.
    expect(outputs.find((o) => o.command === 'dumpsys notification --noredact')?.text).toBe((await sh('dumpsys notification -a')).out.replace(/\n$/, ''));
    expect(outputs.find((o) => o.command === `dumpsys package ${APP}`)?.text).toBe(extractPackageSection((await sh(`dumpsys package ${APP}`)).out, APP));
  });

  it('reflects changes made on the phone before it runs', async () => {
    await sh(`pm revoke ${APP} android.permission.POST_NOTIFICATIONS`);
    const { outputs } = splitBugreport(mainText((await takeBugreport()).files), [APP]);
    expect(outputs.find((o) => o.command === `dumpsys package ${APP}`)?.text).toContain('android.permission.POST_NOTIFICATIONS: granted=false');
  });

  it('streams the zip on stdout with -s and writes nothing', async () => {
    const run = await sh('bugreportz -s');
    expect(run.code).toBe(0);
    expect(run.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(mainText(unzipSync(run.bytes))).toContain('DUMP OF SERVICE package:');
    expect(phone.stat('/bugreports')).toBeNull();
  });

  it('answers unknown options and arguments with usage and exit 1, and -h with usage and exit 0', async () => {
    const bad = await sh('bugreportz -x');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('usage: bugreportz [-hpsv]');
    expect((await sh('bugreportz out.zip')).code).toBe(1);
    expect(await sh('bugreportz -h')).toMatchObject({ code: 0, out: '' });
  });
});

describe('the whole dumpsys package', () => {
  it('lists every package under one Packages: section', () => {
    const one = 'Key Set Manager:\n  [a.b]\n\nPackages:\n  Package [a.b] (1):\n    userId=1\n\nDexopt state:\n  [a.b]\n';
    const two = 'Key Set Manager:\n  [c.d]\n\nPackages:\n  Package [c.d] (2):\n    userId=2\n\nDexopt state:\n  [c.d]\n';
    const merged = mergePackageDumps([one, two]);
    expect(merged.match(/^Packages:$/gm)).toHaveLength(1);
    expect(extractPackageSection(merged, 'a.b')).toBe('Packages:\n  Package [a.b] (1):\n    userId=1\n');
    expect(extractPackageSection(merged, 'c.d')).toBe('Packages:\n  Package [c.d] (2):\n    userId=2\n');
  });
});
