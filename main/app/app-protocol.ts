import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, securityHeaders } from './security.js';

/**
 * Serves the built renderer (out/renderer) as `app://bundle/…` instead of file://, so the page has
 * a real origin for the CSP's 'self', gets our security headers on every response, and can read
 * nothing outside its own folder.
 */

export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file a request names inside `root`, or null when it is not ours or leaves `root`. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Decoding can reveal separators and dot segments that URL parsing did not see (%2F, %5C, %2e).
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  return file.startsWith(base + path.sep) ? file : null;
}

export type AppRequestHandler = (request: Request) => Promise<Response>;

function respond(status: number, body: ConstructorParameters<typeof Response>[0], contentType: string): Response {
  return new Response(body, { status, headers: { ...securityHeaders(), 'Content-Type': contentType } });
}

/**
 * The real file behind `file`, or null when it is not a regular file inside the real root. The lexical
 * check of resolveAppPath cannot see symlinks: a link inside the served folder may point anywhere
 * (a probe got /etc/passwd served), so the link is resolved and the target checked against the
 * root resolved the same way (the root itself may sit behind a symlink, as /tmp does on macOS).
 */
export async function realFileInside(root: string, file: string): Promise<string | null> {
  let realRoot: string;
  let real: string;
  try {
    [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
  } catch {
    return null;
  }
  if (!real.startsWith(realRoot + path.sep)) return null;
  try {
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export function createAppProtocolHandler(root: string): AppRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    const named = resolveAppPath(root, request.url);
    const file = named ? await realFileInside(root, named) : null;
    if (!named || !file) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
    // The type follows the name the page asked for, as the bundler wrote it.
    const type = CONTENT_TYPES[path.extname(named).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), type);
  };
}

/** Must run before the app is ready, as Electron requires for privileged schemes. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
