import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import type { Report } from '../../common/domain/report.js';
import type { ExportRequest, ExportResult } from '../../common/ipc/contract.js';
import { describeRef } from '../../common/domain/device.js';
import { IpcFailure } from '../ipc/dispatch.js';
import type { ExportServices } from '../ipc/report-handlers.js';
import { buildReport } from '../report/build-report.js';
import { redactReport } from '../report/redact.js';
import { renderHtml } from '../report/render-html.js';
import { reportWriter, type ReportWriter } from '../report/writers.js';
import type { AuditSessions } from '../services/audit-sessions.js';
import { writeFileAtomic } from '../util/output-target.js';

/**
 * `report:export`: the last report main holds for each phone (audit, fixes, answers), in the chosen format,
 * where the user says in main's own save dialog. The page never names a path. The dialog asks before
 * replacing a file (`showOverwriteConfirmation`), so the write replaces only what the user agreed to.
 * PDF is printed by the app's own Chromium (webContents.printToPDF) from the same HTML the HTML writer makes.
 */
export interface SaveDialog {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

/** HTML in, PDF bytes out: the app prints through an offscreen window; elsewhere the PDF writer's Chromium. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export interface ExporterDeps {
  dialog: SaveDialog;
  sessions: () => AuditSessions | null;
  version: string;
  printPdf?: PdfPrinter;
  now?: () => Date;
  /** Where the dialog opens first (the user's documents folder). */
  defaultDir?: string;
}

const FILTER_NAMES: Record<ExportRequest['format'], string> = {
  json: 'JSON report', md: 'Markdown', html: 'Web page', pdf: 'PDF document', csv: 'CSV (spreadsheet)',
};

export function createReportExporter(deps: ExporterDeps): ExportServices {
  const now = deps.now ?? (() => new Date());

  function collect(request: ExportRequest, at: Date): Report {
    const sessions = deps.sessions();
    if (!sessions) throw new IpcFailure('UNSUPPORTED', 'No phones are served here, so there is no report to export.');
    const found = request.refs.map((ref) => ({ ref, session: sessions.get(ref) }));
    const missing = found.filter((f) => !f.session).map((f) => describeRef(f.ref));
    if (missing.length > 0) {
      throw new IpcFailure('NOT_FOUND', `No audit of ${missing.join(', ')} in this session.`, 'Audit the phone first, then export.');
    }
    const apps = [...new Set(found.map((f) => f.session?.app ?? null))];
    const report = buildReport({
      source: 'live', app: apps.length === 1 ? apps[0] ?? null : null, now: at, version: deps.version,
      devices: found.flatMap((f) => (f.session ? [sessions.reportOf(f.session)] : [])),
    });
    return request.redact ? redactReport(report) : report;
  }

  async function render(writer: ReportWriter, report: Report, request: ExportRequest): Promise<string | Uint8Array> {
    const locale = request.locale ? { locale: request.locale } : {};
    if (request.format === 'pdf' && deps.printPdf) return deps.printPdf(renderHtml(report, locale));
    return writer.render(report, locale);
  }

  return {
    async exportReport(request) {
      const at = now();
      const report = collect(request, at);
      const choice = request.format === 'pdf' && deps.printPdf ? null : await reportWriter(request.format);
      if (choice && !choice.ok) throw new IpcFailure('UNSUPPORTED', choice.reason);
      const stamp = at.toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const name = `push-doctor-${stamp}.${request.format}`;
      const picked = await deps.dialog.showSaveDialog({
        title: 'Export the report',
        defaultPath: deps.defaultDir ? path.join(deps.defaultDir, name) : name,
        filters: [{ name: FILTER_NAMES[request.format], extensions: [request.format] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (picked.canceled || !picked.filePath) return { saved: false } satisfies ExportResult;
      const bytes = await render(choice?.writer ?? pdfOnly, report, request);
      // The dialog has asked before replacing an existing file; what is written replaces it whole or not at all.
      await writeFileAtomic(picked.filePath, bytes, { force: true });
      const size = typeof bytes === 'string' ? Buffer.byteLength(bytes, 'utf8') : bytes.byteLength;
      return { saved: true, path: picked.filePath, bytes: size };
    },
  };
}

/** Stands in for a writer when the app prints the PDF itself (render() never calls it then). */
const pdfOnly: ReportWriter = {
  format: 'pdf', extension: 'pdf', mediaType: 'application/pdf', binary: true,
  render: () => {
    throw new Error('the PDF is printed by the app');
  },
};
