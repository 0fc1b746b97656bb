export type LogBuffer = 'main' | 'system' | 'events' | 'crash';
export const LOG_BUFFERS: readonly LogBuffer[] = ['main', 'system', 'events', 'crash'];

export interface LogEntry {
  buffer: LogBuffer;
  line: string;
}

type Listener = (entry: LogEntry) => void;

/** The phone's log buffers: lines in threadtime format, oldest first, shared with PhoneState. */
export class LogcatBuffers {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly buffers: Record<LogBuffer, string[]>) {}

  lines(buffer: LogBuffer): readonly string[] {
    return this.buffers[buffer];
  }

  append(buffer: LogBuffer, line: string): void {
    this.buffers[buffer].push(line);
    for (const listener of this.listeners) listener({ buffer, line });
  }

  clear(buffers: readonly LogBuffer[]): void {
    for (const buffer of buffers) this.buffers[buffer].length = 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * One line as `logcat -v threadtime` prints it (system/logging/liblog/logprint.cpp:
 * "%s %5d %5d %c %-8s: "), with the phone's clock shown in UTC.
 */
export function threadtimeLine(timeMs: number, pid: number, tid: number, priority: string, tag: string, message: string): string {
  const date = new Date(timeMs);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const stamp = `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
  return `${stamp} ${String(pid).padStart(5)} ${String(tid).padStart(5)} ${priority} ${tag.padEnd(8)}: ${message}`;
}

export interface ParsedLogLine {
  stamp: string;
  pid: number;
  tid: number;
  priority: string;
  tag: string;
  message: string;
}

const THREADTIME = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\s+(\d+)\s+(\d+) ([VDIWEFS]) (.*?)\s*: (.*)$/;

export function parseThreadtime(line: string): ParsedLogLine | null {
  const match = THREADTIME.exec(line);
  if (!match) return null;
  return { stamp: match[1]!, pid: Number(match[2]), tid: Number(match[3]), priority: match[4]!, tag: match[5]!, message: match[6]! };
}

export const LOG_FORMATS = ['threadtime', 'brief', 'time', 'tag', 'process', 'raw', 'thread'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Re-renders a threadtime line in another `logcat -v` format (logprint.cpp android_log_formatLogLine). */
export function formatLogLine(line: string, format: LogFormat): string {
  const parsed = format === 'threadtime' ? null : parseThreadtime(line);
  if (!parsed) return line;
  const { stamp, pid, tid, priority, tag, message } = parsed;
  switch (format) {
    case 'brief':
      return `${priority}/${tag.padEnd(8)}(${String(pid).padStart(5)}): ${message}`;
    case 'time':
      return `${stamp} ${priority}/${tag.padEnd(8)}(${String(pid).padStart(5)}): ${message}`;
    case 'tag':
      return `${priority}/${tag.padEnd(8)}: ${message}`;
    case 'process':
      return `${priority}(${String(pid).padStart(5)}) ${message}  (${tag})`;
    case 'thread':
      return `${priority}(${String(pid).padStart(5)}:${String(tid).padStart(5)}) ${message}`;
    case 'raw':
      return message;
  }
  return line;
}
