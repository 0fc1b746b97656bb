import type { SimFileStat } from '../phone.js';
import type { CommandIo, CommandRunner } from './interpreter.js';
import { bufferStream, readLines } from './lines.js';

/**
 * mksh builtins and the toybox tools clients pipe through (echo, cat, grep, head, tail, wc, sleep,
 * id, whoami). They cost nothing on a phone, so they carry no latency.
 */
export function createToybox(
  readFile: (path: string) => Buffer | null,
  statFile: (path: string) => SimFileStat | null = () => null,
): Record<string, CommandRunner> {
  const inputs = async function* (io: CommandIo, files: string[], tool: string): AsyncGenerator<AsyncIterable<Buffer>, number> {
    let status = 0;
    if (files.length === 0) {
      yield io.stdin;
      return status;
    }
    for (const file of files) {
      if (file === '-') {
        yield io.stdin;
        continue;
      }
      const data = readFile(file);
      if (!data) {
        await io.err(`${tool}: ${file}: No such file or directory\n`);
        status = 1;
        continue;
      }
      yield bufferStream(data);
    }
    return status;
  };

  const drain = async (gen: AsyncGenerator<AsyncIterable<Buffer>, number>, each: (input: AsyncIterable<Buffer>) => Promise<boolean>): Promise<number> => {
    for (;;) {
      const next = await gen.next();
      if (next.done) return next.value;
      if (!(await each(next.value))) return 0;
    }
  };

  return {
    true: async () => 0,
    ':': async () => 0,
    false: async () => 1,
    cd: async () => 0,

    echo: async (io) => {
      let args = io.args;
      let newline = true;
      let escapes = true;
      while (args[0] && /^-[neE]+$/.test(args[0])) {
        for (const flag of args[0].slice(1)) {
          if (flag === 'n') newline = false;
          if (flag === 'e') escapes = true;
          if (flag === 'E') escapes = false;
        }
        args = args.slice(1);
      }
      let text = args.join(' ');
      let stop = false;
      if (escapes) ({ text, stop } = interpretEscapes(text));
      await io.out(text + (newline && !stop ? '\n' : ''));
      return 0;
    },

    printf: async (io) => {
      const [format, ...values] = io.args;
      if (format === undefined) return usage(io, 'printf', 'Need 1 argument');
      await io.out(printf(format, values));
      return 0;
    },

    cat: async (io) => {
      const files = io.args.filter((a) => a !== '-u');
      return drain(inputs(io, files, 'cat'), async (input) => {
        for await (const chunk of input) {
          if (io.signal.aborted) return false;
          await io.out(chunk);
        }
        return true;
      });
    },

    grep: async (io) => grep(io, inputs),

    head: async (io) => {
      const parsed = lineCount(io.args, 10);
      if (typeof parsed === 'string') return usage(io, 'head', parsed);
      let remaining = parsed.count;
      if (remaining <= 0) return 0;
      return drain(inputs(io, parsed.files, 'head'), async (input) => {
        for await (const { line, terminated } of readLines(input, io.signal)) {
          await io.out(line + (terminated ? '\n' : ''));
          if (--remaining <= 0) return false;
        }
        return true;
      });
    },

    tail: async (io) => {
      const parsed = lineCount(io.args, 10);
      if (typeof parsed === 'string') return usage(io, 'tail', parsed);
      const lines: string[] = [];
      const status = await drain(inputs(io, parsed.files, 'tail'), async (input) => {
        for await (const { line, terminated } of readLines(input, io.signal)) lines.push(line + (terminated ? '\n' : ''));
        return true;
      });
      const picked = parsed.fromStart ? lines.slice(Math.max(parsed.count - 1, 0)) : parsed.count === 0 ? [] : lines.slice(-parsed.count);
      await io.out(picked.join(''));
      return status;
    },

    wc: async (io) => {
      const flags = io.args.filter((a) => a.startsWith('-') && a !== '-').join('').replace(/-/g, '');
      const files = io.args.filter((a) => !a.startsWith('-') || a === '-');
      let lines = 0;
      let words = 0;
      let bytes = 0;
      const status = await drain(inputs(io, files, 'wc'), async (input) => {
        for await (const chunk of input) {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 0x0a) lines++;
          words += chunk.toString('utf8').split(/\s+/).filter(Boolean).length;
        }
        return true;
      });
      const columns: number[] = [];
      if (flags === '' || flags.includes('l')) columns.push(lines);
      if (flags === '' || flags.includes('w')) columns.push(words);
      if (flags === '' || flags.includes('c')) columns.push(bytes);
      await io.out((columns.length === 1 ? String(columns[0]) : columns.map((c) => String(c).padStart(7)).join(' ')) + '\n');
      return status;
    },

    // toybox stat -c FORMAT: the few escapes scripts use (%s size, %n name, %Y mtime, %a octal mode); a
    // missing file is reported per file and makes the exit status 1, as toybox's perror_msg does.
    stat: async (io) => {
      const c = io.args.indexOf('-c');
      const format = c >= 0 ? io.args[c + 1] : undefined;
      const files = io.args.filter((_, i) => c < 0 || (i !== c && i !== c + 1));
      if (format === undefined || files.length === 0) return usage(io, 'stat', 'Need 1 argument');
      let status = 0;
      for (const file of files) {
        const st = statFile(file);
        if (!st) {
          await io.err(`stat: '${file}': No such file or directory\n`);
          status = 1;
          continue;
        }
        await io.out(format.replace(/%([snYa%])/g, (_, k: string) => (k === 's' ? String(st.size) : k === 'n' ? file : k === 'Y' ? String(st.mtime)
          : k === 'a' ? (st.mode & 0o7777).toString(8) : '%')) + '\n');
      }
      return status;
    },

    sleep: async (io) => {
      const seconds = Number(io.args[0]);
      if (io.args.length === 0 || Number.isNaN(seconds)) return usage(io, 'sleep', io.args.length === 0 ? 'Need 1 argument' : `bad number '${io.args[0]}'`);
      await abortableDelay(seconds * 1000, io.signal);
      return 0;
    },

    id: async (io) => {
      await io.out(
        'uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),1015(sdcard_rw),1028(sdcard_r),1078(ext_data_rw),1079(ext_obb_rw),3001(net_bt_admin),3002(net_bt),3003(inet),3006(net_bw_stats),3009(readproc),3011(uhid),3012(readtracefs) context=u:r:shell:s0\n',
      );
      return 0;
    },

    whoami: async (io) => {
      await io.out('shell\n');
      return 0;
    },
  };
}

