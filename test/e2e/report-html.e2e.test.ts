import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../common/i18n/locale.js';
import { renderHtml } from '../../main/report/render-html.js';
import { labFixture } from '../../main/report/report-fixture.test-helper.js';

/**
 * The HTML report as its reader opens it: a file double-clicked into a browser, offline. It must load with no
 * console error, no script error and no request beyond the file itself (self-contained), in both languages.
 */
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../test-results/report/', import.meta.url));

let browser: Browser;
let dir = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).`);
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-report-html-'));
  await mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, chromiumSandbox: process.getuid?.() !== 0 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  for (const locale of ['en', 'zh-CN'] as Locale[]) {
    it(`opens offline with no console errors and no requests (${locale})`, async () => {
      const file = path.join(dir, `lab-${locale}.html`);
      await writeFile(file, renderHtml(labFixture(), { locale }));
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      // Every phone of the lab is on the page, by model.
      const text = await page.innerText('body');
      for (const d of labFixture().devices) if (d.facts.model) expect(text).toContain(d.facts.model);
      // Nothing wider than the page at 1280 px: a reader should never scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `lab-${locale}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  }
});
