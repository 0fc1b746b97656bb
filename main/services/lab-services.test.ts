import { describe, expect, it } from 'vitest';
import type { BatchItem, DeviceInfo, DevicePort } from '../adb/device-port.js';
import { createLabServices } from './lab-services.js';

const PHONE: DeviceInfo = { serial: 'R58M1', server: '127.0.0.1:5037', state: 'device' };

function fakePort(): DevicePort & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    listDevices: async () => [PHONE],
    trackDevices: async () => ({ close: () => undefined }),
    shell: async (_s, command) => {
      commands.push(command);
      return { output: '', exitCode: 0, durationMs: 1 };
    },
    shellBatch: async (_s, list) => {
      commands.push(...list);
      return list.map((command): BatchItem => ({ ok: true, command, result: { output: '', exitCode: 0, durationMs: 1 } }));
    },
    shellStream: async () => ({ exitCode: 0, cancelled: false, lines: 0, durationMs: 1 }),
    pull: async () => Buffer.alloc(0),
    close: async () => undefined,
  };
}

describe('lab services', () => {
  it('refuses a package name that is not one before any command is built', async () => {
    const port = fakePort();
    const lab = createLabServices(port);
    await expect(lab.runAudit({ ref: PHONE, app: 'com.x; reboot' }, () => undefined)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(port.commands).toEqual([]);
  });

  it('says a phone that left is no longer connected', async () => {
    const lab = createLabServices(fakePort());
    await expect(lab.runAudit({ ref: { ...PHONE, serial: 'GONE1' } }, () => undefined)).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });

  it('audits an attached phone and streams its progress', async () => {
    const port = fakePort();
    const events: string[] = [];
    const report = await createLabServices(port).runAudit({ ref: PHONE, app: 'com.example.im' }, (e) => events.push(e.type));
    expect(report.serial).toBe(PHONE.serial);
    expect(port.commands).toContain('dumpsys package com.example.im');
    expect(events[0]).toBe('device-started');
    expect(events.at(-1)).toBe('device-finished');
  });

  it('audits the phone the reference names when two phones on one server share its serial', async () => {
    const twins: DeviceInfo[] = [
      { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 5, state: 'device' },
      { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 6, state: 'unauthorized' },
    ];
    const port = { ...fakePort(), listDevices: async () => twins };
    const lab = createLabServices(port);
    const second = await lab.runAudit({ ref: { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 6 } }, () => undefined);
    expect(second).toMatchObject({ state: 'unauthorized', ref: { transportId: 6 } });
    expect(port.commands).toEqual([]);
    const first = await lab.runAudit({ ref: { serial: '0123456789ABCDEF', server: '127.0.0.1:5037', transportId: 5 } }, () => undefined);
    expect(first).toMatchObject({ state: 'device', ref: { transportId: 5 } });
    // Without a transport id the serial names neither phone.
    await expect(lab.runAudit({ ref: { serial: '0123456789ABCDEF', server: '127.0.0.1:5037' } }, () => undefined))
      .rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });
});
