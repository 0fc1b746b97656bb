import type { Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { REPORT_SCHEMA, type DeviceError, type Report, type ReportSource } from '../../common/domain/report.js';
import { ReportSchema } from '../report/report-schema.js';
import { ALL_PUSH_SERVICE_PACKAGES } from '../../common/vendors/vendor-table.js';
import { bugreportText, splitBugreport } from '../probes/bugreport.js';
import { parseGetprop } from '../probes/props/getprop.js';
import { CAPTURE_MANIFEST, type CaptureManifest } from './capture-format.js';
import { CaptureError, parseManifest, readCaptureOutputs, type CaptureFileRead } from './capture-io.js';
import { ZipReadError, ZipReader, type ByteBudget, type ZipEntry } from './zip-reader.js';

/** What `analyze` reads: the outputs of one phone, from a capture or a bug report. */
export interface LoadedSource {
  source: Exclude<ReportSource, 'live'>;
  serial: string;
  /** The app the capture was taken for, when it names one. */
  app: string | null;
  outputs: RawOutput[];
  /** Files the capture names that could not be read (too large, refused), for the report's errors. */
  errors: DeviceError[];
  /** Where the outputs came from inside the file, for the user. */
  origin: string;
}

/**
 * Bounds on what one analysis reads, so a crafted or mistaken input ends with a message instead of exhausting
 * memory: per file (a V8 string holds at most 2^29 − 24 characters, so 512 MB of text is near what can be
 * decoded at all) and in all. A real bug report's main text is 20–100 MB; a capture's files are a few MB.
 */
export const LIMITS = { perFile: 512 * 1000 * 1000, total: 512 * 1000 * 1000 } as const;

export interface LoadOptions {
  limits?: { perFile: number; total: number };
  signal?: AbortSignal;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

function budgetOf(limits: { perFile: number; total: number }): ByteBudget {
  return { remaining: limits.total, perEntry: limits.perFile, describe: `at most ${mb(limits.perFile)} per file and ${mb(limits.total)} in all` };
}

/** What a path is, in words, when it is neither a regular file nor a folder. */
function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Accepts a capture folder, a capture zip, an `adb bugreport` zip or its main text file, and tells which it is
 * by content, not by name. Reads only what the capture's manifest (or the bug report's main_entry.txt) names.
 */
export async function loadSource(target: string, app: string | null, options: LoadOptions = {}): Promise<LoadedSource> {
  const limits = options.limits ?? LIMITS;
  const info = await stat(target).catch(() => null);
  if (!info) throw new CaptureError(`${target} does not exist.`, 'NOT_FOUND');
  if (info.isDirectory()) return fromFolder(target, limits, options.signal);
  // A pipe would block the read forever and /dev/zero never ends: only regular files are read.
  if (!info.isFile()) throw new CaptureError(`${target} is ${kindOf(info)}; analyze reads a capture folder, a zip or a text file.`, 'UNSUPPORTED');
  const head = await readHead(target, 4);
  if (head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return fromZip(target, app, limits, options.signal);
  if (info.size > limits.perFile) {
    throw new CaptureError(`TOO_LARGE: ${target} is ${mb(info.size)}; Push Doctor reads text files of at most ${mb(limits.perFile)}. `
      + 'A bug report\'s main text is usually 20–100 MB: check that this is the right file.', 'TOO_LARGE');
  }
  return fromBugreport(target, await readRegular(target, limits.perFile), app, null);
}

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a regular file, stopping at `cap` bytes even if it grows while being read. */
async function readRegular(file: string, cap: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > cap) throw new CaptureError(`TOO_LARGE: ${file} is ${mb(size)}, more than ${mb(cap)}.`, 'TOO_LARGE');
    const buffer = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(buffer, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** A name from capture.json, as a path inside the capture: no absolute paths, no `..`. */
function safeRelative(name: string): string | null {
  const parts = name.split(/[\\/]+/);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || parts.some((p) => p === '..')) return null;
  return parts.filter((p) => p && p !== '.').join('/');
}

async function fromFolder(root: string, limits: { perFile: number; total: number }, signal?: AbortSignal): Promise<LoadedSource> {
  const budget = budgetOf(limits);
  const manifestPath = path.join(root, CAPTURE_MANIFEST);
  const manifestInfo = await lstat(manifestPath).catch(() => null);
  if (!manifestInfo) throw new CaptureError(`No ${CAPTURE_MANIFEST} found in ${root}: this is not a Push Doctor capture.`);
  if (manifestInfo.isSymbolicLink()) {
    throw new CaptureError(`${manifestPath} is a symbolic link; refused: a capture's files must be the files themselves, so a capture cannot make Push Doctor read files outside it.`, 'UNSUPPORTED');
  }
  if (!manifestInfo.isFile()) throw new CaptureError(`${manifestPath} is ${manifestInfo.isDirectory() ? 'a folder' : kindOf(manifestInfo)}, not a file.`, 'UNSUPPORTED');
  const manifest = parseManifest(await readWithin(manifestPath, budget));
  const read = async (file: string): Promise<CaptureFileRead> => {
    const relative = safeRelative(file);
    if (relative === null) return { ok: false, code: 'INVALID_INPUT', reason: `file ${file} points outside the capture; refused` };
    const full = path.join(root, relative);
    const info = await lstat(full).catch(() => null);
    if (!info) return { ok: false, code: 'NOT_FOUND', reason: `file ${file} is missing from the capture` };
    if (info.isSymbolicLink()) return { ok: false, code: 'UNSUPPORTED', reason: `file ${file} is a symbolic link; refused` };
    if (!info.isFile()) return { ok: false, code: 'UNSUPPORTED', reason: `file ${file} is ${kindOf(info)}; refused` };
    try {
      return { ok: true, bytes: await readWithin(full, budget) };
    } catch (error) {
      if (error instanceof CaptureError) return { ok: false, code: error.code, reason: error.message };
      return { ok: false, code: 'INVALID_INPUT', reason: `file ${file} could not be read: ${(error as Error).message}` };
    }
  };
  return fromManifest(root, manifest, await readCaptureOutputs(manifest, read, signal));
}

async function readWithin(file: string, budget: ByteBudget): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.size > Math.min(budget.perEntry, budget.remaining)) {
    throw new CaptureError(`${path.basename(file)} is ${mb(info.size)}, larger than Push Doctor reads (${budget.describe})`, 'TOO_LARGE');
  }
  const bytes = await readRegular(file, Math.min(budget.perEntry, budget.remaining));
  budget.remaining -= bytes.length;
  return bytes;
}

