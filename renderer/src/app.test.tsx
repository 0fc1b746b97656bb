import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labFixture } from '../../test/fakes/lab-fixture.js';
import { createFakeApi, type FakeApi, type FakeApiFixture } from '../../test/fakes/push-doctor-api.js';
import { App } from './app.js';
import { startBridge } from './bridge.js';
import { useAppStore } from './stores/app-store.js';
import { useAuditStore } from './stores/audit-store.js';
import { useDeviceStore } from './stores/device-store.js';
import { useFixStore } from './stores/fix-store.js';
import { useLabStore } from './stores/lab-store.js';
import { usePackagesStore } from './stores/packages-store.js';
import { usePrefsStore } from './stores/prefs-store.js';
import { useSettingsStore } from './stores/settings-store.js';

let stop: () => void = () => undefined;

async function start(fixture: FakeApiFixture = labFixture()): Promise<FakeApi> {
  const fake = createFakeApi(fixture);
  await act(async () => {
    stop = startBridge(fake.api, { progressBatchMs: 0 });
    render(<App />);
  });
  return fake;
}

beforeEach(() => {
  localStorage.clear();
  useDeviceStore.setState({ devices: [], selectedKey: null, listError: null, serverErrors: {}, lost: {} });
  useAuditStore.setState({ runs: {} });
  useFixStore.setState({ fixes: {} });
  usePackagesStore.setState({ lists: {} });
  useLabStore.setState({ auditAll: null, onlyFailures: false, onlyChanged: false, sortByHost: false });
  usePrefsStore.setState({ theme: 'system', locale: 'en', view: 'phone', apps: {}, onlyAttention: false });
  useSettingsStore.setState({ settings: null, credentials: null, error: null });
  useAppStore.setState({ info: null });
});

afterEach(() => {
  stop();
  cleanup();
});

const sidebar = () => screen.getByRole('navigation', { name: 'Phones' });
const step = (id: string): HTMLElement => document.querySelector(`[data-step="${id}"]`) as HTMLElement;

