import type { Command } from 'commander';
import { createAdbTsPort } from '../../adb/adb-ts-adapter.js';
import { DevicePortError, type AdbServerAddress } from '../../adb/device-port.js';
import {
  createDeviceService, parseServerAddresses, type DeviceListItem, type DeviceListing, type DeviceService,
} from '../../services/device-service.js';
import { HINTS } from '../../adb/adb-errors.js';

export interface DevicesOptions {
  json?: boolean;
  /** `--adb HOST:PORT`, repeatable. */
  adb?: string[];
  /** The adb binary to start a server with (Settings' choice); default: found on ANDROID_HOME/PATH. */
  adbPath?: string;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface DevicesDeps {
  env?: NodeJS.ProcessEnv;
  /** Builds the service for these servers; tests inject one, the default talks to real adb servers. */
  openService?: (servers: AdbServerAddress[], adbPath: string | undefined) => { service: DeviceService; close(): Promise<void> };
}

const STATE_HINTS: Partial<Record<DeviceListItem['state'], string>> = {
  unauthorized: HINTS.unauthorized,
  offline: HINTS.offline,
  'no-permissions': HINTS.noPermissions,
};

/** `devices [--json] [--adb HOST:PORT …]`: exit 0 with the list, 2 when no server can be reached or started. */
export async function runDevices(options: DevicesOptions, io: CliIo, deps: DevicesDeps = {}): Promise<number> {
  let servers: AdbServerAddress[];
  try {
    servers = parseServerAddresses(options.adb ?? [], deps.env ?? process.env);
  } catch (error) {
    return fail(io, error);
  }
  const open = deps.openService ?? defaultOpenService(deps.env ?? process.env);
  const { service, close } = open(servers, options.adbPath);
  try {
    const listing = await service.list();
    for (const { error } of listing.serverErrors) {
      io.err(`warning: ${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}\n`);
    }
    io.out(options.json ? `${JSON.stringify(toJson(listing), null, 2)}\n` : renderTable(listing.devices));
    return 0;
  } catch (error) {
    return fail(io, error);
  } finally {
    await close();
  }
}

function defaultOpenService(env: NodeJS.ProcessEnv): NonNullable<DevicesDeps['openService']> {
  return (servers, adbPath) => {
    const port = createAdbTsPort({ servers, env, ...(adbPath ? { adbPath } : {}) });
    return { service: createDeviceService(port), close: () => port.close() };
  };
}

function fail(io: CliIo, error: unknown): number {
  if (error instanceof DevicePortError) {
    io.err(`error: ${error.message}\n${error.hint ? `fix: ${error.hint}\n` : ''}`);
  } else {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return 2;
}

function toJson(listing: DeviceListing) {
  return {
    devices: listing.devices.map((device) => ({ ...device, ...(STATE_HINTS[device.state] ? { hint: STATE_HINTS[device.state] } : {}) })),
    serverErrors: listing.serverErrors.map(({ server, error }) => ({ server, code: error.code, message: error.message, hint: error.hint ?? null })),
  };
}

/** One line per device: serial, state, maker, model, Android, ROM, server; then the fix for any phone not ready. */
export function renderTable(devices: readonly DeviceListItem[]): string {
  if (devices.length === 0) return `No devices attached.\n${HINTS.notFound}\n`;
  const header = ['SERIAL', 'STATE', 'MAKER', 'MODEL', 'ANDROID', 'ROM', 'SERVER'];
  const rows = devices.map((d) => {
    const id = d.identity;
    const android = id?.android ? `${id.android.release} (API ${id.android.sdk})` : '-';
    const rom = id?.rom ? [id.rom.name, id.rom.version].filter(Boolean).join(' ') : '-';
    return [d.serial, d.state, id?.manufacturer ?? '-', id?.model ?? d.model?.replace(/_/g, ' ') ?? '-', android, rom, d.server];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const notes = [...new Set(devices.map((d) => d.state))]
    .flatMap((state) => (STATE_HINTS[state] ? [`${state}: ${STATE_HINTS[state]}`] : []));
  return [line(header), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n') + '\n';
}

/** Adds `devices` to the CLI program (main/cli/program.ts wires it). */
export function register(program: Command, deps: DevicesDeps & { io?: CliIo } = {}): Command {
  const io = deps.io ?? { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  return program
    .command('devices')
    .description('List every device of every adb server with its state and identity (maker, model, Android, ROM).')
    .option('--json', 'machine-readable output on stdout, diagnostics on stderr')
    .option('--adb <host:port>', 'adb server to ask (repeatable; default ANDROID_ADB_SERVER_PORT or 5037 on 127.0.0.1)',
      (value: string, previous: string[] = []) => [...previous, value])
    .option('--adb-path <file>', 'adb binary used to start a server that is not running')
    .action(async (_options: unknown, command: Command) => {
      const all = command.optsWithGlobals<{ json?: boolean; adb?: string[] | string; adbPath?: string }>();
      const adb = all.adb === undefined ? [] : Array.isArray(all.adb) ? all.adb : [all.adb];
      process.exitCode = await runDevices({ json: all.json === true, adb, ...(all.adbPath ? { adbPath: all.adbPath } : {}) }, io, deps);
    });
}
