import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../export/document.ts';
import { TEMPLATES } from './index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

describe('examples/*.json match the templates (run `npx tsx scripts/write-examples.ts` after changing a template)', () => {
  it('there is exactly one file per template', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(TEMPLATES.map((t) => `${t.id}.json`).sort());
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('examples/%s.json', (id, t) => {
    const text = readFileSync(join(dir, `${id}.json`), 'utf8');
    expect(text).toBe(serializeDocument(t.doc));
    const r = parseDocument(text);
    expect(r.ok && r.doc).toEqual(t.doc);
  });
});
