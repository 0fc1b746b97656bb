import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option } from 'commander';
import type { Report } from '../../common/domain/report.js';
import { redactReport } from '../report/redact.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { CliExit, EXIT, type CliDeps } from './program.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOutputOptions {
  format: ReportFormat;
  out?: string;
  redact?: boolean;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'report format').choices([...REPORT_FORMATS]).default('json');
}

/** Renders the report in the asked format and writes it to --out or stdout. */
export async function writeReport(report: Report, options: ReportOutputOptions, deps: CliDeps): Promise<void> {
  const shown = options.redact ? redactReport(report) : report;
  let body: string;
  switch (options.format) {
    case 'json':
      body = `${JSON.stringify(shown, null, 2)}\n`;
      break;
    case 'md':
      body = renderMarkdown(shown);
      break;
    default:
      throw new CliExit(EXIT.usage, `The ${options.format} report format is not available in this build yet; use --format json or md.`);
  }
  if (options.out) {
    await writeFile(options.out, body);
    deps.stderr(`Report written to ${options.out}\n`);
  } else {
    deps.stdout(body);
  }
}

export function parseFailOn(value: string): 'error' | 'warning' {
  if (value === 'error' || value === 'warning') return value;
  throw new InvalidArgumentError('use error or warning');
}