async function auditXiaomi(fake?: FakeApi, app = 'com.tencent.qcloud.tim.tuikit'): Promise<void> {
  await act(async () => fireEvent.click(within(sidebar()).getByText('3b2f9c1e')));
  fireEvent.change(screen.getByLabelText('App under test'), { target: { value: app } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit' })));
  if (fake) expect(fake.calls.some((c) => c.method === 'runAudit')).toBe(true);
}

describe('device sidebar', () => {
  it('lists the phones with their identity, channel, server, state and what to do', async () => {
    await start();
    const nav = within(sidebar());
    expect(nav.getByText('3b2f9c1e')).toBeTruthy();
    expect(nav.getByText('Xiaomi POCO F5 (23049PCD8G) · Android 14 · HyperOS OS1.0.5.0.UMRMIXM')).toBeTruthy();
    expect(nav.getByText('Push channel (by brand): Xiaomi')).toBeTruthy();
    expect(nav.getAllByText('on adb server 127.0.0.1:5037')).toHaveLength(2);
    expect(nav.getByText('Ready')).toBeTruthy();
    expect(nav.getByText('Unauthorized')).toBeTruthy();
    expect(nav.getByText(/accept "Allow USB debugging\?"/)).toBeTruthy();
  });

  it('names the selected phone by its marketing name and model in the phone header', async () => {
    await start();
    await act(async () => fireEvent.click(within(sidebar()).getByText('3b2f9c1e')));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Xiaomi POCO F5 (23049PCD8G) · Android 14 · HyperOS OS1.0.5.0.UMRMIXM');
  });

  it('follows live device events and re-reads the list', async () => {
    const fake = await start();
    const added = { serial: '127.0.0.1:6001', server: '127.0.0.1:5037', state: 'offline' as const, identity: null };
    fake.setDevices([...labFixture().devices, added]);
    await act(async () => fake.emitDeviceEvent({ type: 'added', device: { serial: added.serial, server: added.server, state: 'offline' } }));
    expect(within(sidebar()).getByText('127.0.0.1:6001')).toBeTruthy();
    expect(within(sidebar()).getByText('Offline')).toBeTruthy();

    fake.setDevices(labFixture().devices.slice(0, 1));
    await act(async () => fake.emitDeviceEvent({ type: 'removed', ref: { serial: 'R58M123ABC', server: '127.0.0.1:5037', transportId: 4 } }));
    expect(within(sidebar()).queryByText('R58M123ABC')).toBeNull();
    expect(fake.calls.filter((c) => c.method === 'listDevices')).toHaveLength(3);
  });

  it('shows why the list could not be read, with the hint', async () => {
    await start({
      ...labFixture(),
      listError: { code: 'ADB_MISSING', message: 'adb (Android Debug Bridge) was not found.', hint: 'sudo apt-get install adb' },
    });
    const alert = within(sidebar()).getByRole('alert');
    expect(alert.textContent).toContain('adb (Android Debug Bridge) was not found.');
    expect(alert.textContent).toContain('sudo apt-get install adb');
  });

  it('asks main to choose adb and shows adb found there; never sends a path of its own', async () => {
    const fake = await start({
      ...labFixture(), adb: { found: false, path: null, source: null, message: 'adb was not found.' }, adbChooser: { picks: '/opt/platform-tools/adb' },
    });
    await act(async () => fireEvent.click(within(sidebar()).getByRole('button', { name: 'Choose adb…' })));
    expect(fake.calls.filter((c) => c.method === 'chooseAdb')).toHaveLength(1);
    expect(within(sidebar()).getByText('adb: /opt/platform-tools/adb')).toBeTruthy();

    await act(async () => fireEvent.click(within(sidebar()).getByRole('button', { name: 'Search SDK and PATH again' })));
    expect(fake.calls.filter((c) => c.method === 'setSettings').map((c) => c.args)).toEqual([[{ adbPath: null }]]);
    expect(within(sidebar()).getByRole('alert').textContent).toBe('adb was not found.');
  });

  it('shows where adb was found, or says what to install when it is missing', async () => {
    await start();
    expect(within(sidebar()).getByText('adb: /usr/bin/adb')).toBeTruthy();
    cleanup();
    stop();
    const message = 'adb (Android Debug Bridge) was not found; looked in every folder on PATH. Install it with your package manager: Debian/Ubuntu `sudo apt-get install adb`.';
    await start({ ...labFixture(), adb: { found: false, path: null, source: null, message } });
    expect(within(sidebar()).getByRole('alert').textContent).toBe(message);
  });

  it("shows main's refusal of a chosen file that is not adb, with what to choose", async () => {
    await start({
      ...labFixture(),
      adb: { found: false, path: null, source: null, message: 'adb was not found.' },
      adbChooser: { refused: { code: 'INVALID_INPUT', message: '/bin/sh was not saved as adb: it printed nothing for `version`.', hint: 'Choose platform-tools/adb.' } },
    });
    await act(async () => fireEvent.click(within(sidebar()).getByRole('button', { name: 'Choose adb…' })));
    expect(within(sidebar()).getByText(/\/bin\/sh was not saved as adb: it printed nothing for `version`\. Choose platform-tools\/adb\./)).toBeTruthy();
    expect(within(sidebar()).queryByText('adb: /bin/sh')).toBeNull();
  });

  it('stops listening when the bridge is stopped', async () => {
    const fake = await start();
    expect(fake.listenerCount()).toBe(3);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('phone view', () => {
  it('asks for a phone until one is selected', async () => {
    await start();
    expect(screen.getByText('Select a phone on the left to audit it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Audit' })).toBeNull();
  });

  it('offers the phone\'s third-party apps and remembers the app per phone', async () => {
    const fake = await start();
    await auditXiaomi(fake, 'com.example.im');
    expect(fake.calls.find((c) => c.method === 'listPackages')?.args).toEqual([{ ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 } }]);
    const options = [...document.querySelectorAll('datalist option')].map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual(['com.example.im', 'com.tencent.qcloud.tim.tuikit', 'com.tencent.mm']);
    expect(screen.getByText('3 third-party apps on this phone: type to search.')).toBeTruthy();
    const saved = JSON.parse(localStorage.getItem('push-doctor:prefs') ?? '{}') as { state?: { apps?: Record<string, string> } };
    expect(saved.state?.apps).toEqual({ '3b2f9c1e@127.0.0.1:5037': 'com.example.im' });
    expect(JSON.stringify(saved)).not.toContain('findings');
  });

  it('shows progress while the audit runs, then the verdict naming the root cause and the checklist by section', async () => {
    const fake = await start({ ...labFixture(), holdAudit: true });
    await auditXiaomi();
    expect(screen.getByRole('status').textContent).toContain('Reading the phone: 5/12 (dumpsys-notification)');
    expect((screen.getByRole('button', { name: 'Auditing…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.find((c) => c.method === 'runAudit')?.args).toEqual([{ ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 }, app: 'com.tencent.qcloud.tim.tuikit' }]);

    await act(async () => fake.releaseAudit());
    const verdict = screen.getByTestId('verdict');
    // The permission is the cause; the blocked-app line is its consequence, not a second problem.
    expect(verdict.textContent).toContain('Push cannot show on this phone: POST_NOTIFICATIONS is not granted');
    expect(verdict.textContent).toContain('It also explains why these checks fail: “App notifications are allowed”.');
    expect(within(step('app-notifications-blocked')).getByText('A consequence of the failed check “Notification permission is granted”: fix that one first.')).toBeTruthy();

    const sections = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections.slice(0, 3)).toEqual(['0. Session state', '1. The push channel for this phone', '2. The app\'s build']);
    expect(sections).toContain('5. Notification settings on the phone');
    // FAQ order within a section: the permission comes after the app switch, DND after the lock screen.
    const ids = [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step'));
    expect(ids.indexOf('app-notifications-blocked')).toBeLessThan(ids.indexOf('post-notifications-denied'));
    expect(ids.indexOf('lockscreen-hidden')).toBeLessThan(ids.indexOf('dnd-on'));
    // Another channel's steps are left out (vivo keys on a Xiaomi).
    expect(ids).not.toContain('vivo-manifest-keys');

    expect(within(step('dnd-on')).getByText('At risk')).toBeTruthy();
    expect(within(step('lockscreen-hidden')).getByText('Passed')).toBeTruthy();
    expect(within(step('battery-optimized')).getByText('Not checked')).toBeTruthy();
    expect(within(step('dnd-on')).getByText('$ settings get global zen_mode')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('fixes a finding after showing the exact command, and shows before → after', async () => {
    const fake = await start();
    await auditXiaomi();
    await act(async () => fireEvent.click(within(step('dnd-on')).getByRole('button', { name: 'Fix on the phone: Turn Do Not Disturb off' })));
    const dialog = screen.getByRole('dialog', { name: 'Turn Do Not Disturb off' });
    expect(within(dialog).getByText('adb shell cmd notification set_dnd off')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Run on the phone');
    expect(fake.calls.some((c) => c.method === 'applyFix')).toBe(false);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Run on the phone' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.find((c) => c.method === 'applyFix')?.args).toEqual([
      { ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 }, app: 'com.tencent.qcloud.tim.tuikit', finding: 'dnd-on', fix: 'dnd-off' },
    ]);
    const result = within(step('dnd-on')).getByRole('status');
    expect(result.textContent).toContain('Re-checked: At risk → Passed');
    expect(within(step('dnd-on')).getAllByText('Passed').length).toBeGreaterThan(0);
  });

  it('narrows the checklist to the steps that need attention, keeping a step just fixed in view', async () => {
    await start();
    await auditXiaomi();
    await act(async () => fireEvent.click(within(step('dnd-on')).getByRole('button', { name: /Fix on the phone/ })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Run on the phone' })));
    await act(async () => fireEvent.click(screen.getByLabelText('Only the steps that need attention (4)')));
    const ids = [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step'));
    expect(ids).toEqual(['session-logged-out', 'app-notifications-blocked', 'post-notifications-denied', 'dnd-on', 'standby-restricted']);
  });

  it('closes the confirmation with Escape without running anything', async () => {
    const fake = await start();
    await auditXiaomi();
    await act(async () => fireEvent.click(within(step('dnd-on')).getByRole('button', { name: /Fix on the phone/ })));
    await act(async () => fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((c) => c.method === 'applyFix')).toBe(false);
  });

  it('says what an open-screen fix opened', async () => {
    await start();
    await auditXiaomi();
    await act(async () => fireEvent.click(within(step('app-notifications-blocked')).getByRole('button', { name: /Open on the phone/ })));
    expect(screen.getByRole('dialog').textContent).toContain('This opens a screen on the phone');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Open on the phone' })));
    const result = within(step('app-notifications-blocked')).getByRole('status');
    expect(result.textContent).toContain('Opened on the phone');
    expect(result.textContent).toContain('am start -a android.settings.APP_NOTIFICATION_SETTINGS');
  });

  it('records a manual answer with its note', async () => {
    const fake = await start();
    await auditXiaomi();
    const manual = step('session-logged-out');
    fireEvent.click(within(manual).getByLabelText('no'));
    fireEvent.change(within(manual).getByLabelText('Note (optional)'), { target: { value: 'kicked by a login on a tablet' } });
    await act(async () => fireEvent.click(within(manual).getByRole('button', { name: 'Save answer' })));
    expect(fake.calls.find((c) => c.method === 'setAnswer')?.args).toEqual([
      { ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 }, finding: 'session-logged-out', answer: 'no', note: 'kicked by a login on a tablet' },
    ]);
    expect(within(manual).getByText('Saved: no.')).toBeTruthy();
    expect(useAuditStore.getState().runs['3b2f9c1e@127.0.0.1:5037#3']?.report?.answers?.[0]?.answer).toBe('no');
  });

  it('keeps what was read when the phone is unplugged, and says so', async () => {
    const fake = await start();
    await auditXiaomi();
    fake.setDevices(labFixture().devices.slice(1));
    await act(async () => fake.emitDeviceEvent({ type: 'removed', ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 } }));
    expect(screen.getByRole('alert').textContent).toContain('This phone is disconnected.');
    expect(screen.getByRole('alert').textContent).toContain('What was read before is kept below.');
    expect(step('dnd-on')).toBeTruthy();
    expect((within(step('dnd-on')).getByRole('button', { name: /Fix on the phone/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(sidebar()).getByText('Disconnected')).toBeTruthy();
  });

  it('tells what to do for an unauthorized phone and does not audit it', async () => {
    await start();
    await act(async () => fireEvent.click(within(sidebar()).getByText('R58M123ABC')));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This phone has not allowed USB debugging from this computer yet.');
    expect(alert.textContent).toContain('Allow USB debugging?');
    expect((screen.getByRole('button', { name: 'Audit' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a failed audit with what to do', async () => {
    await start({ ...labFixture(), auditError: { code: 'DEVICE_GONE', message: 'The phone disconnected.', hint: 'Re-plug it.' } });
    await auditXiaomi();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The phone disconnected.');
    expect(alert.textContent).toContain('Re-plug it.');
  });
});

describe('lab view', () => {
  it('audits every ready phone, shows the matrix with each verdict, filters to failures and exports', async () => {
    const fake = await start({ ...labFixture(), exportTo: '/tmp/lab' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lab' })));
    fireEvent.change(screen.getByLabelText('App for phones without one'), { target: { value: 'com.example.im' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit all' })));
    expect(fake.calls.filter((c) => c.method === 'runAudit').map((c) => (c.args[0] as { ref: { serial: string } }).ref.serial)).toEqual(['3b2f9c1e']);
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Phone', 'Verdict', 'Permission', 'Notifi\u00ADcations', 'Do Not Disturb', 'Push service', 'Standby', 'Battery', 'Autostart', 'Changes']);
    const xiaomi = within(table).getByRole('row', { name: /3b2f9c1e/ });
    expect(xiaomi.textContent).toContain('Push cannot show on this phone');
    expect(within(table).getByRole('row', { name: /R58M123ABC/ }).textContent).toContain('Unauthorized');

    fireEvent.change(screen.getByLabelText('Export as'), { target: { value: 'csv' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export 1 audited' })));
    expect(fake.exported()).toEqual({ format: 'csv', refs: [{ serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 }], redact: true, locale: 'en' });
    expect(screen.getByText('Saved /tmp/lab.csv (2,048 bytes).')).toBeTruthy();
  });

  it('shows per phone what changed since its previous audit, and filters to the phones that changed', async () => {
    const fixture = labFixture();
    fixture.report = {
      ...fixture.report,
      previousAuditAt: '2026-11-24T09:00:00.000Z',
      changes: [
        { path: 'system.zenMode', before: 0, after: 1 },
        { finding: 'dnd-on', before: 'ok', after: 'warning' },
      ],
    };
    await start(fixture);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lab' })));
    const onlyChanged = screen.getByLabelText('Only phones that changed since their last audit');
    // Before any audit nothing is known to have changed: the filter leaves no row and says why.
    fireEvent.click(onlyChanged);
    expect(screen.getByText('No phone changed since its last audit.')).toBeTruthy();
    fireEvent.click(onlyChanged);

    fireEvent.change(screen.getByLabelText('App for phones without one'), { target: { value: 'com.example.im' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit all' })));
    const table = screen.getByRole('table');
    const xiaomi = within(table).getByRole('row', { name: /3b2f9c1e/ });
    const cell = xiaomi.querySelector('.changes-cell') as HTMLElement;
    expect(within(cell).getByText('2')).toBeTruthy();
    expect(within(cell).getByText(/^2 changes since Nov 24, 2026/)).toBeTruthy();
    const list = cell.querySelector('details') as HTMLDetailsElement;
    expect(list.open).toBe(false);
    fireEvent.click(within(cell).getByText('2'));
    expect(list.textContent).toContain('system.zenMode: 0 → 1');
    expect(list.textContent).toContain('Do Not Disturb is off: Passed → At risk');
    // A phone not audited has no changes column entry.
    expect((within(table).getByRole('row', { name: /R58M123ABC/ }).querySelector('.changes-cell') as HTMLElement).textContent).toBe('');

    fireEvent.click(onlyChanged);
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-serial'))).toEqual(['3b2f9c1e']);
    expect(useLabStore.getState().onlyChanged).toBe(true);
  });

  it('says first audit for a phone with no previous one, and counts 0 when nothing changed', async () => {
    const fixture = labFixture();
    fixture.report = { ...fixture.report, changes: [] };
    await start(fixture);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lab' })));
    fireEvent.change(screen.getByLabelText('App for phones without one'), { target: { value: 'com.example.im' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit all' })));
    const cell = () => screen.getByRole('table').querySelector('tr[data-serial="3b2f9c1e"] .changes-cell') as HTMLElement;
    expect(cell().textContent).toBe('first audit');
    fireEvent.click(screen.getByLabelText('Only phones that changed since their last audit'));
    expect(screen.getByText('No phone changed since its last audit.')).toBeTruthy();
  });
});

describe('settings', () => {
  it('lists credential routes by name and state, takes a pasted secret and never shows it back', async () => {
    const fake = await start();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Settings' })));
    const fcm = screen.getByRole('row', { name: /fcm/ });
    expect(fcm.textContent).toContain('Not set');
    await act(async () => fireEvent.click(within(fcm).getByRole('button', { name: 'Paste…' })));
    const secret = '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----"}';
    fireEvent.change(screen.getByLabelText('The credential for fcm, as the vendor console gave it'), { target: { value: secret } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    expect(screen.getByRole('row', { name: /fcm/ }).textContent).toContain('Set');
    expect(document.body.textContent).not.toContain('BEGIN PRIVATE KEY');
    expect(fake.calls.find((c) => c.method === 'setCredential')?.args).toEqual([{ route: 'fcm' }]);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Clear the credential for tencent-im' })));
    expect(screen.getByRole('row', { name: /tencent-im/ }).textContent).toContain('Not set');
  });

  it('adds an adb server in host:port form only', async () => {
    const fake = await start();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Settings' })));
    const input = screen.getByLabelText('Add a server (host:port)');
    fireEvent.change(input, { target: { value: 'lab-2 5037' } });
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '192.168.1.20:5037' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add' })));
    expect(fake.calls.filter((c) => c.method === 'setSettings').map((c) => c.args)).toEqual([[{ adbServers: ['192.168.1.20:5037'] }]]);
    expect(screen.getByText('192.168.1.20:5037')).toBeTruthy();
  });

  it('switches theme and language at once and tells main', async () => {
    const fake = await start();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Settings' })));
    await act(async () => fireEvent.click(screen.getByLabelText('Dark')));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(async () => fireEvent.click(screen.getByLabelText('简体中文')));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('navigation', { name: '手机' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '设置' })).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'setSettings').map((c) => c.args[0])).toEqual([{ theme: 'dark' }, { locale: 'zh-CN' }]);
    await act(async () => fireEvent.click(screen.getByLabelText('跟随系统', { selector: 'input[name="theme"]' })));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
