/**
 * Names, types and interval literals as Flink SQL writes them. KDA upper-cases bare names and keeps
 * quoted ones; Flink is case-sensitive, so every name is written exactly as KDA resolved it (column
 * `ticker` written bare in KDA is TICKER in Flink too), backquoted when Flink would not read it bare.
 */
import { parseTypeName, type SqlType } from '../../sql/index.ts';
import { FLINK_KEYWORDS } from './reserved.ts';

/** A Flink identifier: bare when plain and not a keyword, else in backquotes. */
export function flinkName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !FLINK_KEYWORDS.has(name.toUpperCase())
    ? name
    : `\`${name.replace(/`/g, '``')}\``;
}

/** In-application stream `SOURCE_SQL_STREAM_001` → table `source_sql_stream_001` (Flink's usual lower case). */
export function tableName(stream: string): string {
  return flinkName(stream.toLowerCase().replace(/[^a-z0-9_]+/g, '_'));
}

export const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * A KDA type as a Flink column / CAST type. VARCHAR(n) and CHAR(n) become STRING (Flink does not
 * truncate to n either way; KDA's length checks are not carried), TIMESTAMP is millisecond
 * TIMESTAMP(3) as KDA's, REAL is Flink's FLOAT (the same 4-byte float).
 */
export function flinkType(t: SqlType): string {
  switch (t.base) {
    case 'CHAR':
    case 'VARCHAR':
      return 'STRING';
    case 'INTEGER':
      return 'INT';
    case 'REAL':
      return 'FLOAT';
    case 'DECIMAL':
      return `DECIMAL(${t.precision ?? 10}, ${t.scale ?? 0})`;
    case 'TIMESTAMP':
      return 'TIMESTAMP(3)';
    case 'BINARY':
    case 'VARBINARY':
      return 'BYTES';
    case 'ROW':
      return `ROW<${(t.fields ?? []).map((f) => `${flinkName(f.name)} ${flinkType(f.type)}`).join(', ')}>`;
    case 'INTERVAL_DAY_TIME':
      return 'INTERVAL DAY TO SECOND';
    case 'INTERVAL_YEAR_MONTH':
      return 'INTERVAL YEAR TO MONTH';
    case 'NULL':
    case 'ANY':
      return 'STRING';
    default:
      return t.base;
  }
}

/** The design's type text (`VARCHAR(16)`, `INTEGER`…) as a Flink type; unreadable text reads as STRING. */
export function flinkTypeText(text: string): string {
  try {
    return flinkType(parseTypeName(text));
  } catch {
    return 'STRING';
  }
}

const DAY_TIME: [string, number][] = [
  ['DAY', 86_400_000],
  ['HOUR', 3_600_000],
  ['MINUTE', 60_000],
  ['SECOND', 1000],
];

/**
 * A day-time interval of `ms` as a Flink literal. Flink (Calcite) gives a single-unit interval a
 * leading precision of 2 digits, so `INTERVAL '300' SECOND` is refused there: the largest unit that
 * divides the value under 100 is used (`INTERVAL '5' MINUTE`), else the full `DAY TO SECOND` form.
 */
export function flinkInterval(ms: number, prefer?: string): string {
  const sign = ms < 0 ? '-' : '';
  const v = Math.abs(ms);
  if (sign) return `-${flinkInterval(v, prefer)}`;
  // The unit the KDA text was written in, when Flink reads it as it stands (`INTERVAL '60' SECOND`).
  const own = DAY_TIME.find(([u]) => u === prefer);
  if (own && v % own[1] === 0 && v / own[1] < 100) return `INTERVAL ${sign}'${v / own[1]}' ${own[0]}`;
  for (const [unit, size] of DAY_TIME) {
    if (v % size === 0 && v / size < 100) return `INTERVAL ${sign}'${v / size}' ${unit}`;
  }
  if (v < 100_000 && v % 1 === 0) return `INTERVAL ${sign}'${(v / 1000).toFixed(3)}' SECOND`;
  const d = Math.floor(v / 86_400_000);
  const h = Math.floor(v / 3_600_000) % 24;
  const m = Math.floor(v / 60_000) % 60;
  const s = (v % 60_000) / 1000;
  const pad = (n: number) => String(n).padStart(2, '0');
  const sec = s % 1 === 0 ? pad(s) : s.toFixed(3).padStart(6, '0');
  return `INTERVAL ${sign}'${d} ${pad(h)}:${pad(m)}:${sec}' DAY TO SECOND`;
}

/** A year-month interval of `months`. */
export function flinkMonths(months: number): string {
  const sign = months < 0 ? '-' : '';
  const v = Math.abs(months);
  if (sign) return `-${flinkMonths(v)}`;
  if (v % 12 === 0 && v / 12 < 100) return `INTERVAL ${sign}'${v / 12}' YEAR`;
  if (v < 100) return `INTERVAL ${sign}'${v}' MONTH`;
  return `INTERVAL ${sign}'${Math.floor(v / 12)}-${v % 12}' YEAR TO MONTH`;
}
