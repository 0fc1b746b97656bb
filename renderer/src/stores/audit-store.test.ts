import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDeviceFacts } from '../../../common/domain/facts.js';
import { refKey } from '../../../common/domain/device.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import { useAuditStore } from './audit-store.js';

const report = (serial: string): DeviceReport => ({ serial, state: 'device', facts: emptyDeviceFacts(), findings: [], pushTests: [], errors: [] });

describe('audit store', () => {
  beforeEach(() => useAuditStore.setState({ runs: {} }));

  it('keeps the audits of two phones sharing a serial apart', () => {
    const a = { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 1 };
    const b = { ...a, transportId: 2 };
    const store = useAuditStore.getState();
    store.started(a, null);
    store.started(b, 'com.example.im');
    store.progressed({ type: 'probe-done', ref: b, serial: b.serial, probe: 'getprop', ok: true, done: 1, total: 9 });
    const runs = useAuditStore.getState().runs;
    expect(runs[refKey(b)]).toMatchObject({ done: 1, total: 9, lastStep: 'getprop', app: 'com.example.im' });
    expect(runs[refKey(a)]).toMatchObject({ done: 0, total: 0, lastStep: null });
  });

  it('keeps the last report through a new audit that fails', () => {
    const ref = { serial: 'R58M1', server: '127.0.0.1:5037' };
    const store = useAuditStore.getState();
    store.started(ref, null);
    store.finished(ref, { report: report('R58M1') });
    store.started(ref, null);
    expect(useAuditStore.getState().runs[refKey(ref)]?.report?.serial).toBe('R58M1');
    store.finished(ref, { error: { code: 'DEVICE_GONE', message: 'gone' } });
    expect(useAuditStore.getState().runs[refKey(ref)]).toMatchObject({ status: 'failed', error: { code: 'DEVICE_GONE' }, report: { serial: 'R58M1' } });
  });

  it('ignores progress of an audit it did not start', () => {
    const ref = { serial: 'X', server: '127.0.0.1:5037' };
    useAuditStore.getState().progressed({ type: 'device-started', ref, serial: 'X', server: ref.server, probes: 3 });
    expect(useAuditStore.getState().runs).toEqual({});
  });
});
