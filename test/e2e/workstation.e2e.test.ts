import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLab, type ServedLab } from '../../main/lab-server/serve-lab.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab, type LabPhone } from '../sim/lab.js';
import { buildApp, expectAccessible, launchChromium, loadAxe, loopbackPage, SCREENS } from './browser.js';

/**
 * The workstation for real: the built renderer in Debian's Chromium, talking through the lab server to the
 * real main-process services (device port, audit, fixes) on the real adb server, with simulated phones on it.
 * Screenshots of every screen, light and dark and in Chinese, go to test-results/screens/ to be looked at.
 */

const APP = 'com.example.im';

let outDir = '';
let adbPort = 0;
let lab: Lab;
let served: ServedLab;
let base = '';
let browser: Browser;
let page: Page;
let axeSource = '';
/** Whether main answers the fix channels (the main side of the workstation has landed). */
const env = { ...process.env, ADB_EMU: '0' };

const pixel = (): LabPhone => lab.phones.find((p) => p.profile === 'pixel-a16')!;
const xiaomi = (): LabPhone => lab.phones.find((p) => p.profile === 'xiaomi-hyperos-a14')!;
const unauthorized = (): LabPhone => lab.phones.find((p) => p.profile === 'redmi-unauthorized-a12')!;
const adbShell = async (serial: string, command: string): Promise<string> =>
  (await runAdb(adbPort, ['-s', serial, 'shell', command], { timeoutMs: 20_000 })).stdout.toString('utf8');

