import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';

/**
 * `--redact` is one mechanism over every output: a simulated phone is seeded with a hardware serial, IMEI,
 * MEID, a push token, an account id, an e-mail address and phone numbers (in getprop and in its log), and
 * every artefact of every format — JSON, Markdown, HTML, CSV and PDF reports, a capture folder and zip, and stderr — is
 * searched for the originals.
 */

const APP = 'com.example.im';
const PROFILE = 'xiaomi-hyperos-a14';
const SECRETS = {
  hardwareSerial: 'PDSEED7731XYZ',
  samsungSerial: 'R58SEED0042Q',
  imei: '861234567890123',
  meid: 'A1000049C0FFEE',
  pushToken: 'SEEDtok3nQ2uYb7nZ1mW0cDAPA91bHkq4zT8sN2mV6rXw0pLc3dJf9gY5uB7eA1',
  accountId: 'seed_user_4242',
  email: 'seed.person@example.com',
  phoneIntl: '+86 139 0013 8000',
  phoneCn: '13900138001',
};

let adbPort = 0;
let lab: Lab;
let scratch = '';
let profiles = '';

function seedProfile(): void {
  profiles = mkdtempSync(join(tmpdir(), 'redact-profiles-'));
  cpSync(join(PROFILES_DIR, PROFILE), join(profiles, PROFILE), { recursive: true });
  const getpropFile = join(profiles, PROFILE, 'getprop.txt');
  const getprop = readFileSync(getpropFile, 'utf8').replace(/\[(ro\.(?:boot\.)?serialno)\]: \[[^\]]*\]/g, `[$1]: [${SECRETS.hardwareSerial}]`);
  writeFileSync(getpropFile, `${getprop.trimEnd()}\n[ril.serialnumber]: [${SECRETS.samsungSerial}]\n[ro.ril.oem.imei]: [${SECRETS.imei}]\n[ro.ril.oem.meid]: [${SECRETS.meid}]\n`);
  const stateFile = join(profiles, PROFILE, 'state.json');
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { logcat: string[] };
  state.logcat.push(
    `11-25 17:42:00.100 21544 21544 I TUILogin: login userID:${SECRETS.accountId} success`,
    `11-25 17:42:00.200 21544 21601 D TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 36598 pushToken = ${SECRETS.pushToken}`,
    `11-25 17:42:00.300  1432  1500 I AccountManagerService: Account {name=${SECRETS.email}, type=com.google}`,
    `11-25 17:42:00.400  1432  1600 I Telephony: line1Number=${SECRETS.phoneIntl} serial ${SECRETS.hardwareSerial}`,
    `11-25 17:42:00.500  1432  1600 I SmsReceiver: message from ${SECRETS.phoneCn}`,
    `11-25 17:42:00.600  1432  1600 I PhoneInterfaceManager: Device ID = ${SECRETS.imei}, MEID ${SECRETS.meid}`,
  );
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
}

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'redact-lab-'));
  seedProfile();
  lab = await startLab({ profiles: [PROFILE], adbPort, profilesDir: profiles });
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  for (const d of [scratch, profiles]) if (d) rmSync(d, { recursive: true, force: true });
});

function filesOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
}

function leaks(artefacts: Record<string, string>, secrets: Record<string, string>): string[] {
  return Object.entries(artefacts).flatMap(([where, text]) =>
    Object.entries(secrets).filter(([, value]) => text.includes(value)).map(([what]) => `${what} in ${where}`));
}

describe('--redact on a lab seeded with secrets', () => {
  it('the seeds are really there without --redact (so the search below means something)', async () => {
    const serial = lab.phones[0]!.serial;
    const out = join(scratch, 'clear');
    const r = await cli(['capture', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const all = Object.values(filesOf(out)).join('\n');
    for (const [what, value] of Object.entries(SECRETS)) expect(all, what).toContain(value);
  });

  it('leaves none of them, nor the adb serial, in any report, capture or stderr line', async () => {
    const serial = lab.phones[0]!.serial;
    const secrets = { ...SECRETS, adbSerial: serial };
    const adb = ['--adb', `127.0.0.1:${adbPort}`];
    const artefacts: Record<string, string> = {};

    const json = await cli(['audit', ...adb, '--serial', serial, '--app', APP, '--format', 'json', '--redact']);
    expect(json.code, json.stderr).toBe(0);
    Object.assign(artefacts, { 'audit json stdout': json.stdout, 'audit json stderr': json.stderr });
    expect(json.stderr).toMatch(/serial#[0-9a-f]{8}: audited/);

    const mdFile = join(scratch, 'report.md');
    const md = await cli(['audit', ...adb, '--all', '--app', APP, '--format', 'md', '--out', mdFile, '--redact']);
    expect(md.code, md.stderr).toBe(0);
    Object.assign(artefacts, { 'audit md file': readFileSync(mdFile, 'utf8'), 'audit md stderr': md.stderr });

    // The other report formats, each from the same redacted report (the PDF read back as text).
    for (const format of ['html', 'csv', 'pdf']) {
      const file = join(scratch, `report.${format}`);
      const r = await cli(['audit', ...adb, '--all', '--app', APP, '--format', format, '--out', file, '--redact', '--no-history']);
      expect(r.code, r.stderr).toBe(0);
      artefacts[`audit ${format} file`] = format === 'pdf'
        ? execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        : readFileSync(file, 'utf8');
      artefacts[`audit ${format} stderr`] = r.stderr;
    }

    const folder = join(scratch, 'redacted-capture');
    const cap = await cli(['capture', ...adb, '--serial', serial, '--app', APP, '--out', folder, '--redact']);
    expect(cap.code, cap.stderr).toBe(0);
    artefacts['capture stderr'] = cap.stderr;
    for (const [name, text] of Object.entries(filesOf(folder))) artefacts[`capture folder ${name}`] = text;
    expect(artefacts['capture folder getprop.txt']).toMatch(/\[ro\.serialno\]: \[serial#[0-9a-f]{8}\]/);

    const zip = join(scratch, 'redacted.zip');
    const zipped = await cli(['capture', ...adb, '--serial', serial, '--app', APP, '--out', zip, '--redact']);
    expect(zipped.code, zipped.stderr).toBe(0);
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) artefacts[`capture zip ${name}`] = strFromU8(bytes);

    const analyzed = await cli(['analyze', zip, '--format', 'json', '--redact']);
    expect(analyzed.code, analyzed.stderr).toBe(0);
    Object.assign(artefacts, { 'analyze stdout': analyzed.stdout, 'analyze stderr': analyzed.stderr });

    expect(leaks(artefacts, secrets)).toEqual([]);
  }, 120_000);
});
