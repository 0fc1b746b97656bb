import { Command, InvalidArgumentError } from 'commander';
import { describeRef, type DeviceInfo } from '../../../common/domain/device.js';
import { localizedError, notFoundError, stateError } from '../../adb/adb-errors.js';
import { DevicePortError } from '../../adb/device-port.js';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { auditLab } from '../../audit/audit-lab.js';
import type { AuditProgress } from '../../../common/domain/progress.js';
import type { Report } from '../../../common/domain/report.js';
import { shown } from '../../util/shown.js';
import { commandIo, type CommandIo } from '../command-io.js';
import { auditOutcome } from '../exit-status.js';
import { addAdbOption, CliExit, EXIT, type CliDeps } from '../program.js';
import { openPort } from '../open-port.js';
import { forceOption, formatOption, langOption, parseFailOn, prepareReportOutput, writeReport, type ReportFormat } from '../report-output.js';
import type { Locale } from '../../../common/i18n/locale.js';
import { translator } from '../../../common/i18n/messages.js';
import { historyDir, userDataDir } from '../../history/data-dir.js';
import { ApkCache, apkCacheDir } from '../../apk/apk-cache.js';
import { HistoryStore } from '../../history/history-store.js';
import type { AdbServerAddress } from '../../adb/device-port.js';

interface AuditCliOptions {
  adb: AdbServerAddress[] | undefined;
  serial?: string[];
  all: boolean;
  app?: string;
  format: ReportFormat;
  lang: Locale;
  out?: string;
  force: boolean;
  redact: boolean;
  failOn?: 'error' | 'warning';
  sinceLast: boolean;
  /** A folder, or false with --no-history. */
  history: string | boolean;
  click?: string;
  /** false with --no-apk. */
  apk: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  addAdbOption(
    program
      .command('audit')
      .description('full audit of one, several or all devices, concurrently; writes the report '
        + '(exit 0 ran, 1 --fail-on hit, 2 usage/connection, 3 a named phone could not be audited)')
      .option('--serial <serial>', 'device to audit (repeatable); a serial listed on several servers, or twice on one, audits each of those phones',
        (v: string, prev: string[] = []) => [...prev, v])
      .option('--all', 'audit every device of every adb server', false)
      .option('--app <package>', 'the app under test, e.g. com.example.im')
      .option('--click <target>', 'the notification click target configured in the console (activity, intent:// URI or scheme URI), checked against the app\'s manifest and the phone', parseClickOption)
      .option('--no-apk', 'do not pull and inspect the app\'s APK (the build checks are then unknown)')
      .addOption(formatOption())
      .addOption(langOption(deps.env))
      .option('--out <file>', 'write the report to a file instead of stdout')
      .option('--since-last', 'add what changed on each phone since its previous audit of the same app', false)
      .option('--history <dir>', 'where audits are kept (default: the per-user data folder the app shares)')
      .option('--no-history', 'do not keep this audit')
      .addOption(forceOption())
      .option('--redact', 'replace serials, hardware ids, tokens, account ids, e-mail addresses and phone numbers with stable hashes, in the report and on stderr', false)
      .option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists, 3 when a phone could not be audited (error|warning)', parseFailOn),
  ).action(async (options: AuditCliOptions) => {
    const io = commandIo(deps, options.redact, options.serial ?? []);
    await io.run(async () => {
      if (options.click !== undefined && options.app === undefined) throw new CliExit(EXIT.usage, '--click needs --app: the click target is checked against that app.');
      if (!options.all === !options.serial?.length) throw new CliExit(EXIT.usage, 'Name the phones with --serial S (repeatable) or use --all.');
      if (options.app !== undefined && !isSafePackageName(options.app)) {
        throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
      }
      // Before a phone is touched: a format without a writer, or a target that cannot be written, would lose the audit.
      const writer = await prepareReportOutput(options);
      const port = openPort(options.adb, deps);
      try {
        const audited = await runAudit(port, options, io);
        const report = await keepInHistory(audited, options, io);
        await writeReport(report, writer, options, io, io.redactor);
        const outcome = auditOutcome(report, options.failOn);
        if (outcome) throw outcome;
      } finally {
        await port.close();
      }
    });
  });
}

/**
 * Every audit is kept (unless --no-history), so the next one can say what changed; --since-last adds that to
 * this report first. A history that cannot be written costs a warning, never the audit.
 */
