/**
 * The two log parsers not in logparse.ts (KDA SQL Reference, "Log Parsing Functions"):
 * - FIXED_COLUMN_LOG_PARSE(s, 'NAME TYPE <type> ['format'] [NOT NULL] START n [FOR w], …'): fields
 *   cut at fixed positions, as the page's grammar has it (START is 0-based; without FOR a field runs
 *   to the end of the line; DATE/TIME/TIMESTAMP take a SimpleDateFormat pattern such as
 *   'dd/MMM/yyyy:HH:mm:ss'). The page gives the grammar and no example rows.
 * - SYS_LOG_PARSE(s): the page's "Mon DD HH:MM:SS server message" as two columns, COLUMN1 a
 *   TIMESTAMP and COLUMN2 the VARCHAR rest ("server message"); NULL when the line does not fit.
 *   A syslog time stamp has no year: like the SimpleDateFormat the page points to, we read 1970.
 * Both return a ROW, read as `t.r.COLUMN1` after `FROM (SELECT STREAM …) AS t(r)`.
 */
import type { ScalarFunction, SqlValue } from '../types.ts';
import { parseDate } from './dateFormat.ts';
import { type ColumnSpec, castText, parseTypeName, splitTopLevel } from './typeText.ts';
import { CHAR_TYPES, expectArg, str, strict, T } from './util.ts';

interface FixedColumn extends ColumnSpec {
  start: number;
  width?: number;
}

const fixedCache = new Map<string, FixedColumn[]>();

/** `"C1" TYPE VARCHAR(10) START 0 FOR 10, C2 INTEGER START 10 FOR 5` (the word TYPE is optional). */
export function fixedColumns(spec: string): FixedColumn[] {
  const hit = fixedCache.get(spec);
  if (hit) return hit;
  const out: FixedColumn[] = [];
  for (const part of splitTopLevel(spec)) {
    const m =
      /^\s*("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)\s+(?:TYPE\s+)?(.+?)\s*(?:'([^']*)')?\s*(?:NOT\s+NULL\s+)?START\s+(\d+)(?:\s+FOR\s+(\d+))?\s*$/i.exec(
        part,
      );
    if (!m)
      throw new Error(
        `FIXED_COLUMN_LOG_PARSE: cannot read '${part.trim()}' (expected NAME TYPE type ['format'] [NOT NULL] START n [FOR width])`,
      );
    const raw = m[1] as string;
    const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toUpperCase();
    const type = parseTypeName(m[2] as string);
    out.push({
      name,
      type,
      start: Number(m[4]),
      ...(m[3] !== undefined ? { format: m[3] } : {}),
      ...(m[5] !== undefined ? { width: Number(m[5]) } : {}),
    });
  }
  if (fixedCache.size > 64) fixedCache.clear();
  fixedCache.set(spec, out);
  return out;
}

/** A plain object with own properties only (a field called `constructor` or `__proto__` is data). */
export function rowObject(names: string[], values: SqlValue[]): { [k: string]: SqlValue } {
  const out: { [k: string]: SqlValue } = {};
  names.forEach((n, i) => {
    Object.defineProperty(out, n, {
      value: values[i] ?? null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return out;
}

export const FIXED_COLUMN_LOG_PARSE: ScalarFunction = strict(
  'FIXED_COLUMN_LOG_PARSE',
  2,
  2,
  (argTypes, literals) => {
    expectArg('FIXED_COLUMN_LOG_PARSE', argTypes, 0, CHAR_TYPES, 'a character string');
    const spec = literals[1];
    if (typeof spec !== 'string')
      throw new Error(
        'FIXED_COLUMN_LOG_PARSE: the column list must be a string literal (it decides the columns)',
      );
    return T.row(fixedColumns(spec).map((c) => ({ name: c.name, type: c.type })));
  },
  ([s, spec]) => {
    const line = str(s as SqlValue, 'FIXED_COLUMN_LOG_PARSE');
    const cols = fixedColumns(str(spec as SqlValue, 'FIXED_COLUMN_LOG_PARSE'));
    const values = cols.map((c) => {
      if (c.start >= line.length) return null;
      const text = line.slice(c.start, c.width === undefined ? undefined : c.start + c.width);
      return castText(
        c.type.base === 'CHAR' || c.type.base === 'VARCHAR' ? text : text.trim(),
        c,
        'FIXED_COLUMN_LOG_PARSE',
      );
    });
    return rowObject(
      cols.map((c) => c.name),
      values,
    );
  },
);

const SYSLOG = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2}) (.*)$/s;
const SYSLOG_COLUMNS = ['COLUMN1', 'COLUMN2'];

export const SYS_LOG_PARSE: ScalarFunction = strict(
  'SYS_LOG_PARSE',
  1,
  1,
  (argTypes) => {
    expectArg('SYS_LOG_PARSE', argTypes, 0, CHAR_TYPES, 'a character string');
    return T.row([
      { name: 'COLUMN1', type: T.timestamp },
      { name: 'COLUMN2', type: T.varchar(1024) },
    ]);
  },
  ([s]) => {
    const line = str(s as SqlValue, 'SYS_LOG_PARSE').replace(/\r?\n$/, '');
    const m = SYSLOG.exec(line);
    if (!m) return null;
    let when: number;
    try {
      when = parseDate(
        'MMM dd HH:mm:ss',
        `${m[1]} ${(m[2] as string).padStart(2, '0')} ${m[3]}`,
        'SYS_LOG_PARSE',
      );
    } catch {
      return null; // "Foo 99 10:00:00": shaped like syslog, but no date
    }
    return rowObject(SYSLOG_COLUMNS, [when, m[4] ?? '']);
  },
);
