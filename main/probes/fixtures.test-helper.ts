import type { RawOutput } from '../../common/domain/raw-output.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ownFixtures = join(here, '__fixtures__');
const realCaptures = join(here, '..', '..', 'test', 'fixtures', 'real');

/** A genuine captured output stored under main/probes/__fixtures__/<command>/<source>.txt. */
export function fixture(command: string, source: string): string {
  return readFileSync(join(ownFixtures, command, source), 'utf8');
}

export function fixtureNames(command: string): string[] {
  const dir = join(ownFixtures, command);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** Phones captured by the fixtures collector under test/fixtures/real/<phone>/<file>. */
export function realPhones(file: string): { phone: string; text: string }[] {
  if (!existsSync(realCaptures)) return [];
  return readdirSync(realCaptures).sort()
    .filter((phone) => existsSync(join(realCaptures, phone, file)))
    .map((phone) => ({ phone, text: readFileSync(join(realCaptures, phone, file), 'utf8') }));
}

export function realPhone(phone: string, file: string): string | null {
  const p = join(realCaptures, phone, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

/** What a test says a command gave: its text and exit status, or the error that kept it from running. */
export type TestOutput = { text: string; exitCode: number | null } | { error: string };

export const ok = (text: string): TestOutput => ({ text, exitCode: 0 });

/** Test outputs keyed by probe id or command line, as the RawOutputs every source produces. */
export function rawOutputs(entries: Iterable<readonly [string, TestOutput]>): RawOutput[] {
  return [...entries].map(([command, o]) => ('error' in o
    ? { command, text: null, exitCode: null, error: o.error }
    : { command, text: o.text, exitCode: o.exitCode }));
}
