/**
 * TOP_K_ITEMS_TUMBLING(cursor, 'column', K, windowSizeSeconds): the K most frequent values of a column
 * in each tumbling window, as rows (ITEM, ITEM_COUNT BIGINT) in descending count order.
 *
 * KDA documents the result as approximate. This uses the Space-Saving algorithm with room for
 * max(1,000, 10 × K) distinct values per window: counts are exact while a window holds fewer
 * distinct values than that, and overestimate by at most (rows in window) / capacity beyond it.
 * Ties keep first-seen order. Parameters as documented: 1 ≤ K ≤ 100,000; 1 ≤ window ≤ 3,600 s.
 */
import type { Column, Row, SqlValue, TableFunction, TableFunctionInstance } from '../types.ts';
import { columnArg, intArg, itemKey, TumblingClock } from './common.ts';

const NAME = 'TOP_K_ITEMS_TUMBLING';

interface Counter {
  value: SqlValue;
  count: number;
  order: number;
}

function params(input: Column[], args: SqlValue[]) {
  return {
    col: columnArg(NAME, input, args, 0),
    k: intArg(NAME, args, 1, 'K', 1, 100_000),
    windowSec: intArg(NAME, args, 2, 'the window size in seconds', 1, 3600),
  };
}

export const TOP_K_ITEMS_TUMBLING: TableFunction = {
  name: NAME,
  outputColumns(input, args) {
    const { col } = params(input, args);
    return [
      { name: 'ITEM', type: (input[col] as Column).type },
      { name: 'ITEM_COUNT', type: { base: 'BIGINT' } },
    ];
  },
  create(input, args): TableFunctionInstance {
    const { col, k, windowSec } = params(input, args);
    const capacity = Math.max(1000, 10 * k);
    const clock = new TumblingClock(windowSec * 1000);
    let counters = new Map<string, Counter>();
    let seen = 0;

    const flush = (end: number): Row[] => {
      const top = [...counters.values()].sort((a, b) => b.count - a.count || a.order - b.order).slice(0, k);
      counters = new Map();
      return top.map((c) => ({ rowtime: end, values: [c.value, c.count] }));
    };

    const advance = (rowtime: number): Row[] => {
      const closed = clock.closeIfDue(rowtime);
      return closed === null ? [] : flush(closed);
    };

    return {
      push(row) {
        const out = advance(row.rowtime);
        const v = row.values[col] ?? null;
        if (v === null) return out; // NULLs are not items
        clock.open(row.rowtime);
        const key = itemKey(v);
        const hit = counters.get(key);
        if (hit) hit.count++;
        else if (counters.size < capacity) counters.set(key, { value: v, count: 1, order: seen++ });
        else {
          // Space-Saving: the new value takes over the smallest counter, inheriting its count.
          let min: [string, Counter] | null = null;
          for (const e of counters) if (!min || e[1].count < min[1].count) min = e;
          const [minKey, minC] = min as [string, Counter];
          counters.delete(minKey);
          counters.set(key, { value: v, count: minC.count + 1, order: seen++ });
        }
        return out;
      },
      advanceTo: advance,
    };
  },
};
