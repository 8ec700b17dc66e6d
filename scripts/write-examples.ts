/**
 * Writes examples/<id>.json for every template (`npx tsx scripts/write-examples.ts`).
 * src/model/templates/examples.test.ts fails when the files and the templates drift apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDocument } from '../src/export/document.ts';
import { TEMPLATES } from '../src/model/templates/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
mkdirSync(dir, { recursive: true });
for (const t of TEMPLATES) {
  const file = join(dir, `${t.id}.json`);
  writeFileSync(file, serializeDocument(t.doc));
  console.log(`wrote ${file}`);
}
