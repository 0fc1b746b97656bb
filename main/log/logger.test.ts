import { describe, expect, it } from 'vitest';
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
