import type { AndOr, Command, List, Pipeline, Redirect, Word } from './ast.js';
import { parse } from './parse.js';
import { bufferStream } from './lines.js';
import { EMPTY_INPUT, Pipe } from './pipe.js';

export type Sink = (chunk: Buffer) => Promise<void>;

/** What one command sees: its arguments and three streams, like a process. */
export interface CommandIo {
  name: string;
  args: string[];
  stdin: AsyncIterable<Buffer>;
  out(chunk: string | Buffer): Promise<void>;
  err(chunk: string | Buffer): Promise<void>;
  signal: AbortSignal;
  /** The shell's variables, for commands that read the environment. */
  env: ReadonlyMap<string, string>;
}

export type CommandRunner = (io: CommandIo) => Promise<number>;

export interface CommandEntry {
  run: CommandRunner;
  /** Android binaries (dumpsys, pm, cmd …) pay the phone's start-up latency; shell builtins and toybox do not. */
  android: boolean;
}

export interface ShellHost {
  lookup(name: string): CommandEntry | null;
  /** Called before every Android command; resolves after the phone's start-up cost. */
  beforeAndroidCommand(signal: AbortSignal): Promise<void>;
  readFile(path: string): Buffer | null;
  /** Returns an error text (`Permission denied`, `No such file or directory`) or null when written. */
  writeFile(path: string, data: Buffer, append: boolean): string | null;
}

export const SHELL_NAME = '/system/bin/sh';
const OUT_CHUNK = 64 * 1024;

class ShellExit {
  constructor(readonly code: number) {}
}

interface Frame {
  stdin: AsyncIterable<Buffer>;
  stdout: Sink;
  stderr: Sink;
  signal: AbortSignal;
}

interface Env {
  vars: Map<string, string>;
  status: number;
}

const DEFAULT_VARS: [string, string][] = [
  ['PATH', '/product/bin:/apex/com.android.runtime/bin:/apex/com.android.art/bin:/system_ext/bin:/system/bin:/system/xbin:/odm/bin:/vendor/bin:/vendor/xbin'],
  ['HOME', '/'],
  ['SHELL', '/bin/sh'],
  ['USER', 'shell'],
  ['HOSTNAME', 'localhost'],
  ['TMPDIR', '/data/local/tmp'],
  ['ANDROID_DATA', '/data'],
  ['ANDROID_ROOT', '/system'],
  ['EXTERNAL_STORAGE', '/sdcard'],
  ['IFS', ' \t\n'],
];

/**
 * Runs one command line the way Android's mksh would for the subset adb clients use.
 * Each call gets a fresh shell (like `adb shell CMD` spawning `sh -c CMD`).
 */
export async function runShell(host: ShellHost, line: string, frame: Frame, pid: number): Promise<number> {
  const parsed = parse(line);
  if (!parsed.ok) {
    await frame.stderr(Buffer.from(`${SHELL_NAME}: ${parsed.message}\n`));
    return 1;
  }
  const env: Env = { vars: new Map(DEFAULT_VARS), status: 0 };
  env.vars.set('$', String(pid));
  const shell = new Interpreter(host);
  try {
    return await shell.runList(parsed.list, env, frame);
  } catch (error) {
    if (error instanceof ShellExit) return error.code;
    throw error;
  }
}

class Interpreter {
  constructor(private readonly host: ShellHost) {}

  async runList(list: List, env: Env, frame: Frame): Promise<number> {
    for (const andOr of list) {
      if (frame.signal.aborted) return (env.status = 130);
      env.status = await this.runAndOr(andOr, env, frame);
    }
    return env.status;
  }

