import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../types.ts';
import { COUNT_DISTINCT_ITEMS_TUMBLING } from './countDistinct.ts';
import { TABLE_FUNCTIONS } from './index.ts';
import { TOP_K_ITEMS_TUMBLING } from './topK.ts';

// The sample stock schema of the SQL Reference examples.
const STOCK: Column[] = [
  { name: 'TICKER_SYMBOL', type: { base: 'VARCHAR', length: 4 } },
  { name: 'SECTOR', type: { base: 'VARCHAR', length: 16 } },
  { name: 'CHANGE', type: { base: 'REAL' } },
  { name: 'PRICE', type: { base: 'REAL' } },
];
const T0 = Date.UTC(2024, 0, 1, 0, 0, 0);
const trade = (sec: number, ticker: string | null): Row => ({
  rowtime: T0 + sec * 1000,
  values: [ticker, 'TECH', 0.5, 10],
});

describe('TOP_K_ITEMS_TUMBLING (SQL Reference example: TICKER_SYMBOL, K = 5, 60 s windows)', () => {
  it('declares ITEM (typed as the column) and ITEM_COUNT BIGINT', () => {
    expect(TOP_K_ITEMS_TUMBLING.outputColumns(STOCK, ['TICKER_SYMBOL', 5, 60])).toEqual([
      { name: 'ITEM', type: { base: 'VARCHAR', length: 4 } },
      { name: 'ITEM_COUNT', type: { base: 'BIGINT' } },
    ]);
    expect(TABLE_FUNCTIONS.TOP_K_ITEMS_TUMBLING).toBe(TOP_K_ITEMS_TUMBLING);
  });

  it('emits the 5 most frequent tickers when the minute closes, most frequent first, at ROWTIME = window end', () => {
    const f = TOP_K_ITEMS_TUMBLING.create(STOCK, ['TICKER_SYMBOL', 5, 60], 1);
    // 00:00–00:59: AMZN ×6, MSFT ×5, INTC ×4, TBV ×3, QXZ ×2, ASD ×1 (and one NULL, ignored).
    const counts: [string, number][] = [
      ['AMZN', 6],
      ['MSFT', 5],
      ['INTC', 4],
      ['TBV', 3],
      ['QXZ', 2],
      ['ASD', 1],
    ];
    let sec = 0;
    const early: Row[] = [];
    for (const [t, n] of counts) for (let i = 0; i < n; i++) early.push(...f.push(trade(sec++, t)));
    early.push(...f.push(trade(30, null)));
    expect(early).toEqual([]); // nothing before the window closes
    const out = f.push(trade(61, 'AMZN'));
    expect(out.map((r) => r.values)).toEqual([
      ['AMZN', 6],
      ['MSFT', 5],
      ['INTC', 4],
      ['TBV', 3],
      ['QXZ', 2],
    ]);
    expect(out.every((r) => r.rowtime === T0 + 60_000)).toBe(true);
    // The next window holds only the AMZN at 00:01:01; advancing time past 00:02:00 flushes it.
    expect(f.advanceTo(T0 + 119_999)).toEqual([]);
    expect(f.advanceTo(T0 + 120_000)).toEqual([{ rowtime: T0 + 120_000, values: ['AMZN', 1] }]);
    expect(f.advanceTo(T0 + 500_000)).toEqual([]); // empty windows emit nothing
  });

  it('rejects K and window sizes outside the documented ranges, and unknown columns', () => {
    expect(() => TOP_K_ITEMS_TUMBLING.outputColumns(STOCK, ['TICKER_SYMBOL', 0, 60])).toThrow(
      /K must be between 1 and 100,000/,
    );
    expect(() => TOP_K_ITEMS_TUMBLING.outputColumns(STOCK, ['TICKER_SYMBOL', 5, 3601])).toThrow(
      /between 1 and 3,600/,
    );
    expect(() => TOP_K_ITEMS_TUMBLING.outputColumns(STOCK, ['TICKER', 5, 60])).toThrow(/no column 'TICKER'/);
    expect(TOP_K_ITEMS_TUMBLING.outputColumns(STOCK, ['ticker_symbol', 5, 60])).toHaveLength(2);
  });
});

describe('COUNT_DISTINCT_ITEMS_TUMBLING (SQL Reference example: TICKER_SYMBOL, 60 s windows)', () => {
  it('declares NUMBER_OF_DISTINCT_ITEMS BIGINT and counts each minute exactly', () => {
    expect(COUNT_DISTINCT_ITEMS_TUMBLING.outputColumns(STOCK, ['TICKER_SYMBOL', 60])).toEqual([
      { name: 'NUMBER_OF_DISTINCT_ITEMS', type: { base: 'BIGINT' } },
    ]);
    const f = COUNT_DISTINCT_ITEMS_TUMBLING.create(STOCK, ['TICKER_SYMBOL', 60], 1);
    for (const [sec, t] of [
      [1, 'AMZN'],
      [2, 'MSFT'],
      [3, 'AMZN'],
      [4, null],
      [59, 'INTC'],
    ] as const) {
      expect(f.push(trade(sec, t))).toEqual([]);
    }
    expect(f.push(trade(60, 'AMZN'))).toEqual([{ rowtime: T0 + 60_000, values: [3] }]);
    expect(f.advanceTo(T0 + 120_000)).toEqual([{ rowtime: T0 + 120_000, values: [1] }]);
  });

  const rows = (n: number, window: number): Row[] =>
    Array.from({ length: n }, (_, i) => ({
      rowtime: T0 + Math.floor((i * 1000) / n),
      values: [`user-${i}-${window}`],
    }));
  const USERS: Column[] = [{ name: 'USER_ID', type: { base: 'VARCHAR', length: 32 } }];

  it('is exact up to 10,000 distinct items', () => {
    const f = COUNT_DISTINCT_ITEMS_TUMBLING.create(USERS, ['USER_ID', 1], 1);
    for (const r of rows(10_000, 0)) f.push(r);
    for (const r of rows(10_000, 0)) f.push(r); // repeats do not count twice
    expect(f.advanceTo(T0 + 1000)).toEqual([{ rowtime: T0 + 1000, values: [10_000] }]);
  });

  it('estimates 100,000 distinct items within 2 % (HyperLogLog, as documented: "may return 99,700")', () => {
    const f = COUNT_DISTINCT_ITEMS_TUMBLING.create(USERS, ['USER_ID', 1], 1);
    for (const r of rows(100_000, 1)) f.push(r);
    const [row] = f.advanceTo(T0 + 1000);
    const n = row?.values[0] as number;
    expect(Math.abs(n - 100_000) / 100_000).toBeLessThan(0.02);
  });
});
