import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceRef } from '../../common/domain/device.js';
import { createAdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { HistoryStore } from '../../main/history/history-store.js';
import { createDispatch } from '../../main/ipc/dispatch.js';
import { allHandlers } from '../../main/ipc/register.js';
import { createLabServices } from '../../main/services/lab-services.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';
import { startAdbServer, waitUntil } from './adb-harness.js';
import type { DeviceEvent } from '../../main/adb/device-port.js';

/**
 * Fixes end to end: the lab services over the real adb server and simulated phones. A Pixel on Android 16
 * with POST_NOTIFICATIONS denied has Do Not Disturb turned on (as a user would, through NotificationManager);
 * each fix runs on the phone, only the probes its finding cites run again, and the finding turns ok.
 */

const APP = 'com.example.im';
let adbPort = 0;
let lab: Lab;
let historyDir = '';

const services = () => {
  const port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], autoStart: false });
  return createLabServices(port, { history: new HistoryStore({ dir: historyDir }), version: '0.0.0-test' });
};

function phoneOf(profile: string) {
  const phone = lab.phones.find((p) => p.profile === profile);
  if (!phone) throw new Error(`no ${profile}`);
  return phone;
}

async function refOf(profile: string): Promise<DeviceRef> {
  const port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], autoStart: false });
  try {
    const device = (await port.listDevices()).find((d) => d.serial === phoneOf(profile).serial);
    if (!device) throw new Error(`${profile} not listed`);
    return { server: device.server, serial: device.serial, ...(device.transportId !== undefined ? { transportId: device.transportId } : {}) };
  } finally {
    await port.close();
  }
}

async function shell(profile: string, command: string): Promise<string> {
  const r = await runAdb(adbPort, ['-s', phoneOf(profile).serial, 'shell', command], { timeoutMs: 20_000 });
  return r.stdout.toString('utf8');
}

beforeAll(async () => {
  adbPort = await freePort();
  historyDir = mkdtempSync(join(tmpdir(), 'fixes-lab-'));
  lab = await startLab({ profiles: ['pixel-a16', 'xiaomi-hyperos-a14'], adbPort });
  await shell('pixel-a16', 'cmd notification set_dnd priority');
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 }).catch(() => undefined);
  rmSync(historyDir, { recursive: true, force: true });
});