beforeAll(async () => {
  outDir = await buildApp('pd-workstation-');
  adbPort = await freePort();
  lab = await startLab({ profiles: ['pixel-a16', 'xiaomi-hyperos-a14', 'redmi-unauthorized-a12'], adbPort });
  // The engineer's customer turned Do Not Disturb on, as Settings does.
  await adbShell(pixel().serial, 'settings put global zen_mode 1');
  served = await serveLab({
    rendererDir: path.join(outDir, 'renderer'), host: '127.0.0.1', port: 0, token: null,
    servers: [{ host: '127.0.0.1', port: adbPort }], env, version: '0.0.0-e2e',
    // The test's own history folder, never the user's: the lab matrix's changes column reads it.
    historyDir: path.join(outDir, 'history'),
  });
  base = `http://127.0.0.1:${served.server.port}`;
  axeSource = await loadAxe();
  await mkdir(SCREENS, { recursive: true });
  browser = await launchChromium();
  // Nothing may leave the machine.
  page = await loopbackPage(browser, { width: 1280, height: 800 });
  await page.goto(`${base}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Phones' });
const stepOf = (id: string) => page.locator(`[data-step="${id}"]`);

const axe = (screen: string): Promise<void> => expectAccessible(page, axeSource, screen);

/** Light, dark (following the system) and Chinese screenshots of what is on screen now. */
async function screens(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SCREENS, `${name}-${scheme}.png`), fullPage: false });
    await axe(`${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Switches the language in Settings (as the engineer would, keeping the audits), screenshots `view`, and switches back. */
async function inChinese(name: string, view: 'phone' | 'lab' | 'settings'): Promise<void> {
  await page.locator('[data-view="settings"]').click();
  await page.locator('input[name="locale"][value="zh-CN"]').check();
  await expect.poll(() => page.getByRole('navigation', { name: '手机' }).count()).toBe(1);
  await page.locator(`[data-view="${view}"]`).click();
  await page.screenshot({ path: path.join(SCREENS, `${name}-zh-CN.png`) });
  await axe(`${name} (zh-CN)`);
  await page.locator('[data-view="settings"]').click();
  await page.locator('input[name="locale"][value="en"]').check();
  await expect.poll(() => nav().count()).toBe(1);
  await page.locator(`[data-view="${view}"]`).click();
}

describe('the workstation in Chromium over the lab server', () => {
  it('lists the simulated phones, with the instruction for the unauthorized one', async () => {
    await expect.poll(() => nav().getByText(pixel().serial).count(), { timeout: 20_000 }).toBe(1);
    const pixelRow = nav().locator(`[data-serial="${pixel().serial}"]`);
    await expect.poll(() => pixelRow.textContent(), { timeout: 20_000 }).toContain('Android 16');
    expect(await pixelRow.textContent()).toContain(`on adb server 127.0.0.1:${adbPort}`);
    const redmi = nav().locator(`[data-serial="${unauthorized().serial}"]`);
    expect(await redmi.textContent()).toContain('Unauthorized');
    expect(await redmi.textContent()).toContain('Allow USB debugging?');
    await redmi.click();
    expect(await page.getByRole('alert').textContent()).toContain('has not allowed USB debugging');
    await screens('unauthorized');
  });

  it('audits com.example.im: DND on and POST_NOTIFICATIONS denied with evidence, and a verdict naming the permission', async () => {
    await nav().locator(`[data-serial="${pixel().serial}"]`).click();
    const app = page.getByLabel('App under test');
    // The picker offers the phone's third-party packages (`pm list packages -3`).
    await expect.poll(() => page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), { timeout: 20_000 })
      .toContain(APP);
    await app.fill(APP);
    await page.getByRole('button', { name: 'Audit' }).click();
    await expect.poll(() => page.getByTestId('verdict').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('verdict').textContent()).toMatch(/POST_NOTIFICATIONS/);
    expect(await stepOf('post-notifications-denied').locator('.pill').first().textContent()).toBe('Failed');
    const dnd = stepOf('dnd-on');
    expect(['Failed', 'At risk']).toContain(await dnd.locator('.pill').first().textContent());
    await dnd.getByText(/^Evidence/).click();
    expect(await dnd.locator('pre').first().textContent()).toContain('zen_mode');
    await stepOf('post-notifications-denied').getByText(/^Evidence/).click();
    const evidence = (await stepOf('post-notifications-denied').locator('pre').allTextContents()).join('\n');
    expect(evidence).toContain('POST_NOTIFICATIONS');
    await page.getByTestId('verdict').scrollIntoViewIfNeeded();
    await screens('phone');
    await inChinese('phone', 'phone');
    // 200 % zoom of a 1280×800 window: the page gets 640×400 CSS pixels; the sidebar stacks above the pane.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.screenshot({ path: path.join(SCREENS, 'phone-zoom200-light.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await axe('phone (200 %)');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('opens the notification settings on the phone with the right am start', async () => {
    await nav().locator(`[data-serial="${pixel().serial}"]`).click();
    const blocked = stepOf('app-notifications-blocked');
    await blocked.getByRole('button', { name: /Open on the phone/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('android.settings.APP_NOTIFICATION_SETTINGS');
    await screens('fix-dialog');
    await dialog.getByRole('button', { name: 'Open on the phone' }).click();
    await expect.poll(() => blocked.getByRole('status').textContent(), { timeout: 20_000 }).toContain('Opened on the phone');
    const log = await adbShell(pixel().serial, 'logcat -d -b system');
    expect(log).toMatch(/START u0 \{act=android\.settings\.APP_NOTIFICATION_SETTINGS[^}]*\}/);
  });

  for (const [finding, fix] of [['post-notifications-denied', 'grant-post-notifications'], ['dnd-on', 'dnd-off']] as const) {
    it(`fixes ${finding} on the phone and shows it passing after the re-check`, async () => {
      const step = stepOf(finding);
      await step.locator(`[data-fix="${fix}"]`).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Run on the phone' }).click();
      await expect.poll(() => step.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Re-checked: (Failed|At risk) → Passed/);
      expect(await step.locator('.pill').first().textContent()).toBe('Passed');
    });
  }

  it('shows every phone in the lab matrix after audit all', async () => {
    await page.getByRole('button', { name: 'Lab' }).click();
    await page.getByLabel('App for phones without one').fill(APP);
    await page.getByRole('button', { name: 'Audit all' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Audit all' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    const rows = page.locator('table.matrix tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.locator(`tr[data-serial="${unauthorized().serial}"]`).textContent()).toContain('Unauthorized');
    expect(await page.locator(`tr[data-serial="${pixel().serial}"] .verdict-cell .pill`).count()).toBe(1);
    const xiaomiRow = page.locator(`tr[data-serial="${xiaomi().serial}"]`);
    expect(await xiaomiRow.locator('.changes-cell').textContent()).toBe('first audit');

    // Someone turns Do Not Disturb on on the Xiaomi between two lab audits: the matrix says so, and only that.
    await adbShell(xiaomi().serial, 'settings put global zen_mode 1');
    await page.getByRole('button', { name: 'Audit all' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Audit all' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    const cell = xiaomiRow.locator('.changes-cell');
    await cell.locator('summary').click();
    const changes = await cell.locator('li').allTextContents();
    expect(changes).toContain('system.zenMode: 0 → 1');
    expect(changes.every((c) => /zen|Do Not Disturb/i.test(c))).toBe(true);
    expect(await cell.locator('summary [aria-hidden="true"]').textContent()).toBe(String(changes.length));
    await page.getByLabel('Only phones that changed since their last audit').check();
    expect(await page.locator('table.matrix tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-serial'))))
      .toContain(xiaomi().serial);
    expect(await page.locator(`tr[data-serial="${unauthorized().serial}"]`).count()).toBe(0);
    await page.getByLabel('Only phones that changed since their last audit').uncheck();
    await screens('lab');
    await inChinese('lab', 'lab');
    await page.setViewportSize({ width: 640, height: 400 });
    await page.locator('table.matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, 'lab-zoom200-light.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the settings', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Push credentials' }).count()).toBe(1);
    await screens('settings');
    await page.getByLabel('Dark').check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('input[name="theme"][value="system"]').check();
    await inChinese('settings', 'settings');
  });

  it('runs the main scenario in Simplified Chinese: verdict, checklist and fix, evidence untranslated', async () => {
    // The Pixel is broken again the way the customer's phone was: permission revoked, Do Not Disturb on.
    await adbShell(pixel().serial, `pm revoke ${APP} android.permission.POST_NOTIFICATIONS`);
    await adbShell(pixel().serial, 'cmd notification set_dnd priority');
    await page.locator('[data-view="settings"]').click();
    await page.locator('input[name="locale"][value="zh-CN"]').check();
    await expect.poll(() => page.getByRole('navigation', { name: '手机' }).count()).toBe(1);
    try {
      await page.locator('[data-view="phone"]').click();
      await page.getByRole('navigation', { name: '手机' }).locator(`[data-serial="${pixel().serial}"]`).click();
      await page.getByRole('button', { name: /^(重新)?检查$/ }).click();
      await expect.poll(() => page.getByTestId('verdict').textContent(), { timeout: 30_000 }).toMatch(/^此手机无法显示推送.*POST_NOTIFICATIONS/);
      const step = stepOf('post-notifications-denied');
      expect(await step.locator('.pill').first().textContent()).toBe('未通过');
      expect(await stepOf('dnd-on').locator('.pill').first().textContent()).toMatch(/^(未通过|有风险)$/);
      // Evidence is the phone's own output: never translated.
      await step.locator('summary').first().click();
      expect((await step.locator('pre').allTextContents()).join('\n')).toMatch(/android\.permission\.POST_NOTIFICATIONS: granted=false/);
      await step.locator('[data-fix="grant-post-notifications"]').click();
      await page.getByRole('dialog').getByRole('button', { name: '在手机上执行' }).click();
      await expect.poll(() => step.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/复查结果：.*未通过.*→.*通过/);
      await page.screenshot({ path: path.join(SCREENS, 'fixed-zh-CN.png') });
      await axe('fixed (zh-CN)');
    } finally {
      await page.locator('[data-view="settings"]').click();
      await page.locator('input[name="locale"][value="en"]').check();
      await expect.poll(() => nav().count()).toBe(1);
    }
  });

  it('keeps what was read when the phone is unplugged mid-audit, and says so', async () => {
    await page.locator('[data-view="phone"]').click();
    await nav().locator(`[data-serial="${pixel().serial}"]`).click();
    // The cable comes out while the phone prints its notification dump.
    pixel().setFaults({ disconnectOnCommand: /dumpsys notification/ });
    await page.getByRole('button', { name: /Audit/ }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents(), { timeout: 40_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/offline|disconnected|lost/i)]),
    );
    // What was read stays on screen: the verdict and the steps.
    expect(await page.getByTestId('verdict').count()).toBe(1);
    expect(await stepOf('post-notifications-denied').count()).toBe(1);
    await screens('unplugged');
    pixel().setFaults({});
    await pixel().reconnect();
  });
});
