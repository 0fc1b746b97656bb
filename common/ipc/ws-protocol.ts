/**
 * The bridge's wire format over a WebSocket (the lab server), shared by the server transport
 * (main/ipc/websocket-transport.ts) and the browser's bridge (renderer/ws-bridge.ts). Pure: the socket
 * is passed in, so the browser's WebSocket and the `ws` client in tests both fit.
 *
 * Client → server: `{ id, channel, args }`. Server → client: `{ id, result }` (the dispatch's Result),
 * `{ id, refused }` (no such channel, too many calls at once: nothing the user did), and
 * `{ event, payload }` pushed by the server.
 */
import type { ClientLink } from './client.js';
import type { EventChannel, InvokeChannel, Result, Unsubscribe } from './contract.js';

/** Where the page opens its WebSocket, on the origin that served it. */
export const BRIDGE_PATH = '/bridge';

/** The largest frame the server reads: a call is a channel and one small argument, far below this. */
export const MAX_REQUEST_FRAME_BYTES = 64 * 1024;

/** Calls one connection may have in flight; more are refused until some answer. */
export const MAX_CALLS_IN_FLIGHT = 32;

/** Close codes the server uses, from RFC 6455 §7.4.1. */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const;

export interface CallFrame {
  id: number;
  channel: string;
  args: unknown[];
}

export type ServerFrame =
  | { id: number; result: Result<unknown> }
  | { id: number; refused: string }
  | { event: EventChannel; payload: unknown };

/** The part of a WebSocket the link needs; the browser's and `ws`'s both have it. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;
const CONNECTING = 0;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A server frame, or null when the text is not one (the link ignores it rather than guess). */
export function parseServerFrame(text: string): ServerFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  if (typeof value.event === 'string') return { event: value.event as EventChannel, payload: value.payload };
  if (typeof value.id !== 'number') return null;
  if (typeof value.refused === 'string') return { id: value.id, refused: value.refused };
  if (isObject(value.result) && typeof value.result.ok === 'boolean') return { id: value.id, result: value.result as Result<unknown> };
  return null;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * A ClientLink over one WebSocket: calls made before it opens wait for it; when it closes, every
 * call still waiting is rejected with the close reason (the bridge turns that into an INTERNAL Result),
 * and later calls are rejected at once.
 */
export function createSocketLink(socket: SocketLike): ClientLink {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const waiting: string[] = [];
  let closedReason: string | null = null;

  socket.addEventListener('open', () => {
    for (const frame of waiting.splice(0)) socket.send(frame);
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    const frame = parseServerFrame(event.data);
    if (!frame) return;
    if ('event' in frame) {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      return;
    }
    const call = pending.get(frame.id);
    if (!call) return;
    pending.delete(frame.id);
    if ('refused' in frame) call.reject(new Error(frame.refused));
    else call.resolve(frame.result);
  });
  const closed = (): void => {
    closedReason ??= 'the connection to the lab server closed; reload the page to reconnect';
    waiting.length = 0;
    for (const call of pending.values()) call.reject(new Error(closedReason));
    pending.clear();
  };
  socket.addEventListener('close', closed);
  socket.addEventListener('error', closed);

  return {
    invoke(channel: InvokeChannel, args: unknown[]): Promise<unknown> {
      if (closedReason !== null) return Promise.reject(new Error(closedReason));
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, args } satisfies CallFrame);
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (socket.readyState === OPEN) socket.send(frame);
        else if (socket.readyState === CONNECTING) waiting.push(frame);
        else closed();
      });
    },
    subscribe(event: EventChannel, listener: (payload: unknown) => void): Unsubscribe {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}
