/**
 * Turning records into SQL input rows (KDA input schema mapping) and output rows into records.
 * JSON input: each column's JSONPath (`$.a.b`, `$.a[0]`, `$.'key'`) read from the record (under
 * `recordRowPath`); CSV input: the columns in order. Values are coerced to the column's type;
 * an unparsable value becomes NULL, as KDA's schema mapping does.
 */
import type { InputColumn } from '../../model/types.ts';
import type { Column, SqlType, SqlValue } from '../../sql/index.ts';
import { formatValue, parseTimestamp } from '../../sql/index.ts';

export { toColumns } from '../../sql/index.ts';

/** `$.a.b[0]` → ['a', 'b', 0]; `$` → []. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  const body = path.trim().replace(/^\$/, '');
  for (const m of body.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3] ?? m[4] ?? '');
  }
  return out;
}

function walk(v: unknown, segs: (string | number)[]): unknown {
  let cur = v;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

export function coerce(v: unknown, t: SqlType): SqlValue {
  if (v === undefined || v === null || v === '') return null;
  switch (t.base) {
    case 'BOOLEAN':
      return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null;
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT': {
      const n = Number(v);
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'DECIMAL':
    case 'REAL':
    case 'DOUBLE': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'TIMESTAMP':
    case 'DATE': {
      if (typeof v === 'number') return v;
      return parseTimestamp(String(v)) ?? null;
    }
    case 'CHAR':
    case 'VARCHAR': {
      const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
      return t.length !== undefined ? s.slice(0, t.length) : s;
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v) : (v as SqlValue);
  }
}

/** A row mapper for one input schema; returns null when the record is not parsable at all. */
export function createRowMapper(
  format: 'JSON' | 'CSV',
  recordRowPath: string,
  cols: InputColumn[],
  columns: Column[],
  delimiter: string,
): (text: string) => SqlValue[] | null {
  if (format === 'CSV') {
    return (text) => {
      const cells = text.replace(/\r?\n$/, '').split(delimiter || ',');
      return columns.map((c, i) => coerce(cells[i], c.type));
    };
  }
  const root = pathSegments(recordRowPath || '$');
  const paths = cols.map((c) => pathSegments(c.mapping || `$.${c.name}`));
  return (text) => {
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      return null;
    }
    const base = walk(obj, root);
    return columns.map((c, i) => coerce(walk(base, paths[i]), c.type));
  };
}

/** An output row as the JSON record KDA writes to a destination (column names as keys). */
export function rowToJson(columns: Column[], values: SqlValue[]): string {
  const o: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    o[c.name] = formatValue(values[i] ?? null, c.type);
  });
  return JSON.stringify(o);
}

/** An output row as a CSV line. */
export function rowToCsv(columns: Column[], values: SqlValue[]): string {
  return columns.map((c, i) => String(formatValue(values[i] ?? null, c.type) ?? '')).join(',');
}
