import { describe, expect, it } from 'vitest';
import { en as canvasEn } from '../i18n/canvas.ts';
import { i18n } from '../i18n/index.ts';
import { en as runEn } from '../i18n/run.ts';
import { fastT } from './useFastT.ts';

/** Every leaf key of a namespace object, as i18next spells it ("live.rate"). */
function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('fastT gives exactly the text i18n.t gives', () => {
  for (const [ns, messages] of [
    ['run', runEn],
    ['canvas', canvasEn],
  ] as const) {
    it(`every key of "${ns}", in English and Japanese, with a value for each placeholder`, () => {
      let checked = 0;
      for (const lang of ['en', 'ja']) {
        for (const key of keys(messages as Record<string, unknown>)) {
          const base = key.replace(/_(one|other|zero)$/, '');
          const text = String(i18n.getResource(lang, ns, key) ?? i18n.getResource('en', ns, key) ?? '');
          const values: Record<string, unknown> = {};
          for (const m of text.matchAll(/\{\{\s*(\w+)/g)) values[m[1]] = `«${m[1]} 1,234»`;
          expect(fastT(lang, ns, base, values), `${lang} ${ns}:${base}`).toBe(
            i18n.t(base, { ns, lng: lang, ...values }),
          );
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  }

  it('a plural (count) and a missing value go through i18next', () => {
    expect(fastT('en', 'run', 'live.rate', {})).toBe(i18n.t('live.rate', { ns: 'run', lng: 'en' }));
    expect(fastT('en', 'keyboard', 'deletedEdges', { count: 2 })).toBe('Removed 2 connections');
    expect(fastT('en', 'keyboard', 'deletedEdges', { count: 1 })).toBe('Removed 1 connection');
  });
});
