import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DevicePortError, type BatchItem, type BatchOptions, type DeviceInfo, type DevicePort } from '../adb/device-port.js';
import { auditDevice, collapseErrors } from './audit-device.js';
import type { AuditProgress } from '../../common/domain/progress.js';

const GETPROP = readFileSync(new URL('../../test/fixtures/real/xiaomi-redmi-k50pro-hyperos2-a14/getprop.txt', import.meta.url), 'utf8');
const DEVICE: DeviceInfo = { serial: 'K50PRO01', server: '127.0.0.1:5037', state: 'device' };

/** A phone that answers `getprop` and then vanishes: every other command fails as a lost device does. */
function vanishingPort(): DevicePort & { batches: string[][] } {
  const batches: string[][] = [];
  const fail = (): never => { throw new Error('not used'); };
  return {
    batches,
    listDevices: async () => [DEVICE],
    trackDevices: fail,
    shell: fail,
    pull: fail,
    close: async () => undefined,
    async shellBatch(_serial: string, commands: readonly string[], options?: BatchOptions): Promise<BatchItem[]> {
      batches.push([...commands]);
      return commands.map((command, index) => {
        const item: BatchItem = command === 'getprop'
          ? { ok: true, command, result: { output: GETPROP, exitCode: 0, durationMs: 3 } }
          : { ok: false, command, error: new DevicePortError('DEVICE_GONE', `device ${DEVICE.serial} disconnected`) };
        options?.onItem?.(index, item);
        return item;
      });
    },
  };
}

describe('auditDevice', () => {
  it('runs every probe in one batch and keeps what a phone lost mid-audit had already said', async () => {
    const port = vanishingPort();
    const events: AuditProgress[] = [];
    const report = await auditDevice(port, DEVICE, { app: 'com.example.im', onProgress: (e) => events.push(e) });
    expect(port.batches).toHaveLength(1);
    expect(report.state).toBe('gone');
    expect(report.facts.manufacturer).toBe('Xiaomi');
    expect(report.facts.pushChannel).toBe('xiaomi');
    expect(report.probes?.read).toEqual(['getprop']);
    expect(report.probes?.missing).toContain('dumpsys-notification');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.code).toBe('DEVICE_GONE');
    expect(report.errors[0]?.during).toContain('probe:dumpsys-notification');
    expect(report.findings.find((f) => f.id === 'dnd-on')?.severity).toBe('unknown');
    expect(events[0]?.type).toBe('device-started');
    expect(events.filter((e) => e.type === 'probe-done')).toHaveLength(port.batches[0]!.length);
    expect(events.at(-1)).toMatchObject({ type: 'device-finished', state: 'gone' });
  });

  it('does not touch an unauthorized phone and says what to do', async () => {
    const port = vanishingPort();
    const report = await auditDevice(port, { ...DEVICE, state: 'unauthorized' }, { app: 'com.example.im' });
    expect(port.batches).toHaveLength(0);
    expect(report.state).toBe('unauthorized');
    expect(report.errors[0]?.code).toBe('DEVICE_UNAUTHORIZED');
    expect(report.errors[0]?.message).toMatch(/Allow USB debugging/);
    expect(report.findings).toEqual([]);
  });
});

describe('collapseErrors', () => {
  it('merges one cause hitting many probes into one error naming them all', () => {
    const errors = collapseErrors([
      { code: 'DEVICE_GONE', message: 'gone', during: 'probe:a' },
      { code: 'DEVICE_GONE', message: 'gone', during: 'probe:b' },
      { code: 'TIMEOUT', message: 'slow', during: 'probe:c' },
    ]);
    expect(errors).toEqual([
      { code: 'DEVICE_GONE', message: 'gone', during: 'probe:a, probe:b' },
      { code: 'TIMEOUT', message: 'slow', during: 'probe:c' },
    ]);
  });
});
