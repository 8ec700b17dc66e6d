/**
 * The walls between layers, checked over the real import graph (static and dynamic imports):
 * - ui/ and store/ reach the engine only through `engine/api.ts`, and the SQL engine only through
 *   `sql/index.ts` (its one entrance); the engine and the CLI use that entrance too;
 * - store/ never imports ui/.
 * The other direction (model, engine, export, sql importing no UI, store or worker code) is Biome's
 * noRestrictedImports in biome.json. Test files may reach inside (fixtures), so they are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every relative module a file imports, as a path relative to src/ (`engine/api.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/\bfrom\s+['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
  ].map((m) => m[1]);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s.replace(/\?.*$/, ''))));
}

function violations(layer: string, rule: (target: string) => string | null): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(join(SRC, layer))) {
    for (const target of importsOf(file)) {
      const why = rule(target);
      if (why) out.push(`${relative(SRC, file)} → ${target}: ${why}`);
    }
  }
  return out;
}

const throughEntrances = (target: string): string | null => {
  if (target.startsWith('engine/') && target !== 'engine/api.ts')
    return 'the engine only through engine/api.ts';
  if (target.startsWith('sql/') && target !== 'sql/index.ts')
    return 'the SQL engine only through sql/index.ts';
  return null;
};

describe('layer walls', () => {
  it('finds imports in a file (the check can see what it checks)', () => {
    const seen = importsOf(join(SRC, 'store', 'studio.ts'));
    expect(seen).toContain('model/validate.ts');
    expect(seen).toContain('sql/index.ts'); // the lazy SQL checker, a dynamic import
  });

  it('ui/ imports the engine only through engine/api.ts and SQL only through sql/index.ts', () => {
    expect(violations('ui', throughEntrances)).toEqual([]);
  });

  it('store/ imports the engine and SQL only through their entrances, and never ui/', () => {
    expect(
      violations('store', (t) =>
        t.startsWith('ui/') ? 'the store does not import ui' : throughEntrances(t),
      ),
    ).toEqual([]);
  });

  it('the engine, the CLI and the worker reach the SQL engine only through sql/index.ts', () => {
    const sqlOnly = (t: string) =>
      t.startsWith('sql/') && t !== 'sql/index.ts' ? 'the SQL engine only through sql/index.ts' : null;
    expect([
      ...violations('engine', sqlOnly),
      ...violations('cli', sqlOnly),
      ...violations('worker', sqlOnly),
    ]).toEqual([]);
  });
});
