import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createBridgeApi } from '../../common/ipc/client.js';
import type { AuditProgress, DeviceEventPayload, DeviceListItem } from '../../common/ipc/contract.js';
import { CLOSE, createSocketLink, MAX_REQUEST_FRAME_BYTES } from '../../common/ipc/ws-protocol.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { emptyDeviceFacts } from '../../common/domain/facts.js';
import { createDispatch, IpcFailure, type Caller } from './dispatch.js';
import { allHandlers, type Services } from './register.js';
import { DEFAULT_SETTINGS } from '../app/settings-store.js';
import { serveOverWebSocket, type WebSocketTransport } from './websocket-transport.js';

const ORIGIN = 'http://127.0.0.1:1';
const ourPage: Caller = { origin: ORIGIN, mainFrame: true };
const progress: AuditProgress = { type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, serial: 'R58M123ABC', probe: 'getprop', ok: true, done: 1, total: 2 };
const report: DeviceReport = { serial: 'R58M123ABC', state: 'device', facts: emptyDeviceFacts(), findings: [], pushTests: [], errors: [] };
const device: DeviceListItem = { serial: 'R58M123ABC', server: '127.0.0.1:5037', state: 'device', model: 'Pixel_7', identity: null };

function services(): Services {
  return {
    appInfo: vi.fn(),
    listDevices: vi.fn(async () => [device]),
    runAudit: vi.fn(async (_request, onProgress: (p: AuditProgress) => void) => {
      onProgress(progress);
      return report;
    }),
    getSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    setSettings: vi.fn(async () => ({ ...DEFAULT_SETTINGS })),
    chooseAdb: vi.fn(async () => {
      throw new IpcFailure('UNSUPPORTED', 'no chooser here');
    }),
    openExternal: vi.fn(async () => undefined),
    listPackages: vi.fn(), planFix: vi.fn(), applyFix: vi.fn(), setAnswer: vi.fn(), exportReport: vi.fn(),
    listCredentials: vi.fn(), setCredential: vi.fn(), clearCredential: vi.fn(), checkPush: vi.fn(), sendPush: vi.fn(),
  };
}

interface Served {
  url: string;
  transport: WebSocketTransport;
  svc: Services;
  close(): Promise<void>;
}

const open: Served[] = [];