/** mksh echo interprets backslash escapes unless -E; `\c` stops output (and the newline). */
function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };
    if (next in simple) out += simple[next];
    else if (next === 'c') return { text: out, stop: true };
    else if (next === '0') {
      const octal = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(octal ? parseInt(octal, 8) : 0);
      i += octal.length;
    } else out += '\\' + next;
  }
  return { text: out, stop: false };
}

/** The printf subset scripts use: %s %d %i %x %c %%, backslash escapes, format reused for extra arguments. */
function printf(format: string, values: string[]): string {
  let out = '';
  let index = 0;
  do {
    let used = 0;
    out += format.replace(/%([-0-9.]*)([sdixc%])/g, (_, width: string, conversion: string) => {
      if (conversion === '%') return '%';
      const value = values[index + used++] ?? '';
      let text = value;
      if (conversion === 'd' || conversion === 'i') text = String(Number.parseInt(value, 10) || 0);
      if (conversion === 'x') text = (Number.parseInt(value, 10) || 0).toString(16);
      if (conversion === 'c') text = value.slice(0, 1);
      const pad = Number.parseInt(width, 10);
      if (!Number.isNaN(pad)) text = pad < 0 || width.startsWith('-') ? text.padEnd(Math.abs(pad)) : text.padStart(pad);
      return text;
    });
    index += used;
    if (used === 0) break;
  } while (index < values.length);
  return interpretEscapes(out).text;
}

function lineCount(args: string[], fallback: number): { count: number; fromStart: boolean; files: string[] } | string {
  let count = fallback;
  let fromStart = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let value: string | undefined;
    if (arg === '-n') value = args[++i];
    else if (arg.startsWith('-n')) value = arg.slice(2);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else if (arg.startsWith('-') && arg !== '-') return `Unknown option '${arg.slice(1, 2)}'`;
    else {
      files.push(arg);
      continue;
    }
    if (value === undefined) return 'Missing argument to -n';
    if (value.startsWith('+')) {
      fromStart = true;
      value = value.slice(1);
    }
    if (!/^\d+$/.test(value)) return `Not integer: ${value}`;
    count = Number(value);
  }
  return { count, fromStart, files };
}

async function usage(io: CommandIo, tool: string, message: string): Promise<number> {
  await io.err(`${tool}: ${message}\n`);
  return 1;
}

export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

type Inputs = (io: CommandIo, files: string[], tool: string) => AsyncGenerator<AsyncIterable<Buffer>, number>;

