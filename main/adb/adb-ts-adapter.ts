import { mapLimit } from '../util/map-limit.js';
import {
  asPortError, describeError, HINTS, notFoundError, stateError, timeoutError, transportFailure,
} from './adb-errors.js';
import { AdbConnection, AdbFailError, AdbStreamEndedError } from './adb-socket.js';
import { syncRecv } from './adb-sync.js';
import { Deadline } from './deadline.js';
import {
  DevicePortError,
  type AdbServerAddress, type BatchItem, type BatchOptions, type DeviceEvent, type DeviceInfo, type DevicePort,
  type DeviceTracker, type ShellOptions, type ShellResult,
} from './device-port.js';
import { ServerConnector, serverRef, type ServerRef } from './server-connector.js';
import { watchServer } from './server-watch.js';
import { FramedOutputCollector, frameCommand } from './shell-framing.js';
import { assertSafeSerial } from './shell-safety.js';

export interface AdbTsPortOptions {
  servers: AdbServerAddress[];
  /** The user's adb, used only to start a server that is not running (a function is asked at each start). Default: located on ANDROID_HOME/PATH. */
  adbPath?: string | (() => Promise<string | null>);
  /** Start a stopped server on a loopback address (once per server). Default true. */
  autoStart?: boolean;
  /** Shell streams open at once per phone in shellBatch. Default 16. */
  concurrency?: number;
  /** Per command. Default 60 s. */
  shellTimeoutMs?: number;
  /** Largest file `pull` accepts. Default 512 MiB. */
  maxPullBytes?: number;
  /** Wait after a tracker event before re-listing, so a burst becomes one list. Default 40 ms. */
  trackerDebounceMs?: number;
  /** How often to re-list while a device is in a passing state (offline/authorizing). Default 1 s. */
  settlePollMs?: number;
  /** How often to retry a server that went away while tracking. Default 1 s. */
  reconnectMs?: number;
  /** How long a server may take to connect and answer a host request (listing). Default 5 s. */
  serverTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** What one server answered, for callers (CLI, UI) that report a partly reachable lab. */
export interface ServerListing {
  server: string;
  devices: DeviceInfo[];
  error: DevicePortError | null;
}

export interface AdbTsPort extends DevicePort {
  listServers(): Promise<ServerListing[]>;
}

/**
 * DevicePort over adb servers: our own smart-socket client for listing, shell and pull (adb-ts's shell
 * can hang on large outputs and its device-line parser throws on lines it does not expect), adb-ts's
 * Tracker to learn when to re-list. See shared/spec/adb-facts.md for the measured behaviour behind this.
 */
export function createAdbTsPort(options: AdbTsPortOptions): AdbTsPort {
  if (options.servers.length === 0) throw new DevicePortError('INVALID_INPUT', 'No adb server given');
  const servers: ServerRef[] = options.servers.map(serverRef);
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const shellTimeoutMs = options.shellTimeoutMs ?? 60_000;
  const maxPullBytes = options.maxPullBytes ?? 512 * 1024 * 1024;
  const env = options.env ?? process.env;
  const trackers = new Set<{ close(): void }>();
  const connector = new ServerConnector({
    env,
    autoStart: options.autoStart !== false,
    ...(options.adbPath ? { adbPath: options.adbPath } : {}),
    ...(options.serverTimeoutMs ? { answerTimeoutMs: options.serverTimeoutMs } : {}),
  });
  const connect = (server: ServerRef) => connector.connect(server);
  const listServer = (server: ServerRef) => connector.listServer(server);

  async function listServers(): Promise<ServerListing[]> {
    return Promise.all(servers.map(async (server) => {
      try {
        return { server: server.key, devices: await listServer(server), error: null };
      } catch (error) {
        return { server: server.key, devices: [], error: asPortError(error) };
      }
    }));
  }

  async function listDevices(): Promise<DeviceInfo[]> {
    const listings = await listServers();
    const reached = listings.filter((listing) => listing.error === null);
    if (reached.length === 0) throw listings[0]?.error ?? new DevicePortError('ADB_UNREACHABLE', 'No adb server');
    return reached.flatMap((listing) => listing.devices);
  }

  /** Where each serial was last found ready, so the next call asks that server first. */
  const lastSeen = new Map<string, ServerRef>();

  /**
   * Finds the server a ready device is on. The answer is fresh (a `host:devices-l`, < 1 ms on loopback),
   * so a re-plugged or moved phone is never addressed through a stale one; the server it was last seen on
   * is asked first, so a slow or dead server elsewhere in the lab does not delay every command. The same
   * serial on two servers prefers the one where it is ready; `preferServer` picks one explicitly.
   */
  async function locate(serial: string, preferServer?: string): Promise<ServerRef> {
    assertSafeSerial(serial);
    if (preferServer) {
      const server = servers.find((candidate) => candidate.key === preferServer);
      if (!server) throw new DevicePortError('INVALID_INPUT', `${preferServer} is not one of this lab's adb servers`);
      const found = (await listServer(server)).find((device) => device.serial === serial);
      if (!found) throw notFoundError(serial);
      if (found.state !== 'device') throw stateError(serial, found.state);
      return server;
    }
    const hinted = lastSeen.get(serial);
    if (hinted) {
      const devices = await listServer(hinted).catch(() => []);
      if (devices.some((device) => device.serial === serial && device.state === 'device')) return hinted;
    }
    const listings = await listServers();
    const matches = listings.flatMap((listing) => listing.devices).filter((device) => device.serial === serial);
    const chosen = matches.find((device) => device.state === 'device') ?? matches[0];
    if (!chosen) {
      const firstError = listings[0]?.error;
      if (firstError && listings.every((listing) => listing.error !== null)) throw firstError;
      throw notFoundError(serial);
    }
    if (chosen.state !== 'device') throw stateError(serial, chosen.state);
    const server = servers.find((candidate) => candidate.key === chosen.server) as ServerRef;
    lastSeen.set(serial, server);
    return server;
  }

  async function stillReady(serial: string, server: ServerRef): Promise<boolean> {
    try {
      return (await listServer(server)).some((device) => device.serial === serial && device.state === 'device');
    } catch {
      return false;
    }
  }

  /**
   * Opens `host:transport:<serial>` then `service` on a device `locate` just found ready, mapping the
   * server's FAIL texts to our codes ("not found" now means it left in between).
   */
  async function openService(server: ServerRef, serial: string, service: string, deadline: Deadline): Promise<AdbConnection> {
    const connection = await connect(server);
    deadline.attach(connection);
    try {
      try {
        await connection.request(`host:transport:${serial}`);
      } catch (error) {
        if (!(error instanceof AdbFailError)) throw error;
        const mapped = transportFailure(serial, error.failMessage);
        if (mapped?.code === 'DEVICE_NOT_FOUND') {
          throw new DevicePortError('DEVICE_GONE', `${serial} disconnected`, HINTS.gone);
        }
        throw mapped ?? new DevicePortError('COMMAND_FAILED', `adb refused ${serial}: ${error.failMessage}`);
      }
      try {
        await connection.request(service);
      } catch (error) {
        if (!(error instanceof AdbFailError)) throw error;
        throw new DevicePortError('COMMAND_FAILED', `${serial} refused ${service.split(':')[0]}: ${error.failMessage}`);
      }
      return connection;
    } catch (error) {
      connection.destroy();
      throw error;
    }
  }

  async function runShell(server: ServerRef, serial: string, command: string, opts: ShellOptions): Promise<ShellResult> {
    assertSafeCommand(command);
    const timeoutMs = opts.timeoutMs ?? shellTimeoutMs;
    const deadline = new Deadline(timeoutError(serial, `\`${clip(command)}\``, timeoutMs), timeoutMs, opts.signal);
    const started = performance.now();
    const framed = frameCommand(command);
    const collector = new FramedOutputCollector(framed.nonce);
    try {
      const connection = await deadline.race(openService(server, serial, `shell:${framed.line}`, deadline));
      let streamError: unknown = null;
      try {
        await connection.readToEnd((chunk) => {
          collector.push(chunk);
          return collector.sawEnd();
        });
      } catch (error) {
        if (error instanceof DevicePortError || deadline.fired) throw error;
        streamError = error;
      } finally {
        connection.destroy();
      }
      const result = collector.finish();
      if (result.complete) {
        return { output: result.output.toString('utf8'), exitCode: result.exitCode, durationMs: performance.now() - started };
      }
      const cause = streamError ? ` (${describeError(streamError)})` : '';
      if (await stillReady(serial, server)) {
        throw new DevicePortError('TRUNCATED_OUTPUT',
          `\`${clip(command)}\` on ${serial} stopped after ${result.output.length} bytes without its end marker${cause}`, HINTS.truncated);
      }
      throw new DevicePortError('DEVICE_GONE',
        `${serial} disconnected during \`${clip(command)}\` after ${result.output.length} bytes${cause}`, HINTS.gone);
    } catch (error) {
      throw asPortError(error);
    } finally {
      deadline.clear();
    }
  }

  async function shell(serial: string, command: string, opts: ShellOptions = {}): Promise<ShellResult> {
    assertSafeCommand(command);
    return runShell(await locate(serial, opts.server), serial, command, opts);
  }

  /** A device that cannot be reached at all rejects the whole batch; after that each command stands alone. */
  async function shellBatch(serial: string, commands: readonly string[], opts: BatchOptions = {}): Promise<BatchItem[]> {
    const server = await locate(serial, opts.server);
    const limit = Math.max(1, opts.concurrency ?? concurrency);
    return mapLimit(commands, limit, async (command, index) => {
      let item: BatchItem;
      try {
        item = { ok: true, command, result: await runShell(server, serial, command, opts) };
      } catch (error) {
        item = { ok: false, command, error: asPortError(error) };
      }
      opts.onItem?.(index, item);
      return item;
    });
  }

  async function pull(serial: string, remotePath: string, opts: ShellOptions = {}): Promise<Buffer> {
    if (!remotePath.startsWith('/') || remotePath.includes('\0') || Buffer.byteLength(remotePath) > 1024) {
      throw new DevicePortError('INVALID_INPUT', `Not an absolute device path: ${JSON.stringify(remotePath.slice(0, 80))}`);
    }
    const server = await locate(serial, opts.server);
    const timeoutMs = opts.timeoutMs ?? shellTimeoutMs;
    const deadline = new Deadline(timeoutError(serial, `pull ${remotePath}`, timeoutMs), timeoutMs, opts.signal);
    try {
      const connection = await deadline.race(openService(server, serial, 'sync:', deadline));
      try {
        return await syncRecv(connection, remotePath, maxPullBytes);
      } finally {
        connection.destroy();
      }
    } catch (error) {
      if (error instanceof DevicePortError) throw error;
      if (error instanceof AdbFailError) {
        throw new DevicePortError('NOT_FOUND', `Cannot pull ${remotePath} from ${serial}: ${error.failMessage}`);
      }
      if (error instanceof AdbStreamEndedError || isSocketError(error)) {
        if (await stillReady(serial, server)) {
          throw new DevicePortError('TRUNCATED_OUTPUT', `Pulling ${remotePath} from ${serial} stopped early`, HINTS.truncated);
        }
        throw new DevicePortError('DEVICE_GONE', `${serial} disconnected while pulling ${remotePath}`, HINTS.gone);
      }
      throw asPortError(error);
    } finally {
      deadline.clear();
    }
  }

  async function trackDevices(onEvent: (event: DeviceEvent) => void): Promise<DeviceTracker> {
    const timing = {
      debounceMs: options.trackerDebounceMs ?? 40,
      settlePollMs: options.settlePollMs ?? 1_000,
      reconnectMs: options.reconnectMs ?? 1_000,
      answerTimeoutMs: options.serverTimeoutMs ?? 5_000,
    };
    const watches = servers.map((server) => watchServer(server, connector, timing, onEvent));
    await Promise.all(watches.map((watch) => watch.ready));
    const handle = { close: () => watches.forEach((watch) => watch.close()) };
    trackers.add(handle);
    return {
      close: () => {
        trackers.delete(handle);
        handle.close();
      },
    };
  }

  return {
    listDevices,
    listServers,
    trackDevices,
    shell,
    shellBatch,
    pull,
    close: async () => {
      for (const handle of [...trackers]) handle.close();
      trackers.clear();
    },
  };
}

/** Commands come from our probe and fix builders; this only stops what would break the framing. */
function assertSafeCommand(command: string): void {
  if (command.trim() === '' || /[\0\r\n]/.test(command) || Buffer.byteLength(command) > 16_000) {
    throw new DevicePortError('INVALID_INPUT', `Refusing shell command ${JSON.stringify(clip(command))}`,
      'Commands are one line without NUL, built with shellQuote/assertSafePackageName.');
  }
}

function isSocketError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
