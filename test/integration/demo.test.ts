import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { listProfiles } from '../sim/android/create-phone.js';
import { PROFILES_DIR } from '../sim/lab.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let adbPort = 0;

afterAll(async () => {
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
});

it('`npm run demo -- --cli` starts the simulated lab, audits every phone and leaves nothing attached', async () => {
  adbPort = await freePort();
  const child = spawn(process.execPath, ['scripts/demo.mjs', '--cli'], {
    cwd: repo,
    env: { ...process.env, PUSH_DOCTOR_DEMO_ADB_PORT: String(adbPort), ADB_EMU: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, out).toBe(0);
  const profiles = listProfiles(PROFILES_DIR);
  expect(out).toContain('ALL READY');
  for (const p of profiles) expect(out, p.name).toContain(` ${p.name}`);
  // One Markdown section per phone, the unauthorized one saying what to do.
  expect(out.match(/^## /gm)?.length).toBe(profiles.length);
  expect(out).toMatch(/Allow USB debugging/);
  const devices = await runAdb(adbPort, ['devices'], { timeoutMs: 10_000 });
  expect(String(devices.stdout).trim()).toBe('List of devices attached');
}, 120_000);
