import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DevicePort, DeviceRef } from '../adb/device-port.js';
import { DevicePortError } from '../adb/device-port.js';
import { shellQuote } from '../adb/shell-safety.js';
import { inspectApk } from '../apk/inspect-apk.js';
import type { ApkCache } from '../apk/apk-cache.js';
import type { ApkInput } from '../probes/apk/apk-module.js';
import { parsePmPath } from '../probes/apk/resolve-activity.js';
import { withoutSecrets } from '../../common/domain/apk.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { ProgressSink } from '../../common/domain/progress.js';
import type { DeviceError } from '../../common/domain/report.js';
import { sheetFromOutputs } from './diagnose-outputs.js';

/**
 * Pulls the app's APKs (`pm path` → base.apk and its splits) through the device port and inspects base.apk,
 * whose manifest and resources.arsc the push SDKs read (splits hold per-density or per-language resources and
 * feature code; their manifests are not merged into base's). Each file comes from the cache when the phone still
 * has the same path, size and versionCode. Never throws except on cancellation: a failed pull makes the APK
 * facts unknown with the reason.
 */

export interface FetchApkOptions {
  cache: ApkCache | null;
  /** From `dumpsys package`; part of the cache key. */
  versionCode: number | null;
  signal?: AbortSignal;
  onProgress?: ProgressSink;
  timeoutMs?: number;
}

export interface FetchedApk {
  input: ApkInput;
  /** Remote paths copied off the phone this time (the rest came from the cache). */
  pulled: string[];
  fromCache: string[];
}

export async function fetchAppApk(
  port: DevicePort, ref: DeviceRef, app: string, pmPath: RawOutput | undefined, options: FetchApkOptions,
): Promise<FetchedApk | null> {
  const paths = pmPath?.text ? parsePmPath(pmPath.text) : [];
  const base = paths.find((p) => p.endsWith('/base.apk')) ?? paths[0];
  if (!base) return null;
  const origin = { command: `pm path ${app}`, excerpt: `package:${base}` };
  const pulled: string[] = [];
  const fromCache: string[] = [];
  const scratch = await mkdtemp(path.join(tmpdir(), 'push-doctor-pull-'));
  try {
    let localBase: string | null = null;
    for (const remote of [base, ...paths.filter((p) => p !== base)]) {
      const local = await fetchOne(port, ref, remote, scratch, options, pulled, fromCache);
      if (remote === base) localBase = local;
    }
    const inspected = await inspectApk(localBase!);
    return {
      input: inspected.ok
        ? { facts: withoutSecrets(inspected.value), reason: null, origin }
        : { facts: null, reason: `${base} could not be read as an APK: ${inspected.reason}`, origin },
      pulled,
      fromCache,
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { input: { facts: null, reason: `the APK could not be pulled: ${message}`, origin }, pulled, fromCache };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function fetchOne(
  port: DevicePort, ref: DeviceRef, remote: string, scratch: string, options: FetchApkOptions, pulled: string[], fromCache: string[],
): Promise<string> {
  const st = await remoteStat(port, ref, remote, options);
  const device = `${ref.server}/${ref.serial}`;
  const key = st === null ? null : { device, remotePath: remote, size: st.size, mtime: st.mtime, versionCode: options.versionCode };
  const hit = key && options.cache ? await options.cache.get(key) : null;
  if (hit) {
    fromCache.push(remote);
    return hit;
  }
  const bytes = await port.pull(ref, remote, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    onProgress: (done, total) => options.onProgress?.({ type: 'apk-pull', ref, serial: ref.serial, remotePath: remote, bytes: done, total }),
  });
  pulled.push(remote);
  if (options.cache) {
    // A cache that cannot be written costs the next audit a pull, never this one its facts.
    const stored = await options.cache.put({ device, remotePath: remote, size: bytes.length, mtime: st?.mtime ?? null, versionCode: options.versionCode }, bytes).catch(() => null);
    if (stored) return stored;
  }
  const local = path.join(scratch, `${pulled.length}-${path.basename(remote)}`);
  await writeFile(local, bytes);
  return local;
}

/** The file's size and mtime by toybox `stat -c '%s %Y'`; null when the phone does not say (the APK is then pulled uncached). */
async function remoteStat(port: DevicePort, ref: DeviceRef, remote: string, options: FetchApkOptions): Promise<{ size: number; mtime: number } | null> {
  try {
    const r = await port.shell(ref, `stat -c ${shellQuote('%s %Y')} ${shellQuote(remote)}`, {
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 10_000,
    });
    const m = /^(\d{1,12}) (\d{1,12})$/.exec(r.output.trim());
    return r.exitCode === 0 && m ? { size: Number(m[1]), mtime: Number(m[2]) } : null;
  } catch (error) {
    if (error instanceof DevicePortError && options.signal?.aborted) throw error;
    return null;
  }
}

const APK_PULL_TIMEOUT_MS = 5 * 60_000;

/**
 * The app's APK off the phone and inspected, for an audit or a capture that has read the phone's outputs. The
 * version in the cache key comes from the same outputs the diagnosis reads, so a reinstalled build is pulled
 * again. A lost phone or a cancellation comes back as the device error, never thrown.
 */
export async function pullApkFor(
  port: DevicePort, ref: DeviceRef, outputs: readonly RawOutput[], app: string,
  options: { apkCache?: ApkCache | null; apkTimeoutMs?: number; signal?: AbortSignal; onProgress?: ProgressSink },
): Promise<{ input: ApkInput | null; error: DeviceError | null } | null> {
  const pmPath = outputs.find((o) => o.command === `pm path ${app}`);
  const versionCode = sheetFromOutputs(outputs, app).facts.app?.versionCode ?? null;
  try {
    const fetched = await fetchAppApk(port, ref, app, pmPath, {
      cache: options.apkCache ?? null,
      versionCode,
      timeoutMs: options.apkTimeoutMs ?? APK_PULL_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return fetched ? { input: fetched.input, error: null } : null;
  } catch (error) {
    const e = error instanceof DevicePortError ? error : new DevicePortError('INTERNAL', (error as Error).message);
    return { input: null, error: { code: e.code, message: e.hint ? `${e.message}. ${e.hint}` : e.message, during: 'apk-pull' } };
  }
}
