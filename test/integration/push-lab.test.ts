import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../common/domain/findings.js';
import type { PushTestResult } from '../../common/domain/report.js';
import type { RouteId } from '../../main/push/types.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';
import { startPushLab, type PushLab } from '../sim/push-lab.js';
import { PushTestResultSchema } from '../../main/report/report-schema.js';
import { cli } from './cli-harness.js';
import { englishLeft } from '../i18n/english-left.js';

/**
 * `push` end to end: CLI → route → local push server → hub → simulated phone (over the real adb server) →
 * watcher on `logcat -b events` + `dumpsys notification`.
 */
const APP = 'com.example.im';
const PROFILES = [
  'xiaomi-hyperos-a14', 'honor-harmonyos-a10', 'honor-magicos-a14', 'oppo-coloros-a14', 'vivo-originos-a14', 'samsung-oneui-a14',
  'pixel-a15', 'huawei-harmonyos-a12', 'oneplus-oxygenos-a14', 'redmi-miui-a12', 'meizu-flyme-a14',
];
const MEIZU_TOKEN = 'mz0123456789abcdef0123456789abcd';
const IM_ACCOUNT = 'offline_user_1';

let adbPort = 0;
let lab: Lab;
let pushLab: PushLab;
let scratch = '';
let credsFile = '';
const printed: string[] = [];

const serialOf = (profile: string): string => lab.phones.find((p) => p.profile === profile)!.serial;

async function push(route: string, profile: string, extra: string[] = []) {
  const args = ['push', '--adb', `127.0.0.1:${adbPort}`, '--route', route, '--serial', serialOf(profile), '--app', APP, '--watch', '--json', '--timeout', '3', ...extra];
  if (route !== 'local') args.push('--credentials', credsFile, '--base-url', pushLab.servers.get(route as RouteId)!.url);
  const r = await cli(args);
  printed.push(r.stdout, r.stderr);
  const parsed = r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as { pushTests: PushTestResult[]; findings: Finding[] }) : null;
  return { ...r, tests: parsed?.pushTests ?? [], findings: parsed?.findings ?? [] };
}
const find = (findings: Finding[], id: string) => findings.find((f) => f.id === id);

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'push-lab-'));
  lab = await startLab({ profiles: PROFILES, adbPort });
  // Each app starts once, so its push SDK logs the token the CLI reads.
  for (const p of lab.phones) await runAdb(adbPort, ['-s', p.serial, 'shell', `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`], { timeoutMs: 20_000 });
  pushLab = await startPushLab(lab.phones.map((p) => ({ serial: p.serial, phone: p.phone })), {
    app: APP, imAccounts: { [IM_ACCOUNT]: serialOf('xiaomi-hyperos-a14') }, extraTokens: { meizu: [MEIZU_TOKEN] },
  });
  credsFile = join(scratch, 'credentials.json');
  writeFileSync(credsFile, JSON.stringify(pushLab.credentials));
  chmodSync(credsFile, 0o600);
}, 180_000);

