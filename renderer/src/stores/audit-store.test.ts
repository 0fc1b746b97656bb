import { beforeEach, describe, expect, it } from 'vitest';
import { refKey } from '../../../common/domain/device.js';
import { useAuditStore } from './audit-store.js';

describe('audit store', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the app under test across restarts, but not the audits', () => {
    useAuditStore.getState().setAppPackage('com.example.im');
    useAuditStore.getState().started({ serial: 'R58M1', server: '127.0.0.1:5037' });
    const saved = JSON.parse(localStorage.getItem('push-doctor:audit') ?? '{}') as { state?: Record<string, unknown> };
    expect(saved.state).toEqual({ appPackage: 'com.example.im' });
  });

  it('keeps the audits of two phones sharing a serial apart', () => {
    const a = { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 1 };
    const b = { ...a, transportId: 2 };
    const store = useAuditStore.getState();
    store.started(a);
    store.started(b);
    store.progressed({ type: 'probe-done', ref: b, serial: b.serial, probe: 'getprop', ok: true, done: 1, total: 9 });
    const runs = useAuditStore.getState().runs;
    expect(runs[refKey(b)]).toMatchObject({ done: 1, total: 9, lastStep: 'getprop' });
    expect(runs[refKey(a)]).toMatchObject({ done: 0, total: 0, lastStep: null });
  });
});
