import { Client, type Tracker } from 'adb-ts';
import { refKey, toRef } from '../../common/domain/device.js';
import { asPortError, describeError, unreachableError } from './adb-errors.js';
import { DevicePortError, type DeviceEvent, type DeviceInfo } from './device-port.js';
import type { ServerConnector, ServerRef } from './server-connector.js';

export interface WatchTiming {
  /** Wait after a tracker event before re-listing, so a burst becomes one list. */
  debounceMs: number;
  /** How often to re-list while a device is in a passing state (offline/unauthorized). */
  settlePollMs: number;
  /** How often to retry a server that went away. */
  reconnectMs: number;
  /** How long the server may take to accept the tracking request. */
  answerTimeoutMs: number;
}

export interface ServerWatch {
  /** Resolves once the first list was reported (or the server was reported down). */
  ready: Promise<void>;
  close(): void;
}

/**
 * Watches one adb server. adb-ts's Tracker only tells us *that* something changed; we then re-list,
 * because its `add` can fire while the device is still offline without a model, its `change` carries only
 * the state, and track-devices never reports offline→unauthorized at all (hence the settle poll).
 * Devices already attached are reported as `added`. A lost server is reported once, its devices leave
 * with it, and it is retried until it is back.
 */
export function watchServer(
  server: ServerRef, connector: ServerConnector, timing: WatchTiming, onEvent: (event: DeviceEvent) => void,
): ServerWatch {
  let known = new Map<string, DeviceInfo>();
  let closed = false;
  let down = false;
  let tracker: Tracker | null = null;
  let debounce: NodeJS.Timeout | null = null;
  let settle: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let listing = false;
  let again = false;
  const client = new Client({ host: server.address.host, port: server.address.port, noAutoStart: true });

  const emit = (event: DeviceEvent) => {
    if (!closed) onEvent(event);
  };

  // Keyed by the whole reference: two phones sharing a serial on this server are two devices, and a phone
  // re-plugged under a new transport id leaves and arrives again (its old transport id no longer works).
  const apply = (devices: DeviceInfo[]) => {
    const next = new Map(devices.map((device) => [refKey(device), device]));
    for (const [key, device] of next) {
      const before = known.get(key);
      if (!before) emit({ type: 'added', device });
      else if (!sameDevice(before, device)) emit({ type: 'changed', device });
    }
    for (const [key, device] of known) {
      if (!next.has(key)) emit({ type: 'removed', ref: toRef(device) });
    }
    known = next;
    if (settle) clearTimeout(settle);
    settle = null;
    if (!closed && devices.some((device) => device.state === 'offline' || device.state === 'unauthorized')) {
      settle = setTimeout(relist, timing.settlePollMs);
    }
  };

  const relist = (): void => {
    if (closed) return;
    if (listing) {
      again = true;
      return;
    }
    listing = true;
    connector.listServer(server).then(apply, (error: unknown) => goneDown(asPortError(error))).finally(() => {
      listing = false;
      if (again) {
        again = false;
        relist();
      }
    });
  };

  const schedule = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(relist, timing.debounceMs);
  };

  const dropTracker = () => {
    dispose(tracker);
    tracker = null;
  };

  const goneDown = (error: DevicePortError) => {
    if (closed) return;
    dropTracker();
    if (!down) {
      down = true;
      emit({ type: 'server-error', server: server.key, error });
      apply([]);
    }
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => void attach(), timing.reconnectMs);
  };

  const attach = async (): Promise<void> => {
    if (closed) return;
    try {
      // Our connector first: it starts a stopped local server once, times out a mute one and names the
      // failure; adb-ts would do none of that.
      const initial = await connector.listServer(server);
      const next = await trackWithin(client, timing.answerTimeoutMs, server);
      if (closed) {
        dispose(next);
        return;
      }
      tracker = next;
      next.on('add', schedule);
      next.on('change', schedule);
      next.on('remove', schedule);
      next.on('error', (error: unknown) => goneDown(unreachableError(server.key, describeError(error), null)));
      next.on('end', () => goneDown(unreachableError(server.key, 'the server closed the tracking connection', null)));
      apply(initial);
      // A change between our list and the tracker's start would go unseen (adb-ts swallows its first list).
      schedule();
      down = false;
    } catch (error) {
      goneDown(error instanceof DevicePortError ? error : unreachableError(server.key, describeError(error), null));
    }
  };

  return {
    ready: attach(),
    close: () => {
      closed = true;
      for (const timer of [debounce, settle, retry]) if (timer) clearTimeout(timer);
      dropTracker();
    },
  };
}

/** adb-ts waits forever for a server that accepts and never answers; we give it `ms`. */
function trackWithin(client: Client, ms: number, server: ServerRef): Promise<Tracker> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(unreachableError(server.key, `track-devices not accepted within ${ms} ms`, null));
    }, ms);
    client.trackDevices().then(
      (tracker) => {
        clearTimeout(timer);
        if (late) dispose(tracker);
        else resolve(tracker);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Ends a tracker for good; a late 'error' from its closing connection must not become an unhandled one. */
function dispose(tracker: Tracker | null): void {
  if (!tracker) return;
  tracker.removeAllListeners();
  tracker.on('error', () => undefined);
  tracker.end();
}

function sameDevice(a: DeviceInfo, b: DeviceInfo): boolean {
  return a.state === b.state && a.model === b.model && a.product === b.product && a.device === b.device && a.transportId === b.transportId;
}
