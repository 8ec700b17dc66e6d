import { describe, expect, it } from 'vitest';
import { MAX_POINTS, MetricStore } from './metrics.ts';

describe('bounded per-second metric series', () => {
  it('keeps one point per second up to 900 s, then halves the resolution: 2,000 s → 500 points of 4 s', () => {
    const m = new MetricStore();
    const sum = m.register('n', 'IncomingRecords');
    const peak = m.register('n', 'IteratorAgeMilliseconds', 'max');
    for (let s = 0; s < 2000; s++) {
      m.add(sum, 10);
      m.max(peak, s);
      m.rollSecond();
    }
    expect(m.resolutionSec).toBe(4);
    const a = m.summary(sum);
    expect(a.series).toHaveLength(500);
    expect(a.series.every((v) => v === 10)).toBe(true);
    expect(a.sum).toBe(20_000);
    expect(a.max).toBe(10);
    const b = m.summary(peak);
    // A max series keeps each bucket's maximum: the last 4-second bucket holds seconds 1996–1999.
    expect(b.series[b.series.length - 1]).toBe(1999);
    expect(b.series[0]).toBe(3);
    expect(b.series.length).toBeLessThanOrEqual(MAX_POINTS);
  });

  it('averages Duration-style metrics per second and reports the last closed second for live views', () => {
    const m = new MetricStore();
    const d = m.register('l', 'Duration', 'avg');
    m.observe(d, 100);
    m.observe(d, 300);
    m.rollSecond();
    expect(m.lastValue(d)).toBe(200);
    m.rollSecond();
    expect(m.summary(d).series).toEqual([200, 0]);
  });

  it('an hour-long run keeps memory bounded: 10,000 metrics × 3,600 s stay at 900 points each', () => {
    const m = new MetricStore();
    const hs = Array.from({ length: 100 }, (_, i) => m.register('n', `M${i}`));
    for (let s = 0; s < 3600; s++) {
      for (const h of hs) m.add(h, 1);
      m.rollSecond();
    }
    expect(m.resolutionSec).toBe(8);
    expect(m.summary(hs[0]).series).toHaveLength(450);
  });
});
