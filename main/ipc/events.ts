import type { EventChannel, EventChannels } from '../../common/ipc/contract.js';

/** The part of WebContents an event needs; a window may close while a service still reports. */
export interface EventReceiver {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export function sendEvent<C extends EventChannel>(target: EventReceiver, channel: C, payload: EventChannels[C]): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}

export function broadcastEvent<C extends EventChannel>(targets: Iterable<EventReceiver>, channel: C, payload: EventChannels[C]): void {
  for (const target of targets) sendEvent(target, channel, payload);
}
