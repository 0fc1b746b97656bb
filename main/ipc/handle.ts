import { ipcMain, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ZodError } from 'zod';
import { DevicePortError } from '../adb/device-port.js';
import type { ArgsOf, InvokeChannel, IpcError, Result, ResultOf } from '../../common/ipc/contract.js';
import { payloadSchemas } from './schemas.js';
import { createLogger } from '../log/logger.js';

/**
 * The one place where IPC calls enter main. Every handler goes through `handle()`, which
 * (1) refuses callers other than our own page's main frame, (2) parses the payload with the
 * channel's schema before any service sees it, and (3) turns failures into Result values with a
 * closed set of codes, because Electron passes only an Error's message across `invoke`.
 */

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Electron's ipcMain, handed out only from here: lint forbids importing it anywhere else. */
export function electronIpcMain(): IpcMainLike {
  return ipcMain;
}

export interface Ipc {
  ipcMain: IpcMainLike;
  /** Origins our page is served from: `app://bundle`, plus the dev server's in development. */
  trustedOrigins: readonly string[];
  /** Where unexpected errors are logged; they never reach the renderer beyond a generic message. */
  logError?: (message: string, error: unknown) => void;
}

export interface CallContext {
  /** The page that called, so a long-running service can send it progress events. */
  sender: WebContents;
}

export type Handler<C extends InvokeChannel> = (args: ArgsOf<C>, ctx: CallContext) => ResultOf<C> | Promise<ResultOf<C>>;

interface FrameLike {
  url: string;
  parent: unknown;
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

/** Main frame only (no iframes, no frame already gone), on one of our own origins. */
export function isTrustedFrame(frame: FrameLike | null, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}

export function toIpcError(error: unknown, channel: string, logError: Ipc['logError']): IpcError {
  if (error instanceof DevicePortError) {
    return error.hint ? { code: error.code, message: error.message, hint: error.hint } : { code: error.code, message: error.message };
  }
  if (error instanceof ZodError) {
    const detail = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { code: 'INVALID_INPUT', message: `Invalid input for ${channel}: ${detail}` };
  }
  (logError ?? defaultLogError)(`IPC ${channel} failed`, error);
  return { code: 'INTERNAL', message: `Something went wrong in ${channel}; the details are in the log.` };
}

const log = createLogger('ipc');

function defaultLogError(message: string, error: unknown): void {
  log.error(message, error);
}

export function handle<C extends InvokeChannel>(ipc: Ipc, channel: C, handler: Handler<C>): void {
  const schema = payloadSchemas[channel];
  ipc.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<ResultOf<C>>> => {
    if (!isTrustedFrame(event.senderFrame, ipc.trustedOrigins)) {
      // Not a Result: an untrusted caller is not a user error to explain, and gets nothing back.
      throw new Error(`${channel} refused: caller is not the app's main frame`);
    }
    try {
      if (args.length > 1) throw new ZodError([{ code: 'custom', path: [], message: 'expected at most one argument', input: args }]);
      const payload = schema.parse(args[0]);
      const value = await handler(payload, { sender: event.sender });
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toIpcError(error, channel, ipc.logError) };
    }
  });
}
