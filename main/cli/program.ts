import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AdbServerAddress } from '../adb/device-port.js';
import { defaultAdbServers, parseAdbAddress as parseServerAddress } from '../adb/server-address.js';
import * as analyzeCommand from './commands/analyze.js';
import * as auditCommand from './commands/audit.js';
import * as captureCommand from './commands/capture.js';
import * as devicesCommand from './commands/devices.js';
import * as serveCommand from './commands/serve.js';
import * as versionCommand from './commands/version.js';

/** Exit codes of ../shared/spec/cli.md: 0 done, 1 the check failed (findings, push not delivered), 2 usage or connection. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliDeps {
  version: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Thrown by a command to end with a message and a specific exit code. */
export class CliExit extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = 'CliExit';
  }
}

/** `--adb` values: the address grammar lives in main/adb/server-address.ts; commander wants its own error type. */
export function parseAdbAddress(value: string): AdbServerAddress {
  try {
    return parseServerAddress(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export { defaultAdbServers };

export interface CommonOptions {
  adb: AdbServerAddress[] | undefined;
  json: boolean;
}

/** `--adb HOST:PORT` (repeatable) and `--json`, shared by every command that talks to phones. */
export function addCommonOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--adb <host:port>', 'adb server to use; repeat for a lab spread over several (default: ANDROID_ADB_SERVER_PORT or 5037 on 127.0.0.1)')
        .argParser((value: string, previous: AdbServerAddress[] | undefined) => [...(previous ?? []), parseAdbAddress(value)]),
    )
    .option('--json', 'machine-readable output on stdout; diagnostics go to stderr', false);
}

export type CommandModule = { register(program: Command, deps: CliDeps): void };

/** Subcommands, each in commands/<name>.ts exporting `register(program, deps)`. */
const COMMANDS: readonly CommandModule[] = [devicesCommand, auditCommand, captureCommand, analyzeCommand, serveCommand, versionCommand];

export function buildProgram(deps: CliDeps): Command {
  const program = new Command('push-doctor')
    .description('Finds out why an Android phone does not show offline push notifications, and proves the fix.')
    .version(deps.version, '-V, --version', 'print the version')
    .helpCommand(true)
    // Set before subcommands are added, which copy these settings from their parent.
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    .showHelpAfterError('(add --help for usage)');
  for (const command of COMMANDS) command.register(program, deps);
  return program;
}

/** Runs the CLI and returns its exit code instead of exiting, so tests can run it in-process. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const program = buildProgram(deps);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too; everything else commander rejects is usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliExit) {
      deps.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    deps.stderr(`push-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}
