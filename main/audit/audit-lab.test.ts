import { describe, expect, it } from 'vitest';
import type { BatchItem, DeviceInfo, DevicePort, DeviceRef } from '../adb/device-port.js';
import { refKey } from '../../common/domain/device.js';
import type { AuditProgress } from '../../common/domain/progress.js';
import { auditLab, resolveTargets } from './audit-lab.js';

const ONE = '127.0.0.1:5037';
const TWO = '10.0.0.2:5037';
const SHARED = '0123456789ABCDEF';

const LAB: DeviceInfo[] = [
  { serial: 'emulator-5554', server: ONE, transportId: 1, state: 'device' },
  { serial: 'emulator-5554', server: TWO, transportId: 1, state: 'device' },
  { serial: SHARED, server: ONE, transportId: 2, state: 'device' },
  { serial: SHARED, server: ONE, transportId: 3, state: 'device' },
  { serial: 'LOCKED1', server: TWO, transportId: 4, state: 'unauthorized' },
];

/** Answers `getprop` with a model naming the phone's ref, so each report shows which phone was read. */
function labPort(): DevicePort & { read: string[] } {
  const read: string[] = [];
  const fail = (): never => { throw new Error('not used'); };
  return {
    read,
    listDevices: async () => LAB,
    trackDevices: fail,
    shell: fail,
    shellStream: fail,
    pull: fail,
    close: async () => undefined,
    async shellBatch(ref: DeviceRef, commands: readonly string[]): Promise<BatchItem[]> {
      read.push(refKey(ref));
      return commands.map((command) => ({
        ok: true, command,
        result: { output: command === 'getprop' ? `[ro.product.model]: [${refKey(ref)}]\n` : '', exitCode: 0, durationMs: 1 },
      }));
    },
  };
}

describe('resolveTargets', () => {
  it('audits a serial named twice once', () => {
    expect(resolveTargets(LAB, { serials: ['LOCKED1', 'LOCKED1'] })).toHaveLength(1);
  });

  it('names every phone under a serial: on two servers, and twice on one server', () => {
    expect(resolveTargets(LAB, { serials: ['emulator-5554'] }).map((t) => ('missing' in t ? null : t.server))).toEqual([ONE, TWO]);
    expect(resolveTargets(LAB, { serials: [SHARED] }).map((t) => ('missing' in t ? null : t.transportId))).toEqual([2, 3]);
  });

  it('keeps a serial no server lists as one not-found target', () => {
    expect(resolveTargets(LAB, { serials: ['NOPE'] })).toEqual([{ missing: { server: '', serial: 'NOPE' } }]);
  });
});

describe('auditLab over references', () => {
  it('reads each phone through its own reference and reports it with that ref', async () => {
    const port = labPort();
    const events: AuditProgress[] = [];
    const report = await auditLab(port, { app: null, serials: ['emulator-5554', SHARED, 'NOPE', SHARED], onProgress: (e) => events.push(e) });
    expect(report.devices.map((d) => (d.ref ? refKey(d.ref) : d.serial))).toEqual([
      `emulator-5554@${ONE}#1`, `emulator-5554@${TWO}#1`, `${SHARED}@${ONE}#2`, `${SHARED}@${ONE}#3`, 'NOPE',
    ]);
    expect(port.read).toHaveLength(4);
    for (const d of report.devices.filter((x) => x.ref)) expect(d.facts.model).toBe(refKey(d.ref!));
    expect(report.devices.at(-1)).toMatchObject({ serial: 'NOPE', errors: [{ code: 'DEVICE_NOT_FOUND' }] });
    // Every phone named gets its line, the one not found included.
    expect(events.filter((e) => e.type === 'device-finished').map((e) => e.serial).sort()).toEqual(
      ['NOPE', SHARED, SHARED, 'emulator-5554', 'emulator-5554'].sort());
  });
});
