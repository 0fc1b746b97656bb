import { mapLimit } from '../util/map-limit.js';
import { describeRef } from '../../common/domain/device.js';
import {
  asPortError, describeError, HINTS, isServerGone, notFoundError, stateError, timeoutError, transportFailure,
} from './adb-errors.js';
import { AdbConnection, AdbFailError, AdbStreamEndedError } from './adb-socket.js';
import { syncRecv, syncStat, tooLarge } from './adb-sync.js';
import { Deadline } from './deadline.js';
import {
  DevicePortError,
  type AdbServerAddress, type BatchItem, type BatchOptions, type DeviceEvent, type DeviceInfo, type DevicePort,
  type DeviceRef, type DeviceTracker, type PullOptions, type ShellOptions, type ShellResult, type StreamOptions, type StreamResult,
} from './device-port.js';
import { ServerConnector, serverRef, type ServerRef, type ServerStartNote } from './server-connector.js';
import { watchServer } from './server-watch.js';
import { FramedOutputCollector, frameCommand, LineSplitter } from './shell-framing.js';
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
  /** Told of each adb server this port started (the CLI says so on stderr). */
  onServerStart?: (note: ServerStartNote) => void;
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
  /**
   * Serves these servers too from now on (Settings → adb servers): listed, reachable by reference, and
   * watched by every open tracker. Servers already served are left as they are; none is dropped while
   * phones on it may be mid-audit.
   */
  addServers(addresses: readonly AdbServerAddress[]): void;
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
  const trackers = new Set<{ close(): void; watch(server: ServerRef): void }>();
  const connector = new ServerConnector({
    env,
    autoStart: options.autoStart !== false,
    ...(options.adbPath ? { adbPath: options.adbPath } : {}),
    ...(options.serverTimeoutMs ? { answerTimeoutMs: options.serverTimeoutMs } : {}),
    ...(options.onServerStart ? { onServerStart: options.onServerStart } : {}),
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

  function serverOf(ref: DeviceRef): ServerRef {
    assertSafeSerial(ref.serial);
    const server = servers.find((candidate) => candidate.key === ref.server);
    if (!server) throw new DevicePortError('INVALID_INPUT', `${ref.server} is not one of this lab's adb servers`);
    return server;
  }

  /**
   * Finds the phone a reference names on its own server, fresh (a `host:devices-l`, < 1 ms on loopback), so a
   * re-plugged or moved phone is never addressed through a stale answer. With a transport id only that
   * transport matches; without one the serial must name exactly one phone there, since adb would pick
   * one of several at random. Returns the listed device, whose transport id then selects it.
   */
  async function resolve(ref: DeviceRef): Promise<{ server: ServerRef; device: DeviceInfo }> {
    const server = serverOf(ref);
    const listed = (await listServer(server)).filter((device) => device.serial === ref.serial);
    const matches = ref.transportId === undefined ? listed : listed.filter((device) => device.transportId === ref.transportId);
    const device = matches[0];
    if (!device) throw notFoundError(describeRef(ref));
    if (matches.length > 1) {
      throw new DevicePortError('INVALID_INPUT',
        `${matches.length} phones on ${ref.server} share the serial ${ref.serial}; name one by its transport id`,
        `\`adb -P ${server.address.port} devices -l\` shows each one's transport_id.`);
    }
    if (device.state !== 'device') throw stateError(ref.serial, device.state);
    return { server, device };
  }

  /**
   * After a stream ended without its end marker: is the phone still listed ready? A server that no longer
   * answers is not the phone's fault: that error (ADB_UNREACHABLE, "went away") is thrown as it is.
   */
  async function stillReady(device: DeviceInfo, server: ServerRef): Promise<boolean> {
    let listed: DeviceInfo[];
    try {
      listed = await listServer(server);
    } catch (error) {
      const portError = asPortError(error);
      if (isServerGone(portError)) throw portError;
      return false;
    }
    return listed.some((d) => d.serial === device.serial && d.transportId === device.transportId && d.state === 'device');
  }

  /** The cut stream's error: the server went away, the phone left, or the phone is there and the output stopped. */
  async function cutShort(device: DeviceInfo, server: ServerRef, truncated: string, gone: string): Promise<DevicePortError> {
    try {
      if (await stillReady(device, server)) return new DevicePortError('TRUNCATED_OUTPUT', truncated, HINTS.truncated);
      return new DevicePortError('DEVICE_GONE', gone, HINTS.gone);
    } catch (error) {
      return asPortError(error);
    }
  }

  /**
   * Selects the phone (`host:transport-id:N` when the server gave a transport id: the only way to tell
   * two phones with one serial apart; else `host:transport:<serial>`), then opens `service`, mapping the
   * server's FAIL texts to our codes ("not found" now means it left in between).
   */
  async function openService(server: ServerRef, device: DeviceInfo, service: string, deadline: Deadline): Promise<AdbConnection> {
    const serial = device.serial;
    const connection = await connect(server);
    deadline.attach(connection);
    try {
      try {
        await connection.request(device.transportId !== undefined ? `host:transport-id:${device.transportId}` : `host:transport:${serial}`);
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

  async function runShell(server: ServerRef, device: DeviceInfo, command: string, opts: ShellOptions): Promise<ShellResult> {
    assertSafeCommand(command);
    const serial = device.serial;
    const timeoutMs = opts.timeoutMs ?? shellTimeoutMs;
    const deadline = new Deadline(timeoutError(serial, `\`${clip(command)}\``, timeoutMs), timeoutMs, opts.signal);
    const started = performance.now();
    const framed = frameCommand(command);
    const collector = new FramedOutputCollector(framed.nonce);
    try {
      const connection = await deadline.race(openService(server, device, `shell:${framed.line}`, deadline));
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
      throw await cutShort(device, server,
        `\`${clip(command)}\` on ${serial} stopped after ${result.output.length} bytes without its end marker${cause}`,
        `${serial} disconnected during \`${clip(command)}\` after ${result.output.length} bytes${cause}`);
    } catch (error) {
      throw asPortError(error);
    } finally {
      deadline.clear();
    }
  }

  async function shell(ref: DeviceRef, command: string, opts: ShellOptions = {}): Promise<ShellResult> {
    assertSafeCommand(command);
    const { server, device } = await resolve(ref);
    return runShell(server, device, command, opts);
  }

  /** A device that cannot be reached at all rejects the whole batch; after that each command stands alone. */
  async function shellBatch(ref: DeviceRef, commands: readonly string[], opts: BatchOptions = {}): Promise<BatchItem[]> {
    const { server, device } = await resolve(ref);
    const limit = Math.max(1, opts.concurrency ?? concurrency);
    return mapLimit(commands, limit, async (command, index) => {
      let item: BatchItem;
      try {
        item = { ok: true, command, result: await runShell(server, device, command, opts) };
      } catch (error) {
        item = { ok: false, command, error: asPortError(error) };
      }
      opts.onItem?.(index, item);
      return item;
    });
  }

  /**
   * Streams a framed command's lines. Opening has a timeout; the stream itself has none (logcat runs until
   * cancelled). The end marker never reaches `onLine`; it gives the exit status. A cut stream rejects as a
   * batch command's would (DEVICE_GONE, ADB_UNREACHABLE, TRUNCATED_OUTPUT).
   */
  async function shellStream(ref: DeviceRef, command: string, opts: StreamOptions): Promise<StreamResult> {
    assertSafeCommand(command);
    const { server, device } = await resolve(ref);
    const openMs = opts.openTimeoutMs ?? shellTimeoutMs;
    const started = performance.now();
    const framed = frameCommand(command);
    const lines = new LineSplitter(framed.nonce, opts.onLine);
    // Only opening is timed; afterwards only the caller's signal ends the stream.
    const opening = new Deadline(timeoutError(device.serial, `opening \`${clip(command)}\``, openMs), openMs, opts.signal);
    let connection: AdbConnection;
    try {
      if (opts.signal?.aborted) return { exitCode: null, cancelled: true, lines: 0, durationMs: 0 };
      connection = await opening.race(openService(server, device, `shell:${framed.line}`, opening));
    } catch (error) {
      if (opts.signal?.aborted) return { exitCode: null, cancelled: true, lines: 0, durationMs: performance.now() - started };
      throw asPortError(error);
    } finally {
      opening.clear();
    }
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      connection.destroy();
    };
    opts.onOpen?.();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    let streamError: unknown = null;
    try {
      await connection.readToEnd((chunk) => lines.push(chunk));
    } catch (error) {
      streamError = error;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      connection.destroy();
    }
    const durationMs = performance.now() - started;
    if (lines.exitCode !== null) return { exitCode: lines.exitCode, cancelled: false, lines: lines.count, durationMs };
    if (cancelled) {
      lines.flush();
      return { exitCode: null, cancelled: true, lines: lines.count, durationMs };
    }
    lines.flush();
    const cause = streamError ? ` (${describeError(streamError)})` : '';
    throw await cutShort(device, server,
      `\`${clip(command)}\` on ${device.serial} stopped after ${lines.count} lines without its end marker${cause}`,
      `${device.serial} disconnected during \`${clip(command)}\` after ${lines.count} lines${cause}`);
  }

  async function pull(ref: DeviceRef, remotePath: string, opts: PullOptions = {}): Promise<Buffer> {
    if (!remotePath.startsWith('/') || remotePath.includes('\0') || Buffer.byteLength(remotePath) > 1024) {
      throw new DevicePortError('INVALID_INPUT', `Not an absolute device path: ${JSON.stringify(remotePath.slice(0, 80))}`);
    }
    const { server, device } = await resolve(ref);
    const serial = device.serial;
    const timeoutMs = opts.timeoutMs ?? shellTimeoutMs;
    const deadline = new Deadline(timeoutError(serial, `pull ${remotePath}`, timeoutMs), timeoutMs, opts.signal);
    try {
      const connection = await deadline.race(openService(server, device, 'sync:', deadline));
      try {
        // STAT first: the size is the progress total, and a file over the limit is refused before a byte moves.
        const stat = await syncStat(connection, remotePath);
        const total = stat ? stat.size : null;
        if (total !== null && total > maxPullBytes) throw tooLarge(remotePath, maxPullBytes);
        opts.onProgress?.(0, total);
        return await syncRecv(connection, remotePath, maxPullBytes, opts.onProgress ? (bytes) => opts.onProgress?.(bytes, total) : undefined);
      } finally {
        connection.destroy();
      }
    } catch (error) {
      if (error instanceof DevicePortError) throw error;
      if (deadline.fired) throw asPortError(error);
      if (error instanceof AdbFailError) {
        throw new DevicePortError('NOT_FOUND', `Cannot pull ${remotePath} from ${serial}: ${error.failMessage}`);
      }
      if (error instanceof AdbStreamEndedError || isSocketError(error)) {
        throw await cutShort(device, server, `Pulling ${remotePath} from ${serial} stopped early`, `${serial} disconnected while pulling ${remotePath}`);
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
    const handle = {
      close: () => watches.forEach((watch) => watch.close()),
      watch: (server: ServerRef) => watches.push(watchServer(server, connector, timing, onEvent)),
    };
    trackers.add(handle);
    return {
      close: () => {
        trackers.delete(handle);
        handle.close();
      },
    };
  }

  function addServers(addresses: readonly AdbServerAddress[]): void {
    for (const address of addresses) {
      const server = serverRef(address);
      if (servers.some((known) => known.key === server.key)) continue;
      servers.push(server);
      for (const tracker of trackers) tracker.watch(server);
    }
  }

  return {
    listDevices,
    listServers,
    addServers,
    trackDevices,
    shell,
    shellBatch,
    shellStream,
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
