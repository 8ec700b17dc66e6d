/**
 * Token cursor shared by the expression and statement parsers: lookahead, keyword tests and
 * errors that carry the exact position of the offending token.
 */
import type { IToken } from 'chevrotain';
import type { Ident, Span } from './ast.ts';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/**
 * Words that end an expression or a clause: never taken as an alias without AS, never as a bare
 * column name.
 */
export const RESERVED = new Set(
  (
    'SELECT FROM WHERE GROUP HAVING WINDOW WINDOWED ORDER UNION JOIN INNER LEFT RIGHT FULL CROSS OUTER ON AS ' +
    'AND OR NOT IS NULL TRUE FALSE UNKNOWN CASE WHEN THEN ELSE END BETWEEN IN LIKE SIMILAR ESCAPE OVER ' +
    'PARTITION BY RANGE ROWS PRECEDING INTERVAL CAST DISTINCT ALL CREATE PUMP INSERT INTO TABLE CURSOR ' +
    'LIMIT STREAM VALUES'
  ).split(' '),
);

export function tokenSpan(t: IToken): Span {
  return {
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endColumn: t.endColumn ?? t.startColumn ?? 1,
    offset: t.startOffset,
    endOffset: (t.endOffset ?? t.startOffset) + 1,
  };
}

export function joinSpans(a: Span, b: Span): Span {
  return {
    line: a.line,
    column: a.column,
    endLine: b.endLine,
    endColumn: b.endColumn,
    offset: a.offset,
    endOffset: b.endOffset,
  };
}

export class TokenCursor {
  protected pos = 0;
  constructor(
    protected readonly tokens: IToken[],
    protected readonly text: string,
  ) {}

  protected peek(k = 0): IToken | undefined {
    return this.tokens[this.pos + k];
  }

  protected get prev(): IToken {
    return this.tokens[this.pos - 1] ?? (this.tokens[0] as IToken);
  }

  protected next(): IToken {
    const t = this.tokens[this.pos];
    if (!t) this.fail('Unexpected end of the SQL text');
    this.pos++;
    return t as IToken;
  }

  protected is(type: string, k = 0): boolean {
    return this.peek(k)?.tokenType.name === type;
  }

  /** The bare word at k, upper-cased, or undefined. */
  protected word(k = 0): string | undefined {
    const t = this.peek(k);
    return t && t.tokenType.name === 'Word' ? t.image.toUpperCase() : undefined;
  }

  protected isWord(w: string, k = 0): boolean {
    return this.word(k) === w;
  }

  protected acceptWord(w: string): boolean {
    if (this.isWord(w)) {
      this.pos++;
      return true;
    }
    return false;
  }

  protected accept(type: string): IToken | undefined {
    if (this.is(type)) return this.next();
    return undefined;
  }

  protected describe(t: IToken | undefined): string {
    if (!t) return 'the end of the text';
    return `'${t.image.length > 30 ? `${t.image.slice(0, 30)}…` : t.image}'`;
  }

  protected expectWord(w: string, context = ''): IToken {
    if (this.isWord(w)) return this.next();
    this.fail(`Expected ${w}${context ? ` ${context}` : ''}, found ${this.describe(this.peek())}`);
  }

  protected expect(type: string, what: string, context = ''): IToken {
    const t = this.accept(type);
    if (t) return t;
    this.fail(`Expected ${what}${context ? ` ${context}` : ''}, found ${this.describe(this.peek())}`);
  }

  /** Throws at the current token (or the end of the last one when the text ran out). */
  protected fail(message: string, at?: IToken): never {
    const t = at ?? this.peek();
    if (t) throw new ParseError(message, tokenSpan(t));
    const last = this.tokens[this.tokens.length - 1];
    if (last) {
      const s = tokenSpan(last);
      throw new ParseError(message, {
        ...s,
        line: s.endLine,
        column: s.endColumn,
        offset: s.endOffset - 1,
      });
    }
    throw new ParseError(message, { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 });
  }

  protected spanFrom(start: IToken): Span {
    return joinSpans(tokenSpan(start), tokenSpan(this.prev));
  }

  /** An identifier: a quoted one (case kept, "" unescaped) or a bare word (upper-cased). */
  protected isIdentStart(k = 0, allowReserved = false): boolean {
    const t = this.peek(k);
    if (!t) return false;
    if (t.tokenType.name === 'QuotedIdent') return true;
    return t.tokenType.name === 'Word' && (allowReserved || !RESERVED.has(t.image.toUpperCase()));
  }

  protected ident(what = 'a name', allowReserved = false): Ident {
    const t = this.peek();
    if (!t || !this.isIdentStart(0, allowReserved)) {
      this.fail(`Expected ${what}, found ${this.describe(t)}`);
    }
    this.pos++;
    return identOf(t);
  }
}

export function identOf(t: IToken): Ident {
  if (t.tokenType.name === 'QuotedIdent') {
    return {
      name: t.image.slice(1, -1).replace(/""/g, '"'),
      quoted: true,
      text: t.image,
      span: tokenSpan(t),
    };
  }
  return { name: t.image.toUpperCase(), quoted: false, text: t.image, span: tokenSpan(t) };
}
