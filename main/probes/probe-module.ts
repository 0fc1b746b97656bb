import type { AndroidVersion, RomFact } from '../../common/domain/facts.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { ApkInput } from './apk/apk-module.js';
import type { PackageDump } from './packages/dumpsys-package.js';
import type { OutputIndex, SheetBuilder } from './read-kit.js';

/**
 * One area of the phone a check reads (identity, packages, notifications, settings, power, push log): the
 * commands it runs, how an `adb bugreport` section stands in for them, and the reader that turns their
 * outputs into its slice of the fact sheet with evidence. Parsers live next to the module that uses them.
 * The fact assembler only lists the modules (assemble-facts.ts); a check is added inside one module.
 */
export interface Probe {
  id: string;
  command: string;
  /** Why the audit runs it, for logs and the capture's manifest. */
  purpose: string;
}

/** What a bug report holds, found by dumpstate's section titles (bugreport.ts). */
export interface BugreportSections {
  /** Body of `------ TITLE (command) ------`, or null when the report has no such section. */
  command(title: string): string | null;
  /** Every `DUMP OF SERVICE name:` section for `service`, joined; null when absent. */
  service(name: string): string | null;
}

/**
 * Facts another area reads, handed over explicitly so readers never depend on running after each other:
 * each is worked out from the outputs by the area that owns it, before any reader runs.
 */
export interface ReadInput {
  out: OutputIndex;
  /** Package of the app under test; null when none was named. */
  app: string | null;
  /** Android version from getprop (props area); null when unknown. Readers use it for applicability. */
  android: AndroidVersion | null;
  /** ROM from getprop (props area); null when unknown. */
  rom: RomFact | null;
  /** The app's own `dumpsys package` block (packages area); null when unread or no app. */
  appPackage: { dump: PackageDump; command: string } | null;
  /** False when the packages area found the app not installed for user 0: app readers then read nothing. */
  appInstalled: boolean | null;
  /** The app's APK inspection, when the APK was pulled, read from a capture's apk.json or given as a file. */
  apk?: ApkInput | null;
  /** The notification click target the engineer entered (console redirect); null when none. */
  clickTarget?: string | null;
}

export interface ProbeModule<Command extends { kind: string } = { kind: string }> {
  area: string;
  /** What a command line (already normalised: no `adb shell`, no quotes) asks of this area, or null when not one of its commands. */
  dispatch(command: string): Command | null;
  /** The commands an audit runs for this area, with the app under test when one is named (already checked safe). */
  probes(app: string | null): Probe[];
  /** The outputs a bug report provides for this area's commands, keyed by the equivalent command line. */
  fromBugreport(sections: BugreportSections, packages: readonly string[]): RawOutput[];
  /** Writes this area's facts, evidence and unknown-reasons. Never throws on odd input. */
  read(input: ReadInput, sheet: SheetBuilder): void;
}

/** A bug report section's text as the output of `command`; dumpstate ran it to completion. */
export function bugreportOutput(command: string, text: string): RawOutput {
  return { command, text, exitCode: 0 };
}