function fromManifest(target: string, manifest: CaptureManifest, read: { outputs: RawOutput[]; errors: DeviceError[] }): LoadedSource {
  return {
    source: 'capture', serial: manifest.serial, app: manifest.app ?? null, outputs: read.outputs, errors: read.errors,
    origin: `capture ${target} (${manifest.capturedAt})`,
  };
}

function zipFailure(target: string, error: unknown): CaptureError {
  if (error instanceof ZipReadError) {
    return new CaptureError(`${error.code === 'TOO_LARGE' ? 'TOO_LARGE: ' : ''}${target}: ${error.message}.`, error.code);
  }
  return error instanceof CaptureError ? error : new CaptureError(`The zip file ${target} could not be read: ${(error as Error).message}`);
}

async function fromZip(target: string, app: string | null, limits: { perFile: number; total: number }, signal?: AbortSignal): Promise<LoadedSource> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(target);
  } catch (error) {
    throw zipFailure(target, error);
  }
  try {
    const budget = budgetOf(limits);
    const files = zip.entries.filter((e) => !e.isDirectory);
    // `cap.zip/cap/capture.json` reads like `cap/capture.json`: one top-level folder holding everything is dropped.
    const roots = new Set(files.map((e) => e.name.split('/')[0]));
    const strip = roots.size === 1 && files.every((e) => e.name.includes('/')) ? `${[...roots][0]}/` : '';
    const byName = new Map(files.map((e) => [e.name.slice(strip.length), e]));
    const readEntry = async (entry: ZipEntry): Promise<Uint8Array> => zip.read(entry, budget).catch((error: unknown) => {
      throw zipFailure(target, error);
    });
    const manifestEntry = byName.get(CAPTURE_MANIFEST);
    if (manifestEntry) {
      if (manifestEntry.isSymlink) {
        throw new CaptureError(`${CAPTURE_MANIFEST} in ${target} is a symbolic link; refused: a capture's files must be the files themselves.`, 'UNSUPPORTED');
      }
      const manifest = parseManifest(await readEntry(manifestEntry));
      const read = async (file: string): Promise<CaptureFileRead> => {
        const entry = byName.get(file);
        if (!entry) return { ok: false, code: 'NOT_FOUND', reason: `file ${file} is missing from the capture` };
        if (entry.isSymlink) return { ok: false, code: 'UNSUPPORTED', reason: `file ${file} is a symbolic link; refused` };
        try {
          return { ok: true, bytes: await zip.read(entry, budget) };
        } catch (error) {
          if (error instanceof ZipReadError) return { ok: false, code: error.code, reason: error.message };
          return { ok: false, code: 'INVALID_INPUT', reason: `file ${file} could not be read: ${(error as Error).message}` };
        }
      };
      return fromManifest(target, manifest, await readCaptureOutputs(manifest, read, signal));
    }
    // An adb bugreport zip: main_entry.txt names the main text, else the bugreport-*.txt at the root.
    const pointer = byName.get('main_entry.txt');
    const named = pointer ? new TextDecoder().decode(await readEntry(pointer)).trim() : null;
    const main = (named ? byName.get(named) : undefined) ?? files.find((e) => /^bugreport[^/]*\.txt$/.test(e.name));
    if (!main) {
      throw new CaptureError(`${target} is neither a Push Doctor capture (no ${CAPTURE_MANIFEST}) nor an adb bugreport (no main_entry.txt or bugreport-*.txt).`);
    }
    signal?.throwIfAborted();
    return fromBugreport(target, await readEntry(main), app, main.name);
  } finally {
    await zip.close();
  }
}

