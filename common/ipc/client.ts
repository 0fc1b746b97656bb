import {
  EVENT_METHODS, INVOKE_METHODS,
  type EventChannel, type InvokeChannel, type PushDoctorApi, type Result, type Unsubscribe,
} from './contract.js';

/**
 * Builds `window.pushDoctor` from the channel maps over any way of reaching main: Electron's
 * ipcRenderer in the preload, a WebSocket in a browser, an in-memory link in tests. Only declared
 * channels get a method, so the page can never name an arbitrary channel.
 */
export interface ClientLink {
  /** Sends one call; resolves with main's Result, rejects only when main refused or never answered. */
  invoke(channel: InvokeChannel, args: unknown[]): Promise<unknown>;
  /** Delivers each event's payload, and only the payload (never the transport's event object). */
  subscribe(event: EventChannel, listener: (payload: unknown) => void): Unsubscribe;
}

export function createBridgeApi(link: ClientLink): PushDoctorApi {
  const api: Record<string, unknown> = {};
  for (const [channel, method] of Object.entries(INVOKE_METHODS) as [InvokeChannel, string][]) {
    // Rest arguments beyond the one a channel takes are dropped here; main would refuse them anyway.
    api[method] = async (...args: unknown[]): Promise<Result<unknown>> => {
      try {
        return (await link.invoke(channel, args.slice(0, 1))) as Result<unknown>;
      } catch (error) {
        // Main rejects only when a channel has no handler or refuses the caller: neither is the user's doing.
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
      }
    };
  }
  for (const [event, method] of Object.entries(EVENT_METHODS) as [EventChannel, string][]) {
    api[method] = (listener: (payload: unknown) => void): Unsubscribe => link.subscribe(event, (payload) => listener(payload));
  }
  // One cast, at the one place the object is assembled from the maps the type is derived from.
  return api as unknown as PushDoctorApi;
}
