/**
 * The table functions inside SQL applications, run by the SQL engine (createSqlApp): the SQL
 * Reference's examples for TOP_K_ITEMS_TUMBLING and COUNT_DISTINCT_ITEMS_TUMBLING, and the console's
 * anomaly-detection pattern with RANDOM_CUT_FOREST.
 */
import { describe, expect, it } from 'vitest';
import { createSqlApp } from '../index.ts';
import type { Column, Row } from '../types.ts';

const STOCK: Column[] = [
  { name: 'TICKER_SYMBOL', type: { base: 'VARCHAR', length: 4 } },
  { name: 'SECTOR', type: { base: 'VARCHAR', length: 16 } },
  { name: 'CHANGE', type: { base: 'REAL' } },
  { name: 'PRICE', type: { base: 'REAL' } },
];
const T0 = Date.UTC(2024, 0, 1);

function run(sql: string, rows: Row[], endMs: number) {
  const app = createSqlApp(sql, { inputs: [{ name: 'SOURCE_SQL_STREAM_001', columns: STOCK }], seed: 7 });
  for (const r of rows) app.push('SOURCE_SQL_STREAM_001', r);
  app.advanceTo(endMs);
  return app.drain();
}

// 90 seconds of trades: in the first minute AMZN ×6, MSFT ×4, INTC ×2; in the second, TBV ×3.
const trades: Row[] = [
  ...['AMZN', 'MSFT', 'AMZN', 'INTC', 'AMZN', 'MSFT', 'AMZN', 'MSFT', 'AMZN', 'INTC', 'MSFT', 'AMZN'].map(
    (t, i) => ({ rowtime: T0 + i * 4000, values: [t, 'TECHNOLOGY', 0.1, 10 + i] }),
  ),
  ...[0, 10, 20].map((s) => ({ rowtime: T0 + 60_000 + s * 1000, values: ['TBV', 'FINANCIAL', -0.2, 33] })),
];

describe('table functions in SQL', () => {
  it('TOP_K_ITEMS_TUMBLING: the SQL Reference example emits the top tickers per minute', () => {
    const sql = `CREATE OR REPLACE STREAM DESTINATION_SQL_STREAM (
  "TICKER_SYMBOL" VARCHAR(4),
  "MOST_FREQUENT_VALUES" BIGINT
);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM *
    FROM TABLE (TOP_K_ITEMS_TUMBLING(
      CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),
      'TICKER_SYMBOL',  -- name of column in single quotes
      5,                -- number of the most frequently occurring values
      60                -- tumbling window size in seconds
    ));`;
    const out = run(sql, trades, T0 + 120_000).filter((o) => o.stream === 'DESTINATION_SQL_STREAM');
    expect(out.map((o) => [o.row.rowtime - T0, ...o.row.values])).toEqual([
      [60_000, 'AMZN', 6],
      [60_000, 'MSFT', 4],
      [60_000, 'INTC', 2],
      [120_000, 'TBV', 3],
    ]);
  });

  it('COUNT_DISTINCT_ITEMS_TUMBLING: the SQL Reference example counts distinct tickers per minute', () => {
    const sql = `CREATE OR REPLACE STREAM DESTINATION_SQL_STREAM (NUMBER_OF_DISTINCT_ITEMS BIGINT);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM *
  FROM TABLE(COUNT_DISTINCT_ITEMS_TUMBLING(
    CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),  -- pointer to the data stream
    'TICKER_SYMBOL',                                       -- name of column in single quotes
    60                                                     -- tumbling window size in seconds
  ));`;
    const out = run(sql, trades, T0 + 120_000).filter((o) => o.stream === 'DESTINATION_SQL_STREAM');
    expect(out.map((o) => [o.row.rowtime - T0, ...o.row.values])).toEqual([
      [60_000, 3],
      [120_000, 1],
    ]);
  });

  it('RANDOM_CUT_FOREST: a price spike gets the highest ANOMALY_SCORE of the stream', () => {
    const sql = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (PRICE DOUBLE, ANOMALY_SCORE DOUBLE);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM PRICE, ANOMALY_SCORE
  FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM CAST(PRICE AS DOUBLE) AS PRICE FROM "SOURCE_SQL_STREAM_001")));`;
    // A price wandering between 95 and 105, then one trade at 180.
    const rows: Row[] = Array.from({ length: 600 }, (_, i) => ({
      rowtime: T0 + i * 100,
      values: ['AMZN', 'TECHNOLOGY', 0, 100 + 5 * Math.sin(i / 7) + ((i * 37) % 11) / 5],
    }));
    rows.push({ rowtime: T0 + 60_000, values: ['AMZN', 'TECHNOLOGY', 0, 180] });
    const out = run(sql, rows, T0 + 61_000).filter((o) => o.stream === 'DESTINATION_SQL_STREAM');
    expect(out).toHaveLength(601);
    const scores = out.map((o) => o.row.values[1] as number);
    const spike = scores[600] as number;
    expect(Math.max(...scores.slice(0, 600))).toBeLessThan(spike);
    const settled = scores.slice(300, 600);
    expect(spike).toBeGreaterThan(3 * (settled.reduce((a, b) => a + b, 0) / settled.length));
  });
});
