import { InvalidArgumentError, Option } from 'commander';
import type { Report } from '../../common/domain/report.js';
import { LOCALES, localeFromEnv, type Locale } from '../../common/i18n/locale.js';
import type { Redactor } from '../report/redact.js';
import { REPORT_FORMATS, reportWriter, type ReportFormat, type ReportWriter } from '../report/writers.js';
import { checkFileTarget, keepInTemp, OutputError, plainFsError, writeFileAtomic } from '../util/output-target.js';
import { CliExit, EXIT, type CliDeps } from './program.js';

export type { ReportFormat };

export interface ReportOutputOptions {
  format: ReportFormat;
  out?: string;
  force?: boolean;
  lang?: Locale;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'report format: json (the contract), md (a ticket), html (self-contained), pdf (needs Chromium), csv (the lab matrix)')
    .choices([...REPORT_FORMATS]).default('json');
}

/** `--lang`: the reader's language for findings' surroundings, verdicts and report labels; default from LC_ALL / LANG. */
export function langOption(env: Readonly<Record<string, string | undefined>>): Option {
  return new Option('--lang <locale>', 'language of the report: en or zh-CN (default from LC_ALL/LANG)').choices([...LOCALES]).default(localeFromEnv(env));
}

export function forceOption(): Option {
  return new Option('--force', 'replace an existing output file (never an input)').default(false);
}

/**
 * Everything about the output that can be wrong is checked here, before a phone is touched or an input read:
 * the format has a writer, and the target can be written without losing anything.
 */
export async function prepareReportOutput(options: ReportOutputOptions, inputs: readonly string[] = []): Promise<ReportWriter> {
  const choice = await reportWriter(options.format);
  if (!choice.ok) throw new CliExit(EXIT.usage, choice.reason);
  if (choice.writer.binary && !options.out) {
    throw new CliExit(EXIT.usage, `A ${options.format} report is a file, not text for the terminal: add --out report.${choice.writer.extension}.`);
  }
  if (options.out) {
    try {
      await checkFileTarget(options.out, { force: options.force ?? false, inputs });
    } catch (error) {
      if (error instanceof OutputError) throw new CliExit(EXIT.usage, error.message);
      throw error;
    }
  }
  return choice.writer;
}

/**
 * Renders the report (redacted first when asked) and writes it to --out or stdout. If the file still cannot be
 * written, the report is kept in the temporary folder and the message says where and why.
 */
export async function writeReport(report: Report, writer: ReportWriter, options: ReportOutputOptions, deps: CliDeps, redactor: Redactor | null): Promise<void> {
  const body = await writer.render(redactor ? redactor.report(report) : report, {
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(options.lang ? { locale: options.lang } : {}),
  });
  if (!options.out) {
    // prepareReportOutput sends binary formats to a file.
    deps.stdout(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return;
  }
  try {
    await writeFileAtomic(options.out, body, { force: options.force ?? false });
    deps.stderr(`Report written to ${options.out}\n`);
    return;
  } catch (error) {
    const why = plainFsError(error, options.out);
    const kept = await keepInTemp('report', writer.extension, body).catch(() => null);
    if (kept) throw new CliExit(EXIT.usage, `Could not write the report to ${options.out}: ${why}. The report was kept in ${kept}.`);
    if (typeof body === 'string') deps.stdout(body);
    throw new CliExit(EXIT.usage, `Could not write the report to ${options.out}: ${why}. `
      + (typeof body === 'string' ? 'The report was printed on stdout instead.' : 'It could not be kept either.'));
  }
}

export function parseFailOn(value: string): 'error' | 'warning' {
  if (value === 'error' || value === 'warning') return value;
  throw new InvalidArgumentError('use error or warning');
}
