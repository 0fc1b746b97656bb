import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PushProgress } from '../../common/ipc/contract.js';
import { createAdbTsPort } from '../../main/adb/adb-ts-adapter.js';
import { createCredentialStore } from '../../main/app/credential-store.js';
import { createLabServices } from '../../main/services/lab-services.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';
import { startPushLab, type PushLab } from '../sim/push-lab.js';

/**
 * The workstation's `push:send` service end to end: credentials from main's store, the base URL from Settings,
 * the closed loop on a simulated phone over the real adb server, the result joining the phone's session.
 */
const APP = 'com.example.im';
let adbPort = 0;
let lab: Lab;
let pushLab: PushLab;
let services: ReturnType<typeof createLabServices>;
const serialOf = (profile: string) => lab.phones.find((p) => p.profile === profile)!.serial;
const refOf = (profile: string) => ({ server: `127.0.0.1:${adbPort}`, serial: serialOf(profile) });
const consoleSpies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];

beforeAll(async () => {
  adbPort = await freePort();
  lab = await startLab({ profiles: ['pixel-a15', 'samsung-oneui-a14'], adbPort });
  for (const p of lab.phones) await runAdb(adbPort, ['-s', p.serial, 'shell', `monkey -p ${APP} -c android.intent.category.LAUNCHER 1`], { timeoutMs: 20_000 });
  pushLab = await startPushLab(lab.phones.map((p) => ({ serial: p.serial, phone: p.phone })), { app: APP, imAccounts: {} });
  const credentials = createCredentialStore({ file: '', safeStorage: null, platform: 'linux' });
  await credentials.setCredential({ route: 'fcm', secret: JSON.stringify(pushLab.credentials.fcm) });
  services = createLabServices(createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], autoStart: false }), {
    push: { secretFor: credentials.secretFor, settings: async () => ({ pushBaseUrls: { fcm: pushLab.servers.get('fcm')!.url } }) },
  });
}, 180_000);

afterAll(async () => {
  await services?.close();
  await pushLab?.close();
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
});

describe('push:send on simulated phones', () => {
  it('local, background: the timeline goes sent → accepted → posted → displayed, and the session report carries it', async () => {
    const ref = refOf('pixel-a15');
    const audited = await services.runAudit({ ref, app: APP }, () => undefined);
    const stages: PushProgress[] = [];
    const r = await services.sendPush({ ref, app: APP, route: 'local', condition: 'background', title: 'Composer test' }, (p) => stages.push(p));
    expect(stages.map((s) => `${s.stage}:${s.ok}`)).toEqual(['sent:true', 'accepted:true', 'posted:true', 'displayed:true']);
    expect(stages.every((s) => s.condition === 'background' && s.total === 1)).toBe(true);
    expect(r.pushTests).toHaveLength(1);
    expect(r.pushTests[0]).toMatchObject({ route: 'local', condition: 'background', accepted: true, displayed: true });
    expect(r.pushTests[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.findings.find((f) => f.id === 'test-push-delivered')?.severity).toBe('ok');
    const session = services.sessions.get(audited.ref!, APP)!;
    const report = services.sessions.reportOf(session);
    expect(report.pushTests.map((t) => t.route)).toContain('local');
    expect(report.findings.some((f) => f.id === 'test-push-delivered')).toBe(true);
  }, 60_000);

  it('fcm through the local server: credentials from the store, base URL from Settings; no secret in result, progress or logs', async () => {
    const stages: PushProgress[] = [];
    const r = await services.sendPush({ ref: refOf('samsung-oneui-a14'), app: APP, route: 'fcm', condition: 'background', channelId: 'new_message' }, (p) => stages.push(p));
    expect(r.pushTests[0], JSON.stringify(r)).toMatchObject({ route: 'fcm', accepted: true, condition: 'background' });
    expect(r.pushTests[0]!.postedAt).not.toBeNull();
    expect(stages.find((s) => s.stage === 'posted')?.ok).toBe(true);
    const seen = JSON.stringify([r, stages, consoleSpies.map((s) => s.mock.calls)]);
    for (const secret of pushLab.secrets) expect(seen.includes(secret), 'a secret leaked').toBe(false);
  }, 60_000);

  it('refuses a server route whose credentials are not set, before touching the phone', async () => {
    await expect(services.sendPush({ ref: refOf('pixel-a15'), app: APP, route: 'huawei', condition: 'background' }, () => undefined))
      .rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'No huawei credentials are set.' });
  });
});
