import { Command, InvalidArgumentError } from 'commander';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { describeRef, toRef } from '../../../common/domain/device.js';
import { collapseErrors } from '../../audit/audit-device.js';
import { collectLive } from '../../audit/collect-live.js';
import { captureToFiles, writeCaptureFiles } from '../../capture/capture-io.js';
import { redactCapture, redactedSerial } from '../../capture/redact-capture.js';
import { probePlan } from '../../probes/probe-plan.js';
import { addCommonOptions, CliExit, EXIT, type CliDeps, type CommonOptions } from '../program.js';
import { openPort } from '../open-port.js';

interface CaptureCliOptions extends CommonOptions {
  serial: string;
  transportId?: number;
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
      .option('--transport-id <n>', 'which one, when several phones share the serial (`adb devices -l` → transport_id)', parseTransportId)
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
      const matches = devices.filter((d) => d.serial === options.serial && (options.transportId === undefined || d.transportId === options.transportId));
      const device = matches[0];
      if (!device) throw new CliExit(EXIT.usage, `No device ${options.serial} on the adb server(s): check the cable, then \`adb devices\`.`);
      if (matches.length > 1) {
        // A capture is one phone's; which of several is the user's choice, never ours.
        throw new CliExit(EXIT.usage, `${matches.length} phones are listed as ${options.serial}: ${matches.map(describeRef).join('; ')}. ` +
          'Name one with --adb HOST:PORT and/or --transport-id N.');
      }
      if (device.state !== 'device') throw new CliExit(EXIT.usage, `${options.serial} is ${device.state}: it cannot be read until it shows as "device" in \`adb devices\`.`);
      const app = options.app ?? null;
      const ref = toRef(device);
      const collection = await collectLive(port, ref, probePlan(app));
      const meta = { serial: device.serial, ref, app, capturedAt: new Date().toISOString() };
      const outputs = options.redact ? redactCapture(collection.outputs, meta.serial) : collection.outputs;
      const redactedMeta = { ...meta, serial: redactedSerial(meta.serial), ref: { ...ref, serial: redactedSerial(meta.serial) } };
      await writeCaptureFiles(options.out, captureToFiles(options.redact ? redactedMeta : meta, outputs));
      deps.stderr(`Captured ${collection.read.length} of ${collection.read.length + collection.missing.length} outputs to ${options.out}\n`);
      if (collection.missing.length > 0) {
        throw new CliExit(EXIT.usage, `Not read: ${collapseErrors(collection.errors).map((e) => `${e.message} (${e.during ?? ''})`).join('; ')}`);
      }
    } finally {
      await port.close();
    }
  });
}

function parseTransportId(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`"${value.slice(0, 40)}" is not a transport id (a number, as \`adb devices -l\` prints it).`);
  return Number(value);
}