async function keepInHistory(report: Report, options: AuditCliOptions, io: CommandIo): Promise<Report> {
  if (options.history === false && !options.sinceLast) return report;
  const dir = typeof options.history === 'string' ? options.history : historyDir(io.env);
  const store = new HistoryStore({ dir });
  const withChanges = options.sinceLast ? await store.withChanges(report) : report;
  if (options.history !== false) {
    await store.save(report).catch((error: Error) => io.stderr(`warning: this audit was not kept in ${dir}: ${error.message}\n`));
  }
  return withChanges;
}

async function runAudit(port: ReturnType<typeof openPort>, options: AuditCliOptions, io: CommandIo): Promise<Report> {
  let report: Report;
  try {
    const attached = await port.listDevices();
    report = await auditLab(port, {
      attached,
      app: options.app ?? null,
      clickTarget: options.click ?? null,
      inspectApk: options.apk,
      apkCache: new ApkCache(apkCacheDir(userDataDir(io.env))),
      // Duplicates collapse in auditLab: `--serial S --serial S` audits S once.
      ...(options.serial ? { serials: options.serial } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: progressPrinter(io, attached, options.lang),
    });
  } catch (error) {
    const { message, hint } = error instanceof DevicePortError ? localizedError(error, options.lang) : { message: (error as Error).message, hint: undefined };
    const t = translator(options.lang);
    throw new CliExit(EXIT.usage, `${t('cli.cannot-reach', { message })}${hint ? `\n${t('cli.fix', { hint })}` : ''}`);
  }
  if (report.devices.length === 0) io.stderr(`${translator(options.lang)('cli.no-devices-found')}\n`);
  for (const line of serverGoneLines(report)) io.stderr(line);
  return report;
}

/**
 * A server that went away mid-audit takes every phone on it along; that is said once per server with what
 * to do, not once per phone as if each had been unplugged.
 */
export function serverGoneLines(report: Report): string[] {
  const byServer = new Map<string, { message: string; phones: number }>();
  for (const device of report.devices) {
    const error = device.errors.find((e) => e.code === 'ADB_UNREACHABLE');
    if (!error) continue;
    const server = device.ref?.server ?? '';
    const seen = byServer.get(server);
    if (seen) seen.phones++;
    else byServer.set(server, { message: error.message, phones: 1 });
  }
  return [...byServer.values()].map(({ message, phones }) =>
    `error: ${message}\n  ${phones} phone${phones === 1 ? ' was' : 's were'} not fully read; their findings are unknown.\n`);
}

/**
 * One line per phone, whatever became of it (audited, unauthorized, not found, cut short). The serial alone
 * when it names one phone; with its server and transport id when several phones share it.
 */
export function progressPrinter(io: Pick<CommandIo, 'stderr' | 'redactor'>, attached: readonly DeviceInfo[], locale: Locale = 'en'): (event: AuditProgress) => void {
  const shared = new Set(attached.filter((d, i) => attached.findIndex((o) => o.serial === d.serial) !== i).map((d) => d.serial));
  return (event) => {
    // With --all the serials are learnt as the phones come: the line must not leak the one it is about.
    io.redactor?.learn('serial', event.serial, true);
    if (event.type !== 'device-finished') return;
    const counts = Object.entries(event.counts).map(([s, n]) => `${n} ${s}`).join(', ');
    const name = shared.has(event.serial) && event.ref.server ? describeRef(event.ref) : event.serial;
    const t = translator(locale);
    const outcome = event.state === 'device' ? (event.errors?.length ? t('cli.partly-read', { errors: event.errors.join(', ') }) : t('cli.audited')) : event.state;
    io.stderr(`${name}: ${outcome}${counts ? ` (${counts})` : ''}${unreadableHint(event, locale)}\n`);
  };
}

/** What to do about a phone that could not be read, on its progress line (a not-found phone is 'gone'). */
function unreadableHint(event: Extract<AuditProgress, { type: 'device-finished' }>, locale: Locale): string {
  if (event.errors?.includes('DEVICE_NOT_FOUND')) return ` — ${localizedError(notFoundError(event.serial), locale).hint ?? ''}`;
  if (event.state === 'device' || event.state === 'gone') return '';
  return ` — ${localizedError(stateError(event.serial, event.state), locale).hint ?? ''}`;
}

/** The console's click target as typed: one line of reasonable length; the shell sees it only quoted. */
export function parseClickOption(value: string): string {
  const v = value.trim();
  if (!v || v.length > 2048 || /[\0\r\n]/.test(v)) {
    throw new InvalidArgumentError('give the click target on one line (an activity such as com.example.im.ChatActivity, an intent:// URI or a scheme URI such as imdemo://host/path).');
  }
  return v;
}
