import { describe, expect, it } from 'vitest';
import { listThirdPartyPackages } from './third-party-packages.js';

const ref = { server: '127.0.0.1:5037', serial: 'x' };
const portAnswering = (output: string, exitCode = 0) => ({
  shell: async () => ({ output, exitCode, durationMs: 1 }),
});

describe('the app picker\'s package list', () => {
  it('is sorted and skips lines it cannot read (a warning, CRLF, a trailing blank)', async () => {
    const output = 'WARNING: linker: libdvm.so has text relocations\r\npackage:com.zhiliaoapp.musically\r\npackage:com.example.im\r\n\r\n';
    expect(await listThirdPartyPackages(portAnswering(output), ref)).toEqual(['com.example.im', 'com.zhiliaoapp.musically']);
  });

  it('fails with what pm printed rather than answering an empty list', async () => {
    await expect(listThirdPartyPackages(portAnswering("cmd: Can't find service: package\n", 20), ref)).rejects.toMatchObject({ code: 'COMMAND_FAILED' });
  });
});
