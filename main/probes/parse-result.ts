/**
 * What every parser returns. Parsers never throw: text they cannot read becomes `{ ok: false, reason }`
 * with a reason a support engineer can act on, and every value a rule may cite carries the line it came
 * from, so the report can show its evidence verbatim.
 */

export interface Cited<T> {
  value: T;
  /** The output line the value was read from, as printed (trimmed). */
  line: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function unparsed<T>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

export function cite<T>(value: T, line: string): Cited<T> {
  return { value, line: line.trim() };
}

/** Runs a parser and turns any exception that slipped through into a failure instead of a crash. */
export function guard<T>(what: string, run: () => ParseResult<T>): ParseResult<T> {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unparsed(`${what}: parser error (${message})`);
  }
}

export function toInt(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^-?\d{1,15}$/.test(t)) return null;
  return Number(t);
}

export function toBool(text: string | undefined): boolean | null {
  if (text === undefined) return null;
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
}
