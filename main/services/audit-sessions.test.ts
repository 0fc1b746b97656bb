import { describe, expect, it } from 'vitest';
import { emptyDeviceFacts } from '../../common/domain/facts.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { createAuditSessions } from './audit-sessions.js';

const ref = { server: '127.0.0.1:5037', serial: '0123456789ABCDEF', transportId: 1 };
const twin = { ...ref, transportId: 2 };
const report = (serial: string): DeviceReport => ({ serial, state: 'device', facts: emptyDeviceFacts(), findings: [], pushTests: [], errors: [] });
const fix = { finding: 'dnd-on', fix: 'dnd-off', command: 'cmd notification set_dnd off', at: 't1', ok: true };

describe('audit sessions', () => {
  it('keep each phone and app apart, by the full reference', () => {
    const s = createAuditSessions();
    s.putAudit(ref, 'com.a', [], report('a'), 't0');
    s.putAudit(ref, 'com.b', [], report('b'), 't0');
    s.putAudit(twin, 'com.a', [], report('twin'), 't0');
    expect(s.get(ref, 'com.a')?.report.serial).toBe('a');
    // Without an app: the phone's most recent session.
    expect(s.get(ref)?.report.serial).toBe('b');
    expect(s.get(twin)?.report.serial).toBe('twin');
    expect(s.get({ ...ref, transportId: 9 })).toBeNull();
  });

  it('keep fixes across a new audit of the same phone and app, and one answer per step', () => {
    const s = createAuditSessions();
    const first = s.putAudit(ref, 'com.a', [], report('a'), 't0');
    s.putRecheck(first, [], report('a'), fix, 't1');
    const again = s.putAudit(ref, 'com.a', [], report('a'), 't2');
    s.setAnswer(ref, { finding: 'session-logged-out', answer: 'unsure', at: 't3' });
    expect(s.setAnswer(ref, { finding: 'session-logged-out', answer: 'no', note: 'asked the user', at: 't4' }))
      .toEqual([{ finding: 'session-logged-out', answer: 'no', note: 'asked the user', at: 't4' }]);
    expect(s.reportOf(again)).toMatchObject({ fixes: [fix], answers: [{ answer: 'no' }] });
    expect(s.answers(twin)).toEqual([]);
  });
});

describe('test pushes in the session', () => {
  it('join the report\'s pushTests, and a later run\'s findings replace the earlier ones of the same id', () => {
    const sessions = createAuditSessions();
    const ref = { server: '127.0.0.1:5037', serial: 'S1', transportId: 3 };
    const audit = { id: 'dnd-on', severity: 'ok' as const, title: 'DND', detail: '', evidence: [], remedy: '', faq: '' };
    const session = sessions.putAudit(ref, 'com.example.im', [], { serial: 'S1', ref, state: 'device', facts: emptyDeviceFacts(), findings: [audit], pushTests: [], errors: [] }, '2026-12-02T13:00:00.000Z');
    const test = (latencyMs: number | null) => ({ route: 'local', sentAt: '2026-12-02T13:01:00.000Z', accepted: true, response: { code: '0', meaning: 'posted' }, postedAt: null, latencyMs, displayed: null });
    const delivered = (severity: 'ok' | 'error') => ({ id: 'test-push-delivered', severity, title: 'Delivered', detail: severity, evidence: [], remedy: '', faq: '' });
    sessions.addPushTests(ref, 'com.example.im', [test(null)], [delivered('error')]);
    sessions.addPushTests(ref, 'com.example.im', [test(120)], [delivered('ok')]);
    sessions.addPushTests(ref, 'com.other.app', [test(5)], [delivered('error')]);
    const report = sessions.reportOf(session);
    expect(report.pushTests.map((t) => t.latencyMs)).toEqual([null, 120]);
    expect(report.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['dnd-on:ok', 'test-push-delivered:ok']);
  });
});
