import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevicePortError, type DevicePort, type DeviceRef, type PullOptions } from '../adb/device-port.js';
import { ApkCache } from '../apk/apk-cache.js';
import type { AuditProgress } from '../../common/domain/progress.js';
import { fetchAppApk } from './fetch-apk.js';

const APK = readFileSync(new URL('../../test/sim/apks/com.example.im.apk', import.meta.url));
const REF: DeviceRef = { server: '127.0.0.1:5037', serial: 'SIM01' };
const BASE = '/data/app/~~Ab==/com.example.im-Cd==/base.apk';
const SPLIT = '/data/app/~~Ab==/com.example.im-Cd==/split_config.xxhdpi.apk';
const PM_PATH = { command: 'pm path com.example.im', text: `package:${BASE}\npackage:${SPLIT}\n`, exitCode: 0 };

/** A phone with two files; `pull` can be made to fail or to wait for the signal. */
function phonePort(files: Record<string, Buffer>, behaviour: { pull?: 'gone' | 'hang' } = {}): DevicePort & { pulled: string[]; shells: string[] } {
  const pulled: string[] = [];
  const shells: string[] = [];
  const fail = (): never => { throw new Error('not used'); };
  return {
    pulled,
    shells,
    listDevices: fail, trackDevices: fail, shellBatch: fail, shellStream: fail, close: async () => undefined,
    async shell(_ref, command) {
      shells.push(command);
      const file = /^stat -c '%s %Y' '?([^']+)'?$/.exec(command)?.[1];
      const data = file ? files[file] : undefined;
      return data ? { output: `${data.length} 1714558830\n`, exitCode: 0, durationMs: 1 } : { output: '', exitCode: 1, durationMs: 1 };
    },
    async pull(_ref, remote, options: PullOptions = {}) {
      if (behaviour.pull === 'gone') throw new DevicePortError('DEVICE_GONE', 'SIM01 disconnected while pulling');
      if (behaviour.pull === 'hang') {
        return new Promise<Buffer>((_, reject) => options.signal?.addEventListener('abort', () => reject(new DevicePortError('TIMEOUT', 'Cancelled'))));
      }
      const data = files[remote];
      if (!data) throw new DevicePortError('NOT_FOUND', `no ${remote}`);
      options.onProgress?.(0, data.length);
      options.onProgress?.(data.length, data.length);
      pulled.push(remote);
      return data;
    },
  };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fetch-apk-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('fetchAppApk', () => {
  it('pulls base.apk and its splits with progress, inspects base, and takes both from the cache the second time', async () => {
    const port = phonePort({ [BASE]: APK, [SPLIT]: Buffer.from('split bytes') });
    const cache = new ApkCache(dir);
    const events: AuditProgress[] = [];
    const first = await fetchAppApk(port, REF, 'com.example.im', PM_PATH, { cache, versionCode: 4207, onProgress: (e) => events.push(e) });
    expect(first?.input.facts?.manifest.package).toBe('com.example.im');
    expect(first?.input.origin).toEqual({ command: 'pm path com.example.im', excerpt: `package:${BASE}` });
    expect(first?.pulled).toEqual([BASE, SPLIT]);
    expect(events.filter((e) => e.type === 'apk-pull').map((e) => e.type === 'apk-pull' && [e.remotePath, e.bytes])).toContainEqual([BASE, APK.length]);
    const second = await fetchAppApk(port, REF, 'com.example.im', PM_PATH, { cache, versionCode: 4207 });
    expect(second?.fromCache).toEqual([BASE, SPLIT]);
    expect(port.pulled).toEqual([BASE, SPLIT]);
    expect(second?.input.facts).toEqual(first?.input.facts);
    // A new versionCode is a new build: pulled again.
    await fetchAppApk(port, REF, 'com.example.im', PM_PATH, { cache, versionCode: 4208 });
    expect(port.pulled).toHaveLength(4);
  });

  it('a phone lost during the pull makes the facts unknown with the reason, not an empty APK', async () => {
    const got = await fetchAppApk(phonePort({ [BASE]: APK }, { pull: 'gone' }), REF, 'com.example.im', PM_PATH, { cache: null, versionCode: null });
    expect(got?.input.facts).toBeNull();
    expect(got?.input.reason).toMatch(/could not be pulled: SIM01 disconnected while pulling/);
  });

  it('a file that is not an APK says so', async () => {
    const got = await fetchAppApk(phonePort({ [BASE]: Buffer.from('not a zip at all'), [SPLIT]: Buffer.from('x') }), REF, 'com.example.im', PM_PATH, { cache: null, versionCode: null });
    expect(got?.input.facts).toBeNull();
    expect(got?.input.reason).toMatch(/could not be read as an APK/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = fetchAppApk(phonePort({ [BASE]: APK }, { pull: 'hang' }), REF, 'com.example.im', PM_PATH, { cache: null, versionCode: null, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('nothing to pull when pm path names no APK', async () => {
    expect(await fetchAppApk(phonePort({}), REF, 'com.example.im', { ...PM_PATH, text: '' }, { cache: null, versionCode: null })).toBeNull();
  });
});
