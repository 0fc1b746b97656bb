import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from './dispatch.js';
import { allHandlers, type Services } from './register.js';
import { DEFAULT_SETTINGS } from '../app/settings-store.js';

const ref = { server: '127.0.0.1:5037', serial: 'R58M123ABC', transportId: 2 };
const caller = { origin: 'app://bundle', mainFrame: true };

function services() {
  const svc = {
    appInfo: vi.fn(), listDevices: vi.fn(), runAudit: vi.fn(), chooseAdb: vi.fn(), openExternal: vi.fn(),
    getSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    setSettings: vi.fn(async (patch: object) => ({ ...DEFAULT_SETTINGS, ...patch })),
    listPackages: vi.fn(async () => ['com.example.im']),
    planFix: vi.fn(async () => ({ fix: 'dnd-off', title: 'Turn Do Not Disturb off', changesState: true, commands: ['cmd notification set_dnd off'], note: '' })),
    applyFix: vi.fn(async () => ({ outcome: 'stands in' })),
    setAnswer: vi.fn(async () => []),
    exportReport: vi.fn(async () => ({ saved: false })),
    listCredentials: vi.fn(async () => []),
    setCredential: vi.fn(async () => []),
    clearCredential: vi.fn(async () => []),
  };
  return svc;
}

async function call(svc: ReturnType<typeof services>, channel: string, arg?: unknown) {
  const dispatch = createDispatch(allHandlers(svc as unknown as Services, svc as unknown as Services), { trustedOrigins: ['app://bundle'] });
  const outcome = await dispatch.call(channel, arg === undefined ? [] : [arg], caller, () => undefined);
  if (outcome.refused) throw new Error(outcome.reason);
  return outcome.result;
}

describe('the workstation channels', () => {
  it('hand each valid payload to its service, parsed', async () => {
    const svc = services();
    const fix = { ref, app: 'com.example.im', finding: 'dnd-on', fix: 'dnd-off' };
    expect(await call(svc, 'device:packages', { ref })).toEqual({ ok: true, value: ['com.example.im'] });
    expect(svc.listPackages).toHaveBeenCalledWith(ref);
    await call(svc, 'fix:plan', fix);
    expect(svc.planFix).toHaveBeenCalledWith(fix);
    await call(svc, 'fix:apply', fix);
    expect(svc.applyFix).toHaveBeenCalledWith(fix);
    await call(svc, 'answer:set', { ref, finding: 'session-logged-out', answer: 'unsure', note: 'asked' });
    expect(svc.setAnswer).toHaveBeenCalledWith({ ref, finding: 'session-logged-out', answer: 'unsure', note: 'asked' });
    await call(svc, 'report:export', { format: 'pdf', refs: [ref], redact: true, locale: 'zh-CN' });
    expect(svc.exportReport).toHaveBeenCalledWith({ format: 'pdf', refs: [ref], redact: true, locale: 'zh-CN' });
    await call(svc, 'credentials:list');
    await call(svc, 'credentials:set', { route: 'huawei', secret: '{"appId":"1"}' });
    expect(svc.setCredential).toHaveBeenCalledWith({ route: 'huawei', secret: '{"appId":"1"}' });
    await call(svc, 'credentials:clear', { route: 'huawei' });
    expect(svc.clearCredential).toHaveBeenCalledWith('huawei');
    expect(await call(svc, 'settings:set', { adbServers: ['192.168.1.20:5037'], theme: 'dark', locale: 'en' }))
      .toMatchObject({ ok: true, value: { adbServers: ['192.168.1.20:5037'], theme: 'dark', locale: 'en' } });
  });

  it.each([
    ['device:packages', { ref: { ...ref, serial: 'a;b' } }],
    ['fix:plan', { ref, finding: 'dnd-on', fix: 'reboot' }],
    ['fix:apply', { ref, app: 'com.x; reboot', finding: 'dnd-on', fix: 'dnd-off' }],
    ['fix:apply', { ref, finding: 'DND ON', fix: 'dnd-off' }],
    ['answer:set', { ref, finding: 'dnd-on', answer: 'perhaps' }],
    ['answer:set', { ref, finding: 'dnd-on', answer: 'yes', note: 'x'.repeat(2001) }],
    ['report:export', { format: 'docx', refs: [ref] }],
    ['report:export', { format: 'json', refs: [] }],
    ['report:export', { format: 'json', refs: [ref], path: '/etc/passwd' }],
    ['credentials:set', { route: 'pager', secret: '{}' }],
    ['credentials:set', { route: 'fcm', secret: 'x'.repeat(64 * 1024 + 1) }],
    ['credentials:clear', { route: 'fcm', all: true }],
    ['settings:set', { adbServers: ['http://192.168.1.20:5037/'] }],
    ['settings:set', { theme: 'neon' }],
    ['settings:set', { adbPath: '/bin/sh' }],
  ])('refuses %s %j with INVALID_INPUT and calls nothing', async (channel, arg) => {
    const svc = services();
    expect(await call(svc, channel, arg)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const fn of Object.values(svc)) if (fn !== svc.getSettings) expect(fn).not.toHaveBeenCalled();
  });
});
