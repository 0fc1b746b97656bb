import type { RedirectOp, Word, WordPart } from './ast.js';

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; value: ';' | '&&' | '||' | '|' | '(' | ')' | '&' | '\n' }
  | { type: 'redir'; fd: number | null; op: RedirectOp };

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; message: string };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '0']);
/** Characters a double-quoted backslash escapes (POSIX 2.2.3); before others it stays literal. */
const DQ_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/**
 * Splits a command line into words, operators and redirections the way mksh does for the plain
 * subset we support. Never throws: an unterminated quote is reported as a result.
 */
export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;

  while (i < n) {
    const c = input[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && input[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < n && input[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ type: 'op', value: '\n' });
      i++;
      continue;
    }
    const two = input.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      tokens.push({ type: 'op', value: two });
      i += 2;
      continue;
    }
    if (c === ';' || c === '|' || c === '(' || c === ')' || c === '&') {
      tokens.push({ type: 'op', value: c });
      i++;
      continue;
    }
    const redir = readRedirect(input, i, null);
    if (redir) {
      tokens.push(redir.token);
      i = redir.next;
      continue;
    }
    // A word, possibly an fd-number prefix of a redirection (`2>&1`).
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < n && /[0-9]/.test(input[j]!)) j++;
      const fdRedir = readRedirect(input, j, Number(input.slice(i, j)));
      if (fdRedir) {
        tokens.push(fdRedir.token);
        i = fdRedir.next;
        continue;
      }
    }
    const word = readWord(input, i);
    if (!word.ok) return word;
    tokens.push({ type: 'word', word: word.word });
    i = word.next;
  }
  return { ok: true, tokens };
}

function readRedirect(input: string, i: number, fd: number | null): { token: Token; next: number } | null {
  const c = input[i];
  if (c === '>') {
    if (input[i + 1] === '>') return { token: { type: 'redir', fd, op: '>>' }, next: i + 2 };
    if (input[i + 1] === '&') return { token: { type: 'redir', fd, op: '>&' }, next: i + 2 };
    if (input[i + 1] === '|') return { token: { type: 'redir', fd, op: '>' }, next: i + 2 };
    return { token: { type: 'redir', fd, op: '>' }, next: i + 1 };
  }
  if (c === '<') {
    if (input[i + 1] === '&') return { token: { type: 'redir', fd, op: '<&' }, next: i + 2 };
    return { token: { type: 'redir', fd, op: '<' }, next: i + 1 };
  }
  return null;
}

function isWordEnd(c: string): boolean {
  return ' \t\r\n;&|()<>'.includes(c);
}

function readWord(input: string, start: number): { ok: true; word: Word; next: number } | { ok: false; message: string } {
  const parts: WordPart[] = [];
  let quotedAny = false;
  let i = start;
  const n = input.length;
  const pushText = (value: string, quoted: boolean): void => {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'text' && last.quoted === quoted) last.value += value;
    else parts.push({ kind: 'text', value, quoted });
  };

  while (i < n && !isWordEnd(input[i]!)) {
    const c = input[i]!;
    if (c === '\\') {
      quotedAny = true;
      if (i + 1 >= n) {
        i++;
        continue;
      }
      if (input[i + 1] === '\n') {
        i += 2;
        continue;
      }
      pushText(input[i + 1]!, true);
      i += 2;
      continue;
    }
    if (c === "'") {
      quotedAny = true;
      const end = input.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: 'no closing quote' };
      pushText(input.slice(i + 1, end), true);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      quotedAny = true;
      i++;
      let closed = false;
      while (i < n) {
        const d = input[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n && DQ_ESCAPABLE.has(input[i + 1]!)) {
          if (input[i + 1] !== '\n') pushText(input[i + 1]!, true);
          i += 2;
          continue;
        }
        if (d === '$') {
          const param = readParam(input, i);
          if (param) {
            parts.push({ kind: 'param', name: param.name, quoted: true });
            i = param.next;
            continue;
          }
        }
        pushText(d, true);
        i++;
      }
      if (!closed) return { ok: false, message: 'no closing quote' };
      // An empty "" still makes a (possibly empty) word.
      if (parts.length === 0) pushText('', true);
      continue;
    }
    if (c === '$') {
      const param = readParam(input, i);
      if (param) {
        parts.push({ kind: 'param', name: param.name, quoted: false });
        i = param.next;
        continue;
      }
    }
    pushText(c, false);
    i++;
  }
  return { ok: true, word: { parts, raw: input.slice(start, i), quoted: quotedAny }, next: i };
}

function readParam(input: string, i: number): { name: string; next: number } | null {
  const c = input[i + 1];
  if (c === undefined) return null;
  if (SPECIAL_PARAMS.has(c)) return { name: c, next: i + 2 };
  if (c === '{') {
    const end = input.indexOf('}', i + 2);
    if (end < 0) return null;
    const name = input.slice(i + 2, end);
    if (!/^([A-Za-z_][A-Za-z0-9_]*|[?$#!0])$/.test(name)) return null;
    return { name, next: end + 1 };
  }
  if (NAME_START.test(c)) {
    let j = i + 1;
    while (j < input.length && NAME_CHAR.test(input[j]!)) j++;
    return { name: input.slice(i + 1, j), next: j };
  }
  return null;
}
