import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handlerNeverLeaks, handlerProgram } from './handler-fuzz.ts';

describe('random handler programs (fuzz/sandbox.fuzz.ts runs 10,000)', () => {
  it('never crash the run or change another node’s results', async () => {
    await fc.assert(
      fc.asyncProperty(handlerProgram, async (code) => {
        expect(await handlerNeverLeaks(code)).toBe(true);
      }),
      { numRuns: 25, seed: 2026 },
    );
  });
});
