import { strToU8, zipSync } from 'fflate';
import type { DeviceError, ErrorCode } from '../../common/domain/report.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { CAPTURE_MANIFEST, CAPTURE_SCHEMA, captureManifestSchema, fileNameFor, isApkFactsEntry, type CaptureCommand, type CaptureManifest } from './capture-format.js';
import { APK_JSON, apkJsonText, parseApkJson } from './apk-json.js';
import type { ApkInput } from '../probes/apk/apk-module.js';
import { decodeCapture, normalizeText } from '../probes/text.js';
import { checkFileTarget, checkFolderTarget, writeFileAtomic, writeFolderAtomic } from '../util/output-target.js';

export class CaptureError extends Error {
  constructor(message: string, readonly code: ErrorCode = 'INVALID_INPUT') {
    super(message);
    this.name = 'CaptureError';
  }
}

/** Files of a capture, by their path relative to the capture's root folder. */
export type CaptureFiles = Map<string, Uint8Array>;

/** What reading one file of a capture gave: its bytes, or why there are none (the analysis goes on without it). */
export type CaptureFileRead = { ok: true; bytes: Uint8Array } | { ok: false; code: ErrorCode; reason: string };

/** Reads capture.json's bytes into a manifest, saying what is wrong, and that it is the file that is wrong. */
export function parseManifest(raw: Uint8Array): CaptureManifest {
  let json: unknown;
  try {
    json = JSON.parse(decodeCapture(raw));
  } catch (error) {
    throw new CaptureError(`${CAPTURE_MANIFEST} is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  const parsed = captureManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new CaptureError(`${CAPTURE_MANIFEST} does not follow ${CAPTURE_SCHEMA}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * The outputs capture.json names, each read through `read`; a file that is missing, refused or too large becomes
 * an output with its error, and the reason is kept as a device error too.
 */
export async function readCaptureOutputs(
  manifest: CaptureManifest, read: (file: string) => Promise<CaptureFileRead>, signal?: AbortSignal,
): Promise<{ outputs: RawOutput[]; errors: DeviceError[] }> {
  const outputs: RawOutput[] = [];
  const errors: DeviceError[] = [];
  for (const c of manifest.commands) {
    signal?.throwIfAborted();
    if (isApkFactsEntry(c)) continue;
    const base = { command: c.command, exitCode: c.exitCode ?? null, ...(c.durationMs !== undefined ? { durationMs: c.durationMs } : {}) };
    if (!c.file) {
      outputs.push({ ...base, text: null, error: c.error ?? 'no output file recorded' });
      continue;
    }
    const got = await read(c.file);
    if (!got.ok) {
      outputs.push({ ...base, text: null, error: got.reason });
      if (got.code !== 'NOT_FOUND') errors.push({ code: got.code, message: got.reason, during: `load:${c.file}` });
      continue;
    }
    outputs.push({ ...base, text: normalizeText(decodeCapture(got.bytes)), ...(c.error ? { error: c.error } : {}) });
  }
  return { outputs, errors };
}

/**
 * The APK facts capture.json lists (apk.json), read through its schema; null when the capture has none. A file
 * that is missing or does not follow the schema gives facts null with the reason, so the APK steps are unknown.
 */
export async function readCaptureApk(manifest: CaptureManifest, read: (file: string) => Promise<CaptureFileRead>): Promise<ApkInput | null> {
  const entry = manifest.commands.find(isApkFactsEntry);
  if (!entry) return null;
  const origin = { command: 'capture', excerpt: entry.file };
  const got = await read(entry.file);
  if (!got.ok) return { facts: null, reason: `${entry.file}: ${got.reason}`, origin };
  const parsed = parseApkJson(decodeCapture(got.bytes));
  if (!parsed.ok) return { facts: null, reason: parsed.reason, origin };
  return { facts: parsed.value.facts, reason: null, origin: parsed.value.origin };
}

export function captureToFiles(
  meta: { serial: string; ref?: CaptureManifest['ref']; app: string | null; capturedAt: string; clickTarget?: string | null }, outputs: readonly RawOutput[],
  apk: ApkInput | null = null,
): CaptureFiles {
  const files: CaptureFiles = new Map();
  const taken = new Set<string>([CAPTURE_MANIFEST, APK_JSON]);
  const commands: CaptureManifest['commands'] = outputs.map((o) => {
    const entry: CaptureCommand = { command: o.command, exitCode: o.exitCode };
    if (o.durationMs !== undefined) entry.durationMs = Math.round(o.durationMs);
    if (o.error) entry.error = o.error;
    if (o.text !== null) {
      const file = fileNameFor(o.command, taken);
      taken.add(file);
      files.set(file, strToU8(o.text));
      entry.file = file;
    }
    return entry;
  });
  if (apk?.facts) {
    files.set(APK_JSON, strToU8(apkJsonText(apk.origin, apk.facts)));
    commands.push({ kind: 'apk-facts', file: APK_JSON });
  }
  const manifest: CaptureManifest = {
    schema: CAPTURE_SCHEMA, capturedAt: meta.capturedAt, serial: meta.serial, ...(meta.ref ? { ref: meta.ref } : {}), app: meta.app,
    ...(meta.clickTarget ? { clickTarget: meta.clickTarget } : {}), commands,
  };
  files.set(CAPTURE_MANIFEST, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

export const isZipTarget = (target: string): boolean => target.toLowerCase().endsWith('.zip');

export function captureZip(files: CaptureFiles): Uint8Array {
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/**
 * Checks where a capture goes before the phone is read: a .zip file (an existing one only with `force`), or a
 * folder that is new or empty, so the files of two phones never mix.
 */
export async function checkCaptureTarget(target: string, options: { force: boolean }): Promise<void> {
  if (isZipTarget(target)) await checkFileTarget(target, { force: options.force });
  else await checkFolderTarget(target);
}

/** Writes a folder, or a zip when `target` ends in .zip; either appears whole or not at all. */
export async function writeCaptureFiles(target: string, files: CaptureFiles, options: { force: boolean }): Promise<void> {
  if (isZipTarget(target)) await writeFileAtomic(target, captureZip(files), options);
  else await writeFolderAtomic(target, files);
}
