import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFileTarget, checkFolderTarget, keepInTemp, plainFsError, writeFileAtomic, writeFolderAtomic } from './output-target.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'output-target-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('never replaces a file that appeared after the check, unless forced', async () => {
    const target = join(dir, 'r.json');
    await checkFileTarget(target, { force: false });
    writeFileSync(target, 'someone else');
    await expect(writeFileAtomic(target, 'ours', { force: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('someone else');
    await writeFileAtomic(target, 'ours', { force: true });
    expect(readFileSync(target, 'utf8')).toBe('ours');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });
});

describe('capture folders', () => {
  it('accepts a new or empty folder and writes it whole, leaving no temporary folder', async () => {
    const target = join(dir, 'cap');
    await checkFolderTarget(target);
    mkdirSync(target);
    await checkFolderTarget(target);
    await writeFolderAtomic(target, new Map([['capture.json', new TextEncoder().encode('{}')], ['getprop.txt', new Uint8Array([0x61])]]));
    expect(readdirSync(target).sort()).toEqual(['capture.json', 'getprop.txt']);
    expect(readdirSync(dir)).toEqual(['cap']);
    await expect(checkFolderTarget(target)).rejects.toThrow(/already holds 2 file\(s\)/);
  });

  it('refuses a file where a folder should go, and a missing parent', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await expect(checkFolderTarget(join(dir, 'file'))).rejects.toThrow(/exists and is not a folder/);
    await expect(checkFolderTarget(join(dir, 'a', 'b'))).rejects.toThrow(/the folder .*a does not exist/);
  });
});

describe('plainFsError', () => {
  it('says what the system code means, keeping the code for a bug report', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(plainFsError(error('EACCES'), '/srv/out/r.json')).toBe('you do not have permission to write in /srv/out (EACCES)');
    expect(plainFsError(error('EISDIR'), '/srv/out')).toBe('/srv/out is a folder, not a file (EISDIR)');
    expect(plainFsError(error('ENOSPC'), '/srv/out/r.json')).toBe('the disk is full (ENOSPC)');
  });

  it('keeps an output in the temporary folder under a fresh name', async () => {
    const a = await keepInTemp('report', 'json', '{}');
    const b = await keepInTemp('report', 'json', '{}');
    expect(a).not.toBe(b);
    expect(a).toMatch(/push-doctor[\\/]report-.*\.json$/);
    rmSync(a);
    rmSync(b);
  });
});
