import { describe, expect, it } from 'vitest';
import { normalizeState, parseDeviceList } from './device-list.js';

/**
 * Lines as real adb servers printed them, quoted in public threads:
 * prife/goadb#2 (Huawei P10, usb:…X devpath), cocool97/adb_client#94 (Xiaomi 11, dotted usb path),
 * paulo-raca/adb-proxy#31 (Galaxy S23 and a network device without product/model), a Pixel 6a session
 * log (unauthorized), and the "no permissions" line from a Linux host without udev rules.
 */
const SERVER = '127.0.0.1:5037';

describe('parseDeviceList', () => {
  it('reads serial, state, product, model, device and transport id of ready phones', () => {
    const payload = [
      'UYT5T18414003349       device usb:1114112X product:ALP-AL00 model:ALP_AL00 device:HWALP transport_id:23',
      'n311r05e               device usb:0-1.5 product:alioth model:M2012K11AC device:alioth transport_id:58',
      'RQCWB06ZY2X            device usb:3-5.3.2 product:dm3qxxx model:SM_S918B device:dm3q transport_id:27',
      '',
    ].join('\n');
    const { devices, unreadable } = parseDeviceList(payload, SERVER);
    expect(unreadable).toEqual([]);
    expect(devices).toEqual([
      { serial: 'UYT5T18414003349', server: SERVER, state: 'device', product: 'ALP-AL00', model: 'ALP_AL00', device: 'HWALP', transportId: 23 },
      { serial: 'n311r05e', server: SERVER, state: 'device', product: 'alioth', model: 'M2012K11AC', device: 'alioth', transportId: 58 },
      { serial: 'RQCWB06ZY2X', server: SERVER, state: 'device', product: 'dm3qxxx', model: 'SM_S918B', device: 'dm3q', transportId: 27 },
    ]);
  });

  it('reads a network device that has only a transport id', () => {
    const { devices } = parseDeviceList('127.0.0.1:34381        device transport_id:33\n', SERVER);
    expect(devices).toEqual([{ serial: '127.0.0.1:34381', server: SERVER, state: 'device', transportId: 33 }]);
  });

  it('reads an unauthorized phone, which has no model yet', () => {
    const { devices } = parseDeviceList('27211JEGR06194         unauthorized usb:17825792X transport_id:1\n', SERVER);
    expect(devices).toEqual([{ serial: '27211JEGR06194', server: SERVER, state: 'unauthorized', transportId: 1 }]);
  });

  it('reads the two-word "no permissions" state with its udev explanation', () => {
    const line = '59253ADYT113RN no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html] usb:1-1 transport_id:4';
    const { devices } = parseDeviceList(line, SERVER);
    expect(devices).toEqual([{ serial: '59253ADYT113RN', server: SERVER, state: 'no-permissions', transportId: 4 }]);
  });

  it('skips the daemon chatter and header the CLI prints, and keeps odd lines aside instead of throwing', () => {
    const text = [
      '* daemon not running; starting now at tcp:5037',
      '* daemon started successfully',
      'List of devices attached',
      'R58M123ABC\tsomething-new usb:1-1 transport_id:9',
      'garbage',
      'emulator-5556          offline transport_id:2',
    ].join('\n');
    const { devices, unreadable } = parseDeviceList(text, SERVER);
    expect(devices).toEqual([{ serial: 'emulator-5556', server: SERVER, state: 'offline', transportId: 2 }]);
    expect(unreadable).toEqual(['R58M123ABC\tsomething-new usb:1-1 transport_id:9', 'garbage']);
  });
});

describe('normalizeState', () => {
  it.each([
    ['device', 'device'], ['unauthorized', 'unauthorized'], ['authorizing', 'unauthorized'], ['offline', 'offline'],
    ['connecting', 'offline'], ['recovery', 'offline'], ['no permissions (missing udev rules? user is in the plugdev group)', 'no-permissions'],
    ['emulator', 'device'], ['what', null],
  ])('maps %j to %j', (raw, state) => {
    expect(normalizeState(raw)).toBe(state);
  });
});
