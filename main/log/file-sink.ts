import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { LogRecord, LogSink } from './logger.js';

/**
 * Appends each record as one line to a file the user can send us, and passes it on to `next` (the
 * console, for development). Synchronous on purpose: the crash handler logs and then exits, and an
 * asynchronous write would be lost with the process. The file is the user's only (0600); a file
 * that cannot be written leaves the console as the log rather than failing the caller.
 */
export function fileSink(file: string, next?: LogSink): LogSink {
  let usable = true;
  return (record: LogRecord) => {
    if (usable) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        appendFileSync(file, `${record.time} ${record.level.toUpperCase()} [${record.scope}] ${record.message}\n`, { encoding: 'utf8', mode: 0o600 });
      } catch {
        usable = false;
      }
    }
    next?.(record);
  };
}
