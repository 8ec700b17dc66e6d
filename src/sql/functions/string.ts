/**
 * String functions (KDA SQL Reference, "String and Search Functions"). Positions are 1-based.
 * The parser maps the standard's keyword syntax onto plain arguments:
 * - `SUBSTRING(s FROM i [FOR n])` → SUBSTRING(s, i [, n])
 * - `POSITION(a IN b [FROM i])` → POSITION(a, b [, i])
 * - `TRIM([BOTH|LEADING|TRAILING] [c] FROM s)` → TRIM('BOTH'|'LEADING'|'TRAILING', c, s) (c defaults to ' ')
 * - `OVERLAY(s PLACING r FROM i [FOR n])` → OVERLAY(s, r, i [, n])
 */
import type { ScalarFunction, SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { javaRegExp, javaReplacement } from './patterns.ts';
import {
  CHAR_TYPES,
  expectArg,
  INTEGER_TYPES,
  NUMERIC_TYPES,
  num,
  str,
  strict,
  T,
  toRecord,
} from './util.ts';

const CHARS = 'a character string';
const INT = 'an integer';

const lengthOf = (t: SqlType | undefined): number | undefined =>
  t && (t.base === 'VARCHAR' || t.base === 'CHAR') ? t.length : undefined;

/** Same VARCHAR length as argument 0 (UPPER, LOWER, INITCAP, TRIM keep the declared size). */
function sameString(fn: string, argIndex = 0) {
  return (argTypes: SqlType[]): SqlType => {
    expectArg(fn, argTypes, argIndex, CHAR_TYPES, CHARS);
    return T.varchar(lengthOf(argTypes[argIndex]) ?? 1024);
  };
}

const UPPER = strict('UPPER', 1, 1, sameString('UPPER'), ([s]) => str(s as SqlValue, 'UPPER').toUpperCase());
const LOWER = strict('LOWER', 1, 1, sameString('LOWER'), ([s]) => str(s as SqlValue, 'LOWER').toLowerCase());

/** INITCAP: the first character of each space-delimited word upper-case, all others lower-case. */
const INITCAP = strict('INITCAP', 1, 1, sameString('INITCAP'), ([s]) =>
  str(s as SqlValue, 'INITCAP')
    .toLowerCase()
    .replace(/(^|\s)(\S)/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()),
);

function charLength(name: string): ScalarFunction {
  return strict(
    name,
    1,
    1,
    (argTypes) => {
      expectArg(name, argTypes, 0, CHAR_TYPES, CHARS);
      return T.integer;
    },
    // Count code points, not UTF-16 units: 'ñ' and '寿' are one character each.
    ([s]) => [...str(s as SqlValue, name)].length,
  );
}

/**
 * SUBSTRING(s FROM start [FOR n]): characters from max(start, 1) to start + n − 1 (a start below 1
 * shortens the result, as documented: FROM -1 FOR 4 of '123456789' is '12'); a negative length
 * is an error. SUBSTRING(s FROM 'regex' [FOR n]): the first match of the Java regex (NULL if
 * none), cut to n characters.
 * The reference says both "a start beyond the string returns null" and, in its example table,
 * "FROM 17 FOR 4 → <empty string>"; this follows the example (the empty string).
 */
const SUBSTRING = strict(
  'SUBSTRING',
  2,
  3,
  (argTypes, literals) => {
    expectArg('SUBSTRING', argTypes, 0, CHAR_TYPES, CHARS);
    expectArg(
      'SUBSTRING',
      argTypes,
      1,
      new Set([...INTEGER_TYPES, ...CHAR_TYPES]),
      'a start position or a regex',
    );
    if (argTypes.length > 2) expectArg('SUBSTRING', argTypes, 2, INTEGER_TYPES, INT);
    if (typeof literals[1] === 'string') {
      try {
        javaRegExp(literals[1], 'SUBSTRING');
      } catch (e) {
        throw new Error((e as Error).message);
      }
    }
    return T.varchar(lengthOf(argTypes[0]) ?? 1024);
  },
  ([s, from, len]) => {
    const text = str(s as SqlValue, 'SUBSTRING');
    let n: number | undefined;
    if (len !== undefined) {
      n = Math.trunc(num(len, 'SUBSTRING'));
      if (n < 0) throw new SqlRuntimeError(`SUBSTRING: negative length ${n}`);
    }
    if (typeof from === 'string') {
      const m = javaRegExp(from, 'SUBSTRING').exec(text);
      if (!m) return null;
      return n === undefined ? m[0] : [...m[0]].slice(0, n).join('');
    }
    const chars = [...text];
    const start = Math.trunc(num(from as SqlValue, 'SUBSTRING'));
    const end = n === undefined ? chars.length + 1 : Math.min(chars.length + 1, start + n);
    const a = Math.max(start, 1);
    return a >= end ? '' : chars.slice(a - 1, end - 1).join('');
  },
);

const POSITION = strict(
  'POSITION',
  2,
  3,
  (argTypes) => {
    expectArg('POSITION', argTypes, 0, CHAR_TYPES, CHARS);
    expectArg('POSITION', argTypes, 1, CHAR_TYPES, CHARS);
    if (argTypes.length > 2) expectArg('POSITION', argTypes, 2, INTEGER_TYPES, INT);
    return T.integer;
  },
  ([needle, hay, from]) => {
    const n = [...str(needle as SqlValue, 'POSITION')];
    const h = [...str(hay as SqlValue, 'POSITION')];
    const start = from === undefined ? 1 : Math.max(1, Math.trunc(num(from, 'POSITION')));
    if (n.length === 0) return start <= h.length + 1 ? start : 0;
    for (let i = start - 1; i + n.length <= h.length; i++) {
      let ok = true;
      for (let j = 0; j < n.length && ok; j++) ok = h[i + j] === n[j];
      if (ok) return i + 1;
    }
    return 0;
  },
);

const TRIM = strict(
  'TRIM',
  1,
  3,
  (argTypes) => {
    const last = argTypes.length - 1;
    expectArg('TRIM', argTypes, last, CHAR_TYPES, CHARS);
    if (argTypes.length > 1) expectArg('TRIM', argTypes, last - 1, CHAR_TYPES, 'a trim character');
    return T.varchar(lengthOf(argTypes[last]) ?? 1024);
  },
  (args) => {
    const s = str(args[args.length - 1] as SqlValue, 'TRIM');
    const mode = args.length === 3 ? str(args[0] as SqlValue, 'TRIM').toUpperCase() : 'BOTH';
    const ch = args.length >= 2 ? str(args[args.length - 2] as SqlValue, 'TRIM') : ' ';
    if ([...ch].length !== 1)
      throw new SqlRuntimeError(`TRIM: the trim character must be one character, got '${ch}'`);
    if (mode !== 'BOTH' && mode !== 'LEADING' && mode !== 'TRAILING') {
      throw new SqlRuntimeError(`TRIM: expected BOTH, LEADING or TRAILING, got ${mode}`);
    }
    let a = 0;
    let b = s.length;
    if (mode !== 'TRAILING') while (a < b && s.startsWith(ch, a)) a += ch.length;
    if (mode !== 'LEADING') while (b > a && s.endsWith(ch, b)) b -= ch.length;
    return s.slice(a, b);
  },
);

/**
 * OVERLAY(s PLACING r FROM i [FOR n]): replaces n characters (default: the length of r) from
 * position i. KDA's documented departures from SQL:2008: a start beyond the string appends r, and a
 * start below 1 puts (1 − i) characters of r in front and overlays the rest.
 */
const OVERLAY = strict(
  'OVERLAY',
  3,
  4,
  (argTypes) => {
    expectArg('OVERLAY', argTypes, 0, CHAR_TYPES, CHARS);
    expectArg('OVERLAY', argTypes, 1, CHAR_TYPES, CHARS);
    expectArg('OVERLAY', argTypes, 2, INTEGER_TYPES, INT);
    if (argTypes.length > 3) expectArg('OVERLAY', argTypes, 3, INTEGER_TYPES, INT);
    return T.varchar((lengthOf(argTypes[0]) ?? 512) + (lengthOf(argTypes[1]) ?? 512));
  },
  ([s, r, from, len]) => {
    const chars = [...str(s as SqlValue, 'OVERLAY')];
    const rep = str(r as SqlValue, 'OVERLAY');
    const start = Math.trunc(num(from as SqlValue, 'OVERLAY'));
    const n = len === undefined ? [...rep].length : Math.trunc(num(len, 'OVERLAY'));
    if (n < 0) throw new SqlRuntimeError(`OVERLAY: negative length ${n}`);
    const head = chars.slice(0, Math.max(0, start - 1)).join('');
    return head + rep + chars.slice(Math.max(0, start - 1 + n)).join('');
  },
);

/**
 * REGEX_REPLACE(original, regex, replacement, startPosition, occurrence): Java's replaceAll from
 * startPosition (1-based); occurrence 0 replaces every match, n > 0 only the n-th.
 */
const REGEX_REPLACE = strict(
  'REGEX_REPLACE',
  3,
  5,
  (argTypes, literals) => {
    for (let i = 0; i < 3; i++) expectArg('REGEX_REPLACE', argTypes, i, CHAR_TYPES, CHARS);
    for (let i = 3; i < argTypes.length; i++) expectArg('REGEX_REPLACE', argTypes, i, NUMERIC_TYPES, INT);
    if (typeof literals[1] === 'string') {
      try {
        javaRegExp(literals[1], 'REGEX_REPLACE');
      } catch (e) {
        throw new Error((e as Error).message);
      }
    }
    return T.varchar(65535);
  },
  ([s, regex, replacement, startPos, occ]) => {
    const text = str(s as SqlValue, 'REGEX_REPLACE');
    const start = startPos === undefined ? 1 : Math.trunc(num(startPos, 'REGEX_REPLACE'));
    const occurrence = occ === undefined ? 0 : Math.trunc(num(occ, 'REGEX_REPLACE'));
    if (start < 1) throw new SqlRuntimeError(`REGEX_REPLACE: startPosition ${start} must be at least 1`);
    if (occurrence < 0)
      throw new SqlRuntimeError(`REGEX_REPLACE: occurrence ${occurrence} must not be negative`);
    if (start > text.length) return text;
    const re = javaRegExp(str(regex as SqlValue, 'REGEX_REPLACE'), 'REGEX_REPLACE', true);
    const rep = javaReplacement(str(replacement as SqlValue, 'REGEX_REPLACE'), 'REGEX_REPLACE');
    const head = text.slice(0, start - 1);
    let count = 0;
    const tail = text.slice(start - 1).replace(re, (match: string, ...rest: unknown[]) => {
      count++;
      if (occurrence !== 0 && count !== occurrence) return match;
      const groups = rest.slice(
        0,
        rest.findIndex((x) => typeof x === 'number'),
      ) as (string | undefined)[];
      return rep(
        match,
        groups.map((g) => g ?? ''),
      );
    });
    return head + tail;
  },
);

export const STRING_FUNCTIONS: Record<string, ScalarFunction> = toRecord([
  UPPER,
  LOWER,
  INITCAP,
  charLength('CHAR_LENGTH'),
  charLength('CHARACTER_LENGTH'),
  SUBSTRING,
  POSITION,
  TRIM,
  OVERLAY,
  REGEX_REPLACE,
]);
