import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { createPhone, type SimAndroidPhone } from '../../test/sim/android/create-phone.js';
import { captureIo } from '../../test/sim/android/testing/capture-io.js';
import { DevicePortError } from '../adb/device-port.js';
import { collectLive } from '../audit/collect-live.js';
import { diagnoseOutputs } from '../audit/diagnose-outputs.js';
import { probePlan } from '../probes/probe-plan.js';
import { buildDeviceReport } from '../report/build-report.js';
import { applyFix, fixPlanFor, type AuditedPhone } from './fix-executor.js';
import { probesForFinding } from './recheck-probes.js';
import { simShellPort } from './sim-port.test-helper.js';

const APP = 'com.example.im';
const ref = { server: '127.0.0.1:5037', serial: 'sim-1' };
const profile = (name: string) => fileURLToPath(new URL(`../../test/sim/profiles/${name}`, import.meta.url));

let phone: SimAndroidPhone;
let port: ReturnType<typeof simShellPort>;

async function sh(line: string): Promise<string> {
  const cap = captureIo();
  await phone.run(line, cap.io);
  return cap.stdout() + cap.stderr();
}

async function audited(): Promise<AuditedPhone> {
  const collection = await collectLive(port, ref, probePlan(APP));
  port.ran.length = 0;
  const report = buildDeviceReport({ serial: ref.serial, ref, state: 'device', ...diagnoseOutputs(collection.outputs, APP), errors: collection.errors });
  return { ref, app: APP, outputs: collection.outputs, report };
}

beforeEach(async () => {
  phone = await createPhone(profile('pixel-a16'), { now: () => Date.UTC(2026, 11, 2, 12, 0, 0) });
  port = simShellPort(phone);
  await sh('cmd notification set_dnd priority');
});

describe('the fix executor', () => {
  it('grants POST_NOTIFICATIONS, re-reads only the app package dump and the dump of what it explains, and both turn ok', async () => {
    const before = await audited();
    const run = await applyFix(port, before, { ref, app: APP, finding: 'post-notifications-denied', fix: 'grant-post-notifications' },
      { now: () => new Date('2026-12-02T12:00:05Z') });
    // The denied permission explains the blocked-app line, so its dump is read again too (and nothing else).
    expect(port.ran).toEqual([`pm grant ${APP} android.permission.POST_NOTIFICATIONS`, `dumpsys package ${APP}`, 'dumpsys notification --noredact']);
    expect(run.outcome.record).toEqual({
      finding: 'post-notifications-denied', fix: 'grant-post-notifications', command: `pm grant ${APP} android.permission.POST_NOTIFICATIONS`,
      at: '2026-12-02T12:00:05.000Z', ok: true, after: 'ok',
    });
    expect(run.outcome.before?.severity).toBe('error');
    expect(run.outcome.rechecked).toEqual(['dumpsys-package-app', 'dumpsys-notification']);
    expect(run.report.findings.find((f) => f.id === 'app-notifications-blocked')?.severity).toBe('ok');
    // The other findings are diagnosed again from the kept outputs: DND is still on, as nothing touched it.
    expect(run.report.findings.find((f) => f.id === 'dnd-on')?.severity).toBe('warning');
    expect(run.outputs).toHaveLength(before.outputs.length);
  });

  it('turns DND off through NotificationManager, re-reading settings list global only', async () => {
    const run = await applyFix(port, await audited(), { ref, app: APP, finding: 'dnd-on', fix: 'dnd-off' });
    expect(port.ran).toEqual(['cmd notification set_dnd off', 'settings list global']);
    expect(run.outcome.after?.severity).toBe('ok');
    expect(run.outcome.record.ok).toBe(true);
  });

  it('records a command the phone refused as not ok, with what it printed', async () => {
    const phoneBefore = await audited();
    // The app disappears between the audit and the fix: pm says so.
    phone.state.packages = phone.state.packages.filter((p) => p.name !== APP);
    const run = await applyFix(port, phoneBefore, { ref, app: APP, finding: 'post-notifications-denied', fix: 'grant-post-notifications' });
    expect(run.outcome.record.ok).toBe(false);
    expect(run.outcome.output).toContain(`Unknown package: ${APP}`);
    expect(run.outcome.after?.severity).not.toBe('ok');
  });

  it('refuses a step the audit does not have, a state-changing fix for another step, and a fix the Android version lacks', async () => {
    const phoneBefore = await audited();
    expect(() => fixPlanFor(phoneBefore, { finding: 'no-such-step', fix: 'dnd-off' })).toThrow(DevicePortError);
    expect(() => fixPlanFor(phoneBefore, { finding: 'dnd-on', fix: 'grant-post-notifications' })).toThrow(/not the fix for "dnd-on" \(its fix is "dnd-off"\)/);
    const old = { ...phoneBefore, report: { ...phoneBefore.report, facts: { ...phoneBefore.report.facts, android: { release: '9', sdk: 28 } } } };
    expect(() => fixPlanFor(old, { finding: 'dnd-on', fix: 'dnd-off' })).toThrow(/API 29\+; this phone is API 28/);
    expect(port.ran).toEqual([]);
  });

  it('opens a screen: skips candidates that do not resolve, starts the first that does, and re-checks nothing', async () => {
    phone = await createPhone(profile('xiaomi-hyperos-a14'));
    port = simShellPort(phone);
    const phoneBefore = await audited();
    const run = await applyFix(port, phoneBefore, { ref, app: APP, finding: 'autostart-denied', fix: 'open-autostart-settings' });
    const resolves = port.ran.filter((c) => c.startsWith('cmd package resolve-activity --brief '));
    expect(resolves.length).toBeGreaterThan(1);
    expect(port.ran.filter((c) => c.startsWith('am start'))).toEqual([`am start -a android.settings.APPLICATION_DETAILS_SETTINGS -d package:${APP}`]);
    expect(run.outcome).toMatchObject({ after: null, rechecked: [], record: { ok: true } });
    expect(phone.activityStarts.at(-1)?.component).toBe('com.android.settings/.applications.InstalledAppDetails');
  });
});

describe('the probes a finding needs', () => {
  it('are those whose commands the finding cites', async () => {
    const { outputs } = await audited();
    expect(probesForFinding('dnd-on', outputs, APP).map((p) => p.id)).toEqual(['settings-global']);
    expect(probesForFinding('standby-restricted', outputs, APP).map((p) => p.id)).toEqual(['standby-bucket']);
  });

  it('for an unknown finding that cites nothing, are those whose output would change it', async () => {
    const { outputs } = await audited();
    // Both places the zen mode is read from were lost (the phone went away mid-audit): dnd-on is unknown, with no evidence.
    const gone = new Set(['settings list global', 'dumpsys notification --noredact']);
    const lost: RawOutput[] = outputs.map((o) => (gone.has(o.command) ? { command: o.command, text: null, exitCode: null, error: 'device gone' } : o));
    expect(diagnoseOutputs(lost, APP).findings.find((f) => f.id === 'dnd-on')).toMatchObject({ severity: 'unknown', evidence: [] });
    const needed = probesForFinding('dnd-on', lost, APP).map((p) => p.id);
    expect(needed).toEqual(expect.arrayContaining(['settings-global', 'dumpsys-notification']));
    expect(needed).not.toContain('dumpsys-package-app');
    expect(needed).not.toContain('standby-bucket');
  });
});
