#!/usr/bin/env node
// `npm run fuzz [name…]`: the long property runs (10^4–10^5 cases) that `npm test` runs at a small
// count. Each fuzz/*.fuzz.ts exports `run(print)` and returns the number of failed properties.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fuzz');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.fuzz.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  failed += Number((await mod.run((line) => console.log(line))) ?? 0);
}
console.log(`fuzz: ${files.length} files, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
