import { formatLogLine, LOG_BUFFERS, LOG_FORMATS, parseThreadtime, type LogBuffer, type LogEntry, type LogFormat } from '../logcat-buffers.js';
import type { AndroidCommand } from './command.js';

const PRIORITIES = 'VDIWEFS';
const DEFAULT_BUFFERS: LogBuffer[] = ['main', 'system', 'crash'];

interface Options {
  dump: boolean;
  clear: boolean;
  buffers: LogBuffer[];
  tail: number | null;
  maxCount: number | null;
  regex: RegExp | null;
  filters: { tag: string; priority: number }[];
  format: LogFormat;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string };

/**
 * logcat (system/logging/logcat/logcat.cpp, Android 8–15): `-d` dumps and exits, without it the
 * tool keeps printing new lines until the stream closes; `-c` clears; `-b` picks buffers (default
 * main,system,crash); filterspecs `TAG:P` and `*:S`, `-s` silences the rest; `-t N` keeps the last
 * N lines; `-e` filters by regex; `-v` threadtime (default), brief, time, tag, process, thread, raw.
 * `--------- beginning of BUF` precedes the first line from each buffer.
 */
export const logcat: AndroidCommand = async (io, device) => {
  const parsed = parseOptions(io.args);
  if (!parsed.ok) {
    await io.err(`${parsed.message}\nUsage: logcat [options] [filterspecs]\n`);
    return 1;
  }
  const options = parsed.options;
  if (options.clear) {
    device.logcat.clear(options.buffers);
    return 0;
  }
  const seen = new Set<LogBuffer>();
  let printed = 0;
  const render = (entry: LogEntry): string | null => {
    if (!accepts(options, entry)) return null;
    const header = seen.has(entry.buffer) ? '' : `--------- beginning of ${entry.buffer}\n`;
    seen.add(entry.buffer);
    return `${header}${formatLogLine(entry.line, options.format)}\n`;
  };

  // Subscribe before reading the backlog so no line logged in between is lost.
  const live: LogEntry[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = options.dump
    ? () => {}
    : device.logcat.subscribe((entry) => {
        if (!options.buffers.includes(entry.buffer)) return;
        live.push(entry);
        wake?.();
      });
  try {
    const backlog: LogEntry[] = options.buffers.flatMap((buffer) => device.logcat.lines(buffer).map((line) => ({ buffer, line })));
    // Timestamps lead each threadtime line, so a stable sort on them merges buffers in time order.
    backlog.sort((a, b) => (a.line.slice(0, 18) < b.line.slice(0, 18) ? -1 : a.line.slice(0, 18) > b.line.slice(0, 18) ? 1 : 0));
    let selected = backlog.filter((entry) => accepts(options, entry));
    if (options.tail !== null) selected = selected.slice(-options.tail);
    const chunks: string[] = [];
    for (const entry of selected) {
      if (options.maxCount !== null && printed >= options.maxCount) break;
      const text = render(entry);
      if (text) {
        chunks.push(text);
        printed++;
      }
    }
    await io.out(chunks.join(''));
    if (options.dump || (options.maxCount !== null && printed >= options.maxCount)) return 0;

    while (!io.signal.aborted) {
      const entry = live.shift();
      if (!entry) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          io.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = null;
        continue;
      }
      const text = render(entry);
      if (!text) continue;
      await io.out(text);
      if (options.maxCount !== null && ++printed >= options.maxCount) return 0;
    }
    return 130;
  } finally {
    unsubscribe();
  }
};

function accepts(options: Options, entry: LogEntry): boolean {
  const parsed = parseThreadtime(entry.line);
  if (options.regex && !options.regex.test(entry.line)) return false;
  if (!parsed) return true;
  const priority = PRIORITIES.indexOf(parsed.priority);
  const rule = options.filters.find((f) => f.tag === parsed.tag) ?? options.filters.find((f) => f.tag === '*');
  return priority >= (rule?.priority ?? 0);
}

function parseOptions(args: string[]): Parsed {
  const options: Options = { dump: false, clear: false, buffers: [], tail: null, maxCount: null, regex: null, filters: [], format: 'threadtime' };
  let silent = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string | undefined => (arg.length > 2 && !arg.startsWith('--') ? arg.slice(2) : args[++i]);
    if (arg === '-d') options.dump = true;
    else if (arg === '-c') options.clear = true;
    else if (arg === '-s') silent = true;
    else if (arg.startsWith('-b')) {
      const names = value();
      if (!names) return { ok: false, message: 'logcat: option requires an argument -- b' };
      for (const name of names.split(',')) {
        if (name === 'all') options.buffers.push(...LOG_BUFFERS);
        else if (name === 'default') options.buffers.push(...DEFAULT_BUFFERS);
        else if ((LOG_BUFFERS as readonly string[]).includes(name)) options.buffers.push(name as LogBuffer);
        else if (['radio', 'stats', 'security', 'kernel'].includes(name)) continue;
        else return { ok: false, message: `logcat: Unknown buffer '${name}'.` };
      }
    } else if (arg.startsWith('-v') || arg === '--format') {
      const format = value();
      if (format === undefined) return { ok: false, message: 'logcat: option requires an argument -- v' };
      // Modifiers such as `color`, `year`, `uid` are accepted and ignored; the last real format wins.
      for (const part of format.split(',')) if ((LOG_FORMATS as readonly string[]).includes(part)) options.format = part as LogFormat;
    }
    else if (arg.startsWith('-t') || arg.startsWith('-T')) {
      const count = value();
      if (count === undefined) return { ok: false, message: `logcat: option requires an argument -- ${arg[1]}` };
      if (/^\d+$/.test(count)) options.tail = Number(count);
      if (arg.startsWith('-t')) options.dump = true;
    } else if (arg.startsWith('-m')) {
      const count = value();
      if (!count || !/^\d+$/.test(count)) return { ok: false, message: `logcat: -m "${count ?? ''}" isn't an integer greater than zero` };
      options.maxCount = Number(count);
    } else if (arg.startsWith('-e') || arg === '--regex') {
      const pattern = value();
      try {
        options.regex = new RegExp(pattern ?? '');
      } catch {
        return { ok: false, message: `logcat: Invalid regex: ${pattern}` };
      }
    } else if (arg === '--pid' || arg === '-f' || arg === '-r' || arg === '-n' || arg === '-G') i++;
    else if (arg.startsWith('-')) return { ok: false, message: `logcat: invalid option -- '${arg.slice(1, 2)}'` };
    else {
      const [tag, level = 'V'] = arg.split(':') as [string, string | undefined];
      const priority = PRIORITIES.indexOf(level.toUpperCase().slice(0, 1));
      if (!tag || priority < 0) return { ok: false, message: `logcat: Invalid filter expression '${arg}'` };
      options.filters.push({ tag, priority });
    }
  }
  if (options.buffers.length === 0) options.buffers = [...DEFAULT_BUFFERS];
  options.buffers = [...new Set(options.buffers)];
  if (silent && !options.filters.some((f) => f.tag === '*')) options.filters.push({ tag: '*', priority: PRIORITIES.indexOf('S') });
  return { ok: true, options };
}
