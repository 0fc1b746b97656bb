import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushProgress } from '../../common/ipc/contract.js';
import { labFixture } from '../../test/fakes/lab-fixture.js';
import { createFakeApi, type FakeApi, type FakeApiFixture } from '../../test/fakes/push-doctor-api.js';
import { App } from './app.js';
import { startBridge } from './bridge.js';
import { useDeviceStore } from './stores/device-store.js';
import { usePrefsStore } from './stores/prefs-store.js';
import { usePushStore, withProgress } from './stores/push-store.js';
import { useSettingsStore } from './stores/settings-store.js';

let stop: () => void = () => undefined;
const APP = 'com.tencent.qcloud.tim.tuikit';

async function start(extra: Partial<FakeApiFixture> = {}): Promise<FakeApi> {
  const fake = createFakeApi({
    ...labFixture(),
    credentials: [{ route: 'fcm', set: true, storage: 'session' }, { route: 'huawei', set: false, storage: 'none' }],
    ...extra,
  });
  await act(async () => {
    stop = startBridge(fake.api, { progressBatchMs: 0 });
    render(<App />);
  });
  await act(async () => fireEvent.click(within(screen.getByRole('navigation', { name: 'Phones' })).getByText('3b2f9c1e')));
  fireEvent.change(screen.getByLabelText('App under test'), { target: { value: APP } });
  return fake;
}

beforeEach(() => {
  localStorage.clear();
  useDeviceStore.setState({ devices: [], selectedKey: null, listError: null, serverErrors: {}, lost: {} });
  usePushStore.setState({ runs: {}, drafts: {} });
  usePrefsStore.setState({ theme: 'system', locale: 'en', view: 'phone', apps: {}, onlyAttention: false });
  useSettingsStore.setState({ settings: null, credentials: null, error: null });
});
afterEach(() => {
  stop();
  cleanup();
});

const composer = () => within(screen.getByRole('region', { name: 'Test push' }));
const stageOf = (name: string) => document.querySelector(`[data-stage="${name}"]`) as HTMLElement;

describe('the push store', () => {
  const ref = { server: '127.0.0.1:5037', serial: 'S' };
  const p = (stage: PushProgress['stage'], at: string, ok = true, reason: string | null = null): PushProgress =>
    ({ ref, route: 'local', condition: 'background', index: 0, total: 1, stage, ok, at, reason });

  it('keeps each condition\'s stages in loop order with the time since sent, whatever order they arrive in', () => {
    let tl = withProgress([], p('sent', '2026-12-02T13:00:00.000Z'));
    tl = withProgress(tl, p('posted', '2026-12-02T13:00:00.640Z', false, 'deferred-doze'));
    tl = withProgress(tl, p('accepted', '2026-12-02T13:00:00.100Z'));
    expect(tl).toHaveLength(1);
    expect(tl[0]!.stages.map((s) => [s.stage, s.sinceSentMs, s.reason])).toEqual([
      ['sent', null, null], ['accepted', 100, null], ['posted', 640, 'deferred-doze'],
    ]);
    tl = withProgress(tl, { ...p('sent', '2026-12-02T13:00:10.000Z'), condition: 'locked', index: 1 });
    expect(tl.map((x) => x.condition)).toEqual(['background', 'locked']);
  });
});

describe('the composer', () => {
  it('is labelled, shows which routes have credentials, and offers every condition and "all"', async () => {
    await start();
    const route = composer().getByLabelText('Route') as HTMLSelectElement;
    const options = [...route.options].map((o) => o.textContent);
    expect(options).toContain('fcm — credentials set');
    expect(options).toContain('huawei — no credentials');
    const cond = composer().getByLabelText('Condition') as HTMLSelectElement;
    expect([...cond.options].map((o) => o.value)).toEqual(['foreground', 'background', 'locked', 'killed', 'stopped', 'doze', 'all']);
    fireEvent.change(route, { target: { value: 'huawei' } });
    expect((composer().getByRole('button', { name: 'Send test push' }) as HTMLButtonElement).disabled).toBe(true);
    expect(composer().getByText('Set the huawei credentials in Settings first.')).toBeTruthy();
  });

  it('sends a local push in background and draws the timeline up to displayed with its latency', async () => {
    const fake = await start({ pushLatencyMs: 380 });
    fireEvent.change(composer().getByLabelText('Channel id'), { target: { value: 'new_message' } });
    await act(async () => fireEvent.click(composer().getByRole('button', { name: 'Send test push' })));
    const sent = fake.calls.find((c) => c.method === 'sendPush')!.args[0];
    expect(sent).toMatchObject({ app: APP, route: 'local', condition: 'background', title: 'Push Doctor test', channelId: 'new_message' });
    expect(sent).not.toHaveProperty('token');
    expect(sent).not.toHaveProperty('click');
    expect(screen.getByText('Timeline: background (Home pressed)')).toBeTruthy();
    expect(stageOf('posted').className).toContain('stage-ok');
    expect(within(stageOf('posted')).getByText('+380 ms')).toBeTruthy();
    expect(stageOf('displayed').className).toContain('stage-ok');
    expect(screen.getByText('Posted 380 ms after sending.')).toBeTruthy();
  });

  it('shows where the loop stopped and why, per condition, for "all"', async () => {
    const fake = await start({ pushStopAt: { stage: 'posted', reason: 'app-stopped' } });
    fireEvent.change(composer().getByLabelText('Route'), { target: { value: 'fcm' } });
    fireEvent.change(composer().getByLabelText('Condition'), { target: { value: 'all' } });
    fireEvent.click(composer().getByLabelText('Then tap the notification and check the page it opens'));
    await act(async () => fireEvent.click(composer().getByRole('button', { name: 'Send test push' })));
    expect(fake.calls.find((c) => c.method === 'sendPush')!.args[0]).toMatchObject({ route: 'fcm', condition: 'all', click: true });
    expect(document.querySelectorAll('.push-timeline')).toHaveLength(6);
    expect(screen.getAllByText('stopped: app-stopped')).toHaveLength(6);
    expect(document.querySelectorAll('[data-stage="displayed"].stage-pending')).toHaveLength(6);
  });

  it('shows main\'s composer checks before sending, in the page\'s language', async () => {
    await start({
      pushChecks: [{ id: 'oppo-channel-id', severity: 'error', title: 'OPPO channel', detail: 'The OPPO push names no ChannelID.', remedy: 'Name the channel.', evidence: [], faq: '' }],
    });
    fireEvent.change(composer().getByLabelText('Route'), { target: { value: 'fcm' } });
    await act(async () => new Promise((r) => setTimeout(r, 300)));
    expect(composer().getByRole('group', { name: 'Before sending' }).textContent).toMatch(/names no ChannelID/);
  });

  it('keeps the composer working in zh-CN', async () => {
    await start();
    await act(async () => usePrefsStore.setState({ locale: 'zh-CN' }));
    expect(screen.getByRole('region', { name: '测试推送' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '发送测试推送' })).toBeTruthy();
  });

  it('keeps what was typed when the engineer switches views', async () => {
    await start();
    fireEvent.change(composer().getByLabelText('Route'), { target: { value: 'fcm' } });
    fireEvent.change(composer().getByLabelText('Channel id'), { target: { value: 'im_push' } });
    await act(async () => usePrefsStore.setState({ view: 'settings' }));
    await act(async () => usePrefsStore.setState({ view: 'phone' }));
    expect((composer().getByLabelText('Route') as HTMLSelectElement).value).toBe('fcm');
    expect((composer().getByLabelText('Channel id') as HTMLInputElement).value).toBe('im_push');
  });
});
