import { describe, expect, it } from 'vitest';
import { counterLabel } from './counterLabels.ts';

describe('counter labels in the Metrics totals', () => {
  it('say in words what a stream counted, in English and Japanese', () => {
    expect(counterLabel('throttled', 'en')).toBe('Throttled');
    expect(counterLabel('throttled', 'ja')).toBe('スロットリング');
    expect(counterLabel('openShards', 'ja')).toBe('オープンなシャード');
  });
  it('name the consumer of a per-consumer counter by its node name', () => {
    const names = (id: string) => (id === 'sql' ? 'clickstream-analytics' : id);
    expect(counterLabel('read:sql', 'en', names)).toBe('Read by clickstream-analytics');
    expect(counterLabel('expired:sql', 'ja', names)).toBe('clickstream-analytics が読む前に期限切れ');
  });
  it('fall back to words for a counter the engine adds later', () => {
    expect(counterLabel('coldStarts', 'en')).toBe('Cold starts');
    expect(counterLabel('coldStarts', 'ja')).toBe('coldStarts');
  });
});
