import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { CAPTURE_MANIFEST, CAPTURE_SCHEMA, captureManifestSchema, fileNameFor, type CaptureManifest } from './capture-format.js';
import { isZip } from '../probes/bugreport.js';
import { decodeCapture, normalizeText } from '../probes/text.js';

export interface Capture {
  manifest: CaptureManifest;
  outputs: RawOutput[];
}

export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** Files of a capture, by their path relative to the capture's root folder. */
export type CaptureFiles = Map<string, Uint8Array>;

export async function loadCaptureFiles(target: string): Promise<CaptureFiles> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new CaptureError(`${target} does not exist.`);
  if (info.isDirectory()) return readFolder(target);
  const bytes = await readFile(target);
  if (!isZip(bytes)) throw new CaptureError(`${target} is neither a capture folder nor a zip file.`);
  return unzipFiles(bytes);
}

/** Unzips, dropping a single top-level folder so `cap.zip/cap/capture.json` reads like `cap/capture.json`. */
export function unzipFiles(bytes: Uint8Array): CaptureFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new CaptureError(`The zip file could not be read: ${(error as Error).message}`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const roots = new Set(names.map((n) => n.split('/')[0]));
  const strip = roots.size === 1 && names.every((n) => n.includes('/')) ? `${[...roots][0]}/` : '';
  return new Map(names.map((n) => [n.slice(strip.length), entries[n] as Uint8Array]));
}

async function readFolder(root: string): Promise<CaptureFiles> {
  const files: CaptureFiles = new Map();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
    }
  };
  await walk(root);
  return files;
}

/** Reads capture.json and every output it names; a missing or unreadable file becomes an output with an error. */
export function parseCapture(files: CaptureFiles): Capture {
  const raw = files.get(CAPTURE_MANIFEST);
  if (!raw) throw new CaptureError(`No ${CAPTURE_MANIFEST} found: this is not a Push Doctor capture.`);
  let json: unknown;
  try {
    json = JSON.parse(decodeCapture(raw));
  } catch (error) {
    throw new CaptureError(`${CAPTURE_MANIFEST} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = captureManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new CaptureError(`${CAPTURE_MANIFEST} does not follow ${CAPTURE_SCHEMA}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const manifest = parsed.data;
  const outputs = manifest.commands.map((c): RawOutput => {
    const bytes = c.file ? files.get(c.file) : undefined;
    const base = { command: c.command, exitCode: c.exitCode ?? null, ...(c.durationMs !== undefined ? { durationMs: c.durationMs } : {}) };
    if (!c.file) return { ...base, text: null, error: c.error ?? 'no output file recorded' };
    if (!bytes) return { ...base, text: null, error: `file ${c.file} is missing from the capture` };
    return { ...base, text: normalizeText(decodeCapture(bytes)), ...(c.error ? { error: c.error } : {}) };
  });
  return { manifest, outputs };
}

export function captureToFiles(
  meta: { serial: string; ref?: CaptureManifest['ref']; app: string | null; capturedAt: string }, outputs: readonly RawOutput[],
): CaptureFiles {
  const files: CaptureFiles = new Map();
  const taken = new Set<string>([CAPTURE_MANIFEST]);
  const commands = outputs.map((o) => {
    const entry: CaptureManifest['commands'][number] = { command: o.command, exitCode: o.exitCode };
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
  const manifest: CaptureManifest = {
    schema: CAPTURE_SCHEMA, capturedAt: meta.capturedAt, serial: meta.serial, ...(meta.ref ? { ref: meta.ref } : {}), app: meta.app, commands,
  };
  files.set(CAPTURE_MANIFEST, strToU8(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** Writes a folder, or a zip when `target` ends in .zip. */
export async function writeCaptureFiles(target: string, files: CaptureFiles): Promise<void> {
  if (target.toLowerCase().endsWith('.zip')) {
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await writeFile(target, zipSync(Object.fromEntries(files), { level: 6 }));
    return;
  }
  await mkdir(target, { recursive: true });
  for (const [name, bytes] of files) await writeFile(path.join(target, name), bytes);
}
