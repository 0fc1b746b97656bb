import { ipcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventChannel, PayloadOf } from '../../common/ipc/contract.js';
import { originOf, type Caller, type Dispatch, type Transport } from './dispatch.js';

/**
 * The Electron transport: the only module that touches ipcMain (lint forbids it anywhere else). It
 * serves the dispatch's channels with `ipcMain.handle`, describes the calling frame to the
 * dispatch, and sends events with `webContents.send`.
 */

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Electron's ipcMain, handed out only from here. */
export function electronIpcMain(): IpcMainLike {
  return ipcMain;
}

/** The part of WebContents an event needs; a window may close while a service still reports. */
export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

interface FrameLike {
  url: string;
  parent: unknown;
}

export interface ElectronTransportOptions {
  ipcMain: IpcMainLike;
  /** Every page a broadcast reaches: the web contents of all open windows. */
  receivers(): Iterable<EventReceiver>;
}

/** Main frame only (no iframes, no frame already gone): the dispatch checks the origin. */
export function callerOfFrame(frame: FrameLike | null): Caller {
  if (!frame) return { origin: null, mainFrame: false };
  return { origin: originOf(frame.url), mainFrame: frame.parent === null };
}

function send<E extends EventChannel>(target: EventReceiver, event: E, payload: PayloadOf<E>): void {
  if (!target.isDestroyed()) target.send(event, payload);
}

export function serveOverElectron(dispatch: Dispatch, options: ElectronTransportOptions): Transport {
  const channels = dispatch.channels();
  for (const channel of channels) {
    options.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const outcome = await dispatch.call(channel, args, callerOfFrame(event.senderFrame), (name, payload) => send(event.sender, name, payload));
      // A refused caller gets a rejection, not a Result: Electron passes it only the message.
      if (outcome.refused) throw new Error(outcome.reason);
      return outcome.result;
    });
  }
  return {
    broadcast(event, payload) {
      for (const receiver of options.receivers()) send(receiver, event, payload);
    },
    close() {
      for (const channel of channels) options.ipcMain.removeHandler(channel);
    },
  };
}
