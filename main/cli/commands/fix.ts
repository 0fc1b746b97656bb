import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { toRef } from '../../../common/domain/device.js';
import type { Finding } from '../../../common/domain/findings.js';
import { FIX_IDS, type FixId } from '../../../common/fixes/fix-catalog.js';
import { DevicePortError, type AdbServerAddress } from '../../adb/device-port.js';
import { isSafePackageName, isSafeSerial } from '../../adb/shell-safety.js';
import { createLabServices } from '../../services/lab-services.js';
import { shown } from '../../util/shown.js';
import { openPort } from '../open-port.js';
import { addAdbOption, CliExit, EXIT, type CliDeps } from '../program.js';

/**
 * `fix --serial S --app PKG --finding ID [--yes]` (../shared/spec/cli.md): audits the phone, shows the exact
 * commands of the finding's safe on-phone fix, asks before running them (unless --yes), runs them, re-checks
 * only the probes that finding needs and prints before → after. Exit 0 fixed (or the screen opened for the
 * user to finish), 1 not fixed, 2 no fix for that finding (or usage / connection).
 */

interface FixCliOptions {
  adb: AdbServerAddress[] | undefined;
  serial: string;
  app: string;
  finding: string;
  yes: boolean;
}

export interface FixDeps extends CliDeps {
  /** Asks a yes/no question on the terminal; false when nobody can answer (stdin closed). */
  confirm?: (question: string) => Promise<boolean>;
}

async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const FIXED: readonly Finding['severity'][] = ['ok', 'info'];

/** A fix this phone cannot take (its Android is too old) or a phone lost on the way: exit 2, with what to do. */
function portFailure(error: unknown): never {
  if (error instanceof DevicePortError) throw new CliExit(EXIT.usage, `error: ${error.message}${error.hint ? `\nfix: ${error.hint}` : ''}`);
  throw error;
}

export async function runFix(options: FixCliOptions, deps: FixDeps): Promise<void> {
  if (!isSafeSerial(options.serial)) throw new CliExit(EXIT.usage, `${shown(options.serial)} is not an adb serial.`);
  if (!isSafePackageName(options.app)) throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
  const port = openPort(options.adb, deps);
  const lab = createLabServices(port);
  try {
    const matches = (await port.listDevices()).filter((d) => d.serial === options.serial);
    if (matches.length === 0) throw new CliExit(EXIT.usage, `error: no phone ${shown(options.serial)} on ${options.adb?.length ? 'the given adb servers' : 'the adb server'}.`);
    if (matches.length > 1) throw new CliExit(EXIT.usage, `error: ${options.serial} names ${matches.length} phones (${matches.map((d) => d.server).join(', ')}); name one adb server with --adb.`);
    const ref = toRef(matches[0]!);

    deps.stderr(`Auditing ${options.serial} for ${options.app}…\n`);
    const report = await lab.runAudit({ ref, app: options.app }, () => undefined);
    if (report.state !== 'device') {
      throw new CliExit(EXIT.usage, `error: ${options.serial} could not be read (${report.state}): ${report.errors.map((e) => e.message).join('; ')}`);
    }
    const finding = report.findings.find((f) => f.id === options.finding);
    if (!finding) throw new CliExit(EXIT.usage, `error: the audit of ${options.serial} has no "${options.finding}" step (ids: ../shared/spec/checklist.md).`);
    if (!finding.fixId || !(FIX_IDS as readonly string[]).includes(finding.fixId)) {
      throw new CliExit(EXIT.usage, `"${finding.id}" (${finding.severity}) has no safe on-phone fix.${finding.remedy ? `\nWhat to do: ${finding.remedy}` : ''}`);
    }
    if (FIXED.includes(finding.severity)) {
      deps.stdout(`${finding.id}: ${finding.severity} — nothing to fix.\n`);
      return;
    }
    const request = { ref, app: options.app, finding: finding.id, fix: finding.fixId as FixId };
    const plan = await lab.planFix(request).catch(portFailure);
    deps.stdout(`${finding.id} (${finding.severity}): ${finding.title}\n${plan.title}${plan.changesState ? '' : ' (opens a screen on the phone)'}:\n`);
    for (const command of plan.commands) deps.stdout(`  adb -s ${options.serial} shell ${command}\n`);
    if (plan.commands.length > 1 && !plan.changesState) deps.stdout('  (tried in order until one opens)\n');
    deps.stdout(`${plan.note}\n`);
    if (!options.yes) {
      const ok = await (deps.confirm ?? askOnTerminal)(plan.changesState ? 'Run it on the phone? [y/N] ' : 'Open it on the phone? [y/N] ');
      if (!ok) throw new CliExit(EXIT.failed, 'Not run: not confirmed (pass --yes to run without asking).');
    }

    const outcome = await lab.applyFix(request).catch(portFailure);
    if (outcome.output.trim() !== '') deps.stdout(outcome.output.endsWith('\n') ? outcome.output : `${outcome.output}\n`);
    if (!outcome.record.ok) throw new CliExit(EXIT.failed, `Not fixed: \`${outcome.record.command}\` did not work on ${options.serial}.`);
    if (!plan.changesState) {
      deps.stdout(`Opened on the phone (\`${outcome.record.command}\`): finish there, then audit again.\n`);
      return;
    }
    const after = outcome.after?.severity ?? 'unknown';
    deps.stdout(`${finding.id}: ${finding.severity} → ${after} (re-checked: ${outcome.rechecked.join(', ')})\n`);
    if (!FIXED.includes(after)) throw new CliExit(EXIT.failed, `Not fixed: ${outcome.after?.detail ?? `${finding.id} is ${after} after the fix`}`);
  } finally {
    await lab.close();
  }
}

export function register(program: Command, deps: FixDeps): void {
  addAdbOption(
    program
      .command('fix')
      .description('applies the safe on-phone fix for a finding where one exists, then re-checks it (exit 0 fixed, 1 not fixed, 2 no fix for that finding)')
      .requiredOption('--serial <serial>', 'the phone')
      .requiredOption('--app <package>', 'the app under test, e.g. com.example.im')
      .requiredOption('--finding <id>', 'the checklist id of the finding, e.g. post-notifications-denied')
      .option('--yes', 'run without asking', false),
  ).action(async (options: FixCliOptions) => {
    await runFix(options, deps);
  });
}
