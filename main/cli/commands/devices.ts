import type { Command } from 'commander';
import { describeRef } from '../../../common/domain/device.js';
import type { AdbTsPort } from '../../adb/adb-ts-adapter.js';
import { HINTS, STATE_HINTS } from '../../adb/adb-errors.js';
import { DevicePortError, type AdbServerAddress } from '../../adb/device-port.js';
import { createDeviceService, type DeviceListItem, type DeviceListing } from '../../services/device-service.js';
import { openPort } from '../open-port.js';
import { addCommonOptions, CliExit, EXIT, type CliDeps, type CommonOptions } from '../program.js';

export interface DevicesOptions {
  json: boolean;
  /** `--adb HOST:PORT` servers; the default server when absent. */
  adb?: AdbServerAddress[] | undefined;
  /** How long one phone may take to tell its identity (one `getprop`). Default 5 s. */
  deadlineMs?: number;
}

/** A phone that does not answer must not hold the list for long: `devices` is what people run first. */
export const DEVICES_DEADLINE_MS = 5_000;

export interface DevicesDeps extends CliDeps {
  /** The port for these servers; tests inject one, the CLI opens the real one. */
  openPort?: (adb: AdbServerAddress[] | undefined, deps: CliDeps) => AdbTsPort;
}

const hintFor = (state: DeviceListItem['state']): string | undefined => (state === 'device' ? undefined : STATE_HINTS[state]);

/**
 * `devices [--json] [--adb HOST:PORT …]`: the list on stdout (servers that did not answer are warned about
 * on stderr); CliExit 2 with the fix when no server can be reached or started.
 */
export async function runDevices(options: DevicesOptions, deps: DevicesDeps): Promise<void> {
  const port = (deps.openPort ?? openPort)(options.adb, deps);
  try {
    let listing: DeviceListing;
    try {
      listing = await createDeviceService(port, { identityTimeoutMs: options.deadlineMs ?? DEVICES_DEADLINE_MS }).list();
    } catch (error) {
      throw new CliExit(EXIT.usage, failureText(error));
    }
    for (const { error } of listing.serverErrors) {
      deps.stderr(`warning: ${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}\n`);
    }
    for (const { ref, error } of listing.identityErrors) {
      deps.stderr(`warning: ${describeRef(ref)}: identity not read: ${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}\n`);
    }
    deps.stdout(options.json ? `${JSON.stringify(toJson(listing), null, 2)}\n` : renderTable(listing.devices));
  } finally {
    await port.close();
  }
}

function failureText(error: unknown): string {
  if (error instanceof DevicePortError) return `error: ${error.message}${error.hint ? `\nfix: ${error.hint}` : ''}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

function toJson(listing: DeviceListing) {
  return {
    devices: listing.devices.map((device) => ({ ...device, ...(hintFor(device.state) ? { hint: hintFor(device.state) } : {}) })),
    serverErrors: listing.serverErrors.map(({ server, error }) => ({ server, code: error.code, message: error.message, hint: error.hint ?? null })),
    identityErrors: listing.identityErrors.map(({ ref, error }) => ({ ref, code: error.code, message: error.message })),
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
    .flatMap((state) => (hintFor(state) ? [`${state}: ${hintFor(state)}`] : []));
  return [line(header), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n') + '\n';
}

export function register(program: Command, deps: DevicesDeps): void {
  addCommonOptions(
    program
      .command('devices')
      .description('lists every device of every adb server with its state and identity: maker, model, Android, ROM (exit 2 when no server can be reached or started)'),
  ).action(async (options: CommonOptions) => {
    await runDevices({ json: options.json, adb: options.adb }, deps);
  });
}
