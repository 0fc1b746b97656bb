import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { probePlan } from '../../main/probes/probe-plan.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { listProfiles } from '../sim/android/create-phone.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';

/**
 * The audit end to end, through the whole stack a user has: CLI → audit → adb-ts adapter → the real
 * adb server → ADB wire protocol → simulated phones built from real captures.
 */

const APP = 'com.example.im';

/** What each profile's trouble must make the audit say (ids that must be present, not ok). */
const EXPECTED: Record<string, { channel: string; problems: Record<string, Finding['severity']> }> = {
  'xiaomi-hyperos-a14': { channel: 'xiaomi', problems: {} },
  'redmi-miui-a12': { channel: 'xiaomi', problems: { 'app-force-stopped': 'warning' } },
  'huawei-harmonyos-a12': { channel: 'huawei', problems: { 'app-notifications-blocked': 'error' } },
  'honor-magicos-a15': { channel: 'honor', problems: { 'channel-silent': 'warning' } },
  'honor-magicos-a14': { channel: 'honor', problems: { 'standby-restricted': 'warning' } },
  'honor-harmonyos-a10': { channel: 'huawei', problems: { 'lockscreen-hidden': 'warning' } },
  'oppo-coloros-a14': { channel: 'oppo', problems: { 'oppo-channel-id': 'warning' } },
  'oneplus-oxygenos-a14': { channel: 'oppo', problems: { 'dnd-on': 'warning' } },
  'oppo-coloros5-a8': { channel: 'oppo', problems: { 'app-notifications-blocked': 'error' } },
  'vivo-originos-a14': { channel: 'vivo', problems: { 'battery-saver-on': 'info' } },
  'meizu-flyme-a14': { channel: 'meizu', problems: { 'push-service-disabled': 'error' } },
  'samsung-oneui-a14': { channel: 'fcm', problems: { 'standby-restricted': 'error', 'background-restricted': 'warning' } },
  'pixel-a16': { channel: 'fcm', problems: { 'post-notifications-denied': 'error' } },
  'pixel-a15': { channel: 'fcm', problems: { 'channel-blocked': 'warning' } },
};
const UNAUTHORIZED = 'redmi-unauthorized-a12';

let adbPort = 0;
let lab: Lab;
let scratch = '';

async function auditJson(args: string[]): Promise<Report> {
  const { code, stdout, stderr } = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--app', APP, '--format', 'json', ...args]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Report;
}

const serialOf = (profile: string): string => {
  const phone = lab.phones.find((p) => p.profile === profile);
  if (!phone) throw new Error(`no phone for ${profile}`);
  return phone.serial;
};
const notOk = (d: DeviceReport): Map<string, string> =>
  new Map(d.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => [f.id, f.severity]));
