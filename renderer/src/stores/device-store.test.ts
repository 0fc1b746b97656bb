import { beforeEach, describe, expect, it } from 'vitest';
import { refKey } from '../../../common/domain/device.js';
import { useDeviceStore } from './device-store.js';

beforeEach(() => useDeviceStore.setState({ devices: [], selectedKey: null, listError: null, serverErrors: {} }));

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
    store.applyEvent({ type: 'removed', ref: { serial: 'ABC', server: '10.0.0.1:5037' } });
    expect(useDeviceStore.getState().devices.map((d) => d.server)).toEqual(['10.0.0.2:5037']);
  });

  it('tells apart two phones sharing a serial on one server by transport id, and selects one of them', () => {
    const store = useDeviceStore.getState();
    const server = '127.0.0.1:5037';
    store.applyEvent({ type: 'added', device: { serial: '0123456789ABCDEF', server, transportId: 7, state: 'device' } });
    store.applyEvent({ type: 'added', device: { serial: '0123456789ABCDEF', server, transportId: 9, state: 'unauthorized' } });
    expect(useDeviceStore.getState().devices).toHaveLength(2);
    store.select(refKey({ serial: '0123456789ABCDEF', server, transportId: 9 }));
    expect(useDeviceStore.getState().devices.find((d) => refKey(d) === useDeviceStore.getState().selectedKey)?.state).toBe('unauthorized');
    store.applyEvent({ type: 'removed', ref: { serial: '0123456789ABCDEF', server, transportId: 7 } });
    expect(useDeviceStore.getState().devices.map((d) => d.transportId)).toEqual([9]);
  });

  it('remembers a server error until that server reports a device again', () => {
    const store = useDeviceStore.getState();
    store.applyEvent({ type: 'server-error', server: '10.0.0.1:5037', error: { code: 'ADB_UNREACHABLE', message: 'refused' } });
    expect(Object.keys(useDeviceStore.getState().serverErrors)).toEqual(['10.0.0.1:5037']);
    store.applyEvent({ type: 'added', device: { serial: 'ABC', server: '10.0.0.1:5037', state: 'device' } });
    expect(useDeviceStore.getState().serverErrors).toEqual({});
  });
});
