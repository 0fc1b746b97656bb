import { mkdtempSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBridgeApi } from '../../common/ipc/client.js';
import type { AuditProgress } from '../../common/ipc/contract.js';
import { BRIDGE_PATH, createSocketLink } from '../../common/ipc/ws-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../main/app/security.js';
import { runCli } from '../../main/cli/program.js';
import type { ServeDeps } from '../../main/cli/commands/serve.js';
import { TOKEN_COOKIE } from '../../main/lab-server/access.js';
import { LabServerError } from '../../main/lab-server/lab-server.js';
import { serveLab, type ServedLab } from '../../main/lab-server/serve-lab.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { startLab, type Lab } from '../sim/lab.js';

/**
 * The lab server end to end below the browser: the real composition (lab services on the adb-ts port)
 * on a real adb server with a simulated phone, reached by a WebSocket client as a page would reach it.
 * Servers bound to every address are only ever contacted through 127.0.0.1: nothing leaves the machine.
 */

const APP = 'com.example.im';
const TOKEN = 'integration-token-0123456789abcdef';

let adbPort = 0;
let lab: Lab;
let scratch = '';
let rendererDir = '';
// Pulled APKs are cached in the per-user data folder: in tests that is a folder of the run's own.
const env = { ...process.env, ADB_EMU: '0', XDG_DATA_HOME: mkdtempSync(path.join(os.tmpdir(), 'pd-lab-data-')) };
const started: ServedLab[] = [];

async function serve(host: string, token: string | null): Promise<{ lab: ServedLab; base: string; origin: string }> {
  const served = await serveLab({ rendererDir, host, port: 0, token, servers: [{ host: '127.0.0.1', port: adbPort }], env, version: '0.0.0-test' });
  started.push(served);
  const origin = `http://127.0.0.1:${served.server.port}`;
  return { lab: served, base: origin, origin };
}

const serial = (): string => lab.phones[0]!.serial;

beforeAll(async () => {
  adbPort = await freePort();
  lab = await startLab({ profiles: ['pixel-a16'], adbPort });
  scratch = await mkdtemp(path.join(os.tmpdir(), 'lab-server-'));
  // A stand-in for out/renderer: the server needs index.html and ws-bridge.js; the page itself is the e2e test's.
  rendererDir = path.join(scratch, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" crossorigin src="./assets/app.js"></script></head><body></body></html>');
  await writeFile(path.join(rendererDir, 'ws-bridge.js'), 'export {};\n');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};\n');
  await writeFile(path.join(scratch, 'secret.txt'), 'not for the page');
  await symlink(path.join(scratch, 'secret.txt'), path.join(rendererDir, 'assets', 'leak.js'));
}, 120_000);

