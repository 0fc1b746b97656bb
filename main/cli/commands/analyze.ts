import { Command } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { probeCoverage, sheetFromOutputs } from '../../audit/diagnose-outputs.js';
import { CaptureError } from '../../capture/capture-io.js';
import { loadSource } from '../../capture/load-source.js';
import { TOOL_VERSION } from '../../report/tool-version.js';
import { buildDeviceReport, buildReport } from '../../report/build-report.js';
import { CliExit, EXIT, type CliDeps } from '../program.js';
import { formatOption, writeReport, type ReportFormat } from '../report-output.js';

interface AnalyzeCliOptions {
  app?: string;
  format: ReportFormat;
  out?: string;
  redact: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('analyze')
    .description('audit without a phone, from a capture folder or zip, or an adb bugreport zip or text file (exit 0 analysed, 2 unreadable input)')
    .argument('<path>', 'capture folder, capture zip, bugreport zip or bugreport text file')
    .option('--app <package>', 'the app under test (default: the one the capture names)')
    .addOption(formatOption())
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--redact', 'replace serials, tokens, account ids and IMEI-like strings with stable hashes', false)
    .action(async (target: string, options: AnalyzeCliOptions) => {
      if (options.app !== undefined && !isSafePackageName(options.app)) {
        throw new CliExit(EXIT.usage, `"${options.app}" is not an Android package name (e.g. com.example.im).`);
      }
      const loaded = await loadSource(target, options.app ?? null).catch((error: unknown) => {
        if (error instanceof CaptureError) throw new CliExit(EXIT.usage, error.message);
        throw error;
      });
      const app = options.app ?? loaded.app;
      const device = buildDeviceReport({
        serial: loaded.serial,
        state: 'device',
        sheet: sheetFromOutputs(loaded.outputs, app),
        app,
        probes: probeCoverage(loaded.outputs, app),
      });
      const report = buildReport({ source: loaded.source, app, now: new Date(), version: TOOL_VERSION, devices: [device] });
      deps.stderr(`Analysed ${loaded.origin}\n`);
      await writeReport(report, options, deps);
    });
}
