import { unzipSync } from 'fflate';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { BugreportSections } from './probe-module.js';
import { PROBE_MODULES } from './probe-modules.js';
import { decodeCapture, normalizeText } from './text.js';

/**
 * An `adb bugreport` holds the same outputs an audit reads, in dumpstate's sections:
 *   `------ SYSTEM PROPERTIES (getprop) ------` … `------ 0.02s was the duration of 'SYSTEM PROPERTIES' ------`
 *   `------ SYSTEM LOG (logcat -v threadtime -v printable -v uid -d *:v) ------` … (duration line)
 *   `DUMP OF SERVICE [CRITICAL |HIGH ]notification:` … `--------- 0.03s was the duration of dumpsys notification, ending at: …`
 * (frameworks/native/cmds/dumpstate/dumpstate.cpp: RunCommand/DumpFile section titles, RunDumpsys and
 * the `DUMP OF SERVICE` banner of frameworks/native/cmds/dumpsys/dumpsys.cpp). dumpstate runs some
 * commands in parallel, so another section's `------` lines can land inside a section: a section ends at
 * its own duration line, and parsers skip the foreign lines.
 * This module finds the sections each area's module asks for, and finds
 * that file inside a bugreport zip (named in `main_entry.txt`, else the `bugreport-*.txt` at the root).
 */
export interface BugreportOutputs {
  /** One output per equivalent command line, as if the command had been run alone. */
  outputs: RawOutput[];
  /** Section titles found, for the report's provenance. */
  sections: string[];
}

const DUMP_BANNER = /^DUMP OF SERVICE (?:(?:CRITICAL|HIGH|NORMAL) )?([\w.\-/@]+):\s*$/;
const SEPARATOR = /^-{20,}$/;
/** `------ TITLE (command) ------`, as dumpstate's RunCommand/DumpFile print a section's start. */
const SECTION_HEADER = /^------ [A-Z][^()]* \(.*\) ------\s*$/;

function isDurationLine(line: string): boolean {
  return /^-{6,9} [\d.]+s was the duration of /.test(line);
}

/** Body of a `------ TITLE (cmd) ------` section, ending at its own duration line. */
function commandSection(lines: string[], title: string): { body: string[]; header: string } | null {
  const start = lines.findIndex((l) => l.startsWith(`------ ${title} (`) && l.trimEnd().endsWith('------'));
  if (start < 0) return null;
  const header = lines[start] ?? '';
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.includes(`was the duration of '${title}'`)) return { body, header };
    // Old dumpstate (Android 7 and earlier) prints no duration line, and from Android 10 a section shorter
    // than 0.5 s gets none either (dumpstate.cpp DurationReporter): the next section header ends it.
    if (SECTION_HEADER.test(line) && !isDurationLine(line)) return { body, header };
    if (DUMP_BANNER.test(line)) return { body, header };
    body.push(line);
  }
  return { body, header };
}

/** Every `DUMP OF SERVICE name:` section for `service` (priority sections included), joined. */
function serviceSections(lines: string[], service: string): string | null {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = DUMP_BANNER.exec(lines[i] ?? '');
    if (!m || m[1] !== service) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.includes(`was the duration of dumpsys ${service}`) || DUMP_BANNER.test(line)) break;
      if (SEPARATOR.test(line) && DUMP_BANNER.test(lines[j + 1] ?? '')) break;
      body.push(line);
    }
    parts.push(body.join('\n'));
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

/**
 * The outputs a bug report holds, as if each command had been run alone: every area's module says which
 * section stands in for its commands (ProbeModule.fromBugreport).
 */
export function splitBugreport(text: string, packages: readonly string[]): BugreportOutputs {
  const lines = normalizeText(text).split('\n');
  const sections: string[] = [];
  const found: BugreportSections = {
    command(title) {
      const section = commandSection(lines, title);
      if (!section) return null;
      if (!sections.includes(section.header)) sections.push(section.header);
      return `${section.body.join('\n')}\n`;
    },
    service(name) {
      const body = serviceSections(lines, name);
      const banner = `DUMP OF SERVICE ${name}:`;
      if (body !== null && !sections.includes(banner)) sections.push(banner);
      return body;
    },
  };
  const outputs = PROBE_MODULES.flatMap((m) => m.fromBugreport(found, packages));
  return { outputs, sections };
}

/** Whether bytes are a zip (local file header "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type BugreportText = { ok: true; text: string; entry: string | null } | { ok: false; reason: string };

/** The main text of a bugreport, from the zip (via main_entry.txt) or from the text file itself. */
export function bugreportText(bytes: Uint8Array): BugreportText {
  if (!isZip(bytes)) return { ok: true, text: decodeCapture(bytes), entry: null };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name === 'main_entry.txt' || (/^bugreport[^/]*\.txt$/.test(f.name)),
    });
  } catch (error) {
    return { ok: false, reason: `not a readable zip: ${error instanceof Error ? error.message : String(error)}` };
  }
  const mainEntry = files['main_entry.txt'];
  const named = mainEntry ? new TextDecoder().decode(mainEntry).trim() : null;
  const entry = named && files[named] ? named : Object.keys(files).find((n) => n !== 'main_entry.txt') ?? null;
  if (!entry) return { ok: false, reason: 'no bugreport-*.txt in the zip (main_entry.txt missing or pointing elsewhere)' };
  const data = files[entry];
  if (!data) return { ok: false, reason: `zip entry ${entry} is empty` };
  return { ok: true, text: decodeCapture(data), entry };
}
