/**
 * The posted notifications of `dumpsys notification --noredact` (NotificationManagerService.dumpImpl →
 * NotificationRecord.dump), read for what a test push needs to know: which record is ours (title and text,
 * from the `extras={ android.title=String (…) }` block that only --noredact prints), its channel, its
 * importance, and whether Do Not Disturb intercepted it (`mIntercept=`). Never throws; a field it cannot
 * read is null.
 */
export interface PostedNotificationRecord {
  pkg: string;
  id: number | null;
  key: string | null;
  channelId: string | null;
  /** NotificationListenerService.Ranking importance (0 NONE … 5 MAX), from `mImportance=` or the header. */
  importance: number | null;
  title: string | null;
  text: string | null;
  intercepted: boolean | null;
  /** The effective channel's mLockscreenVisibility (-1 VISIBILITY_SECRET hides it on the lock screen; -1000 no override). */
  lockscreenVisibility: number | null;
  /** The record's header line, as evidence. */
  line: string;
}

export interface NotificationSnapshot {
  records: PostedNotificationRecord[];
  /** `mZenMode=` of the Zen Mode section, e.g. ZEN_MODE_OFF; null when absent. */
  zenMode: string | null;
}

const IMPORTANCE: Readonly<Record<string, number>> = { NONE: 0, MIN: 1, LOW: 2, DEFAULT: 3, HIGH: 4, MAX: 5 };
const HEADER = /^\s*NotificationRecord\(0x[0-9a-f]+: pkg=(\S+) user=\S+ id=(-?\d+) tag=(.*?) importance=(-?\d+) key=(\S+?)(?: [^:]*)?: Notification\(channel=([^\s)]+)/;

/** `String (Hello)` / `SpannableString (Hi)` → the text; redacted `String [length=5]` → null. */
function extraValue(raw: string): string | null {
  const m = /^\w+ \((.*)\)$/s.exec(raw.trim());
  return m ? m[1]! : null;
}

export function parsePostedRecords(text: string): NotificationSnapshot {
  const records: PostedNotificationRecord[] = [];
  let current: PostedNotificationRecord | null = null;
  let zenMode: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const h = HEADER.exec(line);
    if (h) {
      current = {
        pkg: h[1]!, id: Number(h[2]), key: h[5]!, channelId: h[6]!, importance: Number(h[4]),
        title: null, text: null, intercepted: null, lockscreenVisibility: null, line: line.trim(),
      };
      records.push(current);
      continue;
    }
    const trimmed = line.trim();
    // A section header at the dump's top indentation ends the record list.
    if (/^ {0,2}\S/.test(line) && current) current = null;
    if (zenMode === null) {
      const z = /^mZenMode=(\S+)/.exec(trimmed);
      if (z) zenMode = z[1]!;
    }
    if (!current) continue;
    const title = /^android\.title=(.*)$/.exec(trimmed);
    if (title) current.title = extraValue(title[1]!);
    const body = /^android\.text=(.*)$/.exec(trimmed);
    if (body) current.text = extraValue(body[1]!);
    const imp = /^mImportance=(\w+)/.exec(trimmed);
    if (imp) current.importance = IMPORTANCE[imp[1]!] ?? current.importance;
    const icpt = /^mIntercept=(true|false)/.exec(trimmed);
    if (icpt) current.intercepted = icpt[1] === 'true';
    const vis = /^effectiveNotificationChannel=NotificationChannel\{.*\bmLockscreenVisibility=(-?\d+)/.exec(trimmed);
    if (vis) current.lockscreenVisibility = Number(vis[1]);
  }
  return { records, zenMode };
}
