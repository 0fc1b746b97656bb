import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AdbServerAddress } from '../../adb/device-port.js';
import { generateToken, isLoopbackHost, TOKEN_QUERY } from '../../lab-server/access.js';
import { LabServerError } from '../../lab-server/lab-server.js';
import { serveLab, type ServedLab, type ServeLabOptions } from '../../lab-server/serve-lab.js';
import { historyDir } from '../../history/data-dir.js';
import { createLogger } from '../../log/logger.js';
import { CliExit, defaultAdbServers, EXIT, parseAdbAddress, type CliDeps } from '../program.js';

/**
 * `serve [--port P] [--host H] [--token T] [--adb HOST:PORT …]` (../shared/spec/cli.md): the workstation UI
 * and its bridge for a browser, until SIGINT or SIGTERM. Loopback by default; any other address needs a
 * token, generated and printed once when none is given.
 */

export const DEFAULT_PORT = 8717;
/** The built renderer, from the repository root (where `npm run build` writes it). */
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export interface ServeOptions {
  port: number;
  host: string;
  token?: string;
  adb?: AdbServerAddress[];
}

export interface ServeDeps extends CliDeps {
  /** Resolves with the signal's name when the server should stop; SIGINT/SIGTERM by default. */
  waitForStop?: () => Promise<string>;
  /** Where the built renderer is; out/renderer of the repository by default. */
  rendererDir?: string;
  /** Called once the server listens (tests read the port from it). */
  onListening?: (lab: ServedLab) => void;
  serveLab?: (options: ServeLabOptions) => Promise<ServedLab>;
}

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one)');
  return Number(value);
}

function parseToken(value: string): string {
  // Printable ASCII without spaces, so it survives a URL, a cookie and a shell unchanged.
  if (!/^[\x21-\x7e]{16,256}$/.test(value)) throw new InvalidArgumentError('expected 16 to 256 printable characters without spaces');
  return value;
}

function parseHost(value: string): string {
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(value)) throw new InvalidArgumentError('expected an IP address or host name to listen on');
  return value;
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The address a person types: a wildcard bind is reached by the machine's name. */
function displayHost(host: string): string {
  const shown = host === '0.0.0.0' || host === '::' ? os.hostname() : host;
  return shown.includes(':') ? `[${shown}]` : shown;
}

export async function runServe(options: ServeOptions, deps: ServeDeps): Promise<void> {
  const loopback = isLoopbackHost(options.host);
  const generated = !options.token && !loopback ? generateToken() : null;
  const token = options.token ?? generated;
  const servers = options.adb && options.adb.length > 0 ? options.adb : defaultAdbServers(deps.env);
  const log = createLogger('serve');
  let lab: ServedLab;
  try {
    lab = await (deps.serveLab ?? serveLab)({
      rendererDir: deps.rendererDir ?? DEFAULT_RENDERER_DIR,
      host: options.host,
      port: options.port,
      token,
      servers,
      env: deps.env as NodeJS.ProcessEnv,
      version: deps.version,
      // The folder the app and `audit` keep audits in, so the lab matrix served here shows changes since any of them.
      historyDir: historyDir(deps.env, process.platform),
      logError: (message, error) => log.error(message, error),
    });
  } catch (error) {
    if (error instanceof LabServerError) throw new CliExit(EXIT.usage, `error: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CliExit(EXIT.usage, `error: cannot listen on ${options.host}:${options.port} (${code}); choose another --port or --host`);
    }
    throw error;
  }
  const url = `http://${displayHost(options.host)}:${lab.server.port}/`;
  deps.stdout(`Push Doctor lab server on ${url}\n`);
  // Printed once, here only: it is the key to the phones of this lab.
  if (generated) deps.stdout(`Token (shown once): ${generated}\nOpen: ${url}?${TOKEN_QUERY}=${encodeURIComponent(generated)}\n`);
  deps.stderr(`Serving the phones of ${servers.map((s) => `${s.host}:${s.port}`).join(', ')}${loopback ? ' to this machine only' : ''}; Ctrl-C to stop.\n`);
  deps.onListening?.(lab);

  const signal = await (deps.waitForStop ?? signalled)();
  deps.stderr(`${signal}: stopping the lab server.\n`);
  await lab.stop();
}

export function register(program: Command, deps: ServeDeps): void {
  program
    .command('serve')
    .description('serves the workstation UI and its bridge over HTTP/WebSocket so a browser drives this lab host; loopback by default, a token required on any other address (runs until SIGINT/SIGTERM)')
    .addOption(new Option('--port <port>', 'TCP port to listen on (0 picks a free one)').argParser(parsePort).default(DEFAULT_PORT))
    .addOption(new Option('--host <address>', 'address to listen on; anything but loopback requires a token').argParser(parseHost).default('127.0.0.1'))
    .addOption(new Option('--token <token>', 'the token browsers must present (generated and printed once when another address than loopback is given without one)').argParser(parseToken))
    .addOption(
      new Option('--adb <host:port>', 'adb server to use; repeat for a lab spread over several (default: ANDROID_ADB_SERVER_PORT or 5037 on 127.0.0.1)')
        .argParser((value: string, previous: AdbServerAddress[] | undefined) => [...(previous ?? []), parseAdbAddress(value)]),
    )
    .action(async (options: ServeOptions) => {
      await runServe(options, deps);
    });
}
