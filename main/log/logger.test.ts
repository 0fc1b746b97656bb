import { describe, expect, it } from 'vitest';
import { createRedactor } from '../report/redact.js';
import { createLogger, type LogRecord } from './logger.js';

describe('logger', () => {
  it('redacts push tokens, e-mail addresses and IMEI-like numbers, even inside an error', () => {
    const records: LogRecord[] = [];
    const log = createLogger('ipc', (r) => records.push(r), () => new Date('2026-11-25T10:00:00Z'));
    const token = 'dGhpc2lzYXZlcnlsb25nZmFrZWZjbXRva2VuMTIzNDU2Nzg5MA1234abcd';
    log.error('audit:run failed', new Error(`setOfflinePushConfig businessID = 27312 pushToken = ${token} for jane.doe@example.com on 866123045678901`));
    const line = records[0]!.message;
    expect(line).not.toContain(token);
    expect(line).not.toContain('jane.doe@example.com');
    expect(line).not.toContain('866123045678901');
    expect(line).toMatch(/pushToken = token#[0-9a-f]{8}/);
    expect(records[0]).toMatchObject({ level: 'error', scope: 'ipc', time: '2026-11-25T10:00:00.000Z' });
  });

  it('names child scopes after their parent', () => {
    const records: LogRecord[] = [];
    createLogger('main', (r) => records.push(r)).child('adb').info('server started');
    expect(records[0]?.scope).toBe('main:adb');
    expect(records[0]?.message).toBe('server started');
  });
});

describe('logger redaction is the one redactor', () => {
  it('hides hardware serials from a getprop line, then everywhere they appear, and phone numbers', () => {
    const records: LogRecord[] = [];
    const log = createLogger('cli', (r) => records.push(r), () => new Date('2026-11-25T10:00:00Z'), createRedactor());
    log.info('read [ro.serialno]: [ERLDU20113007731] and [ro.ril.miui.imei0]: [861234567890123]');
    log.warn('device ERLDU20113007731 went away; call +86 138 0013 8000 or 13800138000');
    const text = records.map((r) => r.message).join('\n');
    for (const secret of ['ERLDU20113007731', '861234567890123', '+86 138 0013 8000', '13800138000']) expect(text).not.toContain(secret);
    expect(text).toMatch(/\[ro\.serialno\]: \[serial#[0-9a-f]{8}\]/);
    expect(records[1]?.message).toMatch(/device serial#[0-9a-f]{8} went away; call phone#[0-9a-f]{8} or phone#[0-9a-f]{8}/);
  });
});
