/**
 * `npm run fuzz sql`: 10^5 generated SQL texts (mutated reference queries, token soup, random
 * strings, deep nesting) through parseSql / checkSql / createSqlApp and a few rows each; the
 * engine must answer every one with rows or line:column problems, never a crash.
 */
import fc from 'fast-check';
import { engineAnswers, generatedSql } from '../src/sql/fuzzSql.ts';

export async function run(print: (line: string) => void): Promise<number> {
  const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);
  const start = performance.now();
  const result = fc.check(fc.property(generatedSql, engineAnswers), { numRuns });
  const secs = ((performance.now() - start) / 1000).toFixed(1);
  if (result.failed) {
    print(`sql: FAILED after ${result.numRuns} runs (${secs} s): ${fc.defaultReportMessage(result) ?? ''}`);
    return 1;
  }
  print(`sql: ${result.numRuns} generated SQL texts, no crash (${secs} s)`);
  return 0;
}
