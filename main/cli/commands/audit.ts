import { Command } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { auditLab } from '../../audit/audit-lab.js';
import type { AuditProgress } from '../../../common/domain/progress.js';
import type { Report } from '../../../common/domain/report.js';
import { shown } from '../../util/shown.js';
import { commandIo, type CommandIo } from '../command-io.js';
import { auditOutcome } from '../exit-status.js';
import { addAdbOption, CliExit, EXIT, type CliDeps } from '../program.js';
import { openPort } from '../open-port.js';
import { forceOption, formatOption, parseFailOn, prepareReportOutput, writeReport, type ReportFormat } from '../report-output.js';
import type { AdbServerAddress } from '../../adb/device-port.js';

interface AuditCliOptions {
  adb: AdbServerAddress[] | undefined;
  serial?: string[];
  all: boolean;
  app?: string;
  format: ReportFormat;
  out?: string;
  force: boolean;
  redact: boolean;
  failOn?: 'error' | 'warning';
}

export function register(program: Command, deps: CliDeps): void {
  addAdbOption(
    program
      .command('audit')
      .description('full audit of one, several or all devices, concurrently; writes the report '
        + '(exit 0 ran, 1 --fail-on hit, 2 usage/connection, 3 a named phone could not be audited)')
      .option('--serial <serial>', 'device to audit (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--all', 'audit every device of every adb server', false)
      .option('--app <package>', 'the app under test, e.g. com.example.im')
      .addOption(formatOption())
      .option('--out <file>', 'write the report to a file instead of stdout')
      .addOption(forceOption())
      .option('--redact', 'replace serials, hardware ids, tokens, account ids, e-mail addresses and phone numbers with stable hashes, in the report and on stderr', false)
      .option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists, 3 when a phone could not be audited (error|warning)', parseFailOn),
  ).action(async (options: AuditCliOptions) => {
    const io = commandIo(deps, options.redact, options.serial ?? []);
    await io.run(async () => {
      if (!options.all === !options.serial?.length) throw new CliExit(EXIT.usage, 'Name the phones with --serial S (repeatable) or use --all.');
      if (options.app !== undefined && !isSafePackageName(options.app)) {
        throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
      }
      // Before a phone is touched: a format without a writer, or a target that cannot be written, would lose the audit.
      const writer = await prepareReportOutput(options);
      const port = openPort(options.adb, deps);
      try {
        const report = await runAudit(port, options, io);
        await writeReport(report, writer, options, io, io.redactor);
        const outcome = auditOutcome(report, options.failOn);
        if (outcome) throw outcome;
      } finally {
        await port.close();
      }
    });
  });
}

async function runAudit(port: ReturnType<typeof openPort>, options: AuditCliOptions, io: CommandIo): Promise<Report> {
  let report: Report;
  const told = new Set<string>();
  try {
    report = await auditLab(port, {
      app: options.app ?? null,
      ...(options.serial ? { serials: options.serial } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (e) => progressLine(e, io, told),
    });
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    throw new CliExit(EXIT.usage, `Cannot reach the adb server: ${(error as Error).message}${hint ? `\nfix: ${hint}` : ''}`);
  }
  if (report.devices.length === 0) io.stderr('No devices found on the adb server(s).\n');
  // Phones that were never read (unauthorized, offline, not found) send no progress: say what became of them too.
  for (const d of report.devices) {
    if (!told.has(d.serial)) {
      io.redactor?.learn('serial', d.serial, true);
      io.stderr(`${d.serial}: ${d.state}${d.errors[0] ? ` — ${d.errors[0].message}` : ''}\n`);
    }
  }
  return report;
}

function progressLine(event: AuditProgress, io: CommandIo, told: Set<string>): void {
  // With --all the serials are learnt as the phones come: the line must not leak the one it is about.
  io.redactor?.learn('serial', event.serial, true);
  if (event.type !== 'device-finished') return;
  told.add(event.serial);
  const counts = Object.entries(event.counts).map(([s, n]) => `${n} ${s}`).join(', ');
  io.stderr(`${event.serial}: ${event.state === 'device' ? 'audited' : event.state}${counts ? ` (${counts})` : ''}\n`);
}
