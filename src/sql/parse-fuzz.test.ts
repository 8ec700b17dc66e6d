/** No generated SQL crashes the parser, the checker or the runtime (10^5 cases: `npm run fuzz sql`). */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { engineAnswers, generatedSql } from './fuzzSql.ts';

describe('generated SQL never crashes the engine', () => {
  it('every text gets rows or problems with a line:column (1,000 cases)', () => {
    fc.assert(fc.property(generatedSql, engineAnswers), { numRuns: 1000, seed: 13 });
  });
});
