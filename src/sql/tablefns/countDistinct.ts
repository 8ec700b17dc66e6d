/**
 * COUNT_DISTINCT_ITEMS_TUMBLING(cursor, 'column', windowSizeSeconds): the number of distinct values of
 * a column per tumbling window, one row (NUMBER_OF_DISTINCT_ITEMS BIGINT) per window.
 * As documented: exact while the window holds ≤ 10,000 distinct items, HyperLogLog beyond
 * ("if there are 100,000 distinct items, the algorithm may return 99,700"). NULLs are not counted.
 */
import type { Row, SqlValue, TableFunction, TableFunctionInstance } from '../types.ts';
import { columnArg, intArg, itemKey, TumblingClock } from './common.ts';
import { HyperLogLog } from './hyperLogLog.ts';

const NAME = 'COUNT_DISTINCT_ITEMS_TUMBLING';
export const EXACT_LIMIT = 10_000;

export const COUNT_DISTINCT_ITEMS_TUMBLING: TableFunction = {
  name: NAME,
  outputColumns(input, args) {
    columnArg(NAME, input, args, 0);
    intArg(NAME, args, 1, 'the window size in seconds', 1, 3600);
    return [{ name: 'NUMBER_OF_DISTINCT_ITEMS', type: { base: 'BIGINT' } }];
  },
  create(input, args: SqlValue[]): TableFunctionInstance {
    const col = columnArg(NAME, input, args, 0);
    const clock = new TumblingClock(intArg(NAME, args, 1, 'the window size in seconds', 1, 3600) * 1000);
    let exact: Set<string> | null = new Set();
    let hll: HyperLogLog | null = null;

    const flush = (end: number): Row[] => {
      const n = exact ? exact.size : (hll as HyperLogLog).estimate();
      exact = new Set();
      hll = null;
      return [{ rowtime: end, values: [n] }];
    };
    const advance = (rowtime: number): Row[] => {
      const closed = clock.closeIfDue(rowtime);
      return closed === null ? [] : flush(closed);
    };

    return {
      push(row) {
        const out = advance(row.rowtime);
        const v = row.values[col] ?? null;
        clock.open(row.rowtime);
        if (v === null) return out;
        const key = itemKey(v);
        if (exact) {
          exact.add(key);
          if (exact.size > EXACT_LIMIT) {
            hll = new HyperLogLog();
            for (const k of exact) hll.add(k);
            exact = null;
          }
        } else (hll as HyperLogLog).add(key);
        return out;
      },
      advanceTo: advance,
    };
  },
};
