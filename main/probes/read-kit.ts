import { emptyDeviceFacts, type DeviceFacts, type Evidence } from '../../common/domain/facts.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { DispatchedCommand } from './command-dispatch.js';
import { normalizeCommandLine } from './command-grammar.js';
import type { ParseResult } from './parse-result.js';

/**
 * What every area's reader uses to turn outputs into facts: the outputs indexed by the command they answer,
 * the sheet being filled (facts, evidence per fact, a reason per null fact), and the few rules for saying
 * why an output gave nothing. Nothing here throws on odd input.
 */

/** One output with the command it answers, as dispatched. */
export interface Output {
  command: string;
  dispatched: DispatchedCommand;
  raw: RawOutput;
}

export class SheetBuilder {
  readonly facts: DeviceFacts = emptyDeviceFacts();
  readonly evidence: Record<string, Evidence[]> = {};
  readonly unknown: Record<string, string> = {};

  cite(path: string, command: string, ...lines: (string | null | undefined)[]): void {
    const items = lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '')
      .map((excerpt) => ({ command, excerpt: excerpt.trim() }));
    if (items.length === 0) return;
    const list = (this.evidence[path] ??= []);
    for (const item of items) {
      if (!list.some((e) => e.command === item.command && e.excerpt === item.excerpt)) list.push(item);
    }
  }

  /** Records why `path` is null; the first reason recorded stays. */
  why(path: string, reason: string): void {
    this.unknown[path] ??= reason;
  }
}

/** The outputs of one phone, keyed by what they answer. `command` may be a probe id or a command line. */
export class OutputIndex {
  private readonly items: Output[] = [];

  constructor(
    raw: readonly RawOutput[],
    commandForKey: (key: string) => string | null,
    dispatch: (command: string) => DispatchedCommand | null,
  ) {
    for (const r of raw) {
      const command = normalizeCommandLine(commandForKey(r.command) ?? r.command);
      const dispatched = dispatch(command);
      if (dispatched) this.items.push({ command, dispatched, raw: r });
    }
  }

  find(pred: (d: DispatchedCommand) => boolean): Output | undefined {
    const all = this.items.filter((o) => pred(o.dispatched));
    // Prefer an output with text over one that failed, when both forms were captured.
    return all.find((o) => o.raw.text !== null) ?? all[0];
  }
}

/** The reason an output could not give a value, or null when it has text worth parsing. */
export function outputProblem(out: Output | undefined, what: string): string | null {
  if (!out) return `probe missing: no output for \`${what}\``;
  if (out.raw.text === null) return `command failed: \`${out.command}\`: ${out.raw.error ?? 'not read'}`;
  return null;
}

export function parseFailure(out: Output, reason: string): string {
  if (out.raw.text === null) return reason;
  const { exitCode } = out.raw;
  if (exitCode === null) return `output cut short (no exit status) and unreadable: ${reason}`;
  if (exitCode !== 0) return `\`${out.command}\` exited with ${exitCode}: ${reason}`;
  return `unparseable output of \`${out.command}\`: ${reason}`;
}

/**
 * The output ended before the command did (no exit status). Absence of a line in such an output proves
 * nothing: a reader that would take "not printed" as "at its default" must say unknown instead.
 */
export function cutShort(out: Output): boolean {
  return out.raw.text !== null && out.raw.exitCode === null;
}

export function textOf(out: Output): string {
  return out.raw.text ?? '';
}

export function run<T>(out: Output, parse: (t: string) => ParseResult<T>): ParseResult<T> {
  const result = parse(textOf(out));
  if (!result.ok) return { ok: false, reason: parseFailure(out, result.reason) };
  return result;
}

/** The parsed output for the facts at `paths`, or null after recording on each of them why it could not be read. */
export function readFor<T>(
  sheet: SheetBuilder, paths: readonly string[], o: Output | undefined, what: string, parse: (t: string) => ParseResult<T>,
): { value: T; out: Output } | null {
  const problem = outputProblem(o, what);
  if (problem || !o) {
    for (const p of paths) sheet.why(p, problem ?? 'missing');
    return null;
  }
  const r = run(o, parse);
  if (!r.ok) {
    for (const p of paths) sheet.why(p, r.reason);
    return null;
  }
  return { value: r.value, out: o };
}
