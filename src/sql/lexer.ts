/**
 * Tokens of the Kinesis Data Analytics SQL dialect, lexed with chevrotain.
 *
 * Keywords are not separate token types: every bare word is a `Word` and the parser decides from
 * context whether it is a keyword or an identifier (KDA has few reserved words that matter, and
 * this keeps error positions exact). Quoted identifiers keep their case; bare ones are upper-cased
 * by the parser, as KDA (SQL standard) does.
 */
import { createToken, type IToken, Lexer } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: 'LineComment', pattern: /--[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const QuotedIdent = createToken({ name: 'QuotedIdent', pattern: /"(?:[^"]|"")*"/, line_breaks: true });
export const StringLit = createToken({ name: 'StringLit', pattern: /'(?:[^']|'')*'/, line_breaks: true });
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_$]*/ });
export const Concat = createToken({ name: 'Concat', pattern: /\|\|/ });
export const Le = createToken({ name: 'Le', pattern: /<=/ });
export const Ge = createToken({ name: 'Ge', pattern: />=/ });
export const Ne = createToken({ name: 'Ne', pattern: /<>|!=/ });
export const Lt = createToken({ name: 'Lt', pattern: /</ });
export const Gt = createToken({ name: 'Gt', pattern: />/ });
export const Eq = createToken({ name: 'Eq', pattern: /=/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Star = createToken({ name: 'Star', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Percent = createToken({ name: 'Percent', pattern: /%/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Semi = createToken({ name: 'Semi', pattern: /;/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });

const ALL = [
  WhiteSpace,
  LineComment,
  BlockComment,
  QuotedIdent,
  StringLit,
  NumberLit,
  Word,
  Concat,
  Le,
  Ge,
  Ne,
  Lt,
  Gt,
  Eq,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LParen,
  RParen,
  Comma,
  Semi,
  Dot,
  Colon,
];

let lexer: Lexer | undefined;

export interface LexError {
  message: string;
  line: number;
  column: number;
  length: number;
}

export function tokenize(text: string): { tokens: IToken[]; errors: LexError[] } {
  lexer ??= new Lexer(ALL, { positionTracking: 'full', ensureOptimizations: false });
  const result = lexer.tokenize(text);
  const errors = result.errors.map((e) => {
    const ch = text.charAt(e.offset);
    let message = `Unexpected character '${ch}'`;
    if (ch === "'") message = "Unterminated string literal: close it with '";
    else if (ch === '"') message = 'Unterminated quoted identifier: close it with "';
    else if (text.startsWith('/*', e.offset)) message = 'Unterminated comment: close it with */';
    return { message, line: e.line ?? 1, column: e.column ?? 1, length: e.length };
  });
  return { tokens: result.tokens, errors };
}
