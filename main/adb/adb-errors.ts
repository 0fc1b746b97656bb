import type { Msg } from '../../common/domain/findings.js';
import type { DeviceState, ErrorCode } from '../../common/domain/report.js';
import { HINT_MSGS, HINTS, STATE_HINTS, stateHintMsg } from '../../common/domain/device-hints.js';
import type { Locale } from '../../common/i18n/locale.js';
import { msg } from '../../common/i18n/msg.js';
import { renderMsg } from '../../common/i18n/render-finding.js';
import { DevicePortError } from './device-port.js';

// The fixes we tell users live in common/ so the workstation, the CLI and reports say the same thing.
export { HINTS, STATE_HINTS };

/** A port error from catalog messages: English text for logs and the contract, the ids for any other reader. */
export function portError(code: ErrorCode, message: Msg, hint?: Msg): DevicePortError {
  return new DevicePortError(code, renderMsg('en', message), hint ? renderMsg('en', hint) : undefined, hint ? { message, hint } : { message });
}

/** A port error's message and hint in a locale; errors built without ids (other libraries) keep their English. */
export function localizedError(error: DevicePortError, locale: Locale): { message: string; hint?: string } {
  if (!error.text) return error.hint ? { message: error.message, hint: error.hint } : { message: error.message };
  const message = renderMsg(locale, error.text.message);
  return error.text.hint ? { message, hint: renderMsg(locale, error.text.hint) } : { message };
}

export function stateError(serial: string, state: DeviceState): DevicePortError {
  switch (state) {
    case 'unauthorized':
      return portError('DEVICE_UNAUTHORIZED', msg('port.unauthorized', { serial }), stateHintMsg(state));
    case 'offline':
      return portError('DEVICE_OFFLINE', msg('port.offline', { serial }), stateHintMsg(state));
    case 'no-permissions':
      return portError('DEVICE_NO_PERMISSIONS', msg('port.no-permissions', { serial }), stateHintMsg(state));
    case 'gone':
      return portError('DEVICE_GONE', msg('port.gone', { serial }), stateHintMsg(state));
    case 'device':
      return portError('INTERNAL', msg('port.ready', { serial }));
  }
}

export function notFoundError(serial: string): DevicePortError {
  return portError('DEVICE_NOT_FOUND', msg('port.not-found', { serial }), HINT_MSGS.notFound);
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
  // `what` is the command as run; ms is a deadline people grep logs for, so it is not digit-grouped.
  return portError('TIMEOUT', msg('port.timeout', { what, serial, ms: String(ms) }), HINT_MSGS.timeout);
}

export function unreachableError(server: string, detail: string, adbPath: string | null): DevicePortError {
  const [host, port] = splitServer(server);
  const local = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  const start = adbPath ? `${adbPath} -P ${port} start-server` : `adb -P ${port} start-server`;
  const hint = local ? msg('hint.unreachable-local', { start, port }) : msg('hint.unreachable-remote', { host, port });
  return portError('ADB_UNREACHABLE', msg('port.unreachable', { server, detail }), hint);
}

/**
 * A server that answered earlier in this run and now refuses connections was stopped (`adb kill-server`, an
 * IDE's adb of another version, a crash). Said once for the server, not once per phone it took along.
 */
export function serverWentAwayError(server: string, detail: string, adbPath: string | null): DevicePortError {
  const port = splitServer(server)[1];
  const start = adbPath ? `${adbPath} -P ${port} start-server` : `adb -P ${port} start-server`;
  return portError('ADB_UNREACHABLE', msg('port.server-gone', { server, detail }), msg('hint.server-gone', { start }));
}

/** Whether an error is a server that stopped answering (as opposed to one phone leaving). */
export function isServerGone(error: DevicePortError): boolean {
  return error.code === 'ADB_UNREACHABLE';
}

/** `detail` is find-adb's message: where it looked and what to install on this OS. */
export function adbMissingError(detail: string | null): DevicePortError {
  // find-adb's detail names this machine's paths and package manager; it stays as find-adb wrote it.
  return portError('ADB_MISSING', msg('port.adb-missing'), detail !== null ? msg('untranslated', { text: detail }) : msg('hint.adb-missing'));
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
