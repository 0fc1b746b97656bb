import type { ShellIo } from '../phone.js';

export interface Captured {
  io: ShellIo;
  stdout(): string;
  stderr(): string;
  stdoutBytes(): Buffer;
  controller: AbortController;
}

/** A ShellIo that records what a command line printed, for tests. */
export function captureIo(stdin?: string): Captured {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const controller = new AbortController();
  const io: ShellIo = {
    stdout: async (chunk) => {
      out.push(Buffer.from(chunk));
    },
    stderr: async (chunk) => {
      err.push(Buffer.from(chunk));
    },
    signal: controller.signal,
    ...(stdin === undefined
      ? {}
      : {
          stdin: (async function* () {
            yield Buffer.from(stdin);
          })(),
        }),
  };
  return {
    io,
    controller,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => Buffer.concat(err).toString('utf8'),
    stdoutBytes: () => Buffer.concat(out),
  };
}
