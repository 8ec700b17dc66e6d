/** `npm run fuzz sandbox`: 10,000 random handler programs through the engine (see handler-fuzz.ts). */
import fc from 'fast-check';
import { handlerNeverLeaks, handlerProgram } from '../src/engine/usercode/handler-fuzz.ts';

export async function run(print: (line: string) => void): Promise<number> {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  const t0 = performance.now();
  const result = await fc.check(fc.asyncProperty(handlerProgram, handlerNeverLeaks), { numRuns: runs });
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  if (result.failed) {
    print(
      `sandbox: FAILED after ${result.numRuns} runs (${secs} s): ${JSON.stringify(result.counterexample)}`,
    );
    return 1;
  }
  print(
    `sandbox: ${result.numRuns} random handler programs, none crashed the run or changed another node (${secs} s)`,
  );
  return 0;
}
