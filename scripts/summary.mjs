// Reads the vitest and Playwright JSON reports and prints the plain closing line CI reads.
// A failed static check (typecheck, lint, build) counts as one failed test so it cannot hide.
import { readFileSync } from 'node:fs';

const read = (f) => {
  try {
    return JSON.parse(readFileSync(f, 'utf8'));
  } catch {
    return null;
  }
};
const staticFail = Number(process.argv[2] ?? 0);
const u = read('reports/unit.json');
const e = read('reports/e2e.json');
const up = u ? u.numPassedTests : 0;
const uf = u ? u.numFailedTests + (u.numRuntimeErrorTestSuites ?? 0) : 1;
const ep = e ? e.stats.expected + e.stats.flaky : 0;
const ef = e ? e.stats.unexpected : 1;
console.log(`unit: ${up} passed, ${uf} failed${u ? '' : ' (no report)'}`);
console.log(`e2e: ${ep} passed, ${ef} failed${e ? '' : ' (no report)'}`);
if (staticFail) console.log('static checks (typecheck, lint or build) failed: counted as 1 failure');
console.log(`${up + ep} passed, ${uf + ef + staticFail} failed`);
process.exit(uf + ef + staticFail > 0 ? 1 : 0);
