import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * The shared shell of the local push servers: node:http on 127.0.0.1, port 0. Each server records every request
 * it got and hands each push it accepted to `onAccepted`, so the next step can deliver it to a simulated phone.
 */

export type PushServerRoute = 'tencent-im' | 'fcm' | 'huawei' | 'honor' | 'xiaomi' | 'oppo' | 'vivo' | 'meizu';

export interface AcceptedPush {
  route: PushServerRoute;
  /** Push token, or the IM account for tencent-im. */
  token: string;
  title: string;
  body: string;
  channelId: string | null;
  priority: 'high' | 'normal' | null;
  data: Record<string, string>;
  /** A notification the vendor service shows, or a data message handed to the app. */
  kind: 'notification' | 'data';
  /** What the server was sent, parsed (for assertions beyond the common fields). */
  raw: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  /** The body parsed as a form, when it is form-encoded. */
  form: Record<string, string> | null;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface CommonServerOptions {
  onAccepted?: (push: AcceptedPush) => void;
  /** Server clock (ms epoch); default Date.now. */
  now?: () => number;
  /** Serve HTTPS with this key and certificate (test/push-servers/tls) instead of plain HTTP. */
  tls?: { key: string; cert: string };
}

export interface PushServer {
  /** http://127.0.0.1:PORT (https:// with `tls`) */
  url: string;
  requests: RecordedRequest[];
  accepted: AcceptedPush[];
  /** The next send answers with the documented error for this code (quota, server errors, …). */
  failNext(code: string): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function obj(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function strings(v: unknown): Record<string, string> {
  const o = obj(v);
  const out: Record<string, string> = {};
  if (o) for (const [k, x] of Object.entries(o)) if (typeof x === 'string') out[k] = x;
  return out;
}

export type Handler = (req: RecordedRequest, server: ServerState) => Reply | Promise<Reply>;

export interface ServerState {
  accept(push: Omit<AcceptedPush, 'raw' | 'route'> & { raw?: unknown }): void;
  /** The code failNext() armed, consumed by this call. */
  takeForced(): string | null;
  now(): number;
  url: string;
}

export async function startServer(route: PushServerRoute, opts: CommonServerOptions, handler: Handler): Promise<PushServer> {
  const requests: RecordedRequest[] = [];
  const accepted: AcceptedPush[] = [];
  let forced: string | null = null;
  let url = '';
  const state: ServerState = {
    accept(p) {
      const push: AcceptedPush = { ...p, raw: p.raw ?? null, route };
      accepted.push(push);
      opts.onAccepted?.(push);
    },
    takeForced() {
      const f = forced;
      forced = null;
      return f;
    },
    now: () => (opts.now ?? Date.now)(),
    get url() {
      return url;
    },
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const rec: RecordedRequest = {
        method: req.method ?? '', path: u.pathname, query: Object.fromEntries(u.searchParams), headers: req.headers, body,
        json: parseJson(body), form: isForm ? Object.fromEntries(new URLSearchParams(body)) : null,
      };
      requests.push(rec);
      let reply: Reply;
      try {
        reply = req.method !== 'POST' ? { status: 405, body: { error: 'method not allowed' } } : await handler(rec, state);
      } catch (err) {
        reply = { status: 500, body: { error: `test server bug: ${err instanceof Error ? err.message : String(err)}` } };
      }
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json;charset=UTF-8', ...reply.headers });
      res.end(text);
    })();
  };
  const server: Server = opts.tls ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    accepted,
    failNext(code) {
      forced = code;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function randomId(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 12)}`;
}
