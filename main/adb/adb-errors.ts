import type { DeviceState } from '../../common/domain/report.js';
import { HINTS, STATE_HINTS } from '../../common/domain/device-hints.js';
import { DevicePortError } from './device-port.js';

// The fixes we tell users live in common/ so the workstation, the CLI and reports say the same thing.
export { HINTS, STATE_HINTS };

export function stateError(serial: string, state: DeviceState): DevicePortError {
  switch (state) {
    case 'unauthorized':
      return new DevicePortError('DEVICE_UNAUTHORIZED', `${serial} has not authorized this computer`, STATE_HINTS[state]);
    case 'offline':
      return new DevicePortError('DEVICE_OFFLINE', `${serial} is offline`, STATE_HINTS[state]);
    case 'no-permissions':
      return new DevicePortError('DEVICE_NO_PERMISSIONS', `No permission to open ${serial} over USB`, STATE_HINTS[state]);
    case 'gone':
      return new DevicePortError('DEVICE_GONE', `${serial} disconnected`, STATE_HINTS[state]);
    case 'device':
      return new DevicePortError('INTERNAL', `${serial} is ready; no error expected`);
  }
}

export function notFoundError(serial: string): DevicePortError {
  return new DevicePortError('DEVICE_NOT_FOUND', `No device ${serial} on any adb server`, HINTS.notFound);
}

/**
 * Maps the adb server's FAIL text for `host:transport:<serial>` (AOSP adb transport.cpp
 * `acquire_one_transport`) to our codes; `null` when the text is none of those.
 */
export function transportFailure(serial: string, failMessage: string): DevicePortError | null {
  const text = failMessage.toLowerCase();
  if (text.includes('unauthorized') || text.includes('authorizing')) return stateError(serial, 'unauthorized');
  if (text.includes('insufficient permissions') || text.includes('no permissions')) return stateError(serial, 'no-permissions');
  if (text.includes('offline') || text.includes('still connecting')) return stateError(serial, 'offline');
  if (text.includes('not found') || text.includes('no devices') || text.includes('no device with transport id')) return notFoundError(serial);
  return null;
}

export function timeoutError(serial: string, what: string, ms: number): DevicePortError {
  return new DevicePortError('TIMEOUT', `${what} on ${serial} took longer than ${ms} ms`, HINTS.timeout);
}

export function unreachableError(server: string, detail: string, adbPath: string | null): DevicePortError {
  const [host, port] = splitServer(server);
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const start = adbPath ? `${adbPath} -P ${port} start-server` : `adb -P ${port} start-server`;
  const hint = local
    ? `Start the adb server with \`${start}\`; if it fails, another program may hold port ${port} (\`ss -ltnp | grep ${port}\`).`
    : `Start the adb server on ${host} listening on the network (\`adb -a -P ${port} nodaemon server\`) and check the firewall.`;
  return new DevicePortError('ADB_UNREACHABLE', `Cannot reach the adb server at ${server}: ${detail}`, hint);
}

/**
 * A server that answered earlier in this run and now refuses connections was stopped (`adb kill-server`, an
 * IDE's adb of another version, a crash). Said once for the server, not once per phone it took along.
 */
export function serverWentAwayError(server: string, detail: string, adbPath: string | null): DevicePortError {
  const port = splitServer(server)[1];
  const start = adbPath ? `${adbPath} -P ${port} start-server` : `adb -P ${port} start-server`;
  return new DevicePortError('ADB_UNREACHABLE', `The adb server at ${server} went away (${detail})`,
    `Something stopped it (\`adb kill-server\`, another adb version, an IDE). Start it again with \`${start}\`, ` +
    'check that `adb devices` lists the phones, then run again.');
}

/** Whether an error is a server that stopped answering (as opposed to one phone leaving). */
export function isServerGone(error: DevicePortError): boolean {
  return error.code === 'ADB_UNREACHABLE';
}

/** `detail` is find-adb's message: where it looked and what to install on this OS. */
export function adbMissingError(detail: string | null): DevicePortError {
  const fallback = 'Install Android SDK Platform-Tools (https://developer.android.com/tools/releases/platform-tools) and put adb on PATH.';
  return new DevicePortError('ADB_MISSING', 'adb (Android Debug Bridge) was not found', detail ?? fallback);
}

function splitServer(server: string): [string, string] {
  const at = server.lastIndexOf(':');
  return at < 0 ? [server, '5037'] : [server.slice(0, at), server.slice(at + 1)];
}

export function asPortError(error: unknown): DevicePortError {
  if (error instanceof DevicePortError) return error;
  return new DevicePortError('INTERNAL', describeError(error));
}

/** A socket error's code and message, e.g. "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5037" → the message alone. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
