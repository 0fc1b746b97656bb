import { randomBytes } from 'node:crypto';

/**
 * Legacy `shell:` has no exit status and cannot tell "the command ended" from "the phone vanished": the
 * stream just stops. So every command we run is followed by an echo of a marker that carries a per-call
 * nonce and `$?`. Output without its marker was cut short.
 *
 * The marker is appended with `;` (not a newline) because some adbd versions run the line through a
 * tokenizer that treats newlines as the end of the command; a builder must therefore never end a command
 * with a `#` comment, which would swallow the marker (the output would then read as truncated, never wrong).
 */

const MARKER_PREFIX = '<<pd-end:';

export interface FramedCommand {
  line: string;
  nonce: string;
}

export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

export function frameCommand(command: string, nonce: string = newNonce()): FramedCommand {
  return { line: `${command} ; echo "${MARKER_PREFIX}${nonce}:$?>>"`, nonce };
}

export type FramedOutput =
  | { complete: true; output: Buffer; exitCode: number }
  | { complete: false; output: Buffer };

/**
 * Finds the marker in the whole output of one framed command. The marker is searched from the end, so a
 * command that prints marker-like text (it cannot know the nonce) never confuses us. Old phones run legacy
 * shell on a pty and turn "\n" into "\r\n"; both endings are stripped after the marker, nothing before it.
 */
export function parseFramedOutput(raw: Buffer, nonce: string): FramedOutput {
  const head = Buffer.from(`${MARKER_PREFIX}${nonce}:`, 'latin1');
  const at = raw.lastIndexOf(head);
  if (at < 0) return { complete: false, output: raw };
  const rest = raw.subarray(at + head.length).toString('latin1');
  const match = /^(\d{1,3})>>\r*\n?$/.exec(rest);
  if (!match?.[1]) return { complete: false, output: raw.subarray(0, at) };
  return { complete: true, output: raw.subarray(0, at), exitCode: Number(match[1]) };
}

/**
 * Collects the chunks of one framed stream. It also reports as soon as the marker has fully arrived, so a
 * caller is not held hostage by a stream that stays open after the command finished.
 */
export class FramedOutputCollector {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private readonly tailNeedle: Buffer;
  private readonly endPattern: RegExp;

  constructor(readonly nonce: string) {
    this.tailNeedle = Buffer.from(`${MARKER_PREFIX}${nonce}:`, 'latin1');
    this.endPattern = new RegExp(`${escapeRegExp(this.tailNeedle.toString('latin1'))}\\d{1,3}>>\\r*\\n$`);
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** True once the bytes received end with a complete marker line. */
  sawEnd(): boolean {
    const window = Math.min(this.length, this.tailNeedle.length + 8);
    if (window < this.tailNeedle.length + 3) return false;
    const tail = this.tail(window).toString('latin1');
    return this.endPattern.test(tail);
  }

  finish(): FramedOutput {
    return parseFramedOutput(Buffer.concat(this.chunks, this.length), this.nonce);
  }

  private tail(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    for (let i = this.chunks.length - 1; i >= 0 && need > 0; i--) {
      const chunk = this.chunks[i] as Buffer;
      const take = Math.min(need, chunk.length);
      parts.unshift(chunk.subarray(chunk.length - take));
      need -= take;
    }
    return Buffer.concat(parts);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits a framed stream into lines as they arrive (for `shellStream`). The marker line is held back: it
 * ends the stream with the exit status and is never handed on. When the command's last line had no line
 * ending, the marker follows it on the same line; the text before the marker is then that last line.
 * Returns true (stop reading) once the marker is seen.
 */
const MAX_LINE = 1024 * 1024;

export class LineSplitter {
  exitCode: number | null = null;
  count = 0;
  private partial = '';
  private readonly decoder = new TextDecoder('utf-8');
  private readonly marker: RegExp;

  constructor(nonce: string, private readonly onLine: (line: string) => void) {
    this.marker = new RegExp(`${escapeRegExp(`${MARKER_PREFIX}${nonce}:`)}(\\d{1,3})>>\\r*$`);
  }

  push(chunk: Buffer): boolean {
    if (this.exitCode !== null) return true;
    const text = this.decoder.decode(chunk, { stream: true });
    // Only the new text is scanned, so a long line arriving in many chunks costs its length once.
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const part = this.partial + text.slice(start, nl);
      this.partial = '';
      start = nl + 1;
      const line = part.endsWith('\r') ? part.replace(/\r+$/, '') : part;
      const end = this.marker.exec(line);
      if (end?.[1] !== undefined) {
        const before = line.slice(0, end.index);
        if (before !== '') this.emit(before);
        this.exitCode = Number(end[1]);
        return true;
      }
      this.emit(line);
    }
    this.partial += text.slice(start);
    // A stream that never prints a newline must not grow without bound: hand it on in pieces of MAX_LINE.
    while (this.partial.length > MAX_LINE) {
      this.emit(this.partial.slice(0, MAX_LINE));
      this.partial = this.partial.slice(MAX_LINE);
    }
    return false;
  }

  /** Hands on a last line that never got its line ending (the stream was cancelled or cut). */
  flush(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest !== '') this.emit(rest.replace(/\r+$/, ''));
  }

  private emit(line: string): void {
    this.count++;
    this.onLine(line);
  }
}
