import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DevicePortError, type BatchItem, type BatchOptions, type DeviceInfo, type DevicePort, type DeviceRef } from '../adb/device-port.js';
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
    shellStream: fail,
    close: async () => undefined,
    async shellBatch(_ref: DeviceRef, commands: readonly string[], options?: BatchOptions): Promise<BatchItem[]> {
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

/** A phone whose batch answers `getprop` and fails every other command with `error(command)`. */
function failingPort(error: (command: string) => DevicePortError): DevicePort & { batches: string[][] } {
  const port = vanishingPort();
  port.shellBatch = async (_ref, commands, options) => {
    port.batches.push([...commands]);
    return commands.map((command, index) => {
      const item: BatchItem = command === 'getprop'
        ? { ok: true, command, result: { output: GETPROP, exitCode: 0, durationMs: 3 } }
        : { ok: false, command, error: error(command) };
      options?.onItem?.(index, item);
      return item;
    });
  };
  return port;
}

describe('auditDevice: what adb says, and one error per cause', () => {
  it('keeps the phone `device` when a command was cut while adb still lists it; only that command is unknown', async () => {
    const port = failingPort((command) => (command === 'dumpsys notification --noredact'
      ? new DevicePortError('TRUNCATED_OUTPUT', '`dumpsys notification --noredact` on K50PRO01 stopped after 512 bytes without its end marker')
      : new DevicePortError('COMMAND_FAILED', 'never happens')));
    // Only the notification dump fails: every other probe reads as the real phone's empty answers would.
    port.shellBatch = ((inner) => async (ref, commands, options) => (await inner(ref, commands, options)).map((item) =>
      item.ok || item.error.code === 'TRUNCATED_OUTPUT' ? item : { ok: true as const, command: item.command, result: { output: '', exitCode: 0, durationMs: 1 } }))(port.shellBatch);
    const events: AuditProgress[] = [];
    const report = await auditDevice(port, DEVICE, { app: 'com.example.im', onProgress: (e) => events.push(e) });
    expect(report.state).toBe('device');
    expect(report.errors).toEqual([expect.objectContaining({ code: 'TRUNCATED_OUTPUT', during: 'probe:dumpsys-notification' })]);
    expect(report.findings.find((f) => f.id === 'app-notifications-blocked')?.severity).toBe('unknown');
    expect(events.at(-1)).toMatchObject({ type: 'device-finished', state: 'device', errors: ['TRUNCATED_OUTPUT'] });
  });

  it('merges a lost phone\'s errors into one DEVICE_GONE entry naming every probe, though each message differs', async () => {
    const port = failingPort((command) => new DevicePortError('DEVICE_GONE', `K50PRO01 disconnected during \`${command}\` after 0 bytes`));
    const report = await auditDevice(port, DEVICE, { app: 'com.example.im' });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.code).toBe('DEVICE_GONE');
    expect(report.errors[0]?.during?.split(', ')).toEqual(report.probes?.missing.map((id) => `probe:${id}`));
    expect(report.probes?.missing.length).toBeGreaterThan(5);
  });

  it('says in the progress that an unauthorized phone was not audited', async () => {
    const events: AuditProgress[] = [];
    await auditDevice(vanishingPort(), { ...DEVICE, state: 'unauthorized' }, { app: null, onProgress: (e) => events.push(e) });
    expect(events).toEqual([expect.objectContaining({ type: 'device-finished', serial: DEVICE.serial, state: 'unauthorized', errors: ['DEVICE_UNAUTHORIZED'] })]);
  });

  it('carries the device reference into the report', async () => {
    const report = await auditDevice(vanishingPort(), { ...DEVICE, transportId: 7 }, { app: null });
    expect(report.ref).toEqual({ server: DEVICE.server, serial: DEVICE.serial, transportId: 7 });
  });
});
