import { strToU8, zipSync } from 'fflate';
import type { AndroidDevice } from './android-device.js';
import { ANDROID_COMMANDS } from './commands/registry.js';
import { EMPTY_INPUT } from './shell/pipe.js';

/**
 * The main text file of a bug report, laid out as dumpstate writes it, from the simulated phone's own
 * commands (frameworks/native/cmds/dumpstate/dumpstate.cpp, Android 10–15):
 *   - Dumpstate::PrintHeader: the `== dumpstate: DATE` banner, then Build, Build fingerprint,
 *     Bootloader, Radio, Network, Android SDK version, Bugreport format version, Dumpstate info.
 *     Kernel, Command line and Uptime are left out: the simulated phone has no /proc/version or uptime.
 *   - RunCommand(title, cmd): `------ TITLE (cmd args) ------`, the output, then DurationReporter's
 *     `------ 0.053s was the duration of 'TITLE' ------`. From Android 10 DurationReporter prints
 *     nothing for a section shorter than 0.5 s (`if (elapsed < .5f) return;`), so on a fast simulated
 *     phone those sections end without it, as getprop's usually does on a real one.
 *   - DoLogcat: `SYSTEM LOG` runs `logcat -v threadtime -v printable -v uid -d *:v`.
 *   - Dumpsys sections (frameworks/native/cmds/dumpsys/dumpsys.cpp writeDumpHeader/writeDumpFooter):
 *     a rule of dashes, `DUMP OF SERVICE NAME:`, the dump, then
 *     `--------- 0.032s was the duration of dumpsys NAME, ending at: YYYY-MM-DD HH:MM:SS`. dumpstate
 *     passes `-a` to NORMAL-priority services (Dumpsys::setServiceArgs), so the notification dump is
 *     the redacted one.
 * Only the services the simulated phone can dump appear (deviceidle, notification, package, settings):
 * it has no `dumpsys usagestats`, so that section is absent, as it is from a bug report whose dumpsys
 * timed out on it.
 */

export interface BugreportFiles {
  /** `bugreport-<ro.product.name>-<ro.build.id>-<date>` (Dumpstate::base_name_ plus name_). */
  baseName: string;
  mainText: string;
  zip: Uint8Array;
}

/** dumpstate's version_ (Dumpstate::VERSION_CURRENT), written to version.txt and the header. */
export const BUGREPORT_FORMAT_VERSION = '2.0';

const BANNER = '='.repeat(56);
const DUMPSYS_RULE = '-'.repeat(79);

interface Captured {
  text: string;
  seconds: number;
}

/** Runs one of the phone's Android binaries as dumpstate would fork it, collecting stdout and stderr. */
async function run(device: AndroidDevice, name: string, args: string[]): Promise<Captured> {
  const command = ANDROID_COMMANDS[name];
  if (!command) return { text: `*** command '${name}' failed: No such file or directory\n`, seconds: 0 };
  const chunks: Buffer[] = [];
  const collect = async (chunk: string | Buffer): Promise<void> => {
    chunks.push(Buffer.from(chunk));
  };
  const started = performance.now();
  await command({ name, args, stdin: EMPTY_INPUT, out: collect, err: collect, signal: new AbortController().signal, env: new Map() }, device);
  return { text: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - started) / 1000 };
}

function stamp(ms: number, separator: ' ' | '-'): string {
  const iso = new Date(ms).toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return separator === ' ' ? `${date} ${time}` : `${date}-${time.replace(/:/g, '-')}`;
}

function withNewline(text: string): string {
  return text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
}

function header(device: AndroidDevice, pid: number): string {
  const prop = (key: string): string => device.prop(key) || '(unknown)';
  const lines = [
    BANNER,
    `== dumpstate: ${stamp(device.now(), ' ')}`,
    BANNER,
    '',
    `Build: ${prop('ro.build.display.id')}`,
    `Build fingerprint: '${prop('ro.build.fingerprint')}'`,
    `Bootloader: ${prop('ro.bootloader')}`,
    `Radio: ${prop('gsm.version.baseband')}`,
    `Network: ${prop('gsm.operator.alpha')}`,
  ];
  // The SDK line arrived with Android 11's header (PrintHeader, android-11.0.0_r1).
  if (device.sdk >= 30) lines.push(`Android SDK version: ${prop('ro.build.version.sdk')}`);
  lines.push(
    `Bugreport format version: ${BUGREPORT_FORMAT_VERSION}`,
    `Dumpstate info: id=1 pid=${pid} dry_run=0 parallel_run=1 args=/system/bin/dumpstate -S -d -z bugreport_mode=BUGREPORT_DEFAULT`,
    '',
  );
  return lines.join('\n') + '\n';
}

