import { createBridgeApi, type ClientLink } from '../../common/ipc/client.js';
import type { EventChannel, PushDoctorApi } from '../../common/ipc/contract.js';
import type { Caller, Dispatch, Transport } from './dispatch.js';

/**
 * A transport over memory, for tests: the shape a WebSocket transport takes (connections that each
 * call and each receive their own events, plus broadcasts to all), without a socket. Payloads are
 * cloned both ways as a wire would. It proves the handlers need nothing from Electron.
 */
export interface MemoryConnection {
  link: ClientLink;
  /** `window.pushDoctor` as a page connected this way would get it. */
  api: PushDoctorApi;
  close(): void;
}

export interface MemoryTransport extends Transport {
  connect(caller: Caller): MemoryConnection;
  connectionCount(): number;
}

type Listener = (payload: unknown) => void;

export function serveInMemory(dispatch: Dispatch): MemoryTransport {
  const connections = new Set<Map<EventChannel, Set<Listener>>>();

  function deliver(listeners: Map<EventChannel, Set<Listener>>, event: EventChannel, payload: unknown): void {
    for (const listener of listeners.get(event) ?? []) listener(structuredClone(payload));
  }

  return {
    connect(caller) {
      const listeners = new Map<EventChannel, Set<Listener>>();
      connections.add(listeners);
      const link: ClientLink = {
        async invoke(channel, args) {
          if (!connections.has(listeners)) throw new Error(`${channel}: connection closed`);
          const outcome = await dispatch.call(channel, structuredClone(args), caller, (event, payload) => deliver(listeners, event, payload));
          if (outcome.refused) throw new Error(outcome.reason);
          return structuredClone(outcome.result);
        },
        subscribe(event, listener) {
          const set = listeners.get(event) ?? new Set<Listener>();
          listeners.set(event, set);
          set.add(listener);
          return () => void set.delete(listener);
        },
      };
      return { link, api: createBridgeApi(link), close: () => void connections.delete(listeners) };
    },
    connectionCount: () => connections.size,
    broadcast(event, payload) {
      for (const listeners of connections) deliver(listeners, event, payload);
    },
    close() {
      connections.clear();
    },
  };
}
