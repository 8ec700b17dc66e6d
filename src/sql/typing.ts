/**
 * Static typing rules of the dialect (arithmetic, comparison, assignment to a stream column) and
 * the run-time CAST / column coercion they imply.
 */

import { intervalText } from './intervals.ts';
import { formatDate, formatTime, formatTimestamp, parseTime, parseTimestamp } from './literals.ts';
import type { SqlBaseType, SqlType, SqlValue } from './types.ts';
import { SqlRuntimeError } from './types.ts';

const INT: ReadonlySet<SqlBaseType> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
const NUM_ORDER: SqlBaseType[] = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'REAL', 'DOUBLE'];

export const isLoose = (t: SqlType) => t.base === 'NULL' || t.base === 'ANY';
export const isInt = (t: SqlType) => INT.has(t.base);
export const isNum = (t: SqlType) => NUM_ORDER.includes(t.base);
export const isChar = (t: SqlType) => t.base === 'CHAR' || t.base === 'VARCHAR';
export const isDatetime = (t: SqlType) => t.base === 'TIMESTAMP' || t.base === 'DATE' || t.base === 'TIME';
export const isInterval = (t: SqlType) => t.base === 'INTERVAL_DAY_TIME' || t.base === 'INTERVAL_YEAR_MONTH';
export const isBinary = (t: SqlType) => t.base === 'BINARY' || t.base === 'VARBINARY';

export function showType(t: SqlType): string {
  if ((t.base === 'VARCHAR' || t.base === 'CHAR') && t.length !== undefined) return `${t.base}(${t.length})`;
  if (t.base === 'DECIMAL') return `DECIMAL(${t.precision ?? 19},${t.scale ?? 0})`;
  return String(t.base ?? 'UNKNOWN').replace(/_/g, ' ');
}

export function widerNum(a: SqlType, b: SqlType): SqlType {
  if (isLoose(a)) return isLoose(b) ? { base: 'DOUBLE' } : b;
  if (isLoose(b)) return a;
  if (a.base === 'DECIMAL' && b.base === 'DECIMAL') {
    return { base: 'DECIMAL', precision: 19, scale: Math.max(a.scale ?? 0, b.scale ?? 0) };
  }
  return NUM_ORDER.indexOf(a.base) >= NUM_ORDER.indexOf(b.base) ? a : b;
}

/** Can values of these two types be compared (=, <, BETWEEN, IN, CASE branches)? */
export function comparable(a: SqlType, b: SqlType): boolean {
  if (isLoose(a) || isLoose(b)) return true;
  if (isNum(a) && isNum(b)) return true;
  if (isChar(a) && isChar(b)) return true;
  if (isDatetime(a) && isDatetime(b)) return a.base === b.base || (a.base !== 'TIME' && b.base !== 'TIME');
  if (isBinary(a) && isBinary(b)) return true;
  return a.base === b.base;
}

/** The common type of CASE branches / IN lists, or undefined when they cannot mix. */
export function commonOf(types: SqlType[]): SqlType | undefined {
  let out: SqlType = { base: 'NULL' };
  for (const t of types) {
    if (isLoose(t)) continue;
    if (isLoose(out)) out = t;
    else if (isNum(out) && isNum(t)) out = widerNum(out, t);
    else if (isChar(out) && isChar(t)) {
      out = { base: 'VARCHAR', length: Math.max(out.length ?? 1024, t.length ?? 1024) };
    } else if (!comparable(out, t)) return undefined;
  }
  return out;
}

/** Can a value of type `from` be stored in a column of type `to` (INSERT / pump)? */
export function assignable(from: SqlType, to: SqlType): boolean {
  if (isLoose(from)) return true;
  if (isNum(to)) return isNum(from);
  if (isChar(to)) return isChar(from);
  if (to.base === 'TIMESTAMP') return from.base === 'TIMESTAMP' || from.base === 'DATE';
  if (isBinary(to)) return isBinary(from);
  return from.base === to.base;
}

/** Can CAST(x AS to) succeed for some x of type `from`? */
export function castable(from: SqlType, to: SqlType): boolean {
  if (isLoose(from) || isChar(to) || isChar(from)) return true;
  if (isNum(to)) return isNum(from) || from.base === 'BOOLEAN' || isInterval(from);
  if (isDatetime(to)) return isDatetime(from) || (to.base === 'TIMESTAMP' && isNum(from));
  if (isInterval(to)) return isInterval(from) || isNum(from);
  return from.base === to.base;
}