function commandSection(device: AndroidDevice, title: string, commandLine: string, captured: Captured): string {
  const reported = device.sdk < 29 || captured.seconds >= 0.5;
  const duration = reported ? `------ ${captured.seconds.toFixed(3)}s was the duration of '${title}' ------\n` : '';
  return `------ ${title} (${commandLine}) ------\n${withNewline(captured.text)}${duration}`;
}

function dumpsysSection(device: AndroidDevice, service: string, captured: Captured): string {
  return `${DUMPSYS_RULE}\nDUMP OF SERVICE ${service}:\n${withNewline(captured.text)}--------- ${captured.seconds.toFixed(3)}s was the duration of dumpsys ${service}, ending at: ${stamp(device.now(), ' ')}\n`;
}

/**
 * The whole `dumpsys package`: PackageManagerService prints each top-level section once
 * (`Packages:` listing every package); the simulator renders one package at a time, so the
 * per-package dumps are merged section by section, repeated identical bodies kept once.
 */
export function mergePackageDumps(dumps: readonly string[]): string {
  const order: string[] = [];
  const bodies = new Map<string, string[]>();
  for (const dump of dumps) {
    let current: string | null = null;
    let block: string[] = [];
    const flush = (): void => {
      if (current === null) return;
      const list = bodies.get(current) ?? [];
      const text = block.join('\n').replace(/\n+$/, '');
      if (text.length > 0 && !list.includes(text)) list.push(text);
      bodies.set(current, list);
    };
    for (const line of dump.split('\n')) {
      if (line.length > 0 && !line.startsWith(' ')) {
        flush();
        current = line;
        block = [];
        if (!order.includes(line)) order.push(line);
        continue;
      }
      if (current !== null) block.push(line);
    }
    flush();
  }
  return order.map((title) => [title, ...(bodies.get(title) ?? [])].join('\n')).join('\n\n') + '\n';
}

async function packageDump(device: AndroidDevice): Promise<Captured> {
  const started = performance.now();
  const installed = device.state.packages.filter((p) => p.installed).map((p) => p.name);
  const dumps: string[] = [];
  for (const name of installed) dumps.push((await run(device, 'dumpsys', ['package', name])).text);
  return { text: mergePackageDumps(dumps), seconds: (performance.now() - started) / 1000 };
}

/** `bugreport-<ro.product.name>-<ro.build.id>-<YYYY-MM-DD-HH-MM-SS>`, fixed when dumpstate starts. */
export function bugreportBaseName(device: AndroidDevice, startedAt: number): string {
  const part = (key: string): string => (device.prop(key) || 'unknown').replace(/[^\w.-]/g, '_');
  return `bugreport-${part('ro.product.name')}-${part('ro.build.id')}-${stamp(startedAt, '-')}`;
}

export interface DumpstateRun {
  startedAt: number;
  /** Called after each section, as dumpstate updates its progress for bugreportz -p. */
  onProgress?: (done: number, total: number) => Promise<void>;
}

export async function runDumpstate(device: AndroidDevice, { startedAt, onProgress = async () => {} }: DumpstateRun): Promise<BugreportFiles> {
  const pid = device.allocatePid();
  const steps: (() => Promise<string>)[] = [
    async () => commandSection(device, 'SYSTEM LOG', 'logcat -v threadtime -v printable -v uid -d *:v', await run(device, 'logcat', ['-v', 'threadtime', '-v', 'printable', '-v', 'uid', '-d', '*:v'])),
    async () => commandSection(device, 'SYSTEM PROPERTIES', 'getprop', await run(device, 'getprop', [])),
    async () => `${BANNER}\n== Android Framework Services\n${BANNER}\n`,
    async () => dumpsysSection(device, 'deviceidle', await run(device, 'dumpsys', ['deviceidle', '-a'])),
    async () => dumpsysSection(device, 'notification', await run(device, 'dumpsys', ['notification', '-a'])),
    async () => dumpsysSection(device, 'package', await packageDump(device)),
    async () => dumpsysSection(device, 'settings', await run(device, 'dumpsys', ['settings', '-a'])),
  ];
  const parts = [header(device, pid)];
  for (const [index, step] of steps.entries()) {
    parts.push(await step());
    await onProgress(index + 1, steps.length);
  }
  const mainText = parts.join('');
  const baseName = bugreportBaseName(device, startedAt);
  const mtime = new Date(startedAt);
  const zip = zipSync(
    {
      // dumpstate adds main_entry.txt last, naming the main file (Dumpstate::FinishZipFile).
      [`${baseName}.txt`]: [strToU8(mainText), { mtime }],
      'version.txt': [strToU8(BUGREPORT_FORMAT_VERSION), { mtime }],
      'main_entry.txt': [strToU8(`${baseName}.txt`), { mtime }],
    },
    { level: 6 },
  );
  return { baseName, mainText, zip };
}