/** A bare HTTP server that hands every upgrade to the transport as our page (the lab server's checks are tested apart). */
async function serve(caller: Caller = ourPage, svc = services(), transportOptions = {}): Promise<Served> {
  const transport = serveOverWebSocket(createDispatch(allHandlers(svc, svc), { trustedOrigins: [ORIGIN] }), transportOptions);
  const server = http.createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => transport.upgrade(req, socket, head, caller));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const served: Served = {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/bridge`,
    transport,
    svc,
    close: () => new Promise<void>((resolve) => {
      transport.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  open.push(served);
  return served;
}

afterEach(async () => {
  for (const served of open.splice(0)) await served.close();
});

async function connect(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

/** Collects every frame a client receives, parsed. */
function frames(ws: WebSocket): unknown[] {
  const seen: unknown[] = [];
  ws.on('message', (data) => seen.push(JSON.parse(String(data))));
  return seen;
}

async function answer(ws: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  const id = (frame as { id: number }).id;
  return new Promise((resolve) => {
    const onMessage = (data: unknown): void => {
      const parsed = JSON.parse(String(data)) as Record<string, unknown>;
      if (parsed.id === id) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify(frame));
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the WebSocket transport', () => {
  it('answers a call with the dispatch\'s Result under the call\'s id', async () => {
    const { url } = await serve();
    const ws = await connect(url);
    expect(await answer(ws, { id: 7, channel: 'device:list', args: [] })).toEqual({ id: 7, result: { ok: true, value: [device] } });
    ws.close();
  });

  it('checks arguments with the channel\'s schema before the handler runs', async () => {
    const { url, svc } = await serve();
    const ws = await connect(url);
    const badSerial = await answer(ws, { id: 1, channel: 'audit:run', args: [{ serial: 'x; reboot' }] });
    expect(badSerial).toMatchObject({ id: 1, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const extraKey = await answer(ws, { id: 2, channel: 'audit:run', args: [{ serial: 'R58M123ABC', adbPath: '/bin/sh' }] });
    expect(extraKey).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const twoArgs = await answer(ws, { id: 3, channel: 'device:list', args: [1, 2] });
    expect(twoArgs).toMatchObject({ id: 3, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const link = await answer(ws, { id: 4, channel: 'shell:open-external', args: ['https://evil.example/'] });
    expect(link).toMatchObject({ id: 4, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(svc.runAudit).not.toHaveBeenCalled();
    expect(svc.openExternal).not.toHaveBeenCalled();
    ws.close();
  });

  it('refuses a channel the contract does not declare, and keeps the connection', async () => {
    const { url } = await serve();
    const ws = await connect(url);
    const reply = await answer(ws, { id: 5, channel: 'fs:read', args: ['/etc/passwd'] });
    expect(reply).toEqual({ id: 5, refused: 'fs:read refused: no such channel' });
    expect((await answer(ws, { id: 6, channel: 'device:list', args: [] })).result).toMatchObject({ ok: true });
    ws.close();
  });

  it('refuses every call when the caller is not trusted by the dispatch', async () => {
    const { url, svc } = await serve({ origin: 'http://evil.example', mainFrame: true });
    const ws = await connect(url);
    expect(await answer(ws, { id: 1, channel: 'device:list', args: [] })).toMatchObject({ id: 1, refused: expect.stringContaining('refused') });
    expect(svc.listDevices).not.toHaveBeenCalled();
    ws.close();
  });

  it.each([
    ['a frame that is not JSON', '{"id":1,', CLOSE.invalidPayload, 'frame is not JSON'],
    ['JSON that is not a call', '[1,2,3]', CLOSE.policy, 'frame is not a call'],
    ['a call without args', '{"id":1,"channel":"device:list"}', CLOSE.policy, 'frame is not a call'],
    ['a call with a negative id', '{"id":-1,"channel":"device:list","args":[]}', CLOSE.policy, 'frame is not a call'],
  ])('closes the connection with a reason on %s, and keeps serving others', async (_name, text, code, reason) => {
    const { url } = await serve();
    const bystander = await connect(url);
    const ws = await connect(url);
    const ended = closed(ws);
    ws.send(text);
    const { code: got, reason: why } = await ended;
    expect(got).toBe(code);
    expect(why).toContain(reason);
    expect((await answer(bystander, { id: 9, channel: 'device:list', args: [] })).result).toMatchObject({ ok: true });
    bystander.close();
  });

  it('closes on a binary frame', async () => {
    const { url } = await serve();
    const ws = await connect(url);
    const ended = closed(ws);
    ws.send(Buffer.from('{"id":1,"channel":"device:list","args":[]}'));
    expect(await ended).toEqual({ code: CLOSE.unsupportedData, reason: 'binary frames are not accepted' });
  });

  it('closes with 1009 on a frame over the size cap, before parsing it', async () => {
    const { url, svc } = await serve();
    const ws = await connect(url);
    const ended = closed(ws);
    ws.send(JSON.stringify({ id: 1, channel: 'audit:run', args: [{ serial: 'a'.repeat(MAX_REQUEST_FRAME_BYTES) }] }));
    expect((await ended).code).toBe(CLOSE.tooBig);
    expect(svc.runAudit).not.toHaveBeenCalled();
  });

  it('sends audit progress to the caller only, and device events to every connection', async () => {
    const { url, transport } = await serve();
    const caller = await connect(url);
    const bystander = await connect(url);
    const callerFrames = frames(caller);
    const bystanderFrames = frames(bystander);
    const reply = await answer(caller, { id: 1, channel: 'audit:run', args: [{ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' }, app: 'com.example.im' }] });
    expect(reply).toEqual({ id: 1, result: { ok: true, value: report } });
    expect(callerFrames).toContainEqual({ event: 'audit:progress', payload: progress });

    const event: DeviceEventPayload = { type: 'removed', ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } };
    transport.broadcast('device:event', event);
    await waitFor(() => bystanderFrames.length > 0 && callerFrames.some((f) => (f as { event?: string }).event === 'device:event'));
    expect(bystanderFrames).toEqual([{ event: 'device:event', payload: event }]);
    expect(callerFrames).toContainEqual({ event: 'device:event', payload: event });
    caller.close();
    bystander.close();
  });

  it('refuses calls beyond the in-flight limit until earlier ones answer', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const svc = services();
    svc.listDevices = vi.fn(async () => {
      await held;
      return [device];
    });
    const { url } = await serve(ourPage, svc, { maxCallsInFlight: 2 });
    const ws = await connect(url);
    const first = answer(ws, { id: 1, channel: 'device:list', args: [] });
    const second = answer(ws, { id: 2, channel: 'device:list', args: [] });
    expect(await answer(ws, { id: 3, channel: 'device:list', args: [] })).toEqual({ id: 3, refused: 'device:list refused: 2 calls already in flight' });
    release();
    expect((await first).result).toMatchObject({ ok: true });
    expect((await second).result).toMatchObject({ ok: true });
    expect((await answer(ws, { id: 4, channel: 'device:list', args: [] })).result).toMatchObject({ ok: true });
    ws.close();
  });

  it('serves the bridge API the page gets (common/ipc/client.ts over createSocketLink)', async () => {
    const { url, transport } = await serve();
    const api = createBridgeApi(createSocketLink(new WebSocket(url)));
    const events: DeviceEventPayload[] = [];
    const seenProgress: AuditProgress[] = [];
    api.onDeviceEvent((e) => events.push(e));
    api.onAuditProgress((p) => seenProgress.push(p));
    // Called before the socket opens: the link holds it until then.
    expect(await api.listDevices()).toEqual({ ok: true, value: [device] });
    expect(await api.runAudit({ ref: { server: '127.0.0.1:5037', serial: 'R58M123ABC' } })).toEqual({ ok: true, value: report });
    expect(seenProgress).toEqual([progress]);
    expect(await api.chooseAdb()).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: 'no chooser here' } });
    const event: DeviceEventPayload = { type: 'added', device: { ...device, identity: null } };
    transport.broadcast('device:event', event);
    await waitFor(() => events.length > 0);
    expect(events).toEqual([event]);

    // The server goes away: the waiting call and later ones become INTERNAL Results, never hang.
    transport.close();
    await waitFor(() => transport.connectionCount() === 0);
    const after = await api.listDevices();
    expect(after).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('closed') } });
  });
});
