/**
 * Test helper: run SQL over rows given as `{ ROWTIME: 'YYYY-MM-DD HH:MM:SS', COL: value }` and get
 * back the rows the CLI would print. Pure (no Node APIs) so it can live beside the engine.
 */
import { createSqlApp, parseTimestamp } from './index.ts';
import { displayRow, parseSchema } from './schema.ts';
import type { Row, SqlValue } from './types.ts';

export interface TestInput {
  name: string;
  /** `COL TYPE, COL TYPE` */
  schema: string;
  rows: Record<string, unknown>[];
}

function toRows(input: TestInput): Row[] {
  const cols = parseSchema(input.schema);
  return input.rows.map((r, i) => {
    const t = r.ROWTIME;
    const rowtime =
      typeof t === 'string'
        ? (parseTimestamp(t) as number)
        : typeof t === 'number'
          ? t
          : Date.UTC(2024, 0, 1) + i;
    return {
      rowtime,
      values: cols.map((c) => {
        const v = r[c.name];
        if (v === undefined) return null;
        if ((c.type.base === 'TIMESTAMP' || c.type.base === 'DATE') && typeof v === 'string')
          return parseTimestamp(v) ?? null;
        return v as SqlValue;
      }),
    };
  });
}

export function runSql(
  sql: string,
  inputs: TestInput[],
  opts: { flush?: boolean; reference?: TestInput[]; seed?: number } = {},
): Record<string, unknown>[] {
  const app = createSqlApp(sql, {
    inputs: inputs.map((i) => ({ name: i.name, columns: parseSchema(i.schema) })),
    reference: (opts.reference ?? []).map((r) => ({
      name: r.name,
      columns: parseSchema(r.schema),
      rows: toRows(r),
    })),
    seed: opts.seed ?? 1,
  });
  const cols = new Map(app.streams.map((s) => [s.name, s.columns]));
  const all = inputs.flatMap((inp, k) => toRows(inp).map((row, i) => ({ name: inp.name, row, k, i })));
  all.sort((a, b) => a.row.rowtime - b.row.rowtime || a.k - b.k || a.i - b.i);
  const out: Record<string, unknown>[] = [];
  const take = () => {
    for (const { stream, row } of app.drain())
      out.push(displayRow(stream, cols.get(stream) ?? [], row.rowtime, row.values));
  };
  for (const r of all) {
    app.push(r.name, r.row);
    take();
  }
  if (opts.flush !== false) app.advanceTo(Number.POSITIVE_INFINITY);
  take();
  return out;
}

/** Rows of one stream without the `stream` key, for compact expectations. */
export function rowsOf(out: Record<string, unknown>[], stream: string): Record<string, unknown>[] {
  return out.filter((r) => r.stream === stream).map(({ stream: _s, ...rest }) => rest);
}
