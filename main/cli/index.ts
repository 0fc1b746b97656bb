import pkg from '../../package.json' with { type: 'json' };
import { CliStopped, runCli } from './program.js';

/**
 * SIGINT/SIGTERM abort the work in flight (the audit's shell streams listen to the signal) and end the run at
 * once: open sockets to adb must not keep the process alive after it was told to stop. A second signal exits
 * without waiting at all.
 */
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort(new CliStopped(signal));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), {
  version: pkg.version,
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
});
process.exitCode = code;
if (controller.signal.aborted) process.exit(code);
