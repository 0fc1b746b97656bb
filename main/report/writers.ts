import type { Report } from '../../common/domain/report.js';
import type { Locale } from '../../common/i18n/locale.js';
import { localizeReport } from '../../common/i18n/render-finding.js';
import { findChromium } from './find-chromium.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';

/**
 * The report writers: format → how a report becomes that format. The formats are the contract's
 * (../shared/spec/cli.md); the ones without a writer yet are listed so a caller can say so before any work
 * starts, instead of failing after an audit. The CLI and the app only pick a writer from here.
 */
export const REPORT_FORMATS = ['json', 'md', 'html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface WriteOptions {
  signal?: AbortSignal;
  /** The reader's language (HTML, PDF and the CSV verdict column); evidence is never translated. */
  locale?: Locale;
  /** Extra lines for the environment block of HTML and PDF (adb version…); never secrets. */
  environment?: Readonly<Record<string, string>>;
}

export interface ReportWriter {
  format: ReportFormat;
  /** File name extension, without the dot. */
  extension: string;
  mediaType: string;
  /** Bytes rather than text (PDF): goes to a file, never to a terminal. */
  binary?: boolean;
  /**
   * What stops this writer on this machine (e.g. no browser to print a PDF with), asked before any work
   * starts; null when it can write.
   */
  unavailable?(): Promise<string | null>;
  render(report: Report, options?: WriteOptions): string | Uint8Array | Promise<string | Uint8Array>;
}

const WRITERS: Partial<Record<ReportFormat, ReportWriter>> = {
  json: { format: 'json', extension: 'json', mediaType: 'application/json', render: (r) => `${JSON.stringify(r, null, 2)}\n` },
  md: { format: 'md', extension: 'md', mediaType: 'text/markdown', render: (r, o) => renderMarkdown(r, o?.locale ?? 'en') },
  html: {
    format: 'html', extension: 'html', mediaType: 'text/html',
    render: (r, o) => renderHtml(r, { ...(o?.locale ? { locale: o.locale } : {}), ...(o?.environment ? { environment: o.environment } : {}) }),
  },
  csv: { format: 'csv', extension: 'csv', mediaType: 'text/csv', render: (r, o) => renderCsv(r, o?.locale ?? 'en') },
  pdf: {
    format: 'pdf', extension: 'pdf', mediaType: 'application/pdf', binary: true,
    async unavailable() {
      const found = await findChromium({ env: process.env, platform: process.platform });
      return found.found ? null : found.message;
    },
    async render(r, o) {
      const found = await findChromium({ env: process.env, platform: process.platform });
      if (!found.found) throw new Error(found.message);
      const html = renderHtml(r, { ...(o?.locale ? { locale: o.locale } : {}), ...(o?.environment ? { environment: o.environment } : {}) });
      return renderPdf(html, { executablePath: found.path, ...(o?.signal ? { signal: o.signal } : {}) });
    },
  },
};

/**
 * Every writer renders the findings in the reader's locale first (from their message ids and parameters), so
 * each format, JSON included, carries the texts of one language and says which (`lang`). Without a locale the
 * report keeps the language it was rendered in.
 */
function inLocale(writer: ReportWriter): ReportWriter {
  return {
    ...writer,
    render: (r, o) => {
      const locale = o?.locale ?? r.lang ?? 'en';
      return writer.render(localizeReport(r, locale), { ...o, locale });
    },
  };
}

/** The formats this build can write. */
export function availableFormats(): ReportFormat[] {
  return REPORT_FORMATS.filter((f) => WRITERS[f] !== undefined);
}

export type WriterChoice = { ok: true; writer: ReportWriter } | { ok: false; reason: string };

/** The writer for a format, or why there is none; a writer that cannot run here says so too. */
export async function reportWriter(format: string): Promise<WriterChoice> {
  const known = (REPORT_FORMATS as readonly string[]).includes(format);
  const found = known ? WRITERS[format as ReportFormat] : undefined;
  const writer = found ? inLocale(found) : undefined;
  const use = availableFormats().map((f) => `--format ${f}`).join(' or ');
  if (!writer) {
    return known
      ? { ok: false, reason: `The ${format} report format is not in this build yet; use ${use}.` }
      : { ok: false, reason: `There is no ${JSON.stringify(format.slice(0, 20))} report format; use ${use}.` };
  }
  const blocked = writer.unavailable ? await writer.unavailable() : null;
  return blocked ? { ok: false, reason: `The ${format} report cannot be written here: ${blocked}` } : { ok: true, writer };
}