afterAll(async () => {
  for (const served of started) await served.stop();
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Opens a WebSocket and resolves once it is open, or with the HTTP status the server refused it with. */
function upgrade(url: string, headers: Record<string, string>): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const { origin, ...rest } = headers;
    const ws = new WebSocket(url, { headers: rest, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

async function openApi(url: string, headers: Record<string, string>) {
  const result = await upgrade(url, headers);
  if (!('ws' in result)) throw new Error(`upgrade refused with ${result.status}`);
  return { ws: result.ws, api: createBridgeApi(createSocketLink(result.ws)) };
}

describe('the lab server on loopback', () => {
  it('serves the page with the app protocol\'s CSP and headers, loading the bridge before the app', async () => {
    const { base } = await serve('127.0.0.1', null);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html.indexOf('<script type="module" src="/ws-bridge.js"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('/ws-bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    const bridge = await fetch(`${base}/ws-bridge.js`);
    expect(bridge.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bridge.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // A symlink inside the served folder pointing out of it is not followed, nor is a dot segment.
    expect((await fetch(`${base}/assets/leak.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/%2e%2e/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('lists the simulated phone and audits it over the WebSocket; progress reaches only the caller', async () => {
    const { base, origin } = await serve('127.0.0.1', null);
    const url = `${base.replace('http:', 'ws:')}${BRIDGE_PATH}`;
    const caller = await openApi(url, { origin });
    const bystander = await openApi(url, { origin });
    const progress: AuditProgress[] = [];
    const overheard: AuditProgress[] = [];
    caller.api.onAuditProgress((p) => progress.push(p));
    bystander.api.onAuditProgress((p) => overheard.push(p));

    const listed = await caller.api.listDevices();
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const phone = listed.value.find((d) => d.serial === serial());
    expect(phone?.state).toBe('device');
    expect(phone?.server).toBe(`127.0.0.1:${adbPort}`);

    const audited = await caller.api.runAudit({ ref: { server: `127.0.0.1:${adbPort}`, serial: serial() }, app: APP });
    expect(audited.ok, JSON.stringify(!audited.ok && audited.error)).toBe(true);
    if (!audited.ok) return;
    expect(audited.value.serial).toBe(serial());
    expect(audited.value.state).toBe('device');
    expect(audited.value.findings.find((f) => f.id === 'post-notifications-denied')?.severity).toBe('error');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.serial === serial())).toBe(true);
    expect(overheard).toEqual([]);
    caller.ws.close();
    bystander.ws.close();
  });

  it('refuses an invalid payload with INVALID_INPUT, before anything reaches the phone', async () => {
    const { base, origin } = await serve('127.0.0.1', null);
    const { ws, api } = await openApi(`${base.replace('http:', 'ws:')}${BRIDGE_PATH}`, { origin });
    const bad = await api.runAudit({ ref: { server: `127.0.0.1:${adbPort}`, serial: '$(reboot)' }, app: APP });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badApp = await api.runAudit({ ref: { server: `127.0.0.1:${adbPort}`, serial: serial() }, app: 'com.example.im; rm -rf /' });
    expect(badApp).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ws.close();
  });

  it('refuses a foreign Origin, a missing one, and a Host that is not loopback (DNS rebinding)', async () => {
    const { base } = await serve('127.0.0.1', null);
    const url = `${base.replace('http:', 'ws:')}${BRIDGE_PATH}`;
    expect(await upgrade(url, { origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await upgrade(url, {})).toEqual({ status: 403 });
    expect(await upgrade(url, { origin: 'http://rebind.evil.example', host: 'rebind.evil.example' })).toEqual({ status: 400 });
    expect(await upgrade(`${base.replace('http:', 'ws:')}/elsewhere`, { origin: base })).toEqual({ status: 404 });
  });
});

describe('the lab server on every address', () => {
  it('will not start there without a token', async () => {
    await expect(serveLab({ rendererDir, host: '0.0.0.0', port: 0, token: null, servers: [{ host: '127.0.0.1', port: adbPort }], env, version: 't' }))
      .rejects.toBeInstanceOf(LabServerError);
  });

  it('asks every page request for the token, and keeps it in an HttpOnly SameSite=Strict cookie after the first load', async () => {
    const { base } = await serve('0.0.0.0', TOKEN);
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/ws-bridge.js`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong-token-wrong-token`)).status).toBe(401);
    expect((await fetch(`${base}/`, { headers: { cookie: `${TOKEN_COOKIE}=wrong` } })).status).toBe(401);

    const first = await fetch(`${base}/index.html?token=${TOKEN}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/index.html');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const jar = cookie.split(';')[0]!;
    const page = await fetch(`${base}/index.html`, { headers: { cookie: jar } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await fetch(`${base}/ws-bridge.js`, { headers: { cookie: jar } })).status).toBe(200);
  });

  it('refuses an upgrade with a missing or wrong token or a foreign Origin, and serves one with both right', async () => {
    const { base, origin } = await serve('0.0.0.0', TOKEN);
    const url = `${base.replace('http:', 'ws:')}${BRIDGE_PATH}`;
    expect(await upgrade(url, { origin })).toEqual({ status: 401 });
    expect(await upgrade(url, { origin, cookie: `${TOKEN_COOKIE}=not-the-token` })).toEqual({ status: 401 });
    expect(await upgrade(`${url}?token=not-the-token`, { origin })).toEqual({ status: 401 });
    expect(await upgrade(url, { origin: 'http://evil.example', cookie: `${TOKEN_COOKIE}=${TOKEN}` })).toEqual({ status: 403 });

    const { ws, api } = await openApi(url, { origin, cookie: `${TOKEN_COOKIE}=${TOKEN}` });
    const listed = await api.listDevices();
    expect(listed.ok && listed.value.some((d) => d.serial === serial() && d.state === 'device')).toBe(true);
    ws.close();
  });
});

describe('push-doctor serve', () => {
  const run = async (args: string[], extra: Partial<ServeDeps> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      version: '0.0.0-test', env,
      stdout: (t) => { stdout += t; },
      stderr: (t) => { stderr += t; },
      rendererDir,
      ...extra,
    } as ServeDeps);
    return { code, stdout, stderr };
  };

  it('prints a generated token once for a non-loopback bind, serves with it, and stops on the signal with exit 0', async () => {
    let stop!: (signal: string) => void;
    const stopped = new Promise<string>((resolve) => { stop = resolve; });
    let port = 0;
    const running = run(['serve', '--host', '0.0.0.0', '--port', '0', '--adb', `127.0.0.1:${adbPort}`], {
      waitForStop: () => stopped,
      onListening: (served) => { port = served.server.port; },
    });
    for (let i = 0; i < 200 && port === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(port).toBeGreaterThan(0);
    // Only here, on loopback, with the token the command printed.
    const origin = `http://127.0.0.1:${port}`;
    expect((await fetch(`${origin}/`)).status).toBe(401);
    stop('SIGTERM');
    const { code, stdout, stderr } = await running;
    expect(code, stderr).toBe(0);
    const token = /Token \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stdout.split(token!).length - 1).toBe(2); // the token line and the address to open, nothing more
    expect(stderr).toContain('SIGTERM: stopping the lab server.');
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });

  it('rejects a bad port or a short token as usage (exit 2)', async () => {
    expect((await run(['serve', '--port', '70000'])).code).toBe(2);
    expect((await run(['serve', '--token', 'short'])).code).toBe(2);
    expect((await run(['serve', '--port', '0'], { rendererDir: path.join(scratch, 'absent') })).code).toBe(2);
  });
});
