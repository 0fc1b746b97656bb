import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdbTsPort, type AdbTsPort } from '../adb/adb-ts-adapter.js';
import { FakeAdbServer } from '../adb/fake-adb-server.test-helper.js';
import { probePlan } from '../probes/probe-plan.js';
import { collapseErrors } from './audit-device.js';
import { collectLive } from './collect-live.js';

let fake: FakeAdbServer;
let port: AdbTsPort;

beforeEach(async () => {
  fake = await new FakeAdbServer().start();
  port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: fake.port }], autoStart: false });
});

afterEach(async () => {
  await port.close();
  await fake.stop();
});

describe('collectLive', () => {
  it('gives a phone that never answers one deadline for all its probes, and says so once', async () => {
    fake.setDevices([{ serial: 'MUTE1', state: 'device', shell: () => ({ output: '', hang: true }) }]);
    const probes = probePlan('com.example.im');
    expect(probes.length).toBeGreaterThan(16);
    const started = Date.now();
    const collection = await collectLive(port, { server: `127.0.0.1:${fake.port}`, serial: 'MUTE1' }, probes, { deadlineMs: 400 });
    const elapsed = Date.now() - started;
    // One round, not one per 16 streams: the deadline is the phone's, not each command's.
    expect(elapsed).toBeLessThan(1_500);
    expect(collection.read).toEqual([]);
    const errors = collapseErrors(collection.errors);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'TIMEOUT', message: 'MUTE1 did not answer within 400 ms (the deadline for reading one phone)' });
  });

  it('reads the phone the reference names when two phones share its serial', async () => {
    const serial = '0123456789ABCDEF';
    const answer = (who: string) => (command: string) => ({ output: command === 'getprop' ? `[ro.product.model]: [${who}]\n` : '', exitCode: 0 });
    fake.setDevices([
      { serial, state: 'device', transportId: 3, shell: answer('first') },
      { serial, state: 'device', transportId: 4, shell: answer('second') },
    ]);
    const collection = await collectLive(port, { server: `127.0.0.1:${fake.port}`, serial, transportId: 4 }, [{ id: 'getprop', command: 'getprop' }]);
    expect(collection.outputs[0]?.text).toBe('[ro.product.model]: [second]\n');
  });
});