describe('fixes on a simulated phone, through the real adb server', () => {
  it('grants the permission and turns DND off, re-checking only the probes each finding needs', async () => {
    const lab = services();
    try {
      const ref = await refOf('pixel-a16');
      const audited = await lab.runAudit({ ref, app: APP }, () => undefined);
      const severity = (id: string) => audited.findings.find((f) => f.id === id)?.severity;
      expect(severity('dnd-on')).toBe('warning');
      expect(severity('post-notifications-denied')).toBe('error');
      // The first audit of this phone in this history: nothing to compare with yet, but it was kept.
      expect(audited.changes).toEqual([]);

      const plan = await lab.planFix({ ref, app: APP, finding: 'post-notifications-denied', fix: 'grant-post-notifications' });
      expect(plan.commands).toEqual([`pm grant ${APP} android.permission.POST_NOTIFICATIONS`]);

      const granted = await lab.applyFix({ ref, app: APP, finding: 'post-notifications-denied', fix: 'grant-post-notifications' });
      expect(granted.record).toMatchObject({ finding: 'post-notifications-denied', fix: 'grant-post-notifications', ok: true, after: 'ok' });
      expect(granted.before?.severity).toBe('error');
      expect(granted.after?.severity).toBe('ok');
      // The permission explains the blocked-app line: its dump is re-read too, and that consequence clears with it.
      expect(granted.rechecked).toEqual(['dumpsys-package-app', 'dumpsys-notification']);
      expect(granted.report.findings.find((f) => f.id === 'app-notifications-blocked')?.severity).toBe('ok');
      expect(await shell('pixel-a16', `dumpsys package ${APP}`)).toContain('android.permission.POST_NOTIFICATIONS: granted=true');

      const dnd = await lab.applyFix({ ref, app: APP, finding: 'dnd-on', fix: 'dnd-off' });
      expect(dnd.record).toMatchObject({ command: 'cmd notification set_dnd off', ok: true, after: 'ok' });
      expect(dnd.rechecked).toEqual(['settings-global']);
      expect(dnd.after?.severity).toBe('ok');
      // The report carries both fixes, and the first fix's result is still there after the second re-check.
      expect(dnd.report.fixes?.map((f) => f.fix)).toEqual(['grant-post-notifications', 'dnd-off']);
      expect(dnd.report.findings.find((f) => f.id === 'post-notifications-denied')?.severity).toBe('ok');

      // The next audit says what changed since the one before.
      const again = await lab.runAudit({ ref, app: APP }, () => undefined);
      expect(again.changes).toEqual(expect.arrayContaining([{ finding: 'dnd-on', before: 'warning', after: 'ok' }]));
      expect(again.previousAuditAt).toBeTypeOf('string');
      // Fixes applied in this session stay with the phone's report.
      expect(again.fixes).toHaveLength(2);
    } finally {
      await lab.close();
    }
  }, 60_000);

  it('opens the app notification screen on the phone: the simulator saw the right am start', async () => {
    const lab = services();
    try {
      const ref = await refOf('pixel-a16');
      await lab.runAudit({ ref, app: APP }, () => undefined);
      const before = phoneOf('pixel-a16').phone.activityStarts?.length ?? 0;
      // A screen may be opened for any step: it changes nothing on the phone.
      const opened = await lab.applyFix({ ref, app: APP, finding: 'dnd-on', fix: 'open-notification-settings' });
      expect(opened.record).toMatchObject({
        ok: true, command: `am start -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE ${APP}`,
      });
      expect(opened.after).toBeNull();
      expect(opened.rechecked).toEqual([]);
      expect(opened.output).toContain('Starting: Intent { act=android.settings.APP_NOTIFICATION_SETTINGS }');
      const starts = phoneOf('pixel-a16').phone.activityStarts ?? [];
      expect(starts.slice(before).map((s) => s.component)).toEqual(['com.android.settings/.Settings$AppNotificationSettingsActivity']);
    } finally {
      await lab.close();
    }
  }, 60_000);

  it('on a Xiaomi, tries the MIUI autostart screen first, then falls back to App info', async () => {
    const lab = services();
    try {
      const ref = await refOf('xiaomi-hyperos-a14');
      await lab.runAudit({ ref, app: APP }, () => undefined);
      const plan = await lab.planFix({ ref, app: APP, finding: 'autostart-denied', fix: 'open-autostart-settings' }).catch((e: Error) => e);
      // The phone's autostart step may be ok; the screen is still one the engineer may open.
      if (plan instanceof Error) throw plan;
      expect(plan.commands[0]).toContain('com.miui.securitycenter/');
      const opened = await lab.applyFix({ ref, app: APP, finding: 'autostart-denied', fix: 'open-autostart-settings' });
      expect(opened.record).toMatchObject({ ok: true, command: `am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${APP}` });
      expect(phoneOf('xiaomi-hyperos-a14').phone.activityStarts?.at(-1)?.component).toBe('com.android.settings/.applications.InstalledAppDetails');
    } finally {
      await lab.close();
    }
  }, 60_000);

  it('refuses invalid payloads at the dispatch, before anything reaches the phone', async () => {
    const lab = services();
    try {
      const dispatch = createDispatch(allHandlers({
        appInfo: async () => { throw new Error('unused'); },
        getSettings: async () => { throw new Error('unused'); },
        setSettings: async () => { throw new Error('unused'); },
        chooseAdb: async () => { throw new Error('unused'); },
        openExternal: async () => undefined,
        exportReport: async () => ({ saved: false }),
        listCredentials: async () => [],
        setCredential: async () => [],
        clearCredential: async () => [],
      }, lab), { trustedOrigins: ['app://bundle'] });
      const caller = { origin: 'app://bundle', mainFrame: true };
      const ref = await refOf('pixel-a16');
      const call = (channel: string, arg: unknown) => dispatch.call(channel, [arg], caller, () => undefined);
      const refused = [
        await call('fix:apply', { ref, app: `${APP}; reboot`, finding: 'dnd-on', fix: 'dnd-off' }),
        await call('fix:apply', { ref, app: APP, finding: 'dnd-on', fix: 'rm-rf' }),
        await call('fix:apply', { ref, app: APP, finding: 'dnd on; reboot', fix: 'dnd-off' }),
        await call('fix:plan', { ref: { ...ref, serial: 'x y' }, app: APP, finding: 'dnd-on', fix: 'dnd-off' }),
        await call('device:packages', { ref, extra: 1 }),
        await call('answer:set', { ref, finding: 'session-logged-out', answer: 'maybe' }),
      ];
      for (const r of refused) expect(r).toMatchObject({ refused: false, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
      const packages = await call('device:packages', { ref });
      expect(packages).toMatchObject({ refused: false, result: { ok: true } });
      expect((packages as { result: { value: string[] } }).result.value).toContain(APP);
    } finally {
      await lab.close();
    }
  }, 60_000);
});

describe('`fix` on the command line', () => {
  it('with --yes shows the command, runs it, re-checks and prints before → after; exit 0', async () => {
    await shell('pixel-a16', `pm revoke ${APP} android.permission.POST_NOTIFICATIONS`);
    const r = await cli(['fix', '--adb', `127.0.0.1:${adbPort}`, '--serial', phoneOf('pixel-a16').serial, '--app', APP, '--finding', 'post-notifications-denied', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`shell pm grant ${APP} android.permission.POST_NOTIFICATIONS`);
    expect(r.stdout).toContain('post-notifications-denied: error → ok (re-checked: dumpsys-package-app, dumpsys-notification)');
  }, 60_000);

  it('exit 2 for a finding without an on-phone fix, 1 when not confirmed', async () => {
    const serial = phoneOf('pixel-a16').serial;
    const noFix = await cli(['fix', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--finding', 'gms-missing', '--yes']);
    expect(noFix.code, noFix.stderr).toBe(2);
    await shell('pixel-a16', 'cmd notification set_dnd priority');
    // In-process the CLI has no terminal to ask on: nobody confirms, nothing runs.
    const unconfirmed = await cli(['fix', '--adb', `127.0.0.1:${adbPort}`, '--serial', serial, '--app', APP, '--finding', 'dnd-on']);
    expect(unconfirmed.code, unconfirmed.stderr).toBe(1);
    expect(unconfirmed.stderr).toContain('not confirmed');
    expect(await shell('pixel-a16', 'settings get global zen_mode')).toBe('1\n');
  }, 60_000);
});

describe('Settings → adb servers', () => {
  it('a server added while the app runs is listed and watched from then on', async () => {
    const empty = await startAdbServer();
    const port = createAdbTsPort({ servers: [empty.address], autoStart: false });
    try {
      const events: DeviceEvent[] = [];
      const tracker = await port.trackDevices((e) => events.push(e));
      expect(await port.listDevices()).toEqual([]);
      port.addServers([{ host: '127.0.0.1', port: adbPort }, empty.address]);
      const serial = phoneOf('pixel-a16').serial;
      expect((await port.listDevices()).map((d) => d.serial)).toContain(serial);
      await waitUntil(async () => events.some((e) => e.type === 'added' && e.device.serial === serial), 10_000, 'the added server\'s phone reported');
      tracker.close();
    } finally {
      await port.close();
      await empty.stop();
    }
  }, 60_000);
});
