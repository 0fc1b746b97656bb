import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../common/domain/report.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { createPhone } from '../sim/android/create-phone.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';
import { renderHtml } from '../../main/report/render-html.js';
import { cli } from './cli-harness.js';

/**
 * A lab spread over two hosts loses one of them mid-audit (its adb server killed while its phones are
 * answering): the other host's phones get complete reports, the lost host's phones are `gone` with what was
 * read before, and no result of one phone lands in another's.
 */
const APP = 'com.example.im';
const STAYS = ['xiaomi-hyperos-a14', 'pixel-a16', 'oppo-coloros-a14'];
const LOST = ['vivo-originos-a14', 'honor-magicos-a15', 'samsung-oneui-a14'];

let portA = 0;
let portB = 0;
let labA: Lab;
let labB: Lab;
let scratch = '';
/** Commands host B's phones ran: once it stops growing, all that is left there is the hung notification dump. */
let commandsOnB = 0;

async function untilHostBIsStuck(): Promise<void> {
  const started = commandsOnB;
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 750));
    if (commandsOnB > started && commandsOnB === last) return;
    last = commandsOnB;
  }
}

beforeAll(async () => {
  [portA, portB] = [await freePort(), await freePort()];
  scratch = mkdtempSync(join(tmpdir(), 'lab-host-lost-'));
  labA = await startLab({ profiles: STAYS, adbPort: portA, profilesDir: PROFILES_DIR });
  // Host B's phones hang in their notification dump, so the audit is surely under way there when B dies.
  labB = await startLab({
    profiles: LOST, adbPort: portB, profilesDir: PROFILES_DIR, faults: { silentOnCommand: /dumpsys notification/ },
    createPhone: async (dir, options) => {
      const phone = await createPhone(dir, options);
      const run = phone.run.bind(phone);
      phone.run = (line, io) => { commandsOnB++; return run(line, io); };
      return phone;
    },
  });
}, 180_000);

afterAll(async () => {
  await labA?.stop();
  await labB?.stop().catch(() => undefined);
  for (const port of [portA, portB]) if (port) await runAdb(port, ['kill-server'], { timeoutMs: 10_000 }).catch(() => undefined);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('one adb server killed during a lab audit', () => {
  it('keeps a complete report for the other host and marks the lost host\'s phones gone', async () => {
    const json = join(scratch, 'lab.json');
    const audit = cli(['audit', '--adb', `127.0.0.1:${portA}`, '--adb', `127.0.0.1:${portB}`, '--all', '--app', APP, '--out', json, '--no-history']);
    // Wait until every phone of host B is stuck in its notification dump, then take the host away.
    await untilHostBIsStuck();
    const killed = await runAdb(portB, ['kill-server'], { timeoutMs: 10_000 });
    expect(killed.code).toBe(0);
    const r = await audit;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`The adb server at 127.0.0.1:${portB} went away`);
    expect(r.stderr).toContain('3 phones were not fully read');

    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const serials = (lab: Lab) => lab.phones.map((p) => p.serial).sort();
    const onHost = (port: number) => report.devices.filter((d) => d.ref?.server === `127.0.0.1:${port}`);
    expect(onHost(portA).map((d) => d.serial).sort()).toEqual(serials(labA));
    expect(onHost(portB).map((d) => d.serial).sort()).toEqual(serials(labB));

    for (const d of onHost(portA)) {
      expect(d.state, d.serial).toBe('device');
      expect(d.errors, d.serial).toEqual([]);
      expect(d.probes?.missing, d.serial).toEqual([]);
      expect(d.findings.length, d.serial).toBeGreaterThan(10);
    }
    for (const d of onHost(portB)) {
      expect(d.state, d.serial).toBe('gone');
      expect(d.errors.length, d.serial).toBeGreaterThan(0);
      expect(d.probes?.missing, d.serial).toContain('dumpsys-notification');
      // What was read before the host went away is kept: the phone's identity came first.
      expect(d.probes?.read.length, d.serial).toBeGreaterThan(0);
      expect(d.facts.manufacturer, d.serial).not.toBeNull();
    }
    // No phone carries another phone's facts: each keeps its own model.
    const models = new Map(report.devices.map((d) => [d.serial, d.facts.model]));
    expect(new Set(models.values()).size).toBe(report.devices.length);

    // The lab's HTML report names every phone, lost ones included.
    const page = renderHtml(report);
    for (const d of report.devices) expect(page).toContain(d.serial);
  }, 180_000);
});
