import type { Report } from '../../common/domain/report.js';
import { renderMarkdown } from './render-markdown.js';

/**
 * The report writers: format → how a report becomes that format. The formats are the contract's
 * (../shared/spec/cli.md); the ones without a writer yet are listed so a caller can say so before any work
 * starts, instead of failing after an audit. The CLI and the app only pick a writer from here.
 */
export const REPORT_FORMATS = ['json', 'md', 'html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportWriter {
  format: ReportFormat;
  /** File name extension, without the dot. */
  extension: string;
  mediaType: string;
  render(report: Report): string;
}

const WRITERS: Partial<Record<ReportFormat, ReportWriter>> = {
  json: { format: 'json', extension: 'json', mediaType: 'application/json', render: (r) => `${JSON.stringify(r, null, 2)}\n` },
  md: { format: 'md', extension: 'md', mediaType: 'text/markdown', render: renderMarkdown },
};

/** The formats this build can write. */
export function availableFormats(): ReportFormat[] {
  return REPORT_FORMATS.filter((f) => WRITERS[f] !== undefined);
}

export type WriterChoice = { ok: true; writer: ReportWriter } | { ok: false; reason: string };

export function reportWriter(format: string): WriterChoice {
  const writer = (REPORT_FORMATS as readonly string[]).includes(format) ? WRITERS[format as ReportFormat] : undefined;
  if (writer) return { ok: true, writer };
  const use = availableFormats().map((f) => `--format ${f}`).join(' or ');
  if ((REPORT_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, reason: `The ${format} report format is not in this build yet; use ${use}.` };
  }
  return { ok: false, reason: `There is no ${JSON.stringify(format.slice(0, 20))} report format; use ${use}.` };
}