function toNumber(v: SqlValue, to: SqlType): number {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (typeof v === 'string') {
    const s = v.trim();
    n = s === '' ? Number.NaN : Number(s);
    if (!Number.isFinite(n)) throw new SqlRuntimeError(`Cannot cast '${v}' to ${showType(to)}`);
  } else throw new SqlRuntimeError(`Cannot cast this value to ${showType(to)}`);
  if (INT.has(to.base)) return Math.trunc(n);
  if (to.base === 'DECIMAL' && to.scale !== undefined) {
    const f = 10 ** to.scale;
    return Math.round(n * f) / f;
  }
  if (to.base === 'REAL') return Math.fround(n);
  return n;
}

function toText(v: SqlValue, from: SqlType): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (from.base === 'TIMESTAMP') return formatTimestamp(v);
    if (from.base === 'DATE') return formatDate(v);
    if (from.base === 'TIME') return formatTime(v).slice(0, 8);
    if (from.base === 'DECIMAL' && from.scale) return v.toFixed(from.scale);
    if (isInterval(from)) return intervalText(v, from);
    return String(v);
  }
  if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(v);
}

/** CAST(v AS to): throws SqlRuntimeError on a value that does not convert (→ error_stream). */
export function castValue(v: SqlValue, from: SqlType, to: SqlType): SqlValue {
  if (v === null) return null;
  if (isNum(to)) return toNumber(v, to);
  if (isChar(to)) {
    const s = toText(v, from);
    return fitChar(s, to);
  }
  switch (to.base) {
    case 'BOOLEAN': {
      if (typeof v === 'boolean') return v;
      const s = String(v).trim().toUpperCase();
      if (s === 'TRUE') return true;
      if (s === 'FALSE') return false;
      if (s === 'UNKNOWN') return null;
      throw new SqlRuntimeError(`Cannot cast '${String(v)}' to BOOLEAN`);
    }
    case 'TIMESTAMP':
    case 'DATE': {
      let ms: number | undefined;
      if (typeof v === 'number') ms = v;
      else if (typeof v === 'string') ms = parseTimestamp(v);
      if (ms === undefined) throw new SqlRuntimeError(`Cannot cast '${String(v)}' to ${to.base}`);
      return to.base === 'DATE' ? Math.floor(ms / 86_400_000) * 86_400_000 : ms;
    }
    case 'TIME': {
      if (typeof v === 'number')
        return from.base === 'TIME' ? v : ((v % 86_400_000) + 86_400_000) % 86_400_000;
      const ms = typeof v === 'string' ? (parseTime(v) ?? parseTimestamp(v)) : undefined;
      if (ms === undefined) throw new SqlRuntimeError(`Cannot cast '${String(v)}' to TIME`);
      return ms % 86_400_000;
    }
    default:
      return v;
  }
}

/**
 * The conversion applied when a value enters a stream column (pump / INSERT), or undefined when
 * none is needed: integer columns truncate, VARCHAR(n) cuts to n characters.
 */
export function coercer(from: SqlType, to: SqlType): ((v: SqlValue) => SqlValue) | undefined {
  if (isInt(to) && !isInt(from)) return (v) => (typeof v === 'number' ? Math.trunc(v) : v);
  if (to.base === 'CHAR') return (v) => (typeof v === 'string' ? fitChar(v, to) : v);
  if (isChar(to) && to.length !== undefined) {
    const n = to.length;
    if (isChar(from) && from.length !== undefined && from.length <= n) return undefined;
    return (v) => (typeof v === 'string' && v.length > n ? v.slice(0, n) : v);
  }
  if (
    to.base === 'DECIMAL' &&
    to.scale !== undefined &&
    !(from.base === 'DECIMAL' && (from.scale ?? 0) <= to.scale)
  ) {
    const f = 10 ** to.scale;
    return (v) => (typeof v === 'number' ? Math.round(v * f) / f : v);
  }
  if (to.base === 'REAL' && from.base !== 'REAL') return (v) => (typeof v === 'number' ? Math.fround(v) : v);
  return undefined;
}

/** A string stored as CHAR(n) is cut to n and padded with spaces to n (fixed length); VARCHAR(n) is only cut. */
export function fitChar(s: string, to: SqlType): string {
  const n = to.length;
  if (n === undefined) return s;
  if (s.length > n) return s.slice(0, n);
  return to.base === 'CHAR' ? s.padEnd(n, ' ') : s;
}

/** Total order used by MIN / MAX / comparisons (numbers, strings, booleans; bytes lexicographic). */
export function compareValues(a: SqlValue, b: SqlValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  }
  if (typeof a === 'number' && typeof b === 'string') return compareValues(a, Number(b));
  if (typeof a === 'string' && typeof b === 'number') return compareValues(Number(a), b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** A key for hashing values (GROUP BY, DISTINCT, join indexes): distinguishes 1 from '1' and NULL. */
export function valueKey(v: SqlValue): string {
  if (v === null) return '\u0000N';
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return v ? 'bT' : 'bF';
  if (v instanceof Uint8Array) return `x${[...v].join(',')}`;
  return `r${JSON.stringify(v)}`;
}
