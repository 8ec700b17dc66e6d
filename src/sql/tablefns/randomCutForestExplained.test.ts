import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../types.ts';
import { mulberry32, RANDOM_CUT_FOREST, RandomCutForest } from './randomCutForest.ts';
import { RANDOM_CUT_FOREST_WITH_EXPLANATION } from './randomCutForestExplained.ts';

// Two independent measures, like the reference's e-commerce example (purchases and abandoned carts
// per hour), around 100 and 20.
const COLS: Column[] = [
  { name: 'PURCHASES', type: { base: 'DOUBLE' } },
  { name: 'ABANDONED', type: { base: 'DOUBLE' } },
];
const T0 = Date.UTC(2024, 0, 1);

function normalRows(n: number): Row[] {
  const rnd = mulberry32(11);
  const noise = () => (rnd() + rnd() + rnd() + rnd() - 2) * 1.7;
  return Array.from({ length: n }, (_, i) => ({
    rowtime: T0 + i * 1000,
    values: [100 + 4 * noise(), 20 + noise()],
  }));
}

describe('RANDOM_CUT_FOREST_WITH_EXPLANATION', () => {
  it('adds ANOMALY_SCORE DOUBLE and ANOMALY_EXPLANATION VARCHAR', () => {
    expect(
      RANDOM_CUT_FOREST_WITH_EXPLANATION.outputColumns(COLS, [100, 256, 100_000, 1, true]).map((c) => c.name),
    ).toEqual(['PURCHASES', 'ABANDONED', 'ANOMALY_SCORE', 'ANOMALY_EXPLANATION']);
    expect(() =>
      RANDOM_CUT_FOREST_WITH_EXPLANATION.outputColumns(COLS, [100, 256, 100_000, 1, 'yes']),
    ).toThrow(/withDirectionality/);
  });

  it('per-column attributions add up to the anomaly score, and the score equals RANDOM_CUT_FOREST’s', () => {
    const forest = new RandomCutForest({ trees: 30, sampleSize: 128, timeDecay: 100_000, shingleSize: 1 }, 5);
    for (const r of normalRows(400)) forest.update(Float64Array.from(r.values as number[]));
    for (const p of [
      [100, 20],
      [160, 20],
      [100, 5],
    ]) {
      const point = Float64Array.from(p);
      const { below, above } = forest.attribution(point);
      const total = [...below, ...above].reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(forest.score(point), 10);
    }
  });

  it('explains an outlier: abandoned carts far LOW carry the attribution', () => {
    const explained = RANDOM_CUT_FOREST_WITH_EXPLANATION.create(COLS, [50, 128, 100_000, 1, true], 3);
    const plain = RANDOM_CUT_FOREST.create(COLS, [50, 128, 100_000, 1], 3);
    let lastPlain = 0;
    let lastExplained = 0;
    for (const r of normalRows(800)) {
      lastExplained = explained.push(r)[0]?.values[2] as number;
      lastPlain = plain.push(r)[0]?.values[2] as number;
    }
    expect(lastExplained).toBeCloseTo(lastPlain, 10);
    const [out] = explained.push({ rowtime: T0 + 900_000, values: [101, 2] });
    const score = out?.values[2] as number;
    const explanation = JSON.parse(out?.values[3] as string) as Record<string, Record<string, string>>;
    const carts = explanation.ABANDONED as Record<string, string>;
    const purchases = explanation.PURCHASES as Record<string, string>;
    expect(carts.DIRECTION).toBe('LOW');
    expect(Number(carts.STRENGTH)).toBeGreaterThan(0.9);
    expect(Number(carts.ATTRIBUTION_SCORE)).toBeGreaterThan(4 * Number(purchases.ATTRIBUTION_SCORE));
    expect(Number(carts.ATTRIBUTION_SCORE) + Number(purchases.ATTRIBUTION_SCORE)).toBeCloseTo(score, 3);
  });
});
