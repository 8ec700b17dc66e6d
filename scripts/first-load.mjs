#!/usr/bin/env node
// The first load of the production build: the script, modulepreloads and stylesheets that
// dist/index.html names, gzip-compressed as a server would send them. Budget: 250 kB (issue 14).
// `npm run build` prints it; exits 1 over budget so `npm test` (which builds) fails too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [
  ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*\bhref="([^"]+)"[^>]*\brel="(?:modulepreload|stylesheet)"/g),
].map((m) => m[1]);
const files = [...new Set(refs)].filter((r) => !/^https?:/.test(r));
let total = gzipSync(html).length;
const rows = [['index.html', total]];
for (const f of files) {
  const size = gzipSync(readFileSync(join(dist, f.replace(/^\//, '')))).length;
  rows.push([f, size]);
  total += size;
}
for (const [f, size] of rows) console.log(`  ${(size / 1000).toFixed(1).padStart(7)} kB gzip  ${f}`);
const kb = total / 1000;
console.log(`first load: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (kb > BUDGET_KB) {
  console.error(`first load is over budget by ${(kb - BUDGET_KB).toFixed(1)} kB`);
  process.exit(1);
}
