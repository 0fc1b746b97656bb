import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../main/app/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../main/app/security.js';
import { labFixture } from '../fakes/lab-fixture.js';
import { createFakeApi } from '../fakes/push-doctor-api.js';

/**
 * The built renderer in a real Chromium, served by the app protocol's own handler (so with the
 * production CSP), with a fake `window.pushDoctor` standing in for the preload.
 */

const CHROMIUM = '/usr/bin/chromium';
const repo = fileURLToPath(new URL('../..', import.meta.url));

let outDir: string;
let server: http.Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the end-to-end tests.`);
  }
  outDir = await mkdtemp(path.join(os.tmpdir(), 'pd-e2e-'));
  await build({ root: repo, configFile: path.join(repo, 'electron.vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });

  const handler = createAppProtocolHandler(path.join(outDir, 'renderer'));
  server = http.createServer((req, res) => {
    // The same handler Electron calls for app://bundle/…, reached over loopback HTTP.
    void handler(new Request(`app://bundle${req.url ?? '/'}`, { method: req.method ?? 'GET' })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

let offMachine: string[] = [];

async function openApp(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Nothing may leave the machine: requests off 127.0.0.1 are aborted and fail the test in afterEach.
  offMachine = [];
  await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    offMachine.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript({
    content: `
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      window.pushDoctor = (${createFakeApi.toString()})(${JSON.stringify(labFixture())}).api;
    `,
  });
  const response = await page.goto(`${baseUrl}/index.html`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  return { page, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

afterEach(() => {
  expect(offMachine).toEqual([]);
});

describe('build output', () => {
  it('has the preload as one CommonJS file that requires nothing but electron', async () => {
    expect(await readdir(path.join(outDir, 'preload'))).toEqual(['index.cjs']);
    const preload = await readFile(path.join(outDir, 'preload', 'index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("pushDoctor"');
  });

  it('has main as package.json "main" names it, and the renderer without inline script', async () => {
    const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(existsSync(path.join(outDir, path.relative('out', pkg.main)))).toBe(true);
    const html = await readFile(path.join(outDir, 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('renderer in Chromium', () => {
  it('renders the sidebar with the phones the bridge reports', async () => {
    const { page, violations } = await openApp();
    const sidebar = page.getByRole('navigation', { name: 'Phones' });
    await expect.poll(() => sidebar.getByText('3b2f9c1e').count()).toBe(1);
    expect(await sidebar.getByText('Xiaomi POCO F5 (23049PCD8G) · Android 14 · HyperOS OS1.0.5.0.UMRMIXM').count()).toBe(1);
    expect(await sidebar.getByText('Unauthorized').count()).toBe(1);
    // Our own bundle runs under the production CSP without tripping it.
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('runs an audit and shows the verdict and the checklist by section', async () => {
    const { page, violations } = await openApp();
    await page.getByRole('navigation', { name: 'Phones' }).getByText('3b2f9c1e').click();
    await page.getByLabel('App under test').fill('com.tencent.qcloud.tim.tuikit');
    await page.getByRole('button', { name: 'Audit' }).click();
    await expect.poll(() => page.getByText('App standby bucket is not restricted').count()).toBe(1);
    expect(await page.getByTestId('verdict').textContent()).toContain('POST_NOTIFICATIONS is not granted');
    expect((await page.getByRole('heading', { level: 3 }).allTextContents()).slice(0, 2)).toEqual(['0. Session state', '1. The push channel for this phone']);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('blocks an injected inline script', async () => {
    const { page, violations } = await openApp();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(script);
    });
    await expect.poll(violations).toEqual(['script-src-elem']);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await page.context().close();
  });
});
