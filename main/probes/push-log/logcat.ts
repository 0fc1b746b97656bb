import { guard, parsed, unparsed, type ParseResult } from '../parse-result.js';
import { toLines } from '../text.js';

/**
 * `logcat -d -v threadtime` lines: `MM-DD HH:MM:SS.mmm  PID  TID L TAG     : message` (also with a year,
 * `-v year`, or a uid column, `-v uid`), plus the older `-v brief` form `L/TAG(  PID): message` that
 * bugreports of Android 4–6 and some OEM tools save, and Android Studio's copied logcat lines. `--------- beginning of main` separators and
 * unrecognised lines are counted, not fatal.
 * Format: liblog logprint.cpp android_log_formatLogLine
 * (https://android.googlesource.com/platform/system/logging/+/refs/heads/main/liblog/logprint.cpp), Android 4–16.
 */
export interface LogLine {
  /** "MM-DD HH:MM:SS.mmm" (or with year) as printed; null for brief lines. */
  time: string | null;
  pid: number | null;
  tid: number | null;
  level: string;
  tag: string;
  message: string;
  raw: string;
}

export interface Logcat {
  lines: LogLine[];
  skippedLines: number;
}

const THREADTIME_HEAD = /^(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3,9}(?: [+-]\d{4})?\s+(?:\S+\s+)??(\d+)\s+(\d+)\s+([VDIWEFAS])\s/;
const BRIEF = /^([VDIWEFAS])\/([^(]*)\(\s*(\d+)\):\s?(.*)$/;
/** Android Studio's logcat window: `2020-02-18 11:36:41.862 3369-3369/com.app W/GCM: message`. */
const STUDIO = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) +(\d+)-(\d+)\/\S* ([VDIWEFA])\/([^:]*): ?(.*)$/;

export function parseLogLine(raw: string): LogLine | null {
  const head = THREADTIME_HEAD.exec(raw);
  if (head) {
    const afterLevel = head[0].length;
    const colon = raw.indexOf(': ', afterLevel);
    let tag: string;
    let message: string;
    if (colon < 0) {
      if (!raw.endsWith(':')) return null;
      tag = raw.slice(afterLevel, -1).trim();
      message = '';
    } else {
      tag = raw.slice(afterLevel, colon).trim();
      message = raw.slice(colon + 2);
    }
    const time = raw.slice(0, raw.indexOf('.') + 4);
    return { time, pid: Number(head[1]), tid: Number(head[2]), level: head[3] ?? '', tag, message, raw };
  }
  const studio = STUDIO.exec(raw);
  if (studio) {
    return {
      time: studio[1] ?? null, pid: Number(studio[2]), tid: Number(studio[3]), level: studio[4] ?? '',
      tag: (studio[5] ?? '').trim(), message: studio[6] ?? '', raw,
    };
  }
  const brief = BRIEF.exec(raw);
  if (brief) {
    return { time: null, pid: Number(brief[3]), tid: null, level: brief[1] ?? '', tag: (brief[2] ?? '').trim(), message: brief[4] ?? '', raw };
  }
  return null;
}

export function parseLogcat(text: string): ParseResult<Logcat> {
  return guard('logcat', () => {
    const lines: LogLine[] = [];
    let skipped = 0;
    for (const raw of toLines(text)) {
      if (raw.trim() === '' || raw.startsWith('--------- beginning of')) continue;
      const parsedLine = parseLogLine(raw);
      if (parsedLine) lines.push(parsedLine);
      else skipped++;
    }
    if (lines.length === 0 && skipped > 0) return unparsed('no logcat lines in threadtime or brief format');
    return parsed({ lines, skippedLines: skipped });
  });
}
