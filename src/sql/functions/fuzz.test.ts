/**
 * Property tests: whatever a row holds, a library function either returns a value or throws a
 * SqlRuntimeError (which the runtime turns into an error_stream row); never a TypeError or a hang.
 * Validation-time checks (returnType) may throw plain Errors with a message, nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverSchema } from '../discover.ts';
import type { SqlType, SqlValue } from '../types.ts';
import { SqlRuntimeError } from '../types.ts';
import { parseDate } from './dateFormat.ts';
import { SCALAR_FUNCTIONS } from './index.ts';
import { likeToRegExp, similarToRegExp } from './patterns.ts';

const TYPES: SqlType[] = [
  { base: 'INTEGER' },
  { base: 'BIGINT' },
  { base: 'DOUBLE' },
  { base: 'VARCHAR', length: 32 },
  { base: 'BOOLEAN' },
  { base: 'TIMESTAMP' },
  { base: 'INTERVAL_DAY_TIME' },
  { base: 'NULL' },
];

const arbitraryValue = (t: SqlType): fc.Arbitrary<SqlValue> => {
  switch (t.base) {
    case 'INTEGER':
    case 'BIGINT':
      return fc.oneof(fc.integer(), fc.constant(0), fc.constant(-1));
    case 'DOUBLE':
      return fc.oneof(fc.double(), fc.constant(0));
    case 'VARCHAR':
      return fc.oneof(
        fc.string({ maxLength: 24 }),
        fc.constantFrom('COMMON', 'yyyy-MM-dd', 'HOUR', '(a)(b)', 'A TYPE INTEGER', '[', '%_', 'BOTH', ' '),
      );
    case 'BOOLEAN':
      return fc.boolean();
    case 'TIMESTAMP':
      return fc.integer({ min: -8.64e15, max: 8.64e15 });
    case 'INTERVAL_DAY_TIME':
      return fc.integer({ min: -1e12, max: 1e12 });
    default:
      return fc.constant(null);
  }
};

const call = fc
  .record({
    name: fc.constantFrom(...Object.keys(SCALAR_FUNCTIONS)),
    types: fc.array(fc.constantFrom(...TYPES), { maxLength: 5 }),
  })
  .chain(({ name, types }) =>
    fc.tuple(fc.constant(name), fc.constant(types), fc.tuple(...types.map(arbitraryValue))),
  );

describe('the function library under random arguments', () => {
  it('evaluate returns a value or throws SqlRuntimeError; returnType throws only Error with a message', () => {
    fc.assert(
      fc.property(call, ([name, types, values]) => {
        const fn = SCALAR_FUNCTIONS[name];
        if (!fn || values.length < fn.minArgs || values.length > fn.maxArgs) return;
        try {
          fn.returnType(types, values);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message.length).toBeGreaterThan(0);
          return;
        }
        try {
          const v = fn.evaluate(values, types, { rowtime: 0 });
          expect(v === undefined).toBe(false);
        } catch (e) {
          if (!(e instanceof SqlRuntimeError))
            throw new Error(`${name}(${JSON.stringify(values)}) threw ${e}`);
        }
      }),
      { numRuns: 3000, seed: 20171209 },
    );
  });

  it('date formats and LIKE / SIMILAR TO patterns compile or fail with SqlRuntimeError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.string({ maxLength: 24 }), (pattern, text) => {
        for (const f of [
          () => parseDate(pattern, text),
          () => likeToRegExp(pattern, '\\').test(text),
          () => similarToRegExp(pattern).test(text),
        ]) {
          try {
            f();
          } catch (e) {
            if (!(e instanceof SqlRuntimeError))
              throw new Error(`pattern ${JSON.stringify(pattern)} threw ${e}`);
          }
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('discoverSchema returns columns or throws an Error with a message for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.json(), fc.string()), { maxLength: 5 }),
        fc.constantFrom('JSON', 'CSV' as const),
        (samples, format) => {
          try {
            const cols = discoverSchema(samples, format as 'JSON' | 'CSV');
            for (const c of cols) expect(c.name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
          }
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});
