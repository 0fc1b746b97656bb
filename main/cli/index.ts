import pkg from '../../package.json' with { type: 'json' };
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), {
  version: pkg.version,
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
