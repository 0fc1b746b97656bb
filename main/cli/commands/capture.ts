import { Command } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { collectLive } from '../../audit/collect-live.js';
import { captureToFiles, writeCaptureFiles } from '../../capture/capture-io.js';
import { redactCapture, redactedSerial } from '../../capture/redact-capture.js';
import { probePlan } from '../../probes/probe-plan.js';
import { addCommonOptions, CliExit, EXIT, type CliDeps, type CommonOptions } from '../program.js';
import { openPort } from '../open-port.js';

interface CaptureCliOptions extends CommonOptions {
  serial: string;
  app?: string;
  out: string;
  redact: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  addCommonOptions(
    program
      .command('capture')
      .description('save the raw outputs an audit reads, so the phone can be analysed elsewhere (exit 0 saved, 2 usage/connection)')
      .requiredOption('--serial <serial>', 'the phone to capture')
      .option('--app <package>', 'the app under test, e.g. com.example.im')
      .requiredOption('--out <dir|file.zip>', 'a folder, or a .zip file')
      .option('--redact', 'hash the serial and account names in the saved files', false),
  ).action(async (options: CaptureCliOptions) => {
    if (options.app !== undefined && !isSafePackageName(options.app)) {
      throw new CliExit(EXIT.usage, `"${options.app}" is not an Android package name (e.g. com.example.im).`);
    }
    const port = openPort(options.adb, deps);
    try {
      const devices = await port.listDevices().catch((error: Error & { hint?: string }) => {
        throw new CliExit(EXIT.usage, `Cannot reach the adb server: ${error.message}${error.hint ? `\nfix: ${error.hint}` : ''}`);
      });
      const device = devices.find((d) => d.serial === options.serial);
      if (!device) throw new CliExit(EXIT.usage, `No device ${options.serial} on the adb server(s): check the cable, then \`adb devices\`.`);
      if (device.state !== 'device') throw new CliExit(EXIT.usage, `${options.serial} is ${device.state}: it cannot be read until it shows as "device" in \`adb devices\`.`);
      const app = options.app ?? null;
      const collection = await collectLive(port, device.serial, probePlan(app));
      const meta = { serial: device.serial, app, capturedAt: new Date().toISOString() };
      const outputs = options.redact ? redactCapture(collection.outputs, meta.serial) : collection.outputs;
      await writeCaptureFiles(options.out, captureToFiles(options.redact ? { ...meta, serial: redactedSerial(meta.serial) } : meta, outputs));
      deps.stderr(`Captured ${collection.read.length} of ${collection.read.length + collection.missing.length} outputs to ${options.out}\n`);
      if (collection.missing.length > 0) {
        throw new CliExit(EXIT.usage, `Not read: ${collection.errors.map((e) => `${e.during ?? ''} (${e.message})`).join('; ')}`);
      }
    } finally {
      await port.close();
    }
  });
}
