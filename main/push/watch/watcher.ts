import type { DevicePort, DeviceRef } from '../../adb/device-port.js';
import { parseWatchLine, WATCH_LOGCAT, type WatchEvent } from './event-lines.js';
import { parsePostedRecords, type PostedNotificationRecord } from './posted-records.js';

/**
 * Watches one phone for one test push: streams the notification event log (event-lines.ts) from just before
 * the push is sent, and when the app's package posts, confirms in `dumpsys notification --noredact` that it is
 * our notification (title and text) and reads its channel, importance and DND interception. No polling: the
 * stream says when to look; the dump is read only after a post by that package.
 */
export interface WatchTarget {
  /** The package that posts: the app, or com.android.shell for `cmd notification post`. */
  pkg: string;
  title: string;
  text: string;
}

export interface WatchOptions {
  /** How long to wait for the post once the watch is ready. */
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
  /**
   * A phone whose event log is empty prints nothing for `-T 1`: after the stream opened, it counts as
   * ready after this long. Default 250 ms.
   */
  quietReadyMs?: number;
}

export type WatchOutcome =
  | { state: 'posted'; detectedAt: number; confirmedAt: number; phoneStamp: string; record: PostedNotificationRecord; zenMode: string | null; evidence: string[] }
  | { state: 'dropped'; detectedAt: number; phoneStamp: string; reason: 'channel-missing' | 'app-stopped'; evidence: string[] }
  | { state: 'timeout'; evidence: string[] }
  | { state: 'error'; message: string; evidence: string[] };

export interface PushWatch {
  /** Resolves when the stream is live: send the push after this. Rejects when the stream cannot open. */
  ready: Promise<void>;
  outcome: Promise<WatchOutcome>;
  /** Ends the watch (the outcome then settles as a timeout if nothing came). */
  stop(): void;
}

const SHELL_TIMEOUT_MS = 10_000;

function isOurs(r: PostedNotificationRecord, t: WatchTarget): boolean {
  return r.pkg === t.pkg && r.title === t.title && r.text === t.text;
}

export function watchForPush(port: DevicePort, ref: DeviceRef, target: WatchTarget, options: WatchOptions): PushWatch {
  const now = options.now ?? Date.now;
  const stopper = new AbortController();
  const onOuterAbort = () => stopper.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const evidence: string[] = [];
  let finished = false;
  let isReady = false;
  let timer: NodeJS.Timeout | null = null;
  let quiet: NodeJS.Timeout | null = null;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  let resolveOutcome!: (o: WatchOutcome) => void;
  const ready = new Promise<void>((ok, fail) => { resolveReady = ok; rejectReady = fail; });
  const outcome = new Promise<WatchOutcome>((ok) => { resolveOutcome = ok; });
  // A rejected ready that nobody awaits must not crash the process; the outcome says what happened.
  ready.catch(() => undefined);

  const finish = (o: WatchOutcome) => {
    if (finished) return;
    finished = true;
    if (!isReady) {
      isReady = true;
      rejectReady(new Error(o.state === 'error' ? o.message : 'the watch ended before the stream was live'));
    }
    if (timer) clearTimeout(timer);
    if (quiet) clearTimeout(quiet);
    options.signal?.removeEventListener('abort', onOuterAbort);
    stopper.abort();
    resolveOutcome(o);
  };
  const markReady = () => {
    if (isReady) return;
    isReady = true;
    if (quiet) clearTimeout(quiet);
    timer = setTimeout(() => finish({ state: 'timeout', evidence }), options.timeoutMs);
    resolveReady();
  };

  // One dump at a time; a post that arrives during a dump asks for one more.
  let checking = false;
  let again: { detectedAt: number; stamp: string } | null = null;
  const confirm = async (detectedAt: number, stamp: string): Promise<void> => {
    if (checking) {
      again = { detectedAt, stamp };
      return;
    }
    checking = true;
    try {
      const dump = await port.shell(ref, 'dumpsys notification --noredact', { timeoutMs: SHELL_TIMEOUT_MS, signal: stopper.signal });
      const snapshot = parsePostedRecords(dump.output);
      const record = snapshot.records.find((r) => isOurs(r, target));
      if (record) {
        evidence.push(record.line);
        finish({ state: 'posted', detectedAt, confirmedAt: now(), phoneStamp: stamp, record, zenMode: snapshot.zenMode, evidence });
      }
    } catch (error) {
      if (!finished) evidence.push(`dumpsys notification failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      checking = false;
    }
    const next = again as { detectedAt: number; stamp: string } | null;
    again = null;
    if (next && !finished) await confirm(next.detectedAt, next.stamp);
  };

  const onEvent = (event: WatchEvent, at: number) => {
    if (event.pkg !== target.pkg) return;
    if (event.kind === 'enqueue') {
      evidence.push(event.line);
      void confirm(at, event.stamp);
    } else if (event.kind === 'no-channel' || event.kind === 'fcm-stopped') {
      evidence.push(event.line);
      finish({ state: 'dropped', detectedAt: at, phoneStamp: event.stamp, reason: event.kind === 'no-channel' ? 'channel-missing' : 'app-stopped', evidence });
    }
  };

  void port.shellStream(ref, WATCH_LOGCAT, {
    signal: stopper.signal,
    onOpen: () => {
      quiet = setTimeout(markReady, options.quietReadyMs ?? 250);
    },
    onLine: (line) => {
      const at = now();
      if (finished || line.startsWith('--------- ')) return;
      // The one line `-T 1` replays is from before the push: it only tells us the stream is live.
      if (!isReady) {
        markReady();
        return;
      }
      const event = parseWatchLine(line);
      if (event) onEvent(event, at);
    },
  }).then(
    (result) => {
      if (!result.cancelled) finish({ state: 'error', message: `logcat ended (exit ${result.exitCode ?? 'unknown'}) before the push was seen`, evidence });
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      finish({ state: 'error', message, evidence });
    },
  );

  return {
    ready,
    outcome,
    stop: () => finish({ state: 'timeout', evidence }),
  };
}