/** toybox grep: -E -F -i -v -c -q -n -w -o -s -x -A/-B/-C N -e PATTERN; exit 0 matched, 1 none, 2 error. */
async function grep(io: CommandIo, inputs: Inputs): Promise<number> {
  const patterns: string[] = [];
  const files: string[] = [];
  const flags = new Set<string>();
  let before = 0;
  let after = 0;
  const args = io.args;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!endOfOptions && arg === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const flag = arg[j]!;
        if (flag === 'A' || flag === 'B' || flag === 'C') {
          const rest = arg.slice(j + 1);
          const value = rest.length > 0 ? rest : args[++i];
          if (value === undefined || !/^\d+$/.test(value)) {
            await io.err(`grep: -${flag} needs a number\n`);
            return 2;
          }
          if (flag !== 'B') after = Number(value);
          if (flag !== 'A') before = Number(value);
          break;
        }
        if (flag === 'e') {
          const rest = arg.slice(j + 1);
          const value = rest.length > 0 ? rest : args[++i];
          if (value === undefined) {
            await io.err("grep: Missing argument to -e\n");
            return 2;
          }
          patterns.push(value);
          break;
        }
        if (!'EFivcqnwosHhlx'.includes(flag)) {
          await io.err(`grep: Unknown option '${flag}' (see "grep --help")\n`);
          return 2;
        }
        flags.add(flag);
      }
      continue;
    }
    if (patterns.length === 0) patterns.push(arg);
    else files.push(arg);
  }
  if (patterns.length === 0) {
    await io.err('grep: Need 1 argument (see "grep --help")\n');
    return 2;
  }
  let matchers: RegExp[];
  try {
    matchers = patterns.flatMap((p) => p.split('\n')).map((p) => toRegExp(p, flags));
  } catch {
    await io.err(`grep: bad regex '${patterns[0]}'\n`);
    return 2;
  }
  const showNames = files.length > 1 && !flags.has('h');
  let matched = 0;
  let count = 0;
  const invert = flags.has('v');
  let lineNumber = 0;
  const gen = inputs(io, files, 'grep');
  let fileIndex = 0;
  let status = 0;
  for (;;) {
    const next = await gen.next();
    if (next.done) {
      if (next.value !== 0) status = 2;
      break;
    }
    const name = files[fileIndex++] ?? '(standard input)';
    lineNumber = 0;
    count = 0;
    const context: string[] = [];
    let afterLeft = 0;
    let lastPrinted = 0;
    const contextOn = (before > 0 || after > 0) && !flags.has('c') && !flags.has('l') && !flags.has('o');
    for await (const { line } of readLines(next.value, io.signal)) {
      lineNumber++;
      const hit = matchers.some((m) => m.test(line)) !== invert;
      const prefix = (sep: string): string => (showNames ? `${name}${sep}` : '') + (flags.has('n') ? `${lineNumber}${sep}` : '');
      if (!hit) {
        if (contextOn && afterLeft > 0) {
          afterLeft--;
          lastPrinted = lineNumber;
          await io.out(`${prefix('-')}${line}\n`);
        } else if (contextOn && before > 0) {
          context.push(line);
          if (context.length > before) context.shift();
        }
        continue;
      }
      matched++;
      count++;
      if (flags.has('q')) return 0;
      if (flags.has('c') || flags.has('l')) continue;
      if (contextOn) {
        const first = lineNumber - context.length;
        if (lastPrinted > 0 && first > lastPrinted + 1) await io.out('--\n');
        for (const [k, held] of context.entries()) {
          const n = first + k;
          await io.out((showNames ? `${name}-` : '') + (flags.has('n') ? `${n}-` : '') + held + '\n');
        }
        context.length = 0;
        afterLeft = after;
        lastPrinted = lineNumber;
      }
      if (flags.has('o') && !invert) {
        for (const m of matchers) for (const found of line.matchAll(new RegExp(m.source, m.flags + 'g'))) if (found[0]) await io.out(`${prefix(':')}${found[0]}\n`);
      } else await io.out(`${prefix(':')}${line}\n`);
    }
    if (flags.has('c')) await io.out(`${showNames ? `${name}:` : ''}${count}\n`);
    if (flags.has('l') && count > 0) await io.out(`${name}\n`);
  }
  if (status === 2 && flags.has('s')) status = matched > 0 ? 0 : 1;
  return status === 2 ? 2 : matched > 0 ? 0 : 1;
}

function toRegExp(pattern: string, flags: Set<string>): RegExp {
  let source: string;
  if (flags.has('F')) source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (flags.has('E')) source = pattern;
  else source = basicToExtended(pattern);
  if (flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (flags.has('x')) source = `^(?:${source})$`;
  return new RegExp(source, flags.has('i') ? 'i' : '');
}

/** POSIX basic regex: `\( \) \{ \} \| \+ \?` are operators and their bare forms are literals. */
function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      out += '(){}|+?'.includes(next) ? next : '\\' + next;
    } else if ('(){}|+?'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out;
}
