import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ServerConnector, serverRef } from './server-connector.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-connector-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('starts a stopped server with the adb chosen in Settings at the time of the start', async () => {
  // A stand-in adb that records how it was called and fails, as a broken adb would.
  const log = path.join(dir, 'calls.txt');
  const adb = path.join(dir, 'my-adb');
  await writeFile(adb, `#!/bin/sh\necho "$@" >> '${log}'\nexit 3\n`);
  await chmod(adb, 0o755);
  let chosen: string | null = null;
  const connector = new ServerConnector({ env: { PATH: '/nonexistent' }, adbPath: async () => chosen });
  chosen = adb;
  const port = await closedPort();
  const error = await connector.connect(serverRef({ host: '127.0.0.1', port }), 1_000).catch((e: unknown) => e);
  expect(await readFile(log, 'utf8')).toBe(`-P ${port} start-server\n`);
  expect(error).toMatchObject({ code: 'ADB_UNREACHABLE' });
  expect((error as Error).message).toContain(adb);
});

it('never starts a server for [::1]:P, where `adb start-server` would not listen, and says why', async () => {
  const log = path.join(dir, 'calls.txt');
  const adb = path.join(dir, 'my-adb');
  await writeFile(adb, `#!/bin/sh\necho "$@" >> '${log}'\nexit 0\n`);
  await chmod(adb, 0o755);
  const started: string[] = [];
  const connector = new ServerConnector({ env: { PATH: '/nonexistent' }, adbPath: adb, onServerStart: (n) => started.push(n.server) });
  const port = await closedPort();
  const error = await connector.connect(serverRef({ host: '::1', port }), 1_000).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'ADB_UNREACHABLE' });
  expect((error as Error).message).toMatch(/not started: `adb start-server` listens on 127\.0\.0\.1 only/);
  expect(await readFile(log, 'utf8').catch(() => 'never called')).toBe('never called');
  expect(started).toEqual([]);
});

it('says which server it started, with the command', async () => {
  const adb = path.join(dir, 'my-adb');
  await writeFile(adb, '#!/bin/sh\necho "* daemon started successfully"\nexit 0\n');
  await chmod(adb, 0o755);
  const notes: { server: string; command: string; code: number | null }[] = [];
  const connector = new ServerConnector({ env: { PATH: '/nonexistent' }, adbPath: adb, onServerStart: (n) => notes.push(n) });
  const port = await closedPort();
  await connector.connect(serverRef({ host: '127.0.0.1', port }), 1_000).catch(() => undefined);
  expect(notes).toEqual([expect.objectContaining({ server: `127.0.0.1:${port}`, command: `${adb} -P ${port} start-server`, code: 0 })]);
});