const comparable = (d: DeviceReport) => ({ facts: d.facts, findings: d.findings.map(({ id, severity, detail, evidence }) => ({ id, severity, detail, evidence })) });

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'audit-lab-'));
  lab = await startLab({ profiles: listProfiles(PROFILES_DIR).map((p) => p.name), adbPort });
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('audit --all on the simulated lab', () => {
  it('reports every profile with the facts and findings its trouble implies', async () => {
    const report = await auditJson(['--all']);
    expect(report.schema).toBe('push-doctor/report@1');
    expect(report.source).toBe('live');
    expect(report.devices).toHaveLength(lab.phones.length);
    for (const [profile, expected] of Object.entries(EXPECTED)) {
      const device = report.devices.find((d) => d.serial === serialOf(profile));
      expect(device, profile).toBeDefined();
      expect(device!.state, profile).toBe('device');
      expect(device!.errors, profile).toEqual([]);
      expect(device!.facts.pushChannel, profile).toBe(expected.channel);
      expect(device!.facts.app?.installed, profile).toBe(true);
      for (const [id, severity] of Object.entries(expected.problems)) {
        expect(device!.findings.find((f) => f.id === id)?.severity, `${profile}: ${id}`).toBe(severity);
      }
      if (Object.keys(expected.problems).length === 0) expect([...notOk(device!).keys()], profile).toEqual([]);
      // Every finding carries its evidence or says why it has none.
      for (const f of device!.findings.filter((x) => x.severity === 'error' || x.severity === 'warning')) {
        expect(f.evidence.length, `${profile}: ${f.id} evidence`).toBeGreaterThan(0);
        expect(f.remedy.length, `${profile}: ${f.id} remedy`).toBeGreaterThan(0);
      }
    }
    const locked = report.devices.find((d) => d.serial === serialOf(UNAUTHORIZED));
    expect(locked?.state).toBe('unauthorized');
    expect(locked?.errors[0]?.code).toBe('DEVICE_UNAUTHORIZED');
  });

  it('changes exactly the findings a real adb shell command changes on the phone', async () => {
    const serial = serialOf('xiaomi-hyperos-a14');
    const audit = async () => (await auditJson(['--serial', serial])).devices[0]!;
    const shell = async (command: string) => {
      const r = await runAdb(adbPort, ['-s', serial, 'shell', command], { timeoutMs: 20_000 });
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    };
    const steps: [string, Record<string, string>][] = [
      ['settings put global zen_mode 1', { 'dnd-on': 'warning' }],
      // From Android 13 the app-level switch IS the permission: AOSP's PreferencesHelper prints the app's
      // importance as NONE once POST_NOTIFICATIONS is revoked, so both steps fail for one cause.
      [`pm revoke ${APP} android.permission.POST_NOTIFICATIONS`, { 'post-notifications-denied': 'error', 'app-notifications-blocked': 'error' }],
      [`am set-standby-bucket ${APP} restricted`, { 'standby-restricted': 'error' }],
    ];
    let before = notOk(await audit());
    expect([...before.keys()]).toEqual([]);
    try {
      for (const [command, added] of steps) {
        await shell(command);
        const after = notOk(await audit());
        const changed = new Map([...after].filter(([id, sev]) => before.get(id) !== sev));
        expect(Object.fromEntries(changed), command).toEqual(added);
        expect([...before.keys()].filter((id) => !after.has(id)), command).toEqual([]);
        before = after;
      }
    } finally {
      await shell('settings put global zen_mode 0');
      await shell(`pm grant ${APP} android.permission.POST_NOTIFICATIONS`);
      await shell(`am set-standby-bucket ${APP} active`);
    }
    expect([...notOk(await audit()).keys()]).toEqual([]);
  });
});

