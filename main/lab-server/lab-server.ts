import { access } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { BRIDGE_PATH } from '../../common/ipc/ws-protocol.js';
import { createAppProtocolHandler } from '../app/app-protocol.js';
import { APP_ORIGIN, securityHeaders } from '../app/security.js';
import { createDispatch, type Handlers } from '../ipc/dispatch.js';
import { serveOverWebSocket, type WebSocketTransport } from '../ipc/websocket-transport.js';
import {
  checkPageRequest, checkUpgrade, hostAllowed, isLoopbackHost, TOKEN_QUERY, type AccessDecision, type AccessPolicy,
} from './access.js';

/**
 * The lab server: the built renderer over HTTP, with the app protocol's own handler (so the same CSP,
 * headers and real-path containment as app://bundle), and the bridge over a WebSocket on the same
 * origin. The page gets `window.pushDoctor` from ws-bridge.js, a module of the built renderer that the
 * served index.html loads before the app's own module (module scripts run in document order), so the
 * renderer runs exactly as under the preload. Every page request and the upgrade pass access.ts first.
 */

/** The browser's bridge, built beside index.html by the renderer build (electron.vite.config.ts). */
export const WS_BRIDGE_FILE = 'ws-bridge.js';

export interface LabServerOptions {
  /** The built renderer: out/renderer. */
  rendererDir: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Required unless `host` is loopback; null there means no token. */
  token: string | null;
  handlers: Handlers;
  logError?: (message: string, error: unknown) => void;
}

export interface LabServer {
  /** The port actually listened on. */
  port: number;
  host: string;
  token: string | null;
  /** Pushes events to every connected page (device:event). */
  transport: WebSocketTransport;
  close(): Promise<void>;
}

export class LabServerError extends Error {
  override name = 'LabServerError';
}

/** Makes the served index.html load the WebSocket bridge before the app's module. */
export function withBridgeScript(html: string): string {
  const tag = `<script type="module" src="/${WS_BRIDGE_FILE}"></script>`;
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  const head = html.search(/<\/head>/i);
  return head >= 0 ? `${html.slice(0, head)}${tag}\n${html.slice(head)}` : `${tag}\n${html}`;
}

function plain(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

function refuseUpgrade(socket: Duplex, decision: Extract<AccessDecision, { allowed: false }> | { status: 404; reason: string }): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[decision.status];
  const body = `${decision.reason}\n`;
  socket.end(`HTTP/1.1 ${decision.status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** The request's path and token query parameter; null for a target that is not a path. */
function target(url: string | undefined): { pathname: string; queryToken: string | null } | null {
  if (!url || !url.startsWith('/')) return null;
  try {
    const parsed = new URL(url, 'http://lab.invalid');
    return { pathname: parsed.pathname, queryToken: parsed.searchParams.get(TOKEN_QUERY) };
  } catch {
    return null;
  }
}

export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const loopbackOnly = isLoopbackHost(options.host);
  if (!loopbackOnly && !options.token) throw new LabServerError(`A token is required to serve on ${options.host}, which is not a loopback address.`);
  for (const file of ['index.html', WS_BRIDGE_FILE]) {
    try {
      await access(path.join(options.rendererDir, file));
    } catch {
      throw new LabServerError(`${path.join(options.rendererDir, file)} is missing: build the renderer first (npm run build).`);
    }
  }

  const policy: AccessPolicy = { port: 0, token: options.token, loopbackOnly };
  // The transport has matched Origin to Host at the upgrade; the dispatch re-checks it against the policy.
  const dispatch = createDispatch(options.handlers, {
    trustedOrigins: (origin) => origin.startsWith('http://') && hostAllowed(origin.slice('http://'.length), policy),
    ...(options.logError ? { logError: options.logError } : {}),
  });
  const transport = serveOverWebSocket(dispatch);
  const appHandler = createAppProtocolHandler(options.rendererDir);

  async function servePage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const where = target(req.url);
    if (!where) return plain(res, 400, 'Bad request');
    const decision = checkPageRequest({ host: req.headers.host, cookie: req.headers.cookie, queryToken: where.queryToken }, policy);
    if (!decision.allowed) return plain(res, decision.status, `${decision.reason}\n`);
    if (decision.setCookie) {
      // The token leaves the address bar at once: it lives on in the HttpOnly cookie only.
      res.writeHead(303, { ...securityHeaders(), 'Set-Cookie': decision.setCookie, Location: where.pathname, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const response = await appHandler(new Request(`${APP_ORIGIN}${where.pathname}`, { method: req.method ?? 'GET' }));
    const headers = Object.fromEntries(response.headers);
    let body = Buffer.from(await response.arrayBuffer());
    if (response.status === 200 && (where.pathname === '/' || where.pathname === '/index.html')) {
      body = Buffer.from(withBridgeScript(body.toString('utf8')), 'utf8');
      headers['cache-control'] = 'no-store';
    }
    if (req.method === 'HEAD') {
      res.writeHead(response.status, headers);
      res.end();
      return;
    }
    res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    servePage(req, res).catch((error: unknown) => {
      options.logError?.('lab server page request failed', error);
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const where = target(req.url);
    if (!where || where.pathname !== BRIDGE_PATH) return refuseUpgrade(socket, { status: 404, reason: 'no WebSocket here' });
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const decision = checkUpgrade({ host: req.headers.host, cookie: req.headers.cookie, queryToken: where.queryToken, origin }, policy);
    if (!decision.allowed) return refuseUpgrade(socket, decision);
    transport.upgrade(req, socket, head, { origin: origin?.toLowerCase() ?? null, mainFrame: true });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  policy.port = (server.address() as AddressInfo).port;

  return {
    port: policy.port,
    host: options.host,
    token: options.token,
    transport,
    close: () =>
      new Promise<void>((resolve) => {
        transport.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
