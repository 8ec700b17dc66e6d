#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts workload in this one process and prints one JSON
// line per workload. Run with --expose-gc when available so peak-memory figures are comparable.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of files) {
  const mod = await import(pathToFileURL(join(dir, f)).href);
  // Each bench module exports `run(print)`: it prints one JSON line per workload via print(obj).
  await mod.run((obj) => console.log(JSON.stringify(obj)));
}