function fromBugreport(target: string, bytes: Uint8Array, app: string | null, entry: string | null): LoadedSource {
  const main = bugreportText(bytes);
  if (!main.ok) throw new CaptureError(`${target}: ${main.reason}`);
  const packages = [...(app ? [app] : []), ...ALL_PUSH_SERVICE_PACKAGES];
  const { outputs, sections } = splitBugreport(main.text, packages);
  if (sections.length === 0) {
    throw new CaptureError(`${target} is neither a Push Doctor capture (no ${CAPTURE_MANIFEST}) nor an adb bugreport (no dumpstate sections found).`);
  }
  const getprop = outputs.find((o) => o.command === 'getprop')?.text;
  const props = getprop ? parseGetprop(getprop) : null;
  const serial = (props?.ok ? props.value.props.get('ro.serialno')?.value : undefined) ?? 'bugreport';
  return {
    source: 'bugreport',
    serial,
    app,
    outputs,
    errors: [],
    origin: `bugreport ${target}${entry ? ` (${entry})` : ''}: ${sections.length} sections`,
  };
}

/** A saved report is far smaller than this; the bound only stops a mistaken multi-gigabyte file being parsed. */
const SAVED_REPORT_LIMIT = 64 * 1000 * 1000;

/**
 * A report Push Doctor wrote earlier (`--format json`), for `analyze report.json --lang zh-CN` to render again
 * in another language without the phone: null when the file is not one (a bug report's text, a zip), the
 * report when it fits the contract, and an error saying what is wrong when it claims to be one and does not.
 */
export async function loadSavedReport(target: string): Promise<Report | null> {
  const info = await stat(target).catch(() => null);
  if (!info || !info.isFile() || info.size > SAVED_REPORT_LIMIT) return null;
  const head = new TextDecoder().decode(await readHead(target, 256)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('{') || !head.includes('"schema"')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await readRegular(target, SAVED_REPORT_LIMIT)).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CaptureError(`${target} looks like a Push Doctor report but is not valid JSON (${(error as Error).message}); write it again with --format json.`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { schema?: unknown }).schema !== REPORT_SCHEMA) return null;
  const checked = ReportSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new CaptureError(`${target} is not a valid ${REPORT_SCHEMA} report: ${issue ? `${issue.path.join('.') || 'report'}: ${issue.message}` : 'it does not fit the contract'}.`);
  }
  // The schema validates; the file itself is kept, since parsing through the schema would drop fields it does not name.
  return parsed as Report;
}
