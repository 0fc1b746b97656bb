import { readFile, stat } from 'node:fs/promises';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { ReportSource } from '../../common/domain/report.js';
import { ALL_PUSH_SERVICE_PACKAGES } from '../../common/vendors/vendor-table.js';
import { bugreportText, isZip, splitBugreport } from '../probes/bugreport.js';
import { parseGetprop } from '../probes/props/getprop.js';
import { CAPTURE_MANIFEST } from './capture-format.js';
import { CaptureError, loadCaptureFiles, parseCapture, unzipFiles } from './capture-io.js';

/** What `analyze` reads: the outputs of one phone, from a capture or a bug report. */
export interface LoadedSource {
  source: Exclude<ReportSource, 'live'>;
  serial: string;
  /** The app the capture was taken for, when it names one. */
  app: string | null;
  outputs: RawOutput[];
  /** Where the outputs came from inside the file, for the user. */
  origin: string;
}

/**
 * Accepts a capture folder, a capture zip, an `adb bugreport` zip or its main text file, and tells
 * which it is by content, not by name.
 */
export async function loadSource(target: string, app: string | null): Promise<LoadedSource> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new CaptureError(`${target} does not exist.`);
  if (info.isDirectory()) return fromCapture(target, await loadCaptureFiles(target));
  const bytes = await readFile(target);
  if (isZip(bytes) && unzipFiles(bytes).has(CAPTURE_MANIFEST)) return fromCapture(target, unzipFiles(bytes));
  return fromBugreport(target, bytes, app);
}

function fromCapture(target: string, files: Awaited<ReturnType<typeof loadCaptureFiles>>): LoadedSource {
  const { manifest, outputs } = parseCapture(files);
  return { source: 'capture', serial: manifest.serial, app: manifest.app ?? null, outputs, origin: `capture ${target} (${manifest.capturedAt})` };
}

function fromBugreport(target: string, bytes: Uint8Array, app: string | null): LoadedSource {
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
    origin: `bugreport ${target}${main.entry ? ` (${main.entry})` : ''}: ${sections.length} sections`,
  };
}
