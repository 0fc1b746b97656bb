import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DevicePortError, type BatchItem, type DeviceRef, type StreamResult, type DeviceEvent, type DeviceInfo, type DeviceTracker, type ShellOptions, type ShellResult,
} from '../adb/device-port.js';
import { createDeviceService, identityFromGetprop, type DeviceListEvent, type DeviceServicePort } from './device-service.js';

/** Genuine `getprop` of a POCO X5 Pro on MIUI 14 / Android 12 (the probes' fixture). */
const POCO_MIUI = readFileSync(new URL('../probes/__fixtures__/getprop/xiaomi-poco-x5pro-miui14-a12.txt', import.meta.url), 'utf8');

/**
 * The ROM lines as quoted from HyperOS 1.0 phones in public ROM-detection code (HyperOS keeps
 * ro.build.version.incremental at V816…); the maker/model/Android lines are added for a Xiaomi 14.
 */
const HYPEROS_LINES = [
  '[ro.build.version.incremental]: [V816.0.7.0.UOQCNXM]',
  '[ro.build.version.release]: [14]',
  '[ro.build.version.sdk]: [34]',
  '[ro.mi.os.version.code]: [1]',
  '[ro.mi.os.version.incremental]: [OS1.0.7.0.UOQCNXM]',
  '[ro.mi.os.version.name]: [OS1.0]',
  '[ro.miui.ui.version.name]: [V816]',
  '[ro.product.brand]: [Xiaomi]',
  '[ro.product.manufacturer]: [Xiaomi]',
  '[ro.product.model]: [23127PN0CC]',
].join('\n');

/** The MagicOS 9 ROM lines as quoted in public ROM-detection code; maker/model/name lines from the Magic6 Pro capture. */
const HONOR_LINES = [
  '[msc.config.magic.version]: [9.0]',
  '[ro.build.version.magic]: [MagicOS_9.0.0]',
  '[ro.build.version.release]: [15]',
  '[ro.build.version.sdk]: [35]',
  '[ro.config.marketing_name]: [荣耀Magic6 Pro]',
  '[ro.product.brand]: [HONOR]',
  '[ro.product.manufacturer]: [HONOR]',
  '[ro.product.model]: [BVL-AN16]',
].join('\n');

describe('identityFromGetprop', () => {
  it('reads maker, model, Android and MIUI from a real MIUI 14 getprop', () => {
    expect(identityFromGetprop(POCO_MIUI)).toEqual({
      manufacturer: 'Xiaomi', brand: 'POCO', model: '22101320G', marketName: 'POCO X5 Pro 5G',
      android: { release: '12', sdk: 31 }, rom: { name: 'MIUI', version: 'V140' },
    });
  });

  it('names HyperOS even though the phone still carries the MIUI prop', () => {
    expect(identityFromGetprop(HYPEROS_LINES)?.rom).toEqual({ name: 'HyperOS', version: 'OS1.0.7.0.UOQCNXM' });
  });

  it('reads MagicOS on an Honor phone', () => {
    const identity = identityFromGetprop(HONOR_LINES);
    expect(identity?.rom).toEqual({ name: 'MagicOS', version: 'MagicOS_9.0.0' });
    expect(identity?.android).toEqual({ release: '15', sdk: 35 });
  });

  it('keeps values as text: a model with spaces or a leading zero is never coerced', () => {
    const identity = identityFromGetprop('[ro.product.brand]: [google]\n[ro.product.manufacturer]: [Google]\n[ro.product.model]: [Pixel 7]\n[ro.build.version.release]: [0123]\n[ro.build.version.sdk]: [33]\n');
    expect(identity?.model).toBe('Pixel 7');
    // A Pixel prints no marketing-name property: null, never the model dressed up as one.
    expect(identity?.marketName).toBeNull();
    expect(identity?.android).toEqual({ release: '0123', sdk: 33 });
    // Plain Android names its version by the release, read as text like every other value.
    expect(identity?.rom).toEqual({ name: 'Android', version: '0123' });
  });

  it('returns null, not a guess, for text that is not getprop output', () => {
    expect(identityFromGetprop('/system/bin/sh: getprop: inaccessible or not found\n')).toBeNull();
    expect(identityFromGetprop('')).toBeNull();
  });
});

/** A DevicePort whose devices and getprop answers the test controls. */
class FakePort implements DeviceServicePort {
  devices: DeviceInfo[] = [];
  getprops = new Map<string, string>();
  shellCalls: { serial: string; command: string; server?: string }[] = [];
  listener: ((event: DeviceEvent) => void) | null = null;
  closedTrackers = 0;
  failShell: DevicePortError | null = null;
  shellDelayMs = 0;

  listDevices(): Promise<DeviceInfo[]> {
    return Promise.resolve(this.devices);
  }

  trackDevices(onEvent: (event: DeviceEvent) => void): Promise<DeviceTracker> {
    this.listener = onEvent;
    return Promise.resolve({ close: () => { this.closedTrackers++; } });
  }

  async shell(ref: DeviceRef, command: string, _options?: ShellOptions): Promise<ShellResult> {
    const { serial, server } = ref;
    this.shellCalls.push({ serial, command, server });
    if (this.shellDelayMs) await new Promise((resolve) => setTimeout(resolve, this.shellDelayMs));
    if (this.failShell) throw this.failShell;
    return { output: this.getprops.get(serial) ?? '', exitCode: 0, durationMs: 1 };
  }

  shellBatch(): Promise<BatchItem[]> {
    return Promise.reject(new Error('not used'));
  }

