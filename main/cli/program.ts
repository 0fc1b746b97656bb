import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AdbServerAddress } from '../adb/device-port.js';
import { defaultAdbServers, parseAdbAddress as parseServerAddress } from '../adb/server-address.js';
import { shown } from '../util/shown.js';
import * as analyzeCommand from './commands/analyze.js';
import * as auditCommand from './commands/audit.js';
import * as captureCommand from './commands/capture.js';
import * as devicesCommand from './commands/devices.js';
import * as fixCommand from './commands/fix.js';
import * as pushCommand from './commands/push.js';
import * as serveCommand from './commands/serve.js';
import * as versionCommand from './commands/version.js';

/**
 * Exit codes of ../shared/spec/cli.md: 0 done, 1 the check failed (findings, push not delivered), 2 usage or
 * connection, 3 a named phone could not be audited at all (not found, unauthorized, offline, its server gone).
 * A run stopped by a signal ends as shells do: 128 + the signal's number.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, notAudited: 3 } as const;
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface CliDeps {
  version: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Aborted on SIGINT/SIGTERM: commands pass it to the work they start, and the run ends at once. */
  signal?: AbortSignal;
}

/** What an aborted run's signal carries: which signal stopped it. */
export class CliStopped extends Error {
  constructor(readonly signalName: NodeJS.Signals) {
    super(`Stopped by ${signalName}.`);
    this.name = 'CliStopped';
  }
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
  } catch {
    throw new InvalidArgumentError(`${shown(value)} is not an adb server address; use HOST:PORT, e.g. 127.0.0.1:5037.`);
  }
}

export { defaultAdbServers };

export interface CommonOptions {
  adb: AdbServerAddress[] | undefined;
  json: boolean;
}

/** `--adb HOST:PORT` (repeatable), for every command that talks to phones. */
export function addAdbOption(command: Command): Command {
  return command.addOption(
    new Option('--adb <host:port>', 'adb server to use; repeat for a lab spread over several (default: ANDROID_ADB_SERVER_PORT or 5037 on 127.0.0.1)')
      .argParser((value: string, previous: AdbServerAddress[] | undefined) => [...(previous ?? []), parseAdbAddress(value)]),
  );
}

/** `--adb` and `--json`, for commands whose output has a machine-readable form (`devices`). */
export function addCommonOptions(command: Command): Command {
  return addAdbOption(command).option('--json', 'machine-readable output on stdout; diagnostics go to stderr', false);
}

export type CommandModule = { register(program: Command, deps: CliDeps): void };

/** Subcommands, each in commands/<name>.ts exporting `register(program, deps)`. */
const COMMANDS: readonly CommandModule[] = [devicesCommand, auditCommand, captureCommand, analyzeCommand, fixCommand, pushCommand, serveCommand, versionCommand];

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
    await untilAborted(program.parseAsync([...argv], { from: 'user' }), deps.signal);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliStopped) {
      deps.stderr(`${error.message} Nothing was written: outputs are renamed into place only when complete.\n`);
      return SIGNAL_EXIT[error.signalName] ?? 130;
    }
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

/** Ends with the signal's reason as soon as it is aborted, whatever the work is still waiting for. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  const stopped = () => (signal.reason instanceof CliStopped ? signal.reason : new CliStopped('SIGINT'));
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
