import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile, ProfileError } from './create-phone.js';
import { checkGetprop, readGetprop } from './profile-schema.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/pixel-a14', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'simandroid-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('profile validation', () => {
  it('reads getprop values that span lines and tolerates spaces after the bracket and CRLF', () => {
    const text = '[a.b]: [one]\r\n[persist.sys.boot.reason.history]: [reboot,1700000000\nkernel_panic,1690000000]\n[c.d]: [x]  \n';
    const { props, stray } = readGetprop(text);
    expect(stray).toEqual([]);
    expect(props.get('persist.sys.boot.reason.history')).toBe('reboot,1700000000\nkernel_panic,1690000000');
    expect(props.get('c.d')).toBe('x');
  });

  it('flags stray getprop lines and a missing SDK level', () => {
    expect(checkGetprop('[a]: [b]\nnonsense\n').map((p) => p.message)).toEqual([
      'line 2 is not "[key]: [value]": nonsense',
      'no numeric [ro.build.version.sdk]',
    ]);
  });

  async function brokenProblems(name: string, breakState: (state: { packages: Record<string, unknown>[] }) => void, manifest?: string): Promise<string[]> {
    const dir = join(scratch, name);
    cpSync(FIXTURE, dir, { recursive: true });
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { packages: Record<string, unknown>[] };
    breakState(state);
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
    if (manifest !== undefined) writeFileSync(join(dir, 'profile.json'), manifest);
    const error = await loadProfile(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileError);
    return (error as ProfileError).problems.map((p) => `${p.file}: ${p.message}`);
  }

  it('reports every problem of a broken profile with its file and path', async () => {
    const problems = await brokenProblems('broken', (state) => (state.packages[0]!['standbyBucket'] = 'rare'), '{ "name": "Not Kebab" ');
    expect(problems.some((p) => p.startsWith('profile.json: not JSON'))).toBe(true);
    expect(problems).toContain('state.json: packages.0.standbyBucket: Invalid input: expected number, received string');
  });

  it('rejects a package listed twice', async () => {
    const problems = await brokenProblems('duplicate', (state) => (state.packages[1]!['name'] = state.packages[0]!['name']));
    expect(problems).toEqual(['state.json: packages.1.name: duplicate package com.example.im']);
  });
});
