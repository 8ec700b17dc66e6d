/** Property test: the stream table functions never throw on any row values or time sequence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, Row, SqlValue } from '../types.ts';
import { TABLE_FUNCTIONS } from './index.ts';

const COLS: Column[] = [
  { name: 'K', type: { base: 'VARCHAR', length: 8 } },
  { name: 'X', type: { base: 'DOUBLE' } },
  { name: 'N', type: { base: 'INTEGER' } },
];
const value: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);
const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000 }), value, value, value), { maxLength: 80 });

const CALLS: [string, SqlValue[]][] = [
  ['TOP_K_ITEMS_TUMBLING', ['K', 3, 1]],
  ['TOP_K_ITEMS_TUMBLING', ['X', 1, 2]],
  ['COUNT_DISTINCT_ITEMS_TUMBLING', ['N', 1]],
  ['RANDOM_CUT_FOREST', [5, 10, 50, 2]],
  ['RANDOM_CUT_FOREST_WITH_EXPLANATION', [5, 10, 50, 1, true]],
];

describe('table functions under random rows', () => {
  it('push / advanceTo never throw, and emitted rows are in ROWTIME order', () => {
    fc.assert(
      fc.property(rows, fc.nat(), (raw, seed) => {
        for (const [name, args] of CALLS) {
          const f = TABLE_FUNCTIONS[name]?.create(COLS, args, seed);
          if (!f) throw new Error(name);
          let t = 0;
          const out: Row[] = [];
          for (const [dt, k, x, n] of raw) {
            t += dt;
            out.push(...f.push({ rowtime: t, values: [k, x, n] }));
          }
          out.push(...f.advanceTo(t + 10_000));
          for (let i = 1; i < out.length; i++) {
            expect((out[i] as Row).rowtime).toBeGreaterThanOrEqual((out[i - 1] as Row).rowtime);
          }
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
