/**
 * Aggregate functions over one tumbling window, with textbook numbers:
 * X = 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, population variance 4 (σ = 2), sample variance 32/7.
 */
import { describe, expect, it } from 'vitest';
import { rowsOf, runSql } from './testkit.ts';

const XS = [2, 4, 4, 4, 5, 5, 7, 9];
const INPUT = {
  name: 'IN',
  schema: 'X DOUBLE, N INTEGER',
  rows: XS.map((x, i) => ({ ROWTIME: Date.UTC(2024, 0, 1) + i * 1000, X: x, N: x })),
};
const ONE_MINUTE = `GROUP BY STEP("IN".ROWTIME BY INTERVAL '1' MINUTE)`;

describe('aggregates', () => {
  it('COUNT, SUM, AVG, MIN, MAX, the variance family, FIRST_VALUE, LAST_VALUE, DISTINCT', () => {
    const sql = `SELECT STREAM COUNT(*) AS C, COUNT(DISTINCT X) AS CD, SUM(X) AS S, SUM(DISTINCT N) AS SD, AVG(X) AS A,
        MIN(X) AS LO, MAX(X) AS HI, VAR_POP(X) AS VP, VAR_SAMP(X) AS VS, STDDEV_POP(X) AS SP, STDDEV_SAMP(X) AS SS,
        FIRST_VALUE(X) AS FV, LAST_VALUE(X) AS LV
      FROM "IN" ${ONE_MINUTE};`;
    const [r] = rowsOf(runSql(sql, [INPUT]), 'QUERY_1');
    expect(r).toMatchObject({ C: 8, CD: 5, S: 40, SD: 27, A: 5, LO: 2, HI: 9, VP: 4, SP: 2, FV: 2, LV: 9 });
    expect(r?.VS).toBeCloseTo(32 / 7, 12);
    expect(r?.SS).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('NULLs are skipped; an all-NULL group sums to NULL but counts 0', () => {
    const input = { ...INPUT, rows: [{ ROWTIME: Date.UTC(2024, 0, 1), X: null, N: null }] };
    const [r] = rowsOf(
      runSql(
        `SELECT STREAM COUNT(X) AS C, COUNT(*) AS CS, SUM(X) AS S, AVG(N) AS A FROM "IN" ${ONE_MINUTE};`,
        [input],
      ),
      'QUERY_1',
    );
    expect(r).toMatchObject({ C: 0, CS: 1, S: null, A: null });
  });

  it('EXP_AVG halves a value weight every half-life, measured from the newest row', () => {
    const input = {
      ...INPUT,
      rows: [
        { ROWTIME: Date.UTC(2024, 0, 1, 0, 0, 0), X: 0 },
        { ROWTIME: Date.UTC(2024, 0, 1, 0, 0, 10), X: 10 },
      ],
    };
    const [r] = rowsOf(
      runSql(`SELECT STREAM EXP_AVG(X, INTERVAL '10' SECOND) AS E FROM "IN" ${ONE_MINUTE};`, [input]),
      'QUERY_1',
    );
    // weights 0.5 and 1: (0 × 0.5 + 10 × 1) / 1.5
    expect(r?.E).toBeCloseTo(20 / 3, 12);
  });

  it('sliding SUM over ROWS 2 PRECEDING (3 rows) and RANGE 1.5 SECONDS PRECEDING (rows 1 s apart: 2 rows)', () => {
    const sql = `SELECT STREAM X, SUM(N) OVER (ROWS 2 PRECEDING) AS R3, SUM(N) OVER (RANGE INTERVAL '1.5' SECOND PRECEDING) AS T2 FROM "IN";`;
    expect(rowsOf(runSql(sql, [INPUT]), 'QUERY_1').map((r) => [r.R3, r.T2])).toEqual([
      [2, 2],
      [6, 6],
      [10, 8],
      [12, 8],
      [13, 9],
      [14, 10],
      [17, 12],
      [21, 16],
    ]);
  });
});
