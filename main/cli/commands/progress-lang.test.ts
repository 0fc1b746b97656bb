import { describe, expect, it } from 'vitest';
import { progressPrinter } from './audit.js';

describe('the audit progress line', () => {
  const ref = { serial: 'POCO1', server: '127.0.0.1:5037', transportId: '1' };
  const lines = (locale: 'en' | 'zh-CN', errors?: string[]) => {
    const out: string[] = [];
    progressPrinter({ stderr: (s: string) => out.push(s), redactor: null }, [], locale)(
      { type: 'device-finished', ref, serial: 'POCO1', state: 'device', counts: { ok: 3 }, ...(errors ? { errors } : {}) } as never);
    return out.join('');
  };

  it('says what became of the phone in the reader\'s language', () => {
    expect(lines('en')).toBe('POCO1: audited (3 ok)\n');
    expect(lines('zh-CN')).toBe('POCO1: 已检查 (3 ok)\n');
    expect(lines('zh-CN', ['TIMEOUT'])).toBe('POCO1: 部分读取（TIMEOUT） (3 ok)\n');
  });
});
