import { beforeEach, describe, expect, it } from 'vitest';
import { useDeviceStore } from './device-store.js';

beforeEach(() => useDeviceStore.setState({ devices: [], selectedSerial: null, listError: null, serverErrors: {} }));

describe('device store', () => {
  it('keeps the identity it knew when a tracker event changes only the state', () => {
    const identity = { manufacturer: 'HUAWEI', brand: 'HUAWEI', model: 'ELS-NX9', android: { release: '10', sdk: 29 }, rom: { name: 'EMUI' as const, version: '12.0.0' } };
    useDeviceStore.getState().setDevices([{ serial: 'ABC', server: '127.0.0.1:5037', state: 'device', identity }]);
    useDeviceStore.getState().applyEvent({ type: 'changed', device: { serial: 'ABC', server: '127.0.0.1:5037', state: 'offline' } });
    expect(useDeviceStore.getState().devices).toEqual([{ serial: 'ABC', server: '127.0.0.1:5037', state: 'offline', identity }]);
  });

  it('takes the identity an event brings', () => {
    const identity = { manufacturer: 'vivo', brand: 'vivo', model: 'V2219', android: { release: '13', sdk: 33 }, rom: { name: 'OriginOS' as const, version: '3.0' } };
    useDeviceStore.getState().applyEvent({ type: 'added', device: { serial: 'V1', server: '127.0.0.1:5037', state: 'device', identity } });
    expect(useDeviceStore.getState().devices[0]?.identity).toEqual(identity);
  });

  it('tells apart the same serial on two servers', () => {
    const store = useDeviceStore.getState();
    store.applyEvent({ type: 'added', device: { serial: 'ABC', server: '10.0.0.1:5037', state: 'device' } });
    store.applyEvent({ type: 'added', device: { serial: 'ABC', server: '10.0.0.2:5037', state: 'device' } });
    store.applyEvent({ type: 'removed', serial: 'ABC', server: '10.0.0.1:5037' });
    expect(useDeviceStore.getState().devices.map((d) => d.server)).toEqual(['10.0.0.2:5037']);
  });

  it('remembers a server error until that server reports a device again', () => {
    const store = useDeviceStore.getState();
    store.applyEvent({ type: 'server-error', server: '10.0.0.1:5037', error: { code: 'ADB_UNREACHABLE', message: 'refused' } });
    expect(Object.keys(useDeviceStore.getState().serverErrors)).toEqual(['10.0.0.1:5037']);
    store.applyEvent({ type: 'added', device: { serial: 'ABC', server: '10.0.0.1:5037', state: 'device' } });
    expect(useDeviceStore.getState().serverErrors).toEqual({});
  });
});
