/**
 * The runtime never throws out of a query: random rows with values of any type (wrong types,
 * NULLs, NaN, huge numbers, bytes, objects, short rows) through every kind of operator. Whatever
 * goes wrong becomes an error_stream row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSqlApp } from './index.ts';
import { parseSchema } from './schema.ts';
import type { SqlValue } from './types.ts';

const COLUMNS = parseSchema('K VARCHAR(8), N INTEGER, X DOUBLE, F BOOLEAN, T TIMESTAMP');

const QUERIES = [
  `SELECT STREAM K, N / (N - 1) AS Q, UPPER(K) || '!' AS U, CAST(K AS INTEGER) AS C, X * 2 AS D FROM "IN" WHERE F OR N > 3;`,
  `SELECT STREAM K, COUNT(*) AS C, SUM(N) AS S, AVG(X) AS A, STDDEV_SAMP(X) AS SD, MIN(T) AS MT
     FROM "IN" GROUP BY K, STEP("IN".ROWTIME BY INTERVAL '5' SECOND) HAVING SUM(N) > 0;`,
  `SELECT STREAM K, MAX(X) OVER W AS MX, LAG(N) OVER W AS PREV, COUNT(DISTINCT K) OVER W AS DK
     FROM "IN" WINDOW W AS (PARTITION BY K RANGE INTERVAL '3' SECOND PRECEDING);`,
  `SELECT STREAM K, COUNT(*) AS C, EXP_AVG(X, INTERVAL '2' SECOND) AS E
     FROM "IN" WINDOWED BY STAGGER (PARTITION BY K RANGE INTERVAL '2' SECOND);`,
  `SELECT STREAM a.K, b.N FROM "IN" AS a JOIN "IN" OVER (RANGE INTERVAL '1' SECOND PRECEDING) AS b ON a.K = b.K AND a.N < b.N;`,
  `SELECT STREAM * FROM TABLE(TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "IN"), 'K', 3, 2));`,
  `SELECT STREAM CASE WHEN X BETWEEN 0 AND 1 THEN K ELSE 'other' END AS B, K LIKE 'a%' AS L, EXTRACT(SECOND FROM T) AS S,
     CHAR_TO_TIMESTAMP('yyyy-MM-dd', K) AS P FROM "IN";`,
];

const anyValue: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0),
  fc.uint8Array({ maxLength: 4 }),
  fc.constant({ nested: 1 } as SqlValue),
);
const row = fc.record({
  gapMs: fc.integer({ min: -500, max: 3000 }),
  values: fc.array(anyValue, { minLength: 0, maxLength: 6 }),
});

describe('the runtime never throws out of a query', () => {
  for (const [i, sql] of QUERIES.entries()) {
    it(`query ${i + 1}: random rows of any types`, () => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
          const app = createSqlApp(sql, { inputs: [{ name: 'IN', columns: COLUMNS }], seed: 7 });
          let t = Date.UTC(2024, 0, 1);
          let emitted = 0;
          for (const r of rows) {
            t += r.gapMs;
            app.push('IN', { rowtime: t, values: r.values });
            emitted += app.drain().length;
          }
          app.advanceTo(Number.POSITIVE_INFINITY);
          const last = app.drain();
          for (const o of last) expect(Number.isFinite(o.row.rowtime)).toBe(true);
          emitted += last.length;
          expect(emitted).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a wrongly typed value is an error row naming the pump, with the data row', () => {
    const app = createSqlApp(
      `CREATE OR REPLACE STREAM "OUT" (Q INTEGER);
       CREATE OR REPLACE PUMP "DIVIDE" AS INSERT INTO "OUT" SELECT STREAM 10 / N FROM "IN";`,
      { inputs: [{ name: 'IN', columns: COLUMNS }], seed: 1 },
    );
    app.push('IN', { rowtime: 1000, values: ['k', 0, 1, true, 0] });
    app.push('IN', { rowtime: 2000, values: ['k', 5, 1, true, 0] });
    const out = app.drain();
    expect(out.map((o) => [o.stream, o.row.values[0]])).toEqual([
      ['error_stream', 1000],
      ['OUT', 2],
    ]);
    expect(out[0]?.row.values.slice(1)).toEqual([
      'ERROR',
      'SqlRuntimeError',
      'Division by zero',
      1000,
      '["k",0,1,true,0]',
      'DIVIDE',
    ]);
  });
});
