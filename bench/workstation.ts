/**
 * The workstation's numbers (issue 10), in Debian's Chromium through the lab server on simulated phones:
 * the renderer bundle (gzip), page load → first device list, "fix" → re-checked step, and the longest
 * main-thread task while 32 phones are audited from the lab view (PerformanceObserver longtask; target: none
 * over 100 ms). Run alone with `npx tsx bench/workstation.ts`, or as part of `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'electron-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveLab, type ServedLab } from '../main/lab-server/serve-lab.js';
import { freePort } from '../test/sim/adb/adb-server.js';
import { startSimProcess, type SimProcess } from './sim-process.js';

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const APP = 'com.example.im';
const LATENCY_MS = 50;
const repo = fileURLToPath(new URL('..', import.meta.url));
const LAB_PROFILES = ['xiaomi-hyperos-a14', 'redmi-miui-a12', 'huawei-harmonyos-a12', 'honor-magicos-a15', 'oppo-coloros-a14', 'vivo-originos-a14', 'samsung-oneui-a14', 'pixel-a16'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number): string => `${n.toFixed(0)} ms`;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

async function bundleSize(outDir: string): Promise<void> {
  const assets = path.join(outDir, 'renderer', 'assets');
  let raw = 0;
  let gz = 0;
  for (const name of await readdir(assets)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const bytes = await readFile(path.join(assets, name));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const bridge = gzipSync(await readFile(path.join(outDir, 'renderer', 'ws-bridge.js')), { level: 9 }).length;
  console.log('W1. Renderer bundle (out/renderer/assets, JS + CSS)');
  console.log(`   ${kb(raw)} minified, ${kb(gz)} gzip; the lab server's ws-bridge.js adds ${kb(bridge)} gzip`);
}

interface Setup {
  sims: SimProcess[];
  served: ServedLab;
  base: string;
  adbPorts: number[];
}

async function withServedLab(env: NodeJS.ProcessEnv, outDir: string, profiles: string[], count: number, body: (setup: Setup) => Promise<void>): Promise<void> {
  const adbPorts = [await freePort()];
  const sims: SimProcess[] = [];
  let served: ServedLab | null = null;
  try {
    sims.push(await startSimProcess([...profiles.flatMap((p) => ['--profile', p]), '--count', String(count), '--adb-port', String(adbPorts[0]), '--latency-ms', String(LATENCY_MS)], env));
    served = await serveLab({
      rendererDir: path.join(outDir, 'renderer'), host: '127.0.0.1', port: 0, token: null,
      servers: adbPorts.map((port) => ({ host: '127.0.0.1', port })), env, version: 'bench',
    });
    await body({ sims, served, base: `http://127.0.0.1:${served.server.port}`, adbPorts });
  } finally {
    await served?.stop();
    for (const sim of sims) await sim.stop();
    for (const port of adbPorts) await run('adb', ['-P', String(port), 'kill-server'], { env }).catch(() => undefined);
  }
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route(/^(?!(http|ws):\/\/127\.0\.0\.1:)/, (route) => route.abort());
  return page;
}

/** Time from navigation start to the first phone row in the sidebar, as the page's own clock sees it. */
async function firstDeviceList(browser: Browser, base: string): Promise<number> {
  const page = await newPage(browser);
  await page.goto(`${base}/`, { waitUntil: 'commit' });
  await page.waitForSelector('nav .device', { timeout: 30_000 });
  const t = await page.evaluate(() => performance.now());
  await page.context().close();
  return t;
}

