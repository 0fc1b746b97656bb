/**
 * The log lines a test push leaves on the phone, read from `logcat -v threadtime` of the events, main and
 * system buffers. Tolerant: a line that is not one of these (garbage, a cut line, another format) is null.
 *
 * - `notification_enqueue` (EventLogTags.logtags 27500, Android 8+:
 *   `(uid|1|5),(pid|1|5),(pkg|3),(id|1|5),(tag|3),(userid|1|5),(notification|3),(status|1)`), written by
 *   NotificationManagerService when a notification is posted; `notification_cancel_all` (27531).
 * - `NotificationService: No Channel found for pkg=…, channelId=…` (Slog.e in enqueueNotificationInternal): dropped.
 * - Play services' `GCM: broadcast intent callback: result=CANCELLED forIntent { … pkg=… }`: an FCM message a
 *   force-stopped app could not receive (push-apis §4.7).
 */
export type WatchEvent =
  | { kind: 'enqueue'; stamp: string; uid: number | null; pkg: string; id: number | null; tag: string | null; status: number | null; line: string }
  | { kind: 'cancel-all'; stamp: string; pkg: string; line: string }
  | { kind: 'no-channel'; stamp: string; pkg: string; channelId: string; line: string }
  | { kind: 'fcm-stopped'; stamp: string; pkg: string; line: string };

const THREADTIME = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\s+\d+\s+\d+ [VDIWEFS] (.*?)\s*: (.*)$/;

function int(text: string | undefined): number | null {
  return text !== undefined && /^-?\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** `[a,b,…]` of an event-log line, split on commas; the notification's own commas stay inside it. */
function eventFields(message: string): string[] | null {
  const m = /^\[(.*)\]\s*$/.exec(message);
  return m ? (m[1] ?? '').split(',') : null;
}

export function parseWatchLine(line: string): WatchEvent | null {
  const m = THREADTIME.exec(line.trimEnd());
  if (!m) return null;
  const stamp = m[1]!;
  const tag = m[2]!;
  const message = m[3]!;
  if (tag === 'notification_enqueue') {
    const f = eventFields(message);
    if (!f || f.length < 8) return null;
    const pkg = f[2]!.trim();
    if (!pkg) return null;
    const rawTag = f[4]!.trim();
    return { kind: 'enqueue', stamp, uid: int(f[0]), pkg, id: int(f[3]), tag: rawTag === 'NULL' ? null : rawTag, status: int(f[f.length - 1]), line };
  }
  if (tag === 'notification_cancel_all') {
    const f = eventFields(message);
    const pkg = f?.[2]?.trim();
    return pkg ? { kind: 'cancel-all', stamp, pkg, line } : null;
  }
  if (tag === 'NotificationService') {
    const nc = /^No Channel found for pkg=([^,\s]+), channelId=([^,]*),/.exec(message);
    return nc ? { kind: 'no-channel', stamp, pkg: nc[1]!, channelId: nc[2]!, line } : null;
  }
  if (tag === 'GCM') {
    const g = /result=CANCELLED forIntent \{[^}]*\bpkg=([A-Za-z0-9_.]+)/.exec(message);
    return g ? { kind: 'fcm-stopped', stamp, pkg: g[1]!, line } : null;
  }
  return null;
}

/** The logcat command the watcher streams: only the tags above, from the last line on (`-T 1`), then live. */
export const WATCH_LOGCAT = 'logcat -v threadtime -b events,main,system -T 1 notification_enqueue:I notification_cancel_all:I NotificationService:E GCM:W *:S';
