/**
 * Column lists as text (`COL TYPE, "Col" VARCHAR(8), …`, as the CLI's --schema takes them) and
 * the display form of values (TIMESTAMP as 'YYYY-MM-DD HH:MM:SS.fff' UTC, as KDA shows them).
 */
import { parseTypeName } from './functions/index.ts';
import { formatTimestamp } from './literals.ts';
import type { Column, SqlType, SqlValue } from './types.ts';

/** `COL TYPE, "Col" VARCHAR(8), …` → columns (bare names upper-cased as in SQL). */
export function parseSchema(text: string): Column[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => {
    const m = /^\s*("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+(.+?)\s*$/.exec(p);
    if (!m) throw new Error(`Bad column in --schema: '${p.trim()}' (expected NAME TYPE)`);
    const raw = m[1] as string;
    const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toUpperCase();
    return { name, type: parseTypeName(m[2] as string) };
  });
}

export function formatValue(v: SqlValue, t: SqlType): unknown {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (t.base === 'TIMESTAMP') return formatTimestamp(v);
    if (t.base === 'DATE') return formatTimestamp(v).slice(0, 10);
    if (t.base === 'TIME') return formatTimestamp(v).slice(11);
    return Number.isFinite(v) ? v : null;
  }
  if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
  return v;
}

/** A stream row as the CLI prints it: `{ stream, ROWTIME, …columns }` with display values. */
export function displayRow(
  stream: string,
  columns: Column[],
  rowtime: number,
  values: SqlValue[],
): Record<string, unknown> {
  const obj: Record<string, unknown> = { stream, ROWTIME: formatTimestamp(rowtime) };
  columns.forEach((c, i) => {
    // defineProperty: a column named __proto__ or constructor is just a key of the printed row.
    Object.defineProperty(obj, c.name, {
      value: formatValue(values[i] ?? null, c.type),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return obj;
}
