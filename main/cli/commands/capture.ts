import { Command, InvalidArgumentError } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import type { AdbServerAddress } from '../../adb/device-port.js';
import { describeRef, toRef } from '../../../common/domain/device.js';
import { collapseErrors } from '../../audit/audit-device.js';
import { collectLive } from '../../audit/collect-live.js';
import { captureToFiles, captureZip, checkCaptureTarget, writeCaptureFiles } from '../../capture/capture-io.js';
import { redactCapture } from '../../capture/redact-capture.js';
import { probePlan } from '../../probes/probe-plan.js';
import { pullApkFor } from '../../audit/fetch-apk.js';
import { ApkCache, apkCacheDir } from '../../apk/apk-cache.js';
import { userDataDir } from '../../history/data-dir.js';
import { parseClickOption } from './audit.js';
import { keepInTemp, OutputError, plainFsError } from '../../util/output-target.js';
import { shown } from '../../util/shown.js';
import { commandIo } from '../command-io.js';
import { addAdbOption, CliExit, EXIT, type CliDeps } from '../program.js';
import { openPort } from '../open-port.js';
import { forceOption } from '../report-output.js';

interface CaptureCliOptions {
  adb: AdbServerAddress[] | undefined;
  serial: string;
  transportId?: number;
  app?: string;
  out: string;
  force: boolean;
  redact: boolean;
  click?: string;
  apk: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  addAdbOption(
    program
      .command('capture')
      .description('save the raw outputs an audit reads, so the phone can be analysed elsewhere '
        + '(exit 0 saved, 2 usage/connection or outputs missing, 3 the phone could not be read)')
      .requiredOption('--serial <serial>', 'the phone to capture')
      .option('--transport-id <n>', 'which one, when several phones share the serial (`adb devices -l` → transport_id)', parseTransportId)
      .option('--app <package>', 'the app under test, e.g. com.example.im')
      .option('--click <target>', 'the notification click target configured in the console; the phone is asked where it lands', parseClickOption)
      .option('--no-apk', 'do not pull the app\'s APK (apk.json is then left out)')
      .requiredOption('--out <dir|file.zip>', 'a new or empty folder, or a .zip file')
      .addOption(forceOption())
      .option('--redact', 'hash serials, hardware ids, tokens, accounts, e-mail addresses and phone numbers in the saved files and on stderr', false),
  ).action(async (options: CaptureCliOptions) => {
    const io = commandIo(deps, options.redact, [options.serial]);
    await io.run(async () => {
      if (options.app !== undefined && !isSafePackageName(options.app)) {
        throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
      }
      // Before the phone is touched: a target that cannot take the capture would lose it.
      await checkCaptureTarget(options.out, { force: options.force }).catch((error: unknown) => {
        throw error instanceof OutputError ? new CliExit(EXIT.usage, error.message) : error;
      });
      const port = openPort(options.adb, deps);
      try {
        const devices = await port.listDevices().catch((error: Error & { hint?: string }) => {
          throw new CliExit(EXIT.usage, `Cannot reach the adb server: ${error.message}${error.hint ? `\nfix: ${error.hint}` : ''}`);
        });
        const matches = devices.filter((d) => d.serial === options.serial && (options.transportId === undefined || d.transportId === options.transportId));
        const device = matches[0];
        if (!device) throw new CliExit(EXIT.notAudited, `No device ${shown(options.serial)} on the adb server(s): check the cable, then \`adb devices\`.`);
        if (matches.length > 1) {
          // A capture is one phone's; which of several is the user's choice, never ours.
          throw new CliExit(EXIT.usage, `${matches.length} phones are listed as ${shown(options.serial)}: ${matches.map(describeRef).join('; ')}. `
            + 'Name one with --adb HOST:PORT and/or --transport-id N.');
        }
        if (device.state !== 'device') {
          throw new CliExit(EXIT.notAudited, `${options.serial} is ${device.state}: it cannot be read until it shows as "device" in \`adb devices\`.`);
        }
        const app = options.app ?? null;
        const ref = toRef(device);
        if (options.click !== undefined && app === null) throw new CliExit(EXIT.usage, '--click needs --app: the click target is checked against that app.');
        const clickTarget = options.click ?? null;
        const collection = await collectLive(port, ref, probePlan(app, { clickTarget }), io.signal ? { signal: io.signal } : {});
        if (collection.read.length === 0) {
          throw new CliExit(EXIT.notAudited, `Nothing could be read from ${device.serial}: ${collection.errors[0]?.message ?? 'every command failed'}. No capture was written.`);
        }
        // apk.json: the facts only, never the APK (capture.md); the pulled file stays in the per-user cache.
        const apk = app !== null && options.apk
          ? await pullApkFor(port, ref, collection.outputs, app, { apkCache: new ApkCache(apkCacheDir(userDataDir(io.env))), ...(io.signal ? { signal: io.signal } : {}) })
          : null;
        if (apk?.error) collection.errors.push(apk.error);
        if (apk?.input && !apk.input.facts) io.stderr(`warning: the APK was not inspected: ${apk.input.reason ?? 'unreadable'}\n`);
        const meta = { serial: device.serial, app, capturedAt: new Date().toISOString(), clickTarget };
        const saved = io.redactor ? redactCapture(collection.outputs, meta.serial, io.redactor) : { outputs: collection.outputs, serial: meta.serial };
        const files = captureToFiles({ ...meta, serial: saved.serial, ref: { ...ref, serial: saved.serial } }, saved.outputs, apk?.input ?? null);
        try {
          await writeCaptureFiles(options.out, files, { force: options.force });
        } catch (error) {
          const why = plainFsError(error, options.out);
          const kept = await keepInTemp('capture', 'zip', captureZip(files)).catch(() => null);
          throw new CliExit(EXIT.usage, `Could not write the capture to ${options.out}: ${why}.${kept ? ` The capture was kept in ${kept}.` : ''}`);
        }
        io.stderr(`Captured ${collection.read.length} of ${collection.read.length + collection.missing.length} outputs to ${options.out}\n`);
        if (collection.missing.length > 0) {
          throw new CliExit(EXIT.usage, `Not read: ${collapseErrors(collection.errors).map((e) => `${e.message} (${e.during ?? ''})`).join('; ')}`);
        }
      } finally {
        await port.close();
      }
    });
  });
}

function parseTransportId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`"${value.slice(0, 40)}" is not a transport id (a number, as \`adb devices -l\` prints it).`);
  return Number(value);
}
