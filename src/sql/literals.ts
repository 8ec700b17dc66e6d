/**
 * Literal parsing and formatting shared by the parser, the runtime and the CLI: SQL type names,
 * INTERVAL strings, TIMESTAMP / DATE / TIME strings (all UTC, ms precision as KDA).
 */
import type { TimeUnit } from './ast.ts';
import type { SqlType } from './types.ts';

export const UNIT_MS: Record<string, number> = {
  DAY: 86_400_000,
  HOUR: 3_600_000,
  MINUTE: 60_000,
  SECOND: 1000,
  MILLISECOND: 1,
};
export const TIME_UNITS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);
const DAY_TIME_ORDER: TimeUnit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];

/**
 * The value of `INTERVAL '<text>' unit [TO toUnit]`: ms for day-time, months for year-month.
 * Returns an error message instead when the text does not fit the qualifier.
 */
export function intervalValue(text: string, unit: TimeUnit, toUnit?: TimeUnit): number | string {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (unit === 'YEAR' || unit === 'MONTH') {
    if (toUnit && !(unit === 'YEAR' && toUnit === 'MONTH'))
      return `INTERVAL ${unit} TO ${toUnit} is not valid`;
    const parts = toUnit ? s.split('-') : [s];
    if (parts.length !== (toUnit ? 2 : 1) || parts.some((p) => !/^\d+$/.test(p))) {
      return `'${text}' is not a valid ${unit}${toUnit ? ` TO ${toUnit}` : ''} interval (e.g. '${toUnit ? '1-6' : '2'}')`;
    }
    const n = parts.map(Number);
    return (
      sign *
      (toUnit
        ? (n[0] as number) * 12 + (n[1] as number)
        : unit === 'YEAR'
          ? (n[0] as number) * 12
          : (n[0] as number))
    );
  }
  const from = DAY_TIME_ORDER.indexOf(unit);
  const to = toUnit ? DAY_TIME_ORDER.indexOf(toUnit) : from;
  if (from < 0 || to < from) return `INTERVAL ${unit}${toUnit ? ` TO ${toUnit}` : ''} is not valid`;
  const parts = s.split(/[\s:]+/);
  if (parts.length !== to - from + 1) {
    const example = ['1', '1 12', '1 12:30', '1 12:30:15'][to - from] ?? '1';
    return `'${text}' does not match ${unit}${toUnit ? ` TO ${toUnit}` : ''} (expected like '${example.replace(/ /, unit === 'DAY' ? ' ' : ':')}')`;
  }
  let ms = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const u = DAY_TIME_ORDER[from + i] as TimeUnit;
    const isLast = i === parts.length - 1;
    if (!(isLast && u === 'SECOND' ? /^\d+(\.\d+)?$/ : /^\d+$/).test(p)) {
      return `'${text}' is not a valid interval: '${p}' is not a number of ${u.toLowerCase()}s`;
    }
    ms += Number(p) * (UNIT_MS[u] as number);
  }
  return sign * Math.round(ms);
}

/** 'YYYY-MM-DD[ HH:MM:SS[.fff]]' (or with 'T') in UTC → ms since epoch, or undefined. */
export function parseTimestamp(text: string): number | undefined {
  const m =
    /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(?:Z|UTC)?\s*$/.exec(
      text,
    );
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as number[];
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if ((mo as number) < 1 || (mo as number) > 12 || (d as number) < 1 || (d as number) > 31) return undefined;
  if ((h as number) > 23 || (mi as number) > 59 || (s as number) > 59) return undefined;
  const out = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
  // Refuse days past the month's end (DATE '2001-02-29', '2024-04-31') instead of rolling over.
  if (new Date(out).getUTCDate() !== d) return undefined;
  return out;
}

/** 'HH:MM:SS[.fff]' → ms since midnight. */
export function parseTime(text: string): number | undefined {
  const m = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?\s*$/.exec(text);
  if (!m) return undefined;
  const ms = m[4] ? Number(m[4].padEnd(3, '0').slice(0, 3)) : 0;
  return Number(m[1]) * 3_600_000 + Number(m[2]) * 60_000 + Number(m[3] ?? 0) * 1000 + ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ms since epoch → 'YYYY-MM-DD HH:MM:SS.fff' (UTC), the form KDA shows ROWTIME in. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

export function formatDate(ms: number): string {
  return formatTimestamp(ms).slice(0, 10);
}

export function formatTime(ms: number): string {
  const t = ((ms % 86_400_000) + 86_400_000) % 86_400_000;
  return formatTimestamp(t).slice(11);
}

/** SQL type name (as written in DDL or CAST) → SqlType, or undefined when unknown. */
export function typeFromName(words: string[], params: number[]): SqlType | undefined {
  const name = words.join(' ');
  const len = params[0];
  switch (name) {
    case 'BOOLEAN':
      return { base: 'BOOLEAN' };
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
    case 'REAL':
    case 'DOUBLE':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return { base: name };
    case 'INT':
      return { base: 'INTEGER' };
    case 'DOUBLE PRECISION':
    case 'FLOAT':
      return { base: 'DOUBLE' };
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC':
      return { base: 'DECIMAL', precision: params[0] ?? 19, scale: params[1] ?? 0 };
    case 'CHAR':
    case 'CHARACTER':
      return { base: 'CHAR', length: len ?? 1 };
    case 'VARCHAR':
    case 'CHARACTER VARYING':
    case 'CHAR VARYING':
      return len === undefined ? { base: 'VARCHAR' } : { base: 'VARCHAR', length: len };
    case 'BINARY':
      return { base: 'BINARY', length: len ?? 1 };
    case 'VARBINARY':
      return len === undefined ? { base: 'VARBINARY' } : { base: 'VARBINARY', length: len };
    default:
      return undefined;
  }
}

/** SqlType → DDL text, e.g. VARCHAR(4), DECIMAL(10,2), TIMESTAMP. */
export function typeText(t: SqlType): string {
  switch (t.base) {
    case 'VARCHAR':
    case 'VARBINARY':
      return t.length !== undefined ? `${t.base}(${t.length})` : `${t.base}(1024)`;
    case 'CHAR':
    case 'BINARY':
      return `${t.base}(${t.length ?? 1})`;
    case 'DECIMAL':
      return `DECIMAL(${t.precision ?? 19},${t.scale ?? 0})`;
    case 'INTERVAL_DAY_TIME':
      return 'INTERVAL DAY TO SECOND';
    case 'INTERVAL_YEAR_MONTH':
      return 'INTERVAL YEAR TO MONTH';
    case 'NULL':
    case 'ANY':
      return 'VARCHAR(1024)';
    default:
      return t.base;
  }
}
