import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../common/domain/device.js';
import type { BatchItem, DevicePort } from '../adb/device-port.js';
import { auditLab } from './audit-lab.js';

/** A port whose phones answer nothing but count how many are being read at once on each server. */
function countingPort(devices: DeviceInfo[]) {
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  let all = 0;
  const total = { peak: 0 };
  const port: DevicePort = {
    listDevices: async () => devices,
    trackDevices: async () => ({ close() {} }),
    shell: async () => { throw new Error('not used'); },
    shellStream: async () => { throw new Error('not used'); },
    pull: async () => { throw new Error('not used'); },
    close: async () => {},
    async shellBatch(ref, commands): Promise<BatchItem[]> {
      const now = (active.get(ref.server) ?? 0) + 1;
      active.set(ref.server, now);
      peak.set(ref.server, Math.max(peak.get(ref.server) ?? 0, now));
      total.peak = Math.max(total.peak, ++all);
      await new Promise((r) => setTimeout(r, 20));
      active.set(ref.server, (active.get(ref.server) ?? 1) - 1);
      all--;
      return commands.map((command) => ({ ok: true, command, result: { output: '', exitCode: 0, durationMs: 1 } }));
    },
  };
  return { port, peak, total };
}

const phone = (server: string, i: number): DeviceInfo => ({ server, serial: `P${i}`, state: 'device', transportId: i });

describe('auditLab', () => {
  it('bounds the phones read at once per adb server, and runs the servers side by side', async () => {
    const devices = [...Array.from({ length: 6 }, (_, i) => phone('127.0.0.1:5037', i)), ...Array.from({ length: 6 }, (_, i) => phone('10.0.0.2:5037', i))];
    const { port, peak, total } = countingPort(devices);
    const report = await auditLab(port, { app: null, deviceConcurrency: 2 });
    expect(report.devices.map((d) => `${d.ref?.server} ${d.serial}`)).toEqual(devices.map((d) => `${d.server} ${d.serial}`));
    expect(peak.get('127.0.0.1:5037')).toBe(2);
    expect(peak.get('10.0.0.2:5037')).toBe(2);
    expect(total.peak).toBe(4);
  });
});
