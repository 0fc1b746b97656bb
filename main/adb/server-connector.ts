import { findAdb } from './find-adb.js';
import { adbMissingError, describeError, serverWentAwayError, unreachableError } from './adb-errors.js';
import { isLoopback, listensWhereAdbStarts, serverKey, startAdbServer } from './adb-server.js';
import { AdbConnection } from './adb-socket.js';
import { parseDeviceList } from './device-list.js';
import { DevicePortError, type AdbServerAddress, type DeviceInfo } from './device-port.js';

export interface ServerRef {
  address: AdbServerAddress;
  /** "host:port", as DeviceInfo.server names it. */
  key: string;
}

export function serverRef(address: AdbServerAddress): ServerRef {
  return { address, key: serverKey(address) };
}

export interface ServerConnectorOptions {
  /**
   * The user's adb (Settings), used only to start a server; default: found on ANDROID_HOME/PATH. A function
   * is asked at each start, so a path chosen in Settings while the app runs is the one used.
   */
  adbPath?: string | (() => Promise<string | null>);
  /** Start a stopped server on a loopback address, once per server. Default true. */
  autoStart?: boolean;
  env: NodeJS.ProcessEnv;
  /** How long a server may take to connect and answer a host request. Default 5 s. */
  answerTimeoutMs?: number;
  /** Told of every server this connector started. */
  onServerStart?: (note: ServerStartNote) => void;
}

/** Said once per start, so the user knows a server now runs that they did not start themselves. */
export interface ServerStartNote {
  server: string;
  adbPath: string;
  /** The exact command that was run. */
  command: string;
  code: number | null;
  output: string;
}

interface StartOutcome {
  adbPath: string;
  code: number | null;
  output: string;
}

/**
 * Opens connections to adb servers. A refused connection to a local server starts it once with the
 * user's adb (`adb -P <port> start-server`); callers that arrive while it starts wait for that same
 * start rather than report the server down. Only where that server will listen: `adb start-server`
 * listens on 127.0.0.1 alone, so `[::1]:P` is never started (it would run a server that cannot answer).
 * A server that answered once and then refuses went away (killed): it is not started again behind the
 * user's back, since a fresh server knows none of the phones; the error says it went away.
 */
export class ServerConnector {
  private readonly reached = new Set<string>();
  private readonly starts = new Map<string, { outcome: Promise<StartOutcome>; settled: boolean; missing: DevicePortError | null }>();

  constructor(private readonly options: ServerConnectorOptions) {}

  /** The adb path to name in a message before any start was tried; a Settings resolver is not asked here. */
  private fixedAdbPath(): string | null {
    return typeof this.options.adbPath === 'string' ? this.options.adbPath : null;
  }

  async connect(server: ServerRef, timeoutMs = this.options.answerTimeoutMs ?? 5_000): Promise<AdbConnection> {
    try {
      const connection = await AdbConnection.open(server.address, timeoutMs);
      this.reached.add(server.key);
      return connection;
    } catch (error) {
      const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      if (refused && this.reached.has(server.key)) throw serverWentAwayError(server.key, describeError(error), this.fixedAdbPath());
      const earlier = this.starts.get(server.key);
      if (earlier?.missing) throw earlier.missing;
      if (refused && this.options.autoStart !== false && isLoopback(server.address) && !listensWhereAdbStarts(server.address)) {
        throw unreachableError(server.key, `${describeError(error)}; not started: \`adb start-server\` listens on 127.0.0.1 only, ` +
          `never on ${server.address.host}`, this.fixedAdbPath());
      }
      const canStart = refused && this.options.autoStart !== false && listensWhereAdbStarts(server.address);
      if (!canStart || earlier?.settled) {
        throw unreachableError(server.key, describeError(error), this.fixedAdbPath());
      }
      const started = await this.start(server);
      try {
        const connection = await AdbConnection.open(server.address, timeoutMs);
        this.reached.add(server.key);
        return connection;
      } catch (retryError) {
        const detail = `${describeError(retryError)}; \`${started.adbPath} -P ${server.address.port} start-server\` ` +
          `exited ${started.code ?? 'abnormally'}${started.output ? `: ${started.output}` : ''}`;
        throw unreachableError(server.key, detail, started.adbPath);
      }
    }
  }

  /** One `host:devices-l`: every device the server knows, in any state. A server that accepts but never answers times out. */
  async listServer(server: ServerRef): Promise<DeviceInfo[]> {
    const connection = await this.connect(server);
    const timeoutMs = this.options.answerTimeoutMs ?? 5_000;
    const timer = setTimeout(() => connection.destroy(unreachableError(server.key, `no answer within ${timeoutMs} ms`, null)), timeoutMs);
    try {
      await connection.request('host:devices-l');
      return parseDeviceList(await connection.readHexPrefixed(), server.key).devices;
    } catch (error) {
      if (error instanceof DevicePortError) throw error;
      throw unreachableError(server.key, describeError(error), this.fixedAdbPath());
    } finally {
      clearTimeout(timer);
      connection.destroy();
    }
  }

  /** Starts the server, or joins the start already running for it. */
  private start(server: ServerRef): Promise<StartOutcome> {
    const running = this.starts.get(server.key);
    if (running) return running.outcome;
    const entry = {
      settled: false,
      missing: null as DevicePortError | null,
      outcome: (async () => {
        const env = this.options.env;
        const chosen = typeof this.options.adbPath === 'function' ? await this.options.adbPath() : this.options.adbPath ?? null;
        const adb = await findAdb({ settingsPath: chosen, env, platform: process.platform });
        if (!adb.found || !adb.path) throw adbMissingError(adb.message);
        const outcome = { adbPath: adb.path, ...(await startAdbServer(adb.path, server.address.port, env)) };
        this.options.onServerStart?.({
          server: server.key, adbPath: adb.path, command: `${adb.path} -P ${server.address.port} start-server`, code: outcome.code, output: outcome.output,
        });
        return outcome;
      })(),
    };
    entry.outcome.then(
      () => { entry.settled = true; },
      (error: unknown) => {
        entry.settled = true;
        if (error instanceof DevicePortError && error.code === 'ADB_MISSING') entry.missing = error;
      },
    );
    this.starts.set(server.key, entry);
    return entry.outcome;
  }
}
