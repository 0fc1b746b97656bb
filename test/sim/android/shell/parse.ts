import type { AndOr, Command, List, Pipeline, Redirect, Word } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

export type ParseResult = { ok: true; list: List } | { ok: false; message: string };

class SyntaxError_ {
  constructor(readonly message: string) {}
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Parses a command line into a List. Never throws: errors come back in mksh's wording
 * (`syntax error: ')' unexpected`, `syntax error: '(' unmatched`), which the interpreter prints.
 */
export function parse(input: string): ParseResult {
  const lexed = tokenize(input);
  if (!lexed.ok) return { ok: false, message: `syntax error: ${lexed.message}` };
  const parser = new Parser(lexed.tokens);
  try {
    const list = parser.parseProgram();
    return { ok: true, list };
  } catch (error) {
    if (error instanceof SyntaxError_) return { ok: false, message: error.message };
    throw error;
  }
}

function describe(token: Token | undefined): string {
  if (!token) return 'newline';
  if (token.type === 'word') return token.word.raw;
  if (token.type === 'redir') return token.op;
  return token.value === '\n' ? 'newline' : token.value;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parseProgram(): List {
    const list = this.parseList(null);
    if (this.pos < this.tokens.length) this.unexpected(this.tokens[this.pos]);
    return list;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private unexpected(token: Token | undefined): never {
    throw new SyntaxError_(`syntax error: '${describe(token)}' unexpected`);
  }

  private isOp(token: Token | undefined, value: string): boolean {
    return token?.type === 'op' && token.value === value;
  }

  private isReserved(token: Token | undefined, value: '{' | '}'): boolean {
    return token?.type === 'word' && !token.word.quoted && token.word.raw === value;
  }

  private skipSeparators(): void {
    while (this.isOp(this.peek(), '\n') || this.isOp(this.peek(), ';')) this.pos++;
  }

  /** A list ends at EOF or at the closer of the enclosing `( … )` / `{ …; }`. */
  private parseList(closer: ')' | '}' | null): List {
    const list: List = [];
    while (this.isOp(this.peek(), '\n')) this.pos++;
    while (this.pos < this.tokens.length) {
      const token = this.peek();
      if (closer === ')' && this.isOp(token, ')')) break;
      if (closer === '}' && this.isReserved(token, '}')) break;
      list.push(this.parseAndOr());
      const sep = this.peek();
      if (this.isOp(sep, ';') || this.isOp(sep, '&') || this.isOp(sep, '\n')) {
        this.pos++;
        this.skipSeparators();
        continue;
      }
      break;
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.peek();
      if (token?.type === 'op' && (token.value === '&&' || token.value === '||')) {
        this.pos++;
        while (this.isOp(this.peek(), '\n')) this.pos++;
        rest.push({ op: token.value, pipeline: this.parsePipeline() });
        continue;
      }
      return { first, rest };
    }
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    const head = this.peek();
    if (head?.type === 'word' && !head.word.quoted && head.word.raw === '!') {
      negate = true;
      this.pos++;
    }
    const commands: Command[] = [this.parseCommand()];
    while (this.isOp(this.peek(), '|')) {
      this.pos++;
      while (this.isOp(this.peek(), '\n')) this.pos++;
      commands.push(this.parseCommand());
    }
    return { negate, commands };
  }

  private parseCommand(): Command {
    const token = this.peek();
    if (this.isOp(token, '(')) {
      this.pos++;
      const body = this.parseList(')');
      if (!this.isOp(this.peek(), ')')) {
        if (this.pos >= this.tokens.length) throw new SyntaxError_("syntax error: '(' unmatched");
        this.unexpected(this.peek());
      }
      if (body.length === 0) this.unexpected(this.peek());
      this.pos++;
      return { type: 'subshell', body, redirects: this.parseRedirects() };
    }
    if (this.isReserved(token, '{')) {
      this.pos++;
      const body = this.parseList('}');
      if (!this.isReserved(this.peek(), '}')) {
        if (this.pos >= this.tokens.length) throw new SyntaxError_("syntax error: '{' unmatched");
        this.unexpected(this.peek());
      }
      if (body.length === 0) this.unexpected(this.peek());
      this.pos++;
      return { type: 'group', body, redirects: this.parseRedirects() };
    }
    return this.parseSimple();
  }

  private parseRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.peek()?.type === 'redir') redirects.push(this.parseRedirect());
    return redirects;
  }

  private parseRedirect(): Redirect {
    const token = this.tokens[this.pos++];
    if (token?.type !== 'redir') this.unexpected(token);
    const target = this.peek();
    if (target?.type !== 'word') this.unexpected(target);
    this.pos++;
    const fd = token.fd ?? (token.op === '<' || token.op === '<&' ? 0 : 1);
    return { fd, op: token.op, target: target.word };
  }

  private parseSimple(): Command {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.type === 'redir') {
        redirects.push(this.parseRedirect());
        continue;
      }
      if (token?.type !== 'word') break;
      const first = token.word.parts[0];
      const firstText = first?.kind === 'text' && !first.quoted ? first.value : null;
      const match = words.length === 0 && firstText !== null ? ASSIGNMENT.exec(firstText) : null;
      if (match && firstText !== null) {
        const name = match[1]!;
        const value: Word = {
          parts: [{ kind: 'text', value: firstText.slice(name.length + 1), quoted: false }, ...token.word.parts.slice(1)],
          raw: token.word.raw.slice(name.length + 1),
          quoted: token.word.quoted,
        };
        assigns.push({ name, value });
        this.pos++;
        continue;
      }
      words.push(token.word);
      this.pos++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) this.unexpected(this.peek());
    return { type: 'simple', assigns, words, redirects };
  }
}
