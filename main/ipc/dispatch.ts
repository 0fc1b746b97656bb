import { ZodError } from 'zod';
import { DevicePortError } from '../adb/device-port.js';
import type {
  ArgsOf, EventChannel, InvokeChannel, IpcError, PayloadOf, Result, ResultOf,
} from '../../common/ipc/contract.js';
import { INVOKE_CHANNELS } from '../../common/ipc/contract.js';
import type { ErrorCode } from '../../common/domain/report.js';
import { createLogger } from '../log/logger.js';
import { payloadSchemas } from './schemas.js';

/**
 * The one way IPC calls enter main, whatever carries them (Electron IPC, a WebSocket, memory in
 * tests). A transport describes who called and hands over the raw arguments; the dispatch
 * (1) refuses callers other than a main frame of our own page, (2) parses the payload with the
 * channel's schema before any handler sees it, and (3) turns failures into Result values with a
 * closed set of codes. Handlers know nothing of the transport: they get the parsed arguments and a
 * context that can emit events back to the caller.
 */

/** Who called, as a transport can tell it. */
export interface Caller {
  /** `scheme://host[:port]` of the calling page; null when it cannot be known (a frame already gone). */
  origin: string | null;
  /** False for an iframe inside our page, or a frame already gone. */
  mainFrame: boolean;
}

export interface HandlerContext {
  /** Sends an event to the caller only (progress of its own call). */
  emit<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
  /** Who called, for handlers that care; absent when a call is made from inside main. */
  sender?: Caller;
}

export type Handler<C extends InvokeChannel> = (args: ArgsOf<C>, ctx: HandlerContext) => ResultOf<C> | Promise<ResultOf<C>>;

export type Handlers = { [C in InvokeChannel]?: Handler<C> };

/** An expected failure a handler reports to the page with its code and what to do. */
export class IpcFailure extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly hint?: string) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export type CallOutcome =
  | { refused: false; result: Result<unknown> }
  /** Not a Result: an untrusted caller is not a user error to explain, and the transport gives it nothing. */
  | { refused: true; reason: string };

export interface Dispatch {
  /** Channels that have a handler: what a transport serves. */
  channels(): InvokeChannel[];
  call(channel: string, args: readonly unknown[], caller: Caller, emit: HandlerContext['emit']): Promise<CallOutcome>;
}

export interface DispatchOptions {
  /**
   * Origins our page is served from: `app://bundle`, plus the dev server's in development. The lab
   * server passes a test instead of a list: a browser reaches it by whatever name the lab uses for the
   * host, and its transport has already matched the Origin to the Host it was served under.
   */
  trustedOrigins: readonly string[] | ((origin: string) => boolean);
  /** Where unexpected errors are logged; they never reach the page beyond a generic message. */
  logError?: (message: string, error: unknown) => void;
}

/** `scheme://host[:port]` of a URL, computed by hand because WHATWG gives custom schemes an opaque origin. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

export function isTrustedCaller(caller: Caller, trustedOrigins: DispatchOptions['trustedOrigins']): boolean {
  if (!caller.mainFrame || caller.origin === null) return false;
  return typeof trustedOrigins === 'function' ? trustedOrigins(caller.origin) : trustedOrigins.includes(caller.origin);
}

const log = createLogger('ipc');

function defaultLogError(message: string, error: unknown): void {
  log.error(message, error);
}

export function toIpcError(error: unknown, channel: string, logError: DispatchOptions['logError']): IpcError {
  if (error instanceof DevicePortError || error instanceof IpcFailure) {
    return error.hint ? { code: error.code, message: error.message, hint: error.hint } : { code: error.code, message: error.message };
  }
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { code: 'INVALID_INPUT', message: `Invalid input for ${channel}: ${detail}` };
  }
  (logError ?? defaultLogError)(`IPC ${channel} failed`, error);
  return { code: 'INTERNAL', message: `Something went wrong in ${channel}; the details are in the log.` };
}

function isChannel(channel: string): channel is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(channel);
}

export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  const table = new Map<InvokeChannel, Handler<InvokeChannel>>();
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel];
    if (handler) table.set(channel, handler as Handler<InvokeChannel>);
  }
  return {
    channels: () => [...table.keys()],
    async call(channel, args, caller, emit) {
      if (!isTrustedCaller(caller, options.trustedOrigins)) {
        return { refused: true, reason: `${channel} refused: caller is not the app's main frame` };
      }
      const handler = isChannel(channel) ? table.get(channel) : undefined;
      if (!handler || !isChannel(channel)) return { refused: true, reason: `${channel} refused: no such channel` };
      try {
        if (args.length > 1) throw new ZodError([{ code: 'custom', path: [], message: 'expected at most one argument', input: args }]);
        const payload = payloadSchemas[channel].parse(args[0]);
        const value = await handler(payload as ArgsOf<InvokeChannel>, { emit, sender: caller });
        return { refused: false, result: { ok: true, value } };
      } catch (error) {
        return { refused: false, result: { ok: false, error: toIpcError(error, channel, options.logError) } };
      }
    },
  };
}

/**
 * How a transport tells every connected page about a change nobody asked for (a phone plugged in).
 * Each transport implements it for its own connections; main broadcasts through all of them.
 */
export interface EventSink {
  broadcast<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
}

/** What every transport is, seen from the composition root: it serves the dispatch until closed. */
export interface Transport extends EventSink {
  close(): void;
}