  private async runAndOr(andOr: AndOr, env: Env, frame: Frame): Promise<number> {
    let status = await this.runPipeline(andOr.first, env, frame);
    env.status = status;
    for (const { op, pipeline } of andOr.rest) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      if (frame.signal.aborted) return 130;
      status = await this.runPipeline(pipeline, env, frame);
      env.status = status;
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, env: Env, frame: Frame): Promise<number> {
    let status: number;
    if (pipeline.commands.length === 1) {
      status = await this.runCommand(pipeline.commands[0]!, env, frame);
    } else {
      status = await this.runStages(pipeline.commands, env, frame);
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** Stages run concurrently, each in a subshell; a stage whose reader went away gets SIGPIPE. */
  private async runStages(commands: Command[], env: Env, frame: Frame): Promise<number> {
    const controllers = commands.map(() => new AbortController());
    const onAbort = (): void => controllers.forEach((c) => c.abort());
    frame.signal.addEventListener('abort', onAbort, { once: true });
    if (frame.signal.aborted) onAbort();
    const pipes = commands.slice(1).map((_, i) => new Pipe(() => controllers[i]!.abort()));
    try {
      const results = await Promise.all(
        commands.map(async (command, i) => {
          const stageFrame: Frame = {
            stdin: i === 0 ? frame.stdin : pipes[i - 1]!,
            stdout: i === commands.length - 1 ? frame.stdout : (chunk) => pipes[i]!.write(chunk),
            stderr: frame.stderr,
            signal: controllers[i]!.signal,
          };
          const stageEnv: Env = { vars: new Map(env.vars), status: env.status };
          let code: number;
          try {
            code = await this.runCommand(command, stageEnv, stageFrame);
          } catch (error) {
            if (!(error instanceof ShellExit)) throw error;
            code = error.code;
          } finally {
            if (i < commands.length - 1) pipes[i]!.endWrite();
            if (i > 0) pipes[i - 1]!.closeRead();
          }
          return i < commands.length - 1 && pipes[i]!.readerClosed && code !== 0 ? 141 : code;
        }),
      );
      return results[results.length - 1]!;
    } finally {
      frame.signal.removeEventListener('abort', onAbort);
    }
  }

  private async runCommand(command: Command, env: Env, frame: Frame): Promise<number> {
    const redirected = await this.applyRedirects(command.redirects, env, frame);
    if (typeof redirected === 'number') return redirected;
    const { frame: io, finish } = redirected;
    try {
      if (command.type === 'subshell') {
        const subEnv: Env = { vars: new Map(env.vars), status: env.status };
        try {
          return await this.runList(command.body, subEnv, io);
        } catch (error) {
          if (error instanceof ShellExit) return error.code;
          throw error;
        }
      }
      if (command.type === 'group') return await this.runList(command.body, env, io);
      return await this.runSimple(command, env, io);
    } finally {
      finish();
    }
  }

  private async runSimple(command: Extract<Command, { type: 'simple' }>, env: Env, frame: Frame): Promise<number> {
    const argv = command.words.flatMap((word) => this.expand(word, env));
    const assigned = command.assigns.map(({ name, value }) => [name, this.expand(value, env, true).join('')] as const);
    if (argv.length === 0) {
      for (const [name, value] of assigned) env.vars.set(name, value);
      return 0;
    }
    const [name, ...args] = argv as [string, ...string[]];
    if (frame.signal.aborted) return 130;
    if (name === 'exit') {
      const code = args[0] === undefined ? env.status : Number.parseInt(args[0], 10);
      throw new ShellExit(Number.isNaN(code) ? 1 : code & 0xff);
    }
    if ((name === 'sh' || name === SHELL_NAME) && args[0] === '-c' && args[1] !== undefined) {
      return this.runNested(args[1], env, frame);
    }
    const entry = this.host.lookup(name);
    if (!entry) {
      await frame.stderr(Buffer.from(`${SHELL_NAME}: ${name}: inaccessible or not found\n`));
      return 127;
    }
    if (entry.android) {
      await this.host.beforeAndroidCommand(frame.signal);
      if (frame.signal.aborted) return 130;
    }
    const vars = new Map(env.vars);
    for (const [key, value] of assigned) vars.set(key, value);
    const io: CommandIo = {
      name,
      args,
      stdin: frame.stdin,
      out: (chunk) => writeChunked(frame.stdout, chunk),
      err: (chunk) => writeChunked(frame.stderr, chunk),
      signal: frame.signal,
      env: vars,
    };
    return entry.run(io);
  }

  /** `sh -c LINE`: a child shell that inherits the variables, as mksh would. */
  private async runNested(line: string, env: Env, frame: Frame): Promise<number> {
    const parsed = parse(line);
    if (!parsed.ok) {
      await frame.stderr(Buffer.from(`${SHELL_NAME}: ${parsed.message}\n`));
      return 1;
    }
    try {
      return await this.runList(parsed.list, { vars: new Map(env.vars), status: 0 }, frame);
    } catch (error) {
      if (error instanceof ShellExit) return error.code;
      throw error;
    }
  }

  /** Word → fields: parameters expand, unquoted expansions split on whitespace, an empty unquoted result vanishes. */
  private expand(word: Word, env: Env, noSplit = false): string[] {
    const fields: string[] = [];
    let current = '';
    let hasContent = false;
    for (const part of word.parts) {
      if (part.kind === 'text') {
        current += part.value;
        hasContent ||= part.quoted || part.value.length > 0;
        continue;
      }
      const value = this.param(part.name, env);
      if (part.quoted || noSplit) {
        current += value;
        hasContent ||= part.quoted || value.length > 0;
        continue;
      }
      const pieces = value.split(/[ \t\n]+/);
      for (const [index, piece] of pieces.entries()) {
        if (index > 0) {
          if (hasContent) fields.push(current);
          current = '';
          hasContent = false;
        }
        current += piece;
        hasContent ||= piece.length > 0;
      }
    }
    if (hasContent) fields.push(current);
    return fields;
  }

  private param(name: string, env: Env): string {
    if (name === '?') return String(env.status);
    if (name === '#') return '0';
    if (name === '0') return SHELL_NAME;
    if (name === '!') return '';
    return env.vars.get(name) ?? '';
  }

  private async applyRedirects(redirects: Redirect[], env: Env, frame: Frame): Promise<{ frame: Frame; finish: () => void } | number> {
    if (redirects.length === 0) return { frame, finish: () => {} };
    const fds: { 0: AsyncIterable<Buffer>; 1: Sink; 2: Sink } = { 0: frame.stdin, 1: frame.stdout, 2: frame.stderr };
    const files: { path: string; chunks: Buffer[]; append: boolean }[] = [];
    for (const redirect of redirects) {
      const target = this.expand(redirect.target, env, true).join('');
      if (redirect.fd > 2) continue;
      if (redirect.op === '>&' || redirect.op === '<&') {
        if (target === '-') {
          if (redirect.fd === 0) fds[0] = EMPTY_INPUT;
          else fds[redirect.fd as 1 | 2] = async () => {};
          continue;
        }
        const from = Number(target);
        if (redirect.fd !== 0 && (from === 1 || from === 2)) {
          fds[redirect.fd as 1 | 2] = fds[from as 1 | 2];
          continue;
        }
        if (redirect.fd === 0 && from === 0) continue;
        await frame.stderr(Buffer.from(`${SHELL_NAME}: ${target}: illegal file descriptor name\n`));
        return 1;
      }
      if (redirect.op === '<') {
        const data = target === '/dev/null' ? Buffer.alloc(0) : this.host.readFile(target);
        if (!data) {
          await frame.stderr(Buffer.from(`${SHELL_NAME}: can't open ${target}: No such file or directory\n`));
          return 1;
        }
        fds[0] = bufferStream(data);
        continue;
      }
      if (target === '/dev/null') {
        fds[redirect.fd as 1 | 2] = async () => {};
        continue;
      }
      const append = redirect.op === '>>';
      const problem = this.host.writeFile(target, Buffer.alloc(0), true);
      if (problem) {
        await frame.stderr(Buffer.from(`${SHELL_NAME}: can't create ${target}: ${problem}\n`));
        return 1;
      }
      const file = { path: target, chunks: [] as Buffer[], append };
      files.push(file);
      fds[redirect.fd as 1 | 2] = async (chunk) => {
        file.chunks.push(Buffer.from(chunk));
      };
    }
    return {
      frame: { stdin: fds[0], stdout: fds[1], stderr: fds[2], signal: frame.signal },
      finish: () => {
        for (const file of files) this.host.writeFile(file.path, Buffer.concat(file.chunks), file.append);
      },
    };
  }
}

async function writeChunked(sink: Sink, chunk: string | Buffer): Promise<void> {
  const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let offset = 0; offset < data.length; offset += OUT_CHUNK) {
    await sink(data.subarray(offset, offset + OUT_CHUNK));
  }
}

