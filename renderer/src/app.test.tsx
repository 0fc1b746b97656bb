import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labFixture } from '../../test/fakes/lab-fixture.js';
import { createFakeApi, type FakeApi, type FakeApiFixture } from '../../test/fakes/push-doctor-api.js';
import { App } from './app.js';
import { startBridge } from './bridge.js';
import { useAppStore } from './stores/app-store.js';
import { useAuditStore } from './stores/audit-store.js';
import { useDeviceStore } from './stores/device-store.js';

let stop: () => void = () => undefined;

async function start(fixture: FakeApiFixture = labFixture()): Promise<FakeApi> {
  const fake = createFakeApi(fixture);
  await act(async () => {
    stop = startBridge(fake.api);
    render(<App />);
  });
  return fake;
}

beforeEach(() => {
  useDeviceStore.setState({ devices: [], selectedKey: null, listError: null, serverErrors: {} });
  useAuditStore.setState({ runs: {}, appPackage: '' });
  useAppStore.setState({ info: null });
});

afterEach(() => {
  stop();
  cleanup();
});

const sidebar = () => screen.getByRole('navigation', { name: 'Phones' });

describe('device sidebar', () => {
  it('lists the phones with their identity, state and what to do', async () => {
    await start();
    const nav = within(sidebar());
    expect(nav.getByText('3b2f9c1e')).toBeTruthy();
    expect(nav.getByText('Xiaomi 23049PCD8G · Android 14 · HyperOS OS1.0.5.0.UMRMIXM')).toBeTruthy();
    expect(nav.getByText('Ready')).toBeTruthy();
    expect(nav.getByText('Unauthorized')).toBeTruthy();
    expect(nav.getByText(/accept "Allow USB debugging\?"/)).toBeTruthy();
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

  it('shows where adb was found', async () => {
    await start();
    expect(within(sidebar()).getByText('adb: /usr/bin/adb')).toBeTruthy();
  });

  it('says what to install when adb is missing', async () => {
    const message = 'adb (Android Debug Bridge) was not found; looked in every folder on PATH. Install it with your package manager: Debian/Ubuntu `sudo apt-get install adb`.';
    await start({ ...labFixture(), adb: { found: false, path: null, source: null, message } });
    expect(within(sidebar()).getByRole('alert').textContent).toBe(message);
  });

  it('asks main to choose adb and shows adb found there; never sends a path of its own', async () => {
    const fake = await start({
      ...labFixture(), adb: { found: false, path: null, source: null, message: 'adb was not found.' }, adbChooser: { picks: '/opt/platform-tools/adb' },
    });
    expect(within(sidebar()).queryByLabelText('adb path')).toBeNull();
    await act(async () => fireEvent.click(within(sidebar()).getByRole('button', { name: 'Choose adb…' })));
    expect(fake.calls.filter((c) => c.method === 'chooseAdb')).toHaveLength(1);
    expect(within(sidebar()).getByText('adb: /opt/platform-tools/adb')).toBeTruthy();

    await act(async () => fireEvent.click(within(sidebar()).getByRole('button', { name: 'Search SDK and PATH again' })));
    expect(fake.calls.filter((c) => c.method === 'setSettings').map((c) => c.args)).toEqual([[{ adbPath: null }]]);
    expect(within(sidebar()).queryByText('adb: /opt/platform-tools/adb')).toBeNull();
    expect(within(sidebar()).getByRole('alert').textContent).toBe('adb was not found.');
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
    expect(fake.listenerCount()).toBe(2);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});

describe('audit pane', () => {
  it('asks for a phone until one is selected', async () => {
    await start();
    expect(screen.getByText('Select a phone')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Audit' })).toBeNull();
  });

  it('shows progress while the audit runs, then the findings grouped by severity, worst first', async () => {
    const fake = await start({ ...labFixture(), holdAudit: true });
    fireEvent.click(within(sidebar()).getByText('3b2f9c1e'));
    fireEvent.change(screen.getByLabelText(/App package/), { target: { value: ' com.tencent.qcloud.tim.tuikit ' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit' })));

    expect(screen.getByRole('status').textContent).toContain('Reading the phone: 5/12 (dumpsys-notification)');
    expect((screen.getByRole('button', { name: 'Auditing…' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.find((c) => c.method === 'runAudit')?.args).toEqual([{ ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 }, app: 'com.tencent.qcloud.tim.tuikit' }]);

    await act(async () => fake.releaseAudit());
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Errors: push cannot show 1', 'Warnings: push may be delayed or silenced 1', 'Worth knowing 1', 'Checked and fine 1',
    ]);
    expect(screen.getByText('App is in the RESTRICTED standby bucket')).toBeTruthy();
    expect(screen.getByText('Open the app, then set Battery saver to "No restrictions" for it.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('audits without an app when the field is empty', async () => {
    const fake = await start();
    fireEvent.click(within(sidebar()).getByText('3b2f9c1e'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit' })));
    expect(fake.calls.find((c) => c.method === 'runAudit')?.args).toEqual([{ ref: { serial: '3b2f9c1e', server: '127.0.0.1:5037', transportId: 3 } }]);
  });

  it('shows a failed audit with what to do', async () => {
    await start({
      ...labFixture(),
      auditError: { code: 'DEVICE_UNAUTHORIZED', message: 'The phone has not allowed USB debugging.', hint: 'Accept the prompt on the phone.' },
    });
    fireEvent.click(within(sidebar()).getByText('R58M123ABC'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Audit' })));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The phone has not allowed USB debugging.');
    expect(alert.textContent).toContain('Accept the prompt on the phone.');
  });
});
