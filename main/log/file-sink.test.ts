import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fileSink } from './file-sink.js';
import { createLogger, type LogRecord } from './logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const now = () => new Date('2026-12-02T08:00:00Z');

it('appends redacted lines to a file only the user can read, and passes each record on', async () => {
  const file = path.join(dir, 'logs', 'main.log');
  const passed: LogRecord[] = [];
  const log = createLogger('crash', fileSink(file, (r) => passed.push(r)), now);
  log.error('Unhandled promise rejection', new Error('failed for jane.doe@example.com'));
  log.info('second');
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  // The error's stack follows its line, indented, as on the console.
  expect(lines[0]).toMatch(/^2026-12-02T08:00:00\.000Z ERROR \[crash\] Unhandled promise rejection — Error: failed for account#[0-9a-f]{8}$/);
  expect(lines[1]).toMatch(/^\s+at /);
  expect(lines.at(-1)).toBe('2026-12-02T08:00:00.000Z INFO [crash] second');
  expect(text).not.toContain('jane.doe@example.com');
  if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(passed.map((r) => r.message.split('\n')[0])).toEqual([expect.stringContaining('Unhandled promise rejection'), 'second']);
});

it('keeps logging to the next sink when the file cannot be written', async () => {
  const blocker = path.join(dir, 'not-a-folder');
  await writeFile(blocker, '');
  const passed: LogRecord[] = [];
  const log = createLogger('crash', fileSink(path.join(blocker, 'main.log'), (r) => passed.push(r)), now);
  log.error('first');
  log.error('second');
  expect(passed.map((r) => r.message)).toEqual(['first', 'second']);
});
