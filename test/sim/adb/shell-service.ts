import type { ShellIo, SimPhone } from '../android/phone.js';
import { Inbox } from './inbox.js';
import { SHELL_CLOSE_STDIN, SHELL_EXIT, SHELL_HEADER_SIZE, SHELL_STDERR, SHELL_STDIN, SHELL_STDOUT, ShellFrameDecoder, shellPacket } from './shell-protocol.js';
import type { DeviceStream } from './stream.js';

/**
 * How a command's bytes travel: `v2` frames stdout/stderr/exit (shell,v2:… and abb:); `raw` mixes
 * stdout and stderr with no exit status (legacy shell:, exec:, abb_exec:), because adbd dups the
 * child's stderr onto the stdin/stdout socket when there is no shell protocol
 * (AOSP adb/daemon/shell_service.cpp, Subprocess::ForkAndExec).
 */
export type ShellFraming = 'v2' | 'raw';

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function shellIo(stream: DeviceStream, framing: ShellFraming, stdin: AsyncIterable<Buffer>): ShellIo {
  const out = (id: number) => async (chunk: Buffer | string) => {
    const data = toBuffer(chunk);
    if (framing !== 'v2') return stream.write(data);
    // adbd never lets a shell packet straddle two WRTEs; adb's client drops a packet cut short.
    const room = stream.maxPayload - SHELL_HEADER_SIZE;
    const writes: Promise<void>[] = [];
    for (let offset = 0; offset < data.length; offset += room) writes.push(stream.write(shellPacket(id, data.subarray(offset, offset + room))));
    await Promise.all(writes);
  };
  return {
    stdout: out(SHELL_STDOUT),
    stderr: out(SHELL_STDERR),
    stdin,
    signal: stream.signal,
  };
}

/** Under shell_v2 stdin arrives framed; its close-stdin frame ends it. Window-size frames (id 5) only matter to a pty. */
function stdinOf(stream: DeviceStream, framing: ShellFraming): AsyncIterable<Buffer> {
  if (framing !== 'v2') return stream.inbox;
  const stdin = new Inbox();
  const decoder = new ShellFrameDecoder();
  void (async () => {
    for await (const chunk of stream.inbox) {
      for (const frame of decoder.push(chunk)) {
        if (frame.id === SHELL_STDIN) stdin.push(Buffer.from(frame.data));
        else if (frame.id === SHELL_CLOSE_STDIN) stdin.end();
      }
    }
    stdin.end();
  })();
  return stdin;
}

async function runCommand(phone: SimPhone, commandLine: string, io: ShellIo): Promise<number> {
  try {
    return await phone.run(commandLine, io);
  } catch (error) {
    if (io.signal.aborted) return 255;
    await io.stderr(`sim: ${error instanceof Error ? error.message : String(error)}\n`).catch(() => {});
    return 255;
  }
}

/** Runs one command line on the phone and ends the stream the way adbd does for this framing. */
export async function serveCommand(stream: DeviceStream, phone: SimPhone, commandLine: string, framing: ShellFraming): Promise<void> {
  const io = shellIo(stream, framing, stdinOf(stream, framing));
  const code = commandLine.trim() === '' ? await interactive(phone, io) : await runCommand(phone, commandLine, io);
  await finish(stream, framing, code);
}

async function finish(stream: DeviceStream, framing: ShellFraming, code: number): Promise<void> {
  if (stream.isClosed) return;
  stream.strikeOutputLimit();
  if (stream.isClosed) return;
  if (framing === 'v2') {
    try {
      await stream.write(shellPacket(SHELL_EXIT, Buffer.of(code & 0xff)));
    } catch {
      return;
    }
  }
  stream.close();
}

/**
 * `adb shell` with no command: a minimal line-at-a-time shell (no pty, no echo) that prints a prompt,
 * runs each line and stops at `exit` or when stdin closes.
 */
async function interactive(phone: SimPhone, io: ShellIo): Promise<number> {
  const prompt = `${phone.manifest.banner.device}:/ $ `;
  let last = 0;
  let pending = '';
  try {
    await io.stdout(prompt);
    for await (const chunk of io.stdin ?? []) {
      pending += chunk.toString('utf8');
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        if (/^\s*exit\s*$/.test(line)) return last;
        if (line.trim() !== '') last = await runCommand(phone, line, { ...io, stdin: emptyInput() });
        await io.stdout(prompt);
        newline = pending.indexOf('\n');
      }
    }
  } catch {
    return 255;
  }
  return last;
}

function emptyInput(): Inbox {
  const input = new Inbox();
  input.end();
  return input;
}

/** Quotes one argument for the phone's sh, for abb: whose arguments arrive already split. */
export function shellQuote(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}
