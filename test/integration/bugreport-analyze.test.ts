import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';

/**
 * `adb bugreport` through the whole real stack (Debian's adb 29 client → adb server → ADB wire
 * protocol → the simulated phone's bugreportz and dumpstate → sync pull), then `analyze` of the zip and
 * of its main text, compared with a live audit of the same phone.
 */

const APP = 'com.example.im';

/** Findings each profile's trouble implies, which a bug report carries enough to show. */
const EXPECTED: Record<string, Record<string, Finding['severity']>> = {
  'huawei-harmonyos-a12': { 'app-notifications-blocked': 'error' },
  // Zen mode is read from the notification dump (mZenMode), which the bug report carries.
  'oneplus-oxygenos-a14': { 'dnd-on': 'warning' },
  'pixel-a16': { 'post-notifications-denied': 'error' },
  // Lock-screen visibility comes from the settings dump.
  'honor-harmonyos-a10': { 'lockscreen-hidden': 'warning' },
  // Android 8.1: bugreportz 1.1, the zip under /data/user_de/0/com.android.shell/files/bugreports.
  'oppo-coloros5-a8': { 'app-notifications-blocked': 'error' },
};

let adbPort = 0;
let lab: Lab;
let scratch = '';

async function reportOf(args: string[]): Promise<Report> {
  const { code, stdout, stderr } = await cli(args);
  // analyze/audit exit non-zero when they find errors; a report on stdout is what matters.
  expect(stdout, `${args.join(' ')} → exit ${code}: ${stderr}`).toMatch(/^\{/);
  return JSON.parse(stdout) as Report;
}

/** The facts a bug report carries; everything else (appops, standby bucket, netpolicy …) only a live phone answers. */
function carried(d: DeviceReport) {
  const f = d.facts;
  return {
    manufacturer: f.manufacturer,
    brand: f.brand,
    model: f.model,
    android: f.android,
    rom: f.rom,
    pushChannel: f.pushChannel,
    zenMode: f.system.zenMode,
    // From the `DUMP OF SERVICE settings:` section (SettingsProvider's own dump).
    lockScreenShowNotifications: f.system.lockScreenShowNotifications,
    lockScreenShowPrivate: f.system.lockScreenShowPrivate,
    batterySaver: f.system.batterySaver,
    ringerMode: f.system.ringerMode,
    notificationsEnabled: f.app?.notificationsEnabled,
    // dumpstate dumps NORMAL services with `-a`, not `--noredact` (dumpsys.cpp Dumpsys::setServiceArgs), so
    // NotificationChannel.dump trims channel names: a bug report cannot carry them.
    channels: f.app?.channels?.map(({ name: _name, ...rest }) => rest),
    stopped: f.app?.stopped,
    postNotificationsGranted: f.app?.postNotificationsGranted,
    pushLog: f.pushLog,
  };
}

const problems = (d: DeviceReport): Map<string, string> =>
  new Map(d.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => [f.id, f.severity]));

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'bugreport-analyze-'));
  lab = await startLab({ profiles: Object.keys(EXPECTED), adbPort });
}, 60_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('adb bugreport of a simulated phone, analysed', () => {
  for (const [profile, expected] of Object.entries(EXPECTED)) {
    it(`${profile}: the zip and its main text analyse like the live phone`, async () => {
      const phone = lab.phones.find((p) => p.profile === profile)!;
      const zipPath = join(scratch, `${profile}.zip`);
      const pulled = await runAdb(adbPort, ['-s', phone.serial, 'bugreport', zipPath], { timeoutMs: 60_000 });
      expect(pulled.code, `adb bugreport: ${pulled.stderr}`).toBe(0);
      expect(existsSync(zipPath)).toBe(true);

      const live = (await reportOf(['audit', '--adb', `127.0.0.1:${adbPort}`, '--serial', phone.serial, '--app', APP, '--format', 'json'])).devices[0]!;
      const fromZip = await reportOf(['analyze', zipPath, '--app', APP, '--format', 'json']);
      expect(fromZip.source).toBe('bugreport');
      const device = fromZip.devices[0]!;
      const serialno = await runAdb(adbPort, ['-s', phone.serial, 'shell', 'getprop', 'ro.serialno'], { timeoutMs: 10_000 });
      // A phone whose getprop has no ro.serialno (the public pixel-a16 capture) is named 'bugreport'.
      expect(device.serial).toBe(serialno.stdout.toString('utf8').trim() || 'bugreport');
      expect(carried(device)).toEqual(carried(live));
      expect(device.facts.app?.installed).toBe(true);
      for (const [id, severity] of Object.entries(expected)) {
        expect(live.findings.find((f) => f.id === id)?.severity, `live ${id}`).toBe(severity);
        expect(device.findings.find((f) => f.id === id)?.severity, `bugreport ${id}`).toBe(severity);
      }

      const files = unzipSync(readFileSync(zipPath));
      const entry = strFromU8(files['main_entry.txt']!);
      const textPath = join(scratch, entry);
      writeFileSync(textPath, files[entry]!);
      const fromText = (await reportOf(['analyze', textPath, '--app', APP, '--format', 'json'])).devices[0]!;
      expect(carried(fromText)).toEqual(carried(device));
      expect(fromText.serial).toBe(device.serial);
      expect(problems(fromText)).toEqual(problems(device));
    }, 60_000);
  }
});
