import { createRedactor, type Redactor } from '../report/redact.js';

/**
 * A scoped logger whose every line passes through the one redactor reports, captures and CLI progress use, so
 * serials and hardware ids, push tokens, account ids, e-mail addresses, phone numbers and IMEI-like numbers
 * never reach a log, whatever an error message carried.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  level: LogLevel;
  scope: string;
  message: string;
  time: string;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  child(scope: string): Logger;
}

export const consoleSink: LogSink = (r) => {
  const line = `${r.time} ${r.level.toUpperCase()} [${r.scope}] ${r.message}`;
  if (r.level === 'error' || r.level === 'warn') console.error(line);
  else console.log(line);
};

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` — ${detail.name}: ${detail.message}${detail.stack ? `\n${detail.stack.split('\n').slice(1).join('\n')}` : ''}`;
  try {
    return ` — ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
  } catch {
    return ` — ${String(detail)}`;
  }
}

/** One redactor for the process's logs, so an id learnt from one line (a serial in getprop) is hidden in every later one. */
const processRedactor = createRedactor();

export function createLogger(
  scope: string, sink: LogSink = consoleSink, now: () => Date = () => new Date(), redactor: Redactor = processRedactor,
): Logger {
  const write = (level: LogLevel) => (message: string, detail?: unknown) =>
    sink({ level, scope, message: redactor.text(`${message}${describe(detail)}`), time: now().toISOString() });
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (sub) => createLogger(`${scope}:${sub}`, sink, now, redactor),
  };
}
