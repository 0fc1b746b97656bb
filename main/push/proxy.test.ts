import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../test/push-servers/fixtures.js';
import type { PushServer } from '../../test/push-servers/server.js';
import { startVivoServer } from '../../test/push-servers/vivo.js';
import { describeProxy, fetchForEnv, proxiedFetch, proxyFromEnv } from './proxy.js';
import { sendTestPush } from './route.js';
import { vivoRoute } from './routes/vivo.js';

const TLS = {
  key: readFileSync(new URL('../../test/push-servers/tls/localhost-key.pem', import.meta.url), 'utf8'),
  cert: readFileSync(new URL('../../test/push-servers/tls/localhost-cert.pem', import.meta.url), 'utf8'),
};
const creds = { appId: '105512345', appKey: 'vivo-app-key-7f3a9c', appSecret: 'vivo-secret-1d2e3f4a5b6c' };
const REG = '16123456789012345678901';

/** A CONNECT proxy on 127.0.0.1 that records every tunnel it opened (and refuses anything else). */
async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; auth: (string | undefined)[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const auth: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    auth.push(req.headers['proxy-authorization']);
    const [host, port] = (req.url ?? '').split(':');
    // Only loopback targets: nothing a test sends may leave 127.0.0.1.
    if (host !== '127.0.0.1') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    auth,
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function vivo(tls = false): Promise<PushServer> {
  const s = await startVivoServer({ ...creds, regIds: [REG], testRegIds: [REG], ...(tls ? { tls: TLS } : {}) });
  cleanup.push(() => s.close());
  return s;
}

describe('proxy', () => {
  it('reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first, and nothing when none is set', () => {
    expect(proxyFromEnv({})).toBeNull();
    expect(proxyFromEnv({ NO_PROXY: 'x' })).toBeNull();
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2', NO_PROXY: 'localhost' })).toEqual({ httpsProxy: 'http://b:2', httpProxy: null, noProxy: 'localhost' });
    expect(proxyFromEnv({ HTTP_PROXY: ' http://c:3 ' })).toEqual({ httpsProxy: null, httpProxy: 'http://c:3', noProxy: null });
    expect(describeProxy('http://user:pa55word@proxy.corp:3128')).toBe('http://proxy.corp:3128');
  });

  it('tunnels an HTTPS route through HTTPS_PROXY with CONNECT', async () => {
    const target = await vivo(true);
    const proxy = await startConnectProxy();
    cleanup.push(() => proxy.close());
    const f = fetchForEnv({ HTTPS_PROXY: proxy.url }, { ca: TLS.cert });
    cleanup.push(() => f.close());
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: target.url, fetch: f.fetch });
    expect(r.outcome).toBe('accepted');
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([target.url.replace('https://', '')]));
    expect(target.requests).toHaveLength(2);
  });

  it('sends the proxy credentials from the proxy URL, and tunnels plain HTTP through HTTP_PROXY', async () => {
    const target = await vivo();
    const proxy = await startConnectProxy();
    cleanup.push(() => proxy.close());
    const withUser = proxy.url.replace('http://', 'http://alice:s3cret@');
    const f = proxiedFetch({ httpProxy: withUser, httpsProxy: null, noProxy: null });
    cleanup.push(() => f.close());
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: target.url, fetch: f.fetch });
    expect(r.outcome).toBe('accepted');
    expect(proxy.tunnels[0]).toBe(target.url.replace('http://', ''));
    expect(proxy.auth[0]).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });

  it('goes straight to NO_PROXY hosts', async () => {
    const target = await vivo(true);
    const proxy = await startConnectProxy();
    cleanup.push(() => proxy.close());
    const f = fetchForEnv({ https_proxy: proxy.url, no_proxy: 'example.com, 127.0.0.1' }, { ca: TLS.cert });
    cleanup.push(() => f.close());
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: target.url, fetch: f.fetch });
    expect(r.outcome).toBe('accepted');
    expect(proxy.tunnels).toEqual([]);
  });

  it('a proxy that is down is a network error that names the failure, not the proxy password', async () => {
    const target = await vivo();
    const proxy = await startConnectProxy();
    const dead = proxy.url.replace('http://', 'http://bob:hunter22@');
    await proxy.close();
    const f = proxiedFetch({ httpProxy: dead, httpsProxy: null, noProxy: null });
    cleanup.push(() => f.close());
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: target.url, fetch: f.fetch, timeoutMs: 5000 });
    expect(r.outcome).toBe('network-error');
    expect(JSON.stringify(r)).not.toContain('hunter22');
    expect(target.requests).toHaveLength(0);
  });

  it('without a proxy in the environment the global fetch is used', async () => {
    const target = await vivo();
    const f = fetchForEnv({});
    const r = await sendTestPush(vivoRoute, { credentials: creds, target: REG, message: message(), baseUrl: target.url, fetch: f.fetch });
    expect(r.outcome).toBe('accepted');
  });
});
