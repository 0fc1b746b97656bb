/** Syntax tree of the small subset of mksh (Android's /system/bin/sh) that adb clients send. */

export type WordPart =
  | { kind: 'text'; value: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
  /** The source text, for error messages and for spotting reserved words like `{`. */
  raw: string;
  /** True when any part was quoted or escaped, so `'}'` is never a reserved word. */
  quoted: boolean;
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
}

export type Command =
  | { type: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[] }
  | { type: 'subshell'; body: List; redirects: Redirect[] }
  | { type: 'group'; body: List; redirects: Redirect[] };

export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export type List = AndOr[];
