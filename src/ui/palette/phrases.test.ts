import { describe, expect, it } from 'vitest';
import { KINDS } from '../../model/kinds/index.ts';
import { phrases } from './phrases.tsx';

describe('phrases', () => {
  it('splits Japanese palette labels only between words', () => {
    expect(phrases('コンシューマーアプリケーション', 'ja')).toEqual(['コンシューマー', 'アプリケーション']);
    expect(phrases('データストリーム', 'ja')).toEqual(['データ', 'ストリーム']);
    expect(phrases('Redshift クラスター', 'ja').join('|')).toBe('Redshift| |クラスター');
    expect(phrases('プロデューサー', 'ja')).toEqual(['プロデューサー']);
    // Every label reads the same once joined, and no piece starts with a long vowel mark.
    for (const def of Object.values(KINDS)) {
      const parts = phrases(def.label.ja, 'ja');
      expect(parts.join('')).toBe(def.label.ja);
      for (const p of parts) expect(p).not.toMatch(/^ー/);
    }
  });

  it('leaves English whole (it breaks at its spaces)', () => {
    expect(phrases('Consumer application', 'en')).toEqual(['Consumer application']);
  });
});
