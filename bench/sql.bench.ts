/**
 * SQL workload: a one-minute tumbling aggregation by key,
 *   SELECT STREAM TICKER, COUNT(*), SUM(PRICE), AVG(PRICE) FROM "IN"
 *   GROUP BY TICKER, STEP("IN".ROWTIME BY INTERVAL '1' MINUTE)
 * over 1,000,000 rows (100 tickers, one row per simulated ms), against a hand-written loop doing
 * the same aggregation on the same rows in the same process. Prints rows per wall second for
 * both and their ratio (target: the engine at ≥ 1/3 of the hand-written loop's speed).
 */

import type { Row } from '../src/sql/index.ts';
import { createSqlApp } from '../src/sql/index.ts';

const ROWS = 1_000_000;
const TICKERS = Array.from({ length: 100 }, (_, i) => `T${String(i).padStart(3, '0')}`);
const T0 = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;

function makeRows(): Row[] {
  const rows: Row[] = new Array(ROWS);
  let seed = 42;
  for (let i = 0; i < ROWS; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    rows[i] = { rowtime: T0 + i, values: [TICKERS[seed % 100] as string, 50 + (seed % 10_000) / 100] };
  }
  return rows;
}

/** The same aggregation written by hand: per-minute Map of ticker → [count, sum], emitted at each minute's end. */
function handWritten(rows: Row[]): number {
  let emitted = 0;
  let windowEnd = Number.NEGATIVE_INFINITY;
  let groups = new Map<string, { n: number; sum: number }>();
  const flush = () => {
    for (const [, g] of groups) {
      // Build the output row as the engine does (ticker, count, sum, avg).
      const out = [g.n, g.sum, g.sum / g.n];
      if (out.length === 3) emitted++;
    }
    groups = new Map();
  };
  for (const r of rows) {
    if (r.rowtime >= windowEnd) {
      flush();
      windowEnd = Math.floor(r.rowtime / MINUTE) * MINUTE + MINUTE;
    }
    const k = r.values[0] as string;
    const p = r.values[1] as number;
    const g = groups.get(k);
    if (g) {
      g.n++;
      g.sum += p;
    } else groups.set(k, { n: 1, sum: p });
  }
  flush();
  return emitted;
}

function engine(rows: Row[]): number {
  const app = createSqlApp(
    `SELECT STREAM TICKER, COUNT(*) AS N, SUM(PRICE) AS TOTAL, AVG(PRICE) AS MEAN FROM "IN"
     GROUP BY TICKER, STEP("IN".ROWTIME BY INTERVAL '1' MINUTE);`,
    {
      inputs: [
        {
          name: 'IN',
          columns: [
            { name: 'TICKER', type: { base: 'VARCHAR', length: 4 } },
            { name: 'PRICE', type: { base: 'DOUBLE' } },
          ],
        },
      ],
      seed: 1,
    },
  );
  let emitted = 0;
  for (let i = 0; i < rows.length; i++) {
    app.push('IN', rows[i] as Row);
    if ((i & 4095) === 0) emitted += app.drain().length;
  }
  app.advanceTo(Number.POSITIVE_INFINITY);
  return emitted + app.drain().length;
}

function time(f: () => number): { ms: number; out: number } {
  const start = performance.now();
  const out = f();
  return { ms: performance.now() - start, out };
}

export function run(print: (obj: object) => void): void {
  const rows = makeRows();
  // Warm both paths (JIT), then alternate five runs of each and keep each one's best: the build
  // box is shared, and the best run is the one least disturbed by other processes.
  handWritten(rows.slice(0, 100_000));
  engine(rows.slice(0, 100_000));
  const runs = { hand: [] as { ms: number; out: number }[], sql: [] as { ms: number; out: number }[] };
  for (let i = 0; i < 5; i++) {
    runs.hand.push(time(() => handWritten(rows)));
    runs.sql.push(time(() => engine(rows)));
  }
  const best = (xs: { ms: number; out: number }[]) =>
    xs.sort((a, b) => a.ms - b.ms)[0] as { ms: number; out: number };
  const hand = best(runs.hand);
  const sql = best(runs.sql);
  const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
  print({
    workload: 'sql-tumbling-1min-by-key',
    rows: ROWS,
    keys: TICKERS.length,
    outputRows: sql.out,
    handOutputRows: hand.out,
    sqlRowsPerSec: rate(sql.ms),
    handRowsPerSec: rate(hand.ms),
    ratio: Math.round((hand.ms / sql.ms) * 100) / 100,
    target: 0.33,
  });
}
