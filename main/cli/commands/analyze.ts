import { Command } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { diagnoseOutputs, probeCoverage } from '../../audit/diagnose-outputs.js';
import { CaptureError } from '../../capture/capture-io.js';
import { loadSavedReport, loadSource } from '../../capture/load-source.js';
import { TOOL_VERSION } from '../../report/tool-version.js';
import { buildDeviceReport, buildReport } from '../../report/build-report.js';
import { shown } from '../../util/shown.js';
import { commandIo } from '../command-io.js';
import { CliExit, EXIT, type CliDeps } from '../program.js';
import { forceOption, formatOption, langOption, prepareReportOutput, writeReport, type ReportFormat } from '../report-output.js';
import type { Locale } from '../../../common/i18n/locale.js';

interface AnalyzeCliOptions {
  app?: string;
  format: ReportFormat;
  lang: Locale;
  out?: string;
  force: boolean;
  redact: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('analyze')
    .description('audit without a phone, from a capture folder or zip, or an adb bugreport zip or text file; or render a saved JSON report again (e.g. in another --lang) (exit 0 analysed, 2 unreadable input)')
    .argument('<path>', 'capture folder, capture zip, bugreport zip, bugreport text file or a saved report.json')
    .option('--app <package>', 'the app under test (default: the one the capture names)')
    .addOption(formatOption())
    .addOption(langOption(deps.env))
    .option('--out <file>', 'write the report to a file instead of stdout (never over the input)')
    .addOption(forceOption())
    .option('--redact', 'replace serials, hardware ids, tokens, account ids, e-mail addresses and phone numbers with stable hashes', false)
    .action(async (target: string, options: AnalyzeCliOptions) => {
      const io = commandIo(deps, options.redact);
      await io.run(async () => {
        if (options.app !== undefined && !isSafePackageName(options.app)) {
          throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
        }
        // Before the input is read: the format has a writer, and --out is neither the input nor a file to lose.
        const writer = await prepareReportOutput(options, [target]);
        const saved = await loadSavedReport(target).catch((error: unknown) => {
          if (error instanceof CaptureError) throw new CliExit(EXIT.usage, error.message);
          throw error;
        });
        if (saved) {
          // A saved report: its findings keep their message ids, so it is rendered again (in --lang) as it was diagnosed.
          for (const d of saved.devices) io.redactor?.learn('serial', d.serial, true);
          io.stderr(`Rendered the saved report ${target} again${saved.lang && saved.lang !== options.lang ? ` (${saved.lang} → ${options.lang})` : ''}\n`);
          await writeReport(saved, writer, options, io, io.redactor);
          return;
        }
        const loaded = await loadSource(target, options.app ?? null, io.signal ? { signal: io.signal } : {}).catch((error: unknown) => {
          if (error instanceof CaptureError) throw new CliExit(EXIT.usage, error.message);
          throw error;
        });
        const app = options.app ?? loaded.app;
        const device = buildDeviceReport({
          serial: loaded.serial,
          state: 'device',
          ...diagnoseOutputs(loaded.outputs, app),
          errors: loaded.errors,
          probes: probeCoverage(loaded.outputs, app),
        });
        const report = buildReport({ source: loaded.source, app, now: new Date(), version: TOOL_VERSION, devices: [device] });
        io.redactor?.learn('serial', loaded.serial, true);
        io.stderr(`Analysed ${loaded.origin}\n`);
        for (const e of loaded.errors) io.stderr(`warning: ${e.code}: ${e.message}\n`);
        await writeReport(report, writer, options, io, io.redactor);
      });
    });
}