async function fixToRecheck(browser: Browser, base: string, serial: string, adbPort: number, env: NodeJS.ProcessEnv): Promise<number[] | string> {
  const page = await newPage(browser);
  await page.goto(`${base}/`);
  await page.locator(`nav [data-serial="${serial}"]`).click();
  await page.getByLabel('App under test').fill(APP);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await run('adb', ['-P', String(adbPort), '-s', serial, 'shell', 'settings put global zen_mode 1'], { env });
    await page.locator('form.audit-form button[type="submit"]').click();
    await page.waitForSelector('[data-step="dnd-on"] [data-fix="dnd-off"]:not([disabled])', { timeout: 30_000 });
    await page.locator('[data-step="dnd-on"] [data-fix="dnd-off"]').click();
    const dialog = page.getByRole('dialog');
    try {
      await dialog.waitFor({ timeout: 10_000 });
    } catch {
      const said = await page.locator('[data-step="dnd-on"] [role="alert"]').textContent().catch(() => null);
      await page.context().close();
      return `n/a: main did not plan the fix (${said ?? 'no answer'})`;
    }
    const confirm = dialog.getByRole('button', { name: 'Run on the phone' });
    const t0 = await page.evaluate(() => performance.now());
    await confirm.click();
    // Locators, not waitForFunction: the page's CSP forbids the eval a function given as text needs.
    await page.locator('[data-step="dnd-on"] [role="status"]').filter({ hasText: 'Re-checked' }).waitFor({ timeout: 30_000 });
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  await page.context().close();
  return times;
}

async function auditAllLongTasks(browser: Browser, base: string, phones: number): Promise<{ longest: number; over50: number; over100: number; total: number; wall: number }> {
  const page = await newPage(browser);
  await page.goto(`${base}/`);
  await page.locator('nav .device').nth(phones - 1).waitFor({ timeout: 60_000 });
  await page.locator('[data-view="lab"]').click();
  await page.getByLabel('App for phones without one').fill(APP);
  // Page code as text: this file is type-checked for Node, without the DOM's types.
  await page.evaluate(`window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });`);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Audit all' }).click();
  await page.locator('.lab progress').waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('.lab progress').waitFor({ state: 'detached', timeout: 300_000 });
  const wall = Date.now() - t0;
  const long = await page.evaluate<number[]>('window.__long');
  await page.context().close();
  return { longest: Math.max(0, ...long), over50: long.length, over100: long.filter((d) => d > 100).length, total: long.reduce((a, b) => a + b, 0), wall };
}

export async function workstation(env: NodeJS.ProcessEnv = { ...process.env, ADB_EMU: '0' }): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`W. Workstation: skipped, ${CHROMIUM} is missing (apt-get install chromium).`);
    return;
  }
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pd-bench-ui-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    await build({ root: repo, configFile: path.join(repo, 'electron.vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    await bundleSize(outDir);

    await withServedLab(env, outDir, ['pixel-a16'], 1, async ({ base, sims, adbPorts }) => {
      await firstDeviceList(browser, base); // warm-up: the server's first page, adb's first listing
      const loads: number[] = [];
      for (let i = 0; i < 5; i++) loads.push(await firstDeviceList(browser, base));
      console.log('W2. Page load → first device list (Chromium, lab server, 1 simulated phone)');
      console.log(`   median ${ms(median(loads))} of 5 (${loads.map(ms).join(', ')})`);

      const fixed = await fixToRecheck(browser, base, sims[0]!.serials[0]!.serial, adbPorts[0]!, env);
      console.log(`W3. "Fix" (dnd-off) confirmed → re-checked step shown, latency ${LATENCY_MS} ms per command`);
      console.log(typeof fixed === 'string' ? `   ${fixed}` : `   median ${ms(median(fixed))} of ${fixed.length} (${fixed.map(ms).join(', ')})`);
    });

    await withServedLab(env, outDir, LAB_PROFILES, 4, async ({ base, sims }) => {
      const phones = sims.reduce((n, s) => n + s.serials.length, 0);
      const r = await auditAllLongTasks(browser, base, phones);
      console.log(`W4. Audit all from the lab view: ${phones} simulated phones, latency ${LATENCY_MS} ms per command`);
      console.log(`   longest main-thread task ${ms(r.longest)} (target: none over 100 ms); ${r.over50} long tasks (> 50 ms), ${r.over100} over 100 ms, ${ms(r.total)} in all, over ${ms(r.wall)}`);
    });
  } finally {
    await browser.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await workstation();
