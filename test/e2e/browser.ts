import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the browser end-to-end tests share: Debian's Chromium, the built renderer, and axe-core on the page. */
export const CHROMIUM = '/usr/bin/chromium';
export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENS = path.join(REPO, 'test-results', 'screens');

/** Builds the app (renderer included) into a fresh temporary folder and returns it. */
export async function buildApp(prefix: string): Promise<string> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the end-to-end tests.`);
  const outDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await build({ root: REPO, configFile: path.join(REPO, 'electron.vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page of a fresh context from which nothing may leave the machine. */
export async function loopbackPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.route(/^(?!(http|ws):\/\/127\.0\.0\.1:)/, (route) => route.abort());
  return page;
}

export const loadAxe = (): Promise<string> => readFile(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on what the page shows (its source injected, since the CSP forbids inline scripts): no serious or critical violation. */
export async function expectAccessible(page: Page, axeSource: string, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await run.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${screen}: ${JSON.stringify(serious)}`).toEqual([]);
}
