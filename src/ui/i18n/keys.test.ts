/**
 * Every text exists in both languages, and every key the code looks up exists:
 * - each namespace file's `en` and `ja` have the same keys (deep), none empty, and the same
 *   {{placeholders}} (a Japanese text never drops a figure the English shows);
 * - every literal key in a `t('…')` call under src/ (ui, lessons UI) is found in English in its
 *   namespace (`ns:key`) or, without one, in some namespace (the file's useTranslation picks it).
 * The Japanese walk (e2e/japanese-walk.spec.ts) catches keys built at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en as sweepEn, ja as sweepJa } from '../sweep/strings.ts';
import { i18n, loadLanguage, NAMESPACES } from './index.ts';

// Bundles a lazily loaded tab adds when its chunk loads (SweepTab): checked like the others.
i18n.addResourceBundle('en', 'sweep', sweepEn, true, false);
i18n.addResourceBundle('ja', 'sweep', sweepJa, true, false);

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const resources = (lng: 'en' | 'ja', ns: string) => leaves(i18n.getResourceBundle(lng, ns) as Tree);
/** Plural keys (`x_one`, `x_other`) are looked up as `x`. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('i18n resources', () => {
  beforeAll(() => loadLanguage('ja'));

  it('has every namespace in both languages with the same keys, none empty, the same placeholders', () => {
    expect(NAMESPACES).toEqual(
      expect.arrayContaining(['studio', 'canvas', 'inspector', 'run', 'sql', 'lessons', 'cost']),
    );
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      const en = resources('en', ns);
      const ja = resources('ja', ns);
      for (const k of en.keys()) if (!ja.has(k)) problems.push(`${ns}:${k} missing in ja`);
      for (const k of ja.keys()) if (!en.has(k)) problems.push(`${ns}:${k} missing in en`);
      for (const [k, v] of ja) {
        if (v.trim() === '' && en.get(k)?.trim() !== '') problems.push(`${ns}:${k} empty in ja`);
        const e = en.get(k);
        if (e !== undefined && placeholders(e).join() !== placeholders(v).join())
          problems.push(`${ns}:${k} placeholders ${placeholders(e)} vs ${placeholders(v)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds every literal key the code looks up', () => {
    const SRC = resolve(import.meta.dirname, '../..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = join(dir, e.name);
        if (e.isDirectory()) return e.name === 'i18n' ? [] : files(p);
        return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
      });
    const all = new Map(NAMESPACES.map((ns) => [ns, new Set([...resources('en', ns).keys()].map(base))]));
    const exists = (ns: string | undefined, key: string) =>
      ns ? all.get(ns)?.has(key) : [...all.values()].some((keys) => keys.has(key));
    const missing: string[] = [];
    let looked = 0;
    for (const file of [...files(join(SRC, 'ui')), ...files(join(SRC, 'store'))]) {
      const text = readFileSync(file, 'utf8');
      // t('key'), tRun('key'), i18n.t('ns:key'): a literal first argument, no template string.
      for (const m of text.matchAll(/\b(?:t|t[A-Z]\w*|i18n\.t)\(\s*'([\w.:-]+)'/g)) {
        const [ns, key] = m[1].includes(':') ? m[1].split(':') : [undefined, m[1]];
        looked++;
        if (!exists(ns, key)) missing.push(`${file.slice(SRC.length + 1)}: ${m[1]}`);
      }
    }
    expect(looked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });
});