  shellStream(): Promise<StreamResult> {
    return Promise.reject(new Error('not used'));
  }

  pull(): Promise<Buffer> {
    return Promise.reject(new Error('not used'));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const SERVER = '127.0.0.1:5037';

describe('createDeviceService', () => {
  it('lists every phone and adds an identity to the ready ones only', async () => {
    const port = new FakePort();
    port.devices = [
      { serial: 'POCO1', server: SERVER, state: 'device', model: '22101320G' },
      { serial: 'NEW1', server: SERVER, state: 'unauthorized' },
    ];
    port.getprops.set('POCO1', POCO_MIUI);
    const { devices, serverErrors } = await createDeviceService(port).list();
    expect(serverErrors).toEqual([]);
    expect(devices[0]?.identity?.rom).toEqual({ name: 'MIUI', version: 'V140' });
    expect(devices[1]).toEqual({ serial: 'NEW1', server: SERVER, state: 'unauthorized', identity: null });
    expect(port.shellCalls).toEqual([{ serial: 'POCO1', command: 'getprop', server: SERVER }]);
  });

  it('reads each phone once and reuses the identity until the phone leaves', async () => {
    const port = new FakePort();
    port.devices = [{ serial: 'POCO1', server: SERVER, state: 'device' }];
    port.getprops.set('POCO1', POCO_MIUI);
    const service = createDeviceService(port);
    const events: DeviceListEvent[] = [];
    await service.subscribe((event) => events.push(event));
    await service.list();
    await service.list();
    expect(port.shellCalls).toHaveLength(1);

    port.listener?.({ type: 'removed', ref: { serial: 'POCO1', server: SERVER } });
    await service.list();
    expect(port.shellCalls).toHaveLength(2);
  });

  it('does not cache a failed read, and still lists the phone, saying why its identity is missing', async () => {
    const port = new FakePort();
    port.devices = [{ serial: 'P1', server: SERVER, state: 'device' }];
    port.failShell = new DevicePortError('TIMEOUT', 'slow');
    const service = createDeviceService(port);
    const failed = await service.list();
    expect(failed.devices[0]?.identity).toBeNull();
    expect(failed.identityErrors).toEqual([{ ref: { serial: 'P1', server: SERVER }, error: port.failShell }]);
    port.failShell = null;
    port.getprops.set('P1', HONOR_LINES);
    expect((await service.list()).devices[0]?.identity?.model).toBe('BVL-AN16');
  });

  it('emits enriched events in order per phone, so a quick unplug is never followed by a late add', async () => {
    const port = new FakePort();
    port.getprops.set('P1', HONOR_LINES);
    port.shellDelayMs = 30;
    const service = createDeviceService(port);
    const events: DeviceListEvent[] = [];
    await service.subscribe((event) => events.push(event));
    port.listener?.({ type: 'added', device: { serial: 'P1', server: SERVER, state: 'device' } });
    port.listener?.({ type: 'removed', ref: { serial: 'P1', server: SERVER } });
    port.listener?.({ type: 'added', device: { serial: 'P2', server: SERVER, state: 'offline' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.map((e) => `${e.type}:${'device' in e ? e.device.serial : e.type === 'removed' ? e.ref.serial : ''}`))
      .toEqual(['added:P2', 'added:P1', 'removed:P1']);
    expect(events.find((e) => e.type === 'added' && e.device.serial === 'P1')).toMatchObject({ device: { identity: { brand: 'HONOR' } } });
  });

  it('offers the tracker shape the workstation takes, with enriched devices', async () => {
    const port = new FakePort();
    port.getprops.set('P1', HONOR_LINES);
    const service = createDeviceService(port);
    const events: DeviceListEvent[] = [];
    const tracker = await service.trackDevices((event) => events.push(event));
    port.listener?.({ type: 'added', device: { serial: 'P1', server: SERVER, state: 'device' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    tracker.close();
    expect(events).toMatchObject([{ type: 'added', device: { serial: 'P1', identity: { model: 'BVL-AN16', marketName: '荣耀Magic6 Pro' } } }]);
    expect(port.closedTrackers).toBe(1);
  });

  it('passes server errors through and stops on unsubscribe', async () => {
    const port = new FakePort();
    const service = createDeviceService(port);
    const events: DeviceListEvent[] = [];
    const unsubscribe = await service.subscribe((event) => events.push(event));
    const error = new DevicePortError('ADB_UNREACHABLE', 'down');
    port.listener?.({ type: 'server-error', server: SERVER, error });
    await new Promise((resolve) => setTimeout(resolve, 10));
    unsubscribe();
    port.listener?.({ type: 'server-error', server: SERVER, error });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual([{ type: 'server-error', server: SERVER, error }]);
    expect(port.closedTrackers).toBe(1);
  });

  it('reports unreachable servers beside the devices of the others, and rejects when none answers', async () => {
    const port = new FakePort();
    const down = new DevicePortError('ADB_UNREACHABLE', 'refused', 'start it');
    const listing = [
      { server: '10.0.0.2:5037', devices: [], error: down },
      { server: SERVER, devices: [{ serial: 'U1', server: SERVER, state: 'offline' as const }], error: null },
    ];
    const withServers = Object.assign(port, { listServers: () => Promise.resolve(listing) });
    const service = createDeviceService(withServers);
    expect(await service.list()).toEqual({
      devices: [{ serial: 'U1', server: SERVER, state: 'offline', identity: null }],
      serverErrors: [{ server: '10.0.0.2:5037', error: down }],
      identityErrors: [],
    });
    listing.splice(1, 1);
    await expect(service.list()).rejects.toBe(down);
  });
});