describe('capture then analyze', () => {
  it('gives the same facts and findings as the live audit, from a folder and from a zip', async () => {
    for (const profile of ['xiaomi-hyperos-a14', 'samsung-oneui-a14', 'oppo-coloros5-a8', 'huawei-harmonyos-a12']) {
      const serial = serialOf(profile);
      const live = (await auditJson(['--serial', serial])).devices[0]!;
      for (const out of [join(scratch, `${profile}-cap`), join(scratch, `${profile}.zip`)]) {
        const captured = await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--out', out]);
        expect(captured.code, captured.stderr).toBe(0);
        const analyzed = await cli(['analyze', out, '--format', 'json']);
        expect(analyzed.code, analyzed.stderr).toBe(0);
        const report = JSON.parse(analyzed.stdout) as Report;
        expect(report.source).toBe('capture');
        expect(report.app).toBe(APP);
        expect(comparable(report.devices[0]!), `${profile} ${out}`).toEqual(comparable(live));
      }
    }
  });

  it('reads a capture saved by Windows PowerShell (UTF-16LE, CRLF) like the original', async () => {
    const serial = serialOf('redmi-miui-a12');
    const dir = join(scratch, 'redmi-utf16');
    expect((await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--out', dir])).code).toBe(0);
    const original = JSON.parse((await cli(['analyze', dir, '--format', 'json'])).stdout) as Report;
    const { writeFileSync, readdirSync } = await import('node:fs');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, name), 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(join(dir, name), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    }
    const windows = JSON.parse((await cli(['analyze', dir, '--format', 'json'])).stdout) as Report;
    expect(comparable(windows.devices[0]!)).toEqual(comparable(original.devices[0]!));
  });

  it('with --redact, keeps the serial out of every saved file and still analyses the same', async () => {
    const serial = serialOf('honor-harmonyos-a10');
    const out = join(scratch, 'redacted.zip');
    expect((await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--out', out, '--redact'])).code).toBe(0);
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(readFileSync(out));
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).not.toContain(serial);
    const analyzed = JSON.parse((await cli(['analyze', out, '--format', 'json'])).stdout) as Report;
    expect(analyzed.devices[0]?.serial).toMatch(/^serial#[0-9a-f]{8}$/);
    const live = (await auditJson(['--serial', serial])).devices[0]!;
    expect(analyzed.devices[0]?.findings.map((f) => [f.id, f.severity])).toEqual(live.findings.map((f) => [f.id, f.severity]));
  });

  it('says clearly what is wrong with a path that is no capture', async () => {
    const r = await cli(['analyze', join(scratch, 'nothing-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});

describe('--fail-on and redaction', () => {
  it('exits 1 when a finding of that severity exists, 0 otherwise', async () => {
    const bad = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--serial', serialOf('pixel-a16'), '--app', APP, '--fail-on', 'error']);
    expect(bad.code).toBe(1);
    const good = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--serial', serialOf('xiaomi-hyperos-a14'), '--app', APP, '--fail-on', 'warning']);
    expect(good.code).toBe(0);
  });

  it('keeps serials and push tokens out of a redacted report', async () => {
    const serial = serialOf('xiaomi-hyperos-a14');
    const { stdout } = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--redact']);
    expect(stdout).not.toContain(serial);
    expect(stdout).toMatch(/serial#[0-9a-f]{8}/);
  });

  it('rejects a hostile package name before anything reaches a phone', async () => {
    const r = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--all', '--app', 'com.x;reboot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an Android package name/);
  });
});

describe('exit 3: a phone that could not be audited', () => {
  const audit = (args: string[]) => cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--app', APP, ...args]);

  it('a typo\'d serial or an unauthorized phone fails the gate with 3, and alone ends with 3 without a gate', async () => {
    const locked = serialOf(UNAUTHORIZED);
    for (const args of [['--serial', 'NO-SUCH-PHONE'], ['--serial', 'NO-SUCH-PHONE', '--fail-on', 'error'], ['--serial', locked, '--fail-on', 'warning']]) {
      const r = await audit(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(3);
    }
    const mixed = await audit(['--serial', serialOf('xiaomi-hyperos-a14'), '--serial', 'NO-SUCH-PHONE']);
    expect(mixed.code, mixed.stderr).toBe(0);
    const gated = await audit(['--serial', serialOf('xiaomi-hyperos-a14'), '--serial', 'NO-SUCH-PHONE', '--fail-on', 'warning']);
    expect(gated.code).toBe(3);
    expect(gated.stderr).toMatch(/Could not audit NO-SUCH-PHONE \(DEVICE_NOT_FOUND\): --fail-on warning cannot pass a phone it could not see/);
  });

  it('a named phone on an adb server that is gone ends with 3', async () => {
    const dead = await freePort();
    const r = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--adb', `127.0.0.1:${dead}`, '--serial', 'ON-THE-DEAD-SERVER', '--fail-on', 'error']);
    expect(r.code, r.stderr).toBe(3);
  });

  it('capture of an unauthorized phone ends with 3 and writes nothing', async () => {
    const out = join(scratch, 'locked.zip');
    const r = await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serialOf(UNAUTHORIZED), '--out', out]);
    expect(r.code, r.stderr).toBe(3);
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
});

describe('a phone unplugged mid-audit', () => {
  it('leaves the other phones complete and says what was read and what was not', async () => {
    const victim = lab.phones.find((p) => p.profile === 'vivo-originos-a14')!;
    victim.setFaults({ disconnectOnCommand: /dumpsys notification/, faultAfterBytes: 512 });
    try {
      const report = await auditJson(['--all']);
      const lost = report.devices.find((d) => d.serial === victim.serial)!;
      expect(lost.state).toBe('gone');
      expect(lost.errors.map((e) => e.code)).toContain('DEVICE_GONE');
      expect(lost.probes?.missing).toContain('dumpsys-notification');
      // Every probe is accounted for: read before the link dropped, or named as not read.
      const all = probePlan(APP).map((p) => p.id).sort();
      expect([...(lost.probes?.read ?? []), ...(lost.probes?.missing ?? [])].sort()).toEqual(all);
      for (const id of lost.probes?.missing ?? []) expect(lost.errors.some((e) => e.during?.includes(`probe:${id}`)), id).toBe(true);
      for (const other of report.devices.filter((d) => d.serial !== victim.serial && d.state === 'device')) {
        expect(other.errors, other.serial).toEqual([]);
        expect(other.probes?.missing, other.serial).toEqual([]);
      }
    } finally {
      victim.setFaults({});
      await runAdb(adbPort, ['disconnect', victim.serial], { timeoutMs: 10_000 }).catch(() => undefined);
      await victim.reconnect();
    }
  });
});
