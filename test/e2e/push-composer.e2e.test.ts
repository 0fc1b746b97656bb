import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeApi } from '../../common/ipc/client.js';
import { BRIDGE_PATH, createSocketLink } from '../../common/ipc/ws-protocol.js';
import { serveLab, type ServedLab } from '../../main/lab-server/serve-lab.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab, type LabPhone } from '../sim/lab.js';
import { buildApp, expectAccessible, launchChromium, loadAxe, loopbackPage, SCREENS } from './browser.js';
import { startPushLab, type PushLab } from '../sim/push-lab.js';

/**
 * The test-push composer for real: the built renderer in Chromium, through the lab server to main's push
 * service, the sim's phone over the real adb server, and for fcm the local FCM server whose accepted push the
 * sim's push hub delivers. The lab server takes the FCM base URL as Settings would hold it; the credentials
 * are set over the bridge (the page only ever sees that they are set).
 */
const APP = 'com.example.im';

let outDir = '';
let adbPort = 0;
let lab: Lab;
let pushLab: PushLab;
let served: ServedLab;
let base = '';
let browser: Browser;
let page: Page;
let axeSource = '';
const env = { ...process.env, ADB_EMU: '0' };
const phone = (): LabPhone => lab.phones.find((p) => p.profile === 'samsung-oneui-a14')!;

beforeAll(async () => {
  outDir = await buildApp('pd-pushui-');
  adbPort = await freePort();
  lab = await startLab({ profiles: ['samsung-oneui-a14'], adbPort });
  // The app starts once, so its push SDK logs the FCM token main reads.
  await runAdb(adbPort, ['-s', phone().serial, 'shell', `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`], { timeoutMs: 20_000 });
  pushLab = await startPushLab(lab.phones.map((p) => ({ serial: p.serial, phone: p.phone })), { app: APP, imAccounts: {} });
  served = await serveLab({
    rendererDir: path.join(outDir, 'renderer'), host: '127.0.0.1', port: 0, token: null,
    servers: [{ host: '127.0.0.1', port: adbPort }], env, version: '0.0.0-e2e',
    pushBaseUrls: { fcm: pushLab.servers.get('fcm')!.url },
  });
  base = `http://127.0.0.1:${served.server.port}`;
  const ws = new WebSocket(`${base.replace('http:', 'ws:')}${BRIDGE_PATH}`, { origin: base });
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  const set = await createBridgeApi(createSocketLink(ws)).setCredential({ route: 'fcm', secret: JSON.stringify(pushLab.credentials.fcm) });
  ws.close();
  if (!set.ok) throw new Error(set.error.message);
  axeSource = await loadAxe();
  await mkdir(SCREENS, { recursive: true });
  browser = await launchChromium();
  page = await loopbackPage(browser, { width: 1280, height: 900 });
  await page.goto(`${base}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await pushLab?.close();
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const axe = (screen: string): Promise<void> => expectAccessible(page, axeSource, screen);

const composer = () => page.getByRole('region', { name: 'Test push' });
const posted = () => composer().locator('[data-stage="posted"]');

describe('the test-push composer in Chromium over the lab server', () => {
  it('sends a local push with the phone in background; the timeline shows it posted with a latency', async () => {
    await expect.poll(() => page.getByRole('navigation', { name: 'Phones' }).getByText(phone().serial).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('navigation', { name: 'Phones' }).locator(`[data-serial="${phone().serial}"]`).click();
    await page.getByLabel('App under test').fill(APP);
    await expect.poll(() => composer().getByLabel('Route').locator('option').allTextContents()).toContain('fcm — credentials set');
    await composer().getByLabel('Route').selectOption('local');
    await composer().getByLabel('Condition').selectOption('background');
    // Keyboard: the Send button is reached and pressed without the mouse.
    await composer().getByRole('button', { name: 'Send test push' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => posted().getAttribute('class'), { timeout: 30_000 }).toContain('stage-ok');
    expect(await posted().textContent()).toMatch(/\+\d+ ms/);
    expect(await composer().locator('.push-latency').first().textContent()).toMatch(/^Posted \d+ ms after sending\.$/);
    expect(await composer().locator('[data-stage="displayed"]').getAttribute('class')).toContain('stage-ok');
    await expect.poll(() => composer().getByRole('button', { name: 'Send test push' }).isEnabled()).toBe(true);
  }, 60_000);

  it('sends an fcm push through the local FCM server and the push hub; posted in background', async () => {
    await composer().getByLabel('Route').selectOption('fcm');
    await composer().getByLabel('Channel id').fill('new_message');
    await composer().getByRole('button', { name: 'Send test push' }).click();
    await expect.poll(() => composer().locator('figcaption').allTextContents(), { timeout: 30_000 }).toEqual(['Timeline: background (Home pressed)']);
    await expect.poll(() => posted().getAttribute('class'), { timeout: 30_000 }).toContain('stage-ok');
    expect(await posted().textContent()).toMatch(/\+\d+ ms/);
    const shown = await page.content();
    for (const secret of pushLab.secrets) expect(shown.includes(secret), 'a secret reached the page').toBe(false);
  }, 60_000);

  it('passes axe and is screenshot in light, dark and zh-CN', async () => {
    await composer().scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await composer().screenshot({ path: path.join(SCREENS, `push-composer-${scheme}.png`) });
      await axe(`push composer (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('[data-view="settings"]').click();
    await page.locator('input[name="locale"][value="zh-CN"]').check();
    await page.locator('[data-view="phone"]').click();
    // The phone view remembers the app only once audited; the composer keeps its own fields.
    await page.getByLabel('被测应用').fill(APP);
    const zh = page.getByRole('region', { name: '测试推送' });
    await zh.scrollIntoViewIfNeeded();
    await zh.screenshot({ path: path.join(SCREENS, 'push-composer-zh-CN.png') });
    await axe('push composer (zh-CN)');
  }, 60_000);
});
