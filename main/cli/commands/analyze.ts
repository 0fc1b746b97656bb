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
import { forceOption, formatOption, langOption, parseFailOn, prepareReportOutput, writeReport, type ReportFormat } from '../report-output.js';
import { analyzeBuild, apkInputFromFile, looksLikeApk } from '../../audit/analyze-apk.js';
import { auditOutcome } from '../exit-status.js';
import { parseClickOption } from './audit.js';
import type { Locale } from '../../../common/i18n/locale.js';

interface AnalyzeCliOptions {
  app?: string;
  format: ReportFormat;
  lang: Locale;
  out?: string;
  force: boolean;
  redact: boolean;
  apk?: string;
  click?: string;
  failOn?: 'error' | 'warning';
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('analyze')
    .description('audit without a phone, from a capture folder or zip, an adb bugreport zip or text file, or an APK alone '
      + '(its build checked against every push channel); or render a saved JSON report again (e.g. in another --lang) '
      + '(exit 0 analysed, 1 --fail-on hit, 2 unreadable input)')
    .argument('<path>', 'capture folder, capture zip, bugreport zip, bugreport text file, an .apk, or a saved report.json')
    .option('--app <package>', 'the app under test (default: the one the capture names, or the APK\'s package)')
    .option('--apk <file.apk>', 'the app\'s APK (e.g. sent by the customer), instead of the capture\'s apk.json')
    .option('--click <target>', 'the notification click target configured in the console (default: the one the capture names)', parseClickOption)
    .option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse exists (error|warning)', parseFailOn)
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
        const writer = await prepareReportOutput(options, [target, ...(options.apk ? [options.apk] : [])]);
        const given = options.apk ? await apkInputFromFile(options.apk) : null;
        if (given && !given.facts) throw new CliExit(EXIT.usage, `${given.reason ?? 'the APK could not be read'}. Give the app's .apk file (e.g. app-release.apk).`);
        if (await looksLikeApk(target)) {
          if (options.apk) throw new CliExit(EXIT.usage, `${shown(target)} is an APK already; --apk goes with a capture or a bug report.`);
          const build = await apkInputFromFile(target);
          if (!build.facts) throw new CliExit(EXIT.usage, `${build.reason ?? 'the APK could not be read'}.`);
          const app = options.app ?? build.facts.manifest.package;
          const devices = analyzeBuild(build, { app, clickTarget: options.click ?? null });
          const report = buildReport({ source: 'apk', app, now: new Date(), version: TOOL_VERSION, devices });
          io.stderr(`Analysed the build ${target} (${app ?? 'no package'} ${build.facts.manifest.versionName ?? ''}) for ${devices.length} push channels\n`);
          await writeReport(report, writer, options, io, io.redactor);
          const outcome = auditOutcome(report, options.failOn);
          if (outcome) throw outcome;
          return;
        }
        const saved = await loadSavedReport(target).catch((error: unknown) => {
          if (error instanceof CaptureError) throw new CliExit(EXIT.usage, error.message);
          throw error;
        });
        if (saved) {
          // A saved report: its findings keep their message ids, so it is rendered again (in --lang) as it was diagnosed.
          for (const d of saved.devices) io.redactor?.learn('serial', d.serial, true);
          io.stderr(`Rendered the saved report ${target} again${saved.lang && saved.lang !== options.lang ? ` (${saved.lang} → ${options.lang})` : ''}\n`);
          await writeReport(saved, writer, options, io, io.redactor);
          const gate = auditOutcome(saved, options.failOn);
          if (gate) throw gate;
          return;
        }
        const loaded = await loadSource(target, options.app ?? null, io.signal ? { signal: io.signal } : {}).catch((error: unknown) => {
          if (error instanceof CaptureError) throw new CliExit(EXIT.usage, error.message);
          throw error;
        });
        const app = options.app ?? loaded.app;
        const clickTarget = options.click ?? loaded.clickTarget ?? null;
        const apk = given ?? loaded.apk;
        const device = buildDeviceReport({
          serial: loaded.serial,
          state: 'device',
          ...diagnoseOutputs(loaded.outputs, app, { apk, clickTarget }),
          errors: loaded.errors,
          probes: probeCoverage(loaded.outputs, app, clickTarget),
        });
        const report = buildReport({ source: loaded.source, app, now: new Date(), version: TOOL_VERSION, devices: [device] });
        io.redactor?.learn('serial', loaded.serial, true);
        io.stderr(`Analysed ${loaded.origin}\n`);
        for (const e of loaded.errors) io.stderr(`warning: ${e.code}: ${e.message}\n`);
        await writeReport(report, writer, options, io, io.redactor);
        const outcome = auditOutcome(report, options.failOn);
        if (outcome) throw outcome;
      });
    });
}
