import { unzipSync } from 'fflate';
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
 * This module splits the main text file into outputs keyed by the equivalent command line, and finds
 * that file inside a bugreport zip (named in `main_entry.txt`, else the `bugreport-*.txt` at the root).
 */
export interface BugreportOutputs {
  /** Command line → output text, as if the command had been run alone. */
  outputs: Map<string, string>;
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
 * `dumpsys settings` prints SettingsProvider's tables as
 * `_id:12 name:zen_mode pkg:android value:0 default:0 defaultSystemSet:true` under
 * `GLOBAL SETTINGS (user 0)` / `SECURE SETTINGS (user 0)` / `SYSTEM SETTINGS (user 0)`;
 * turned into `settings list NS` lines (`name=value`) for user 0.
 */
function settingsFromProviderDump(dump: string): Map<'global' | 'secure' | 'system', string> {
  const result = new Map<'global' | 'secure' | 'system', string>();
  let current: 'global' | 'secure' | 'system' | null = null;
  const acc = new Map<'global' | 'secure' | 'system', string[]>();
  for (const line of dump.split('\n')) {
    const header = /^\s*(GLOBAL|SECURE|SYSTEM) SETTINGS \(user (\d+)\)/.exec(line);
    if (header) {
      current = header[2] === '0' ? ((header[1] ?? '').toLowerCase() as 'global' | 'secure' | 'system') : null;
      continue;
    }
    if (/^\s*[A-Z ]+ SETTINGS/.test(line)) {
      current = null;
      continue;
    }
    if (!current) continue;
    // pkg:, default: and tag: are printed only when set (SettingsProvider.dumpSettingsLocked).
    const m = /^\s*_id:\S+ name:(\S+)(?: pkg:\S*)? value:(.*?)(?: default:.*| tag:.*)?$/.exec(line);
    if (!m) continue;
    const list = acc.get(current) ?? [];
    list.push(`${m[1]}=${m[2]}`);
    acc.set(current, list);
  }
  for (const [ns, list] of acc) result.set(ns, `${list.join('\n')}\n`);
  return result;
}

/** One package's block out of the whole `dumpsys package`, shaped like `dumpsys package PKG` prints it. */
export function extractPackageSection(packageDump: string, pkg: string): string | null {
  const lines = packageDump.split('\n');
  let inPackages = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('Packages:')) inPackages = true;
    else if (line.length > 0 && line[0] !== ' ') inPackages = false;
    if (!inPackages || !line.startsWith(`  Package [${pkg}] (`)) continue;
    const block = [line];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (next.startsWith('  Package [') || (next.length > 0 && next[0] !== ' ') || next.trim() === '') break;
      block.push(next);
    }
    return `Packages:\n${block.join('\n')}\n`;
  }
  return null;
}

/** UsageStats `package=PKG u=0 bucket=10 reason=…` (AppIdleHistory.dump) → `am get-standby-bucket` output. */
function standbyBucketFromUsageStats(dump: string, pkg: string): string | null {
  const m = new RegExp(`package=${pkg.replace(/\./g, '\\.')} u=0 bucket=(\\d+)`).exec(dump);
  return m ? `${m[1]}\n` : null;
}

export function splitBugreport(text: string, packages: readonly string[]): BugreportOutputs {
  const lines = normalizeText(text).split('\n');
  const outputs = new Map<string, string>();
  const sections: string[] = [];

  const props = commandSection(lines, 'SYSTEM PROPERTIES');
  if (props) {
    outputs.set('getprop', `${props.body.join('\n')}\n`);
    sections.push(props.header);
  }
  const log = commandSection(lines, 'SYSTEM LOG');
  if (log) {
    outputs.set('logcat -d -v threadtime', `${log.body.join('\n')}\n`);
    sections.push(log.header);
  }
  const notification = serviceSections(lines, 'notification');
  if (notification !== null) {
    outputs.set('dumpsys notification --noredact', notification);
    sections.push('DUMP OF SERVICE notification:');
  }
  const deviceidle = serviceSections(lines, 'deviceidle');
  if (deviceidle !== null) {
    outputs.set('dumpsys deviceidle', deviceidle);
    sections.push('DUMP OF SERVICE deviceidle:');
  }
  const packageDump = serviceSections(lines, 'package');
  if (packageDump !== null) {
    sections.push('DUMP OF SERVICE package:');
    for (const pkg of packages) {
      const block = extractPackageSection(packageDump, pkg);
      // A package with no block is reported as not installed by the parser; keep an empty dump for that.
      outputs.set(`dumpsys package ${pkg}`, block ?? '');
    }
  }
  const settings = serviceSections(lines, 'settings');
  if (settings !== null) {
    sections.push('DUMP OF SERVICE settings:');
    for (const [ns, body] of settingsFromProviderDump(settings)) outputs.set(`settings list ${ns}`, body);
  }
  const usage = serviceSections(lines, 'usagestats');
  if (usage !== null) {
    sections.push('DUMP OF SERVICE usagestats:');
    for (const pkg of packages) {
      const bucket = standbyBucketFromUsageStats(usage, pkg);
      if (bucket !== null) outputs.set(`am get-standby-bucket ${pkg}`, bucket);
    }
  }
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
