import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { EventChannel, PayloadOf } from '../../common/ipc/contract.js';
import {
  CLOSE, MAX_CALLS_IN_FLIGHT, MAX_REQUEST_FRAME_BYTES, type CallFrame, type ServerFrame,
} from '../../common/ipc/ws-protocol.js';
import type { Caller, Dispatch, Transport } from './dispatch.js';

/**
 * The WebSocket transport: the same dispatch as over Electron, for a browser page served by the lab
 * server. It does not decide who may connect (the lab server checks the token, Host and Origin before
 * it hands over an upgrade); it reads each frame defensively and gives the dispatch the arguments, so
 * the same zod schemas check them. A frame that is not a call closes the connection with a reason (a
 * page of ours never sends one); a call the dispatch refuses, or one too many in flight, gets a
 * `refused` answer; everything else gets the dispatch's Result.
 */

export interface WebSocketTransportOptions {
  /** Frames larger than this close the connection (1009) before they are parsed. */
  maxFrameBytes?: number;
  maxCallsInFlight?: number;
  /** Ping interval; a connection that misses a pong is dropped, so a vanished browser does not linger. */
  heartbeatMs?: number;
}

export interface WebSocketTransport extends Transport {
  /** Completes an upgrade the caller has already authorized, and serves the dispatch on it. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, caller: Caller): void;
  connectionCount(): number;
}

function isCallFrame(value: unknown): value is CallFrame {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const frame = value as Record<string, unknown>;
  return Number.isSafeInteger(frame.id) && (frame.id as number) >= 0
    && typeof frame.channel === 'string' && frame.channel.length <= 64
    && Array.isArray(frame.args);
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** JSON of a frame, or null when the value cannot be serialized (a BigInt or a cycle in a result). */
function encode(frame: ServerFrame): string | null {
  try {
    return JSON.stringify(frame);
  } catch {
    return null;
  }
}

function sendFrame(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  const text = encode(frame);
  if (text !== null) {
    ws.send(text);
  } else if ('id' in frame) {
    ws.send(JSON.stringify({ id: frame.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The answer could not be sent to the page.' } } }));
  }
}

export function serveOverWebSocket(dispatch: Dispatch, options: WebSocketTransportOptions = {}): WebSocketTransport {
  const maxCalls = options.maxCallsInFlight ?? MAX_CALLS_IN_FLIGHT;
  // No compression: a small compressed frame could inflate past the size cap's intent.
  const server = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? MAX_REQUEST_FRAME_BYTES, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  const heartbeat = setInterval(() => {
    for (const ws of server.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  function serve(ws: WebSocket, caller: Caller): void {
    let inFlight = 0;
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // A socket error (a reset, a frame over the cap) ends in 'close'; without a listener it would throw.
    ws.on('error', () => undefined);
    const emit = <E extends EventChannel>(event: E, payload: PayloadOf<E>): void => sendFrame(ws, { event, payload });

    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(CLOSE.unsupportedData, 'binary frames are not accepted');
      let value: unknown;
      try {
        value = JSON.parse(textOf(data));
      } catch {
        return ws.close(CLOSE.invalidPayload, 'frame is not JSON');
      }
      if (!isCallFrame(value)) return ws.close(CLOSE.policy, 'frame is not a call: expected {id, channel, args}');
      const { id, channel, args } = value;
      if (inFlight >= maxCalls) return sendFrame(ws, { id, refused: `${channel} refused: ${maxCalls} calls already in flight` });
      inFlight++;
      dispatch.call(channel, args, caller, emit).then(
        (outcome) => sendFrame(ws, outcome.refused ? { id, refused: outcome.reason } : { id, result: outcome.result }),
        // The dispatch turns handler failures into Results; this is only a last guard for the connection.
        () => sendFrame(ws, { id, refused: `${channel} failed in the transport` }),
      ).finally(() => {
        inFlight--;
      });
    });
  }

  return {
    upgrade(request, socket, head, caller) {
      server.handleUpgrade(request, socket, head, (ws) => serve(ws, caller));
    },
    connectionCount: () => server.clients.size,
    broadcast(event, payload) {
      for (const ws of server.clients) sendFrame(ws, { event, payload });
    },
    close() {
      clearInterval(heartbeat);
      for (const ws of server.clients) ws.close(CLOSE.goingAway, 'the lab server is stopping');
      server.close();
    },
  };
}
