import pkg from '../../package.json' with { type: 'json' };
import { CliStopped, runCli } from './program.js';

/**
 * SIGINT/SIGTERM abort the work in flight (the audit's shell streams listen to the signal) and end the run at
 * once: open sockets to adb must not keep the process alive after it was told to stop. A second signal exits
 * without waiting at all.
 */
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143);
  controller.abort(new CliStopped(signal));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

// `npm run cli` starts us under `sh -c`; killing npm ends the shell but sends us nothing, and we would run on as an
// orphan holding adb streams. The parent changing is the hang-up a terminal would have sent.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) onSignal('SIGHUP');
}, 500).unref();

const code = await runCli(process.argv.slice(2), {
  version: pkg.version,
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
});
process.exitCode = code;
if (controller.signal.aborted) process.exit(code);