afterAll(async () => {
  await pushLab?.close();
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('push --watch delivers by every route and reports the latency', () => {
  const CASES: [string, string, string[]][] = [
    ['local', 'pixel-a15', []],
    ['xiaomi', 'xiaomi-hyperos-a14', ['--channel-id', 'new_message']],
    ['huawei', 'honor-harmonyos-a10', ['--channel-id', 'new_message']],
    ['honor', 'honor-magicos-a14', []],
    ['oppo', 'oppo-coloros-a14', ['--channel-id', 'new_message']],
    ['vivo', 'vivo-originos-a14', []],
    ['fcm', 'samsung-oneui-a14', ['--channel-id', 'new_message', '--condition', 'background']],
    ['tencent-im', 'xiaomi-hyperos-a14', ['--token', IM_ACCOUNT, '--channel-id', 'new_message', '--condition', 'background']],
  ];
  it.each(CASES)('%s → %s', async (route, profile, extra) => {
    const r = await push(route, profile, extra);
    if (process.env.PUSH_LAB_PRINT) console.log(r.stdout, r.stderr);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const t = PushTestResultSchema.parse(r.tests[0]);
    expect(t).toMatchObject({ route, accepted: true, displayed: true, displayedReason: 'shown' });
    expect(t.latencyMs).toBeGreaterThanOrEqual(0);
    expect(t.latencyMs).toBeLessThan(3000);
    expect(Date.parse(t.postedAt!)).toBeGreaterThanOrEqual(Date.parse(t.sentAt));
    expect(find(r.findings, 'test-push-delivered')?.severity).toBe('ok');
    expect(find(r.findings, 'test-push-displayed')?.severity).toBe('ok');
  }, 30_000);
});

describe('each failure case gives its finding', () => {
  it('a blocked channel: accepted, never posted, the phone says the channel is off', async () => {
    const r = await push('fcm', 'pixel-a15', ['--channel-id', 'new_message', '--condition', 'background']);
    expect(r.code).toBe(1);
    expect(r.tests[0]).toMatchObject({ accepted: true, latencyMs: null, notDeliveredReason: 'channel-blocked' });
    expect(find(r.findings, 'test-push-delivered')).toMatchObject({ severity: 'error' });
  }, 30_000);

  it('--lang zh-CN: the same findings, said in Chinese', async () => {
    const r = await push('fcm', 'pixel-a15', ['--channel-id', 'new_message', '--condition', 'background', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.tests[0]).toMatchObject({ notDeliveredReason: 'channel-blocked' });
    const delivered = find(r.findings, 'test-push-delivered')!;
    expect(delivered.severity).toBe('error');
    expect(delivered.title).toBe('测试推送已送达');
    expect(delivered.detail).toMatch(/^测试推送已被接受，但没有发出通知（应用在后台）：没有发出任何通知/);
    for (const f of r.findings) for (const text of [f.title, f.detail, f.remedy].filter(Boolean)) expect(englishLeft(text), text).toEqual([]);
  }, 30_000);

  it('an unknown channel id lands on the FCM SDK\'s fallback channel', async () => {
    const r = await push('fcm', 'pixel-a15', ['--channel-id', 'no_such_channel', '--condition', 'background']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.tests[0]).toMatchObject({ channelId: 'fcm_fallback_notification_channel', displayed: true });
  }, 30_000);

  it('app notifications off: nothing posted, and the report says so', async () => {
    const r = await push('huawei', 'huawei-harmonyos-a12', ['--channel-id', 'new_message']);
    expect(r.code).toBe(1);
    expect(r.tests[0]?.notDeliveredReason).toBe('app-blocked');
  }, 30_000);

  it('Do Not Disturb: posted but intercepted', async () => {
    const r = await push('oppo', 'oneplus-oxygenos-a14', ['--channel-id', 'new_message']);
    expect(r.code).toBe(0);
    expect(r.tests[0]).toMatchObject({ displayed: false, displayedReason: 'dnd' });
    expect(find(r.findings, 'test-push-displayed')?.severity).toBe('warning');
  }, 30_000);

  it('a vendor channel reaches a force-stopped app; FCM does not, and a killed app still gets FCM', async () => {
    const mi = await push('xiaomi', 'redmi-miui-a12', ['--channel-id', 'new_message', '--condition', 'stopped']);
    expect(mi.tests[0]).toMatchObject({ condition: 'stopped', displayed: true });
    const stopped = await push('fcm', 'samsung-oneui-a14', ['--channel-id', 'new_message', '--condition', 'stopped']);
    expect(stopped.code).toBe(1);
    expect(stopped.tests[0]).toMatchObject({ condition: 'stopped', notDeliveredReason: 'app-stopped' });
    const killed = await push('fcm', 'samsung-oneui-a14', ['--channel-id', 'new_message', '--condition', 'killed']);
    expect(killed.tests[0]).toMatchObject({ condition: 'killed', displayed: true });
  }, 60_000);

  it('Doze holds a normal-priority FCM message and lets a high-priority one through; the phone is restored', async () => {
    const normal = await push('fcm', 'samsung-oneui-a14', ['--channel-id', 'new_message', '--condition', 'doze', '--priority', 'normal']);
    expect(normal.tests[0]).toMatchObject({ condition: 'doze', notDeliveredReason: 'deferred-doze' });
    expect(find(normal.findings, 'test-push-delivered')?.severity).toBe('warning');
    const high = await push('fcm', 'samsung-oneui-a14', ['--channel-id', 'new_message', '--condition', 'doze', '--priority', 'high']);
    expect(high.tests[0]).toMatchObject({ condition: 'doze', displayed: true });
    const deep = await runAdb(adbPort, ['-s', serialOf('samsung-oneui-a14'), 'shell', 'dumpsys deviceidle get deep'], { timeoutMs: 10_000 });
    expect(deep.stdout.toString().trim()).toBe('ACTIVE');
  }, 60_000);

  it('locked: posted, but the lock screen hides notifications', async () => {
    const r = await push('huawei', 'honor-harmonyos-a10', ['--channel-id', 'new_message', '--condition', 'locked']);
    expect(r.tests[0]).toMatchObject({ condition: 'locked', displayed: false, displayedReason: 'lock-screen-hidden' });
    expect(find(r.findings, 'test-push-displayed')?.severity).toBe('warning');
  }, 30_000);

  it('tencent-im with the app on screen: the account is Online, so no offline push', async () => {
    const r = await push('tencent-im', 'xiaomi-hyperos-a14', ['--token', IM_ACCOUNT, '--channel-id', 'new_message', '--condition', 'foreground']);
    expect(r.code).toBe(1);
    expect(r.tests[0]).toMatchObject({ condition: 'foreground', accepted: true, notDeliveredReason: 'im-online' });
    expect(find(r.findings, 'test-push-delivered')?.severity).toBe('info');
  }, 30_000);

  it('a token no phone holds: accepted by the server, no trace on the phone', async () => {
    const r = await push('meizu', 'meizu-flyme-a14', ['--token', MEIZU_TOKEN]);
    expect(r.code).toBe(1);
    expect(r.tests[0]).toMatchObject({ accepted: true, notDeliveredReason: 'no-trace' });
  }, 30_000);

  it('a rejected push explains the route\'s error code', async () => {
    const r = await push('fcm', 'samsung-oneui-a14', ['--token', 'cXk3ZmFrZTpBUEE5MWJHZmFrZXRva2VuZm9yX25vYm9keQ']);
    expect(r.code).toBe(1);
    expect(r.tests[0]).toMatchObject({ accepted: false, response: { code: 'UNREGISTERED' } });
    expect(find(r.findings, 'test-push-accepted')?.severity).toBe('error');
    expect(find(r.findings, 'test-push-accepted')?.remedy).not.toBe('');
  }, 30_000);
});

describe('--click', () => {
  it('taps the posted notification and names the page it opened; a wrong page is an error', async () => {
    const ok = await push('xiaomi', 'xiaomi-hyperos-a14', ['--channel-id', 'new_message', '--condition', 'background', '--click']);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.tests[0]?.clickedActivity).toMatch(/^com\.example\.im\//);
    expect(find(ok.findings, 'test-push-click')?.severity).toBe('ok');
    const wrong = await push('xiaomi', 'xiaomi-hyperos-a14', ['--channel-id', 'new_message', '--condition', 'background', '--click', '--expect-activity', 'com.example.im/.ChatActivity']);
    expect(wrong.code).toBe(1);
    expect(find(wrong.findings, 'test-push-click')).toMatchObject({ severity: 'error' });
  }, 30_000);
});

describe('--condition all', () => {
  it('prints the condition table for the phone, and writes the report', async () => {
    const report = join(scratch, 'push-report.md');
    const r = await cli(['push', '--out', report, '--format', 'md', '--adb', `127.0.0.1:${adbPort}`, '--route', 'fcm', '--serial', serialOf('samsung-oneui-a14'), '--app', APP,
      '--credentials', credsFile, '--base-url', pushLab.servers.get('fcm')!.url, '--channel-id', 'new_message', '--watch', '--timeout', '2', '--condition', 'all']);
    printed.push(r.stdout, r.stderr);
    if (process.env.PUSH_LAB_PRINT) console.log(r.stdout);
    const rows = r.stdout.split('\n');
    expect(rows.some((l) => /^condition\s+accepted\s+delivered\s+latency\s+displayed/.test(l))).toBe(true);
    const row = (c: string) => rows.find((l) => l.startsWith(c.padEnd(12)))!;
    expect(row('foreground')).toMatch(/yes\s+no\s+-\s+-\s+fcm-foreground/);
    expect(row('background')).toMatch(/yes\s+yes\s+\d+ ms\s+yes\s+shown/);
    expect(row('locked')).toMatch(/yes\s+yes\s+\d+ ms\s+yes/);
    expect(row('killed')).toMatch(/yes\s+yes\s+\d+ ms\s+yes/);
    expect(row('stopped')).toMatch(/yes\s+no\s+-\s+-\s+app-stopped/);
    expect(row('doze')).toMatch(/yes\s+yes\s+\d+ ms\s+yes/);
    expect(r.code).toBe(1);
    const md = readFileSync(report, 'utf8');
    printed.push(md);
    expect(md).toMatch(/`fcm` · `stopped` at .*: accepted .*not posted \(`app-stopped`\)/);
    expect(md).toMatch(/`fcm` · `background` at .*: accepted .*posted .* \(\d+ ms\) `new_message` `shown`/);
  }, 90_000);
});

describe('secrets', () => {
  it('appear in no output, no phone log and no capture', async () => {
    const out = join(scratch, 'capture');
    const c = await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serialOf('samsung-oneui-a14'), '--app', APP, '--out', out]);
    expect(c.code, c.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => statSync(join(out, f)).isFile());
    const texts = [...printed, ...files.map((f) => readFileSync(join(out, f), 'utf8'))];
    for (const p of lab.phones) {
      const logs = await runAdb(adbPort, ['-s', p.serial, 'shell', 'logcat -d -b all'], { timeoutMs: 20_000 });
      texts.push(logs.stdout.toString());
    }
    const all = texts.join('\n');
    expect(printed.join('').length).toBeGreaterThan(1000);
    for (const s of pushLab.secrets) expect(all).not.toContain(s);
    for (const server of pushLab.servers.values()) {
      for (const req of server.requests) {
        const bearer = req.headers.authorization?.replace(/^Bearer /, '');
        if (bearer && bearer.length > 8) expect(all).not.toContain(bearer);
      }
    }
  }, 60_000);
});
