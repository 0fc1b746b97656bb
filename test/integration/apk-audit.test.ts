import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { apkWorkspace, type Variant } from '../apk/build-apk.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { createPhone } from '../sim/android/create-phone.js';
import type { SimPhone } from '../sim/android/phone.js';
import { startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';

/**
 * Section 2 end to end: the CLI audits simulated phones of several makers through the real adb server; each
 * phone serves an aapt-built build variant as the app's base.apk, which the audit pulls over adb sync,
 * caches, decodes and checks. Then the same build without a phone (`analyze app.apk`), and a capture
 * analysed with the APK given separately.
 */

const APP = 'com.example.im';
/** TUIOfflinePush's default click landing page, which every profile's app declares. */
const CLICK = 'pushscheme://com.tencent.qcloud.uniapp/detail';
const SECTION_2 = ['vivo-manifest-keys', 'honor-manifest-appid', 'vendor-components-missing', 'huawei-agconnect-missing', 'fcm-config-missing',
  'click-target-unresolved', 'post-notifications-undeclared', 'fcm-default-channel-missing'];

/** Which build each phone serves, and the section-2 findings that build must give on that phone (the rest ok). */
const PHONES: { profile: string; variant: Variant; errors: string[] }[] = [
  { profile: 'vivo-originos-a14', variant: 'correct', errors: [] },
  { profile: 'vivo-originos-a14', variant: 'vivo-keys-placeholder', errors: ['vivo-manifest-keys'] },
  { profile: 'vivo-originos-a14', variant: 'vivo-components-missing', errors: ['vendor-components-missing'] },
  { profile: 'honor-magicos-a15', variant: 'correct', errors: [] },
  { profile: 'honor-magicos-a15', variant: 'honor-appid-int', errors: ['honor-manifest-appid'] },
  { profile: 'honor-magicos-a15', variant: 'honor-appid-missing', errors: ['honor-manifest-appid'] },
  { profile: 'huawei-harmonyos-a12', variant: 'agconnect-other-package', errors: ['huawei-agconnect-missing'] },
  { profile: 'huawei-harmonyos-a12', variant: 'agconnect-missing', errors: ['huawei-agconnect-missing'] },
  { profile: 'pixel-a15', variant: 'firebase-missing', errors: ['fcm-config-missing'] },
  { profile: 'xiaomi-hyperos-a14', variant: 'correct', errors: [] },
  { profile: 'xiaomi-hyperos-a14', variant: 'click-not-exported', errors: [] },
];

let adbPort = 0;
let lab: Lab;
let scratch = '';
let disposeApks: () => Promise<void> = async () => undefined;
const apkOf = new Map<Variant, string>();
/** base.apk reads served over sync, per phone serial. */
const pulls = new Map<string, number>();
const serials: string[] = [];

async function auditJson(args: string[]): Promise<Report> {
  const { code, stdout, stderr } = await cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--app', APP, '--format', 'json', ...args]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Report;
}

const section2 = (d: DeviceReport) => d.findings.filter((f) => SECTION_2.includes(f.id));
const bad = (d: DeviceReport) => section2(d).filter((f) => f.severity !== 'ok').map((f) => f.id).sort();

beforeAll(async () => {
  const ws = await apkWorkspace();
  disposeApks = ws.dispose;
  for (const v of new Set(PHONES.map((p) => p.variant))) apkOf.set(v, await ws.build(v));
  scratch = mkdtempSync(join(tmpdir(), 'apk-audit-'));
  adbPort = await freePort();
  // startLab makes the phones in the order of `profiles`: each takes the next build meant for its profile.
  const queue = PHONES.map((p, i) => ({ ...p, i }));
  lab = await startLab({
    profiles: PHONES.map((p) => p.profile),
    adbPort,
    createPhone: async (dir, options) => {
      const next = queue.find((q) => dir.endsWith(q.profile))!;
      queue.splice(queue.indexOf(next), 1);
      const phone: SimPhone = await createPhone(dir, { ...options, apks: { [APP]: apkOf.get(next.variant)! } });
      const readFile = phone.readFile.bind(phone);
      // Counts what the sync service hands out as the app's base.apk, to see the cache at work.
      phone.readFile = (path) => {
        if (path.endsWith('/base.apk') && path.includes(APP)) pulls.set(String(next.i), (pulls.get(String(next.i)) ?? 0) + 1);
        return readFile(path);
      };
      return phone;
    },
  });
  // lab.phones follow `profiles`; map each phone to its row of PHONES.
  const rows = PHONES.map((p, i) => ({ ...p, i }));
  for (const phone of lab.phones) {
    const row = rows.find((r) => r.profile === phone.profile)!;
    rows.splice(rows.indexOf(row), 1);
    serials[row.i] = phone.serial;
  }
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  await disposeApks();
});

describe('audit --app pulls and checks the installed build', () => {
  it('reports each broken variant\'s section-2 finding with evidence, and ok for the correct app, on each maker\'s phone', async () => {
    const report = await auditJson(['--all', '--click', CLICK]);
    PHONES.forEach((row, i) => {
      const d = report.devices.find((x) => x.serial === serials[i])!;
      const what = `${row.profile} serving ${row.variant}`;
      expect(d.errors, what).toEqual([]);
      expect(d.facts.apk?.manifest.package, what).toBe(APP);
      expect(bad(d), what).toEqual(row.errors);
      expect(section2(d).length, what).toBeGreaterThanOrEqual(3);
      for (const f of section2(d)) {
        expect(f.evidence[0]?.command, `${what}: ${f.id}`).toBe(`pm path ${APP}`);
        if (f.severity !== 'ok') expect(f.evidence.some((e) => /AndroidManifest\.xml|agconnect|resources\.arsc|APK assets/.test(e.command)), `${what}: ${f.id}`).toBe(true);
      }
      expect(d.findings.find((f) => f.id === 'click-target-unresolved')?.severity, what).toBe('ok');
    });
    const honorInt = report.devices.find((x) => x.serial === serials[4])!.findings.find((f) => f.id === 'honor-manifest-appid')!;
    expect(honorInt.detail).toMatch(/integer 104412345 \(int\).*getString\(\)/);
  });

  it('a click target the manifest does not export is an error from the manifest and from the phone', async () => {
    const i = PHONES.findIndex((p) => p.variant === 'click-not-exported');
    const d = (await auditJson(['--serial', serials[i]!, '--click', 'com.example.im.ChatActivity'])).devices[0]!;
    const f = d.findings.find((x) => x.id === 'click-target-unresolved')!;
    expect(f.severity).toBe('error');
    expect(f.detail).toMatch(/ChatActivity is not exported/);
    expect(f.evidence.map((e) => e.command)).toContain('cmd package resolve-activity --brief --user 0 -n com.example.im/com.example.im.ChatActivity');
    expect(d.facts.clickTarget).toMatchObject({ target: 'com.example.im.ChatActivity', resolved: false });
  });

  it('a second audit of the same build takes the APK from the cache', async () => {
    const i = PHONES.findIndex((p) => p.variant === 'honor-appid-int');
    const before = pulls.get(String(i)) ?? 0;
    const first = (await auditJson(['--serial', serials[i]!])).devices[0]!;
    const second = (await auditJson(['--serial', serials[i]!])).devices[0]!;
    // The first audit of this phone (in the --all test) pulled it; these two read none.
    expect(before).toBe(1);
    expect(pulls.get(String(i))).toBe(1);
    expect(section2(second)).toEqual(section2(first));
  });
});

describe('the build without a phone, and a capture with the APK beside it', () => {
  it('analyze app.apk checks every channel and gates CI with --fail-on error', async () => {
    const broken = await cli(['analyze', apkOf.get('vivo-keys-placeholder')!, '--format', 'json', '--fail-on', 'error']);
    expect(broken.code, broken.stderr).toBe(1);
    const report = JSON.parse(broken.stdout) as Report;
    expect(report.source).toBe('apk');
    expect(report.devices.map((d) => d.serial)).toEqual(['xiaomi', 'huawei', 'honor', 'oppo', 'vivo', 'meizu', 'fcm'].map((c) => `channel:${c}`));
    const vivo = report.devices.find((d) => d.serial === 'channel:vivo')!;
    expect(bad(vivo)).toEqual(['vivo-manifest-keys']);
    for (const d of report.devices.filter((x) => x !== vivo)) expect(bad(d), d.serial).toEqual([]);
    const ok = await cli(['analyze', apkOf.get('correct')!, '--format', 'json', '--fail-on', 'error']);
    expect(ok.code, ok.stderr).toBe(0);
    const agc = JSON.parse((await cli(['analyze', apkOf.get('agconnect-other-package')!, '--format', 'json'])).stdout) as Report;
    expect(bad(agc.devices.find((d) => d.serial === 'channel:huawei')!)).toEqual(['huawei-agconnect-missing']);
  });

  it('analyze CAPTURE gives the live audit\'s findings, from apk.json or from --apk FILE', async () => {
    const i = PHONES.findIndex((p) => p.variant === 'vivo-keys-placeholder');
    const serial = serials[i]!;
    const live = (await auditJson(['--serial', serial, '--click', CLICK])).devices[0]!;
    const out = join(scratch, 'vivo-cap');
    const captured = await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--click', CLICK, '--out', out]);
    expect(captured.code, captured.stderr).toBe(0);
    const fromJson = (JSON.parse((await cli(['analyze', out, '--format', 'json'])).stdout) as Report).devices[0]!;
    expect(fromJson.findings).toEqual(live.findings);
    expect(fromJson.facts.apk).toEqual(live.facts.apk);
    const withApk = await cli(['analyze', out, '--apk', apkOf.get('vivo-keys-placeholder')!, '--format', 'json']);
    expect(withApk.code, withApk.stderr).toBe(0);
    const given = (JSON.parse(withApk.stdout) as Report).devices[0]!;
    const gist = (d: DeviceReport) => d.findings.map(({ id, severity, detail }) => ({ id, severity, detail }));
    expect(gist(given)).toEqual(gist(live));
    // Evidence says where the APK came from: the file given, not the phone.
    expect(given.findings.find((f) => f.id === 'vivo-manifest-keys')?.evidence[0]).toEqual({ command: 'APK file', excerpt: 'vivo-keys-placeholder.apk' });
  });
});
