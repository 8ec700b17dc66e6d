import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../types.ts';
import { mulberry32, RANDOM_CUT_FOREST } from './randomCutForest.ts';

const COLS: Column[] = [
  { name: 'SENSOR', type: { base: 'VARCHAR', length: 8 } },
  { name: 'X', type: { base: 'DOUBLE' } },
  { name: 'Y', type: { base: 'INTEGER' } },
];
const T0 = Date.UTC(2024, 0, 1);

/** Gaussian-ish noise (sum of uniforms) around a centre, from a seeded generator. */
function normalRows(n: number, seed: number): Row[] {
  const rnd = mulberry32(seed);
  const noise = () => (rnd() + rnd() + rnd() + rnd() - 2) * 1.7; // σ ≈ 1
  return Array.from({ length: n }, (_, i) => ({
    rowtime: T0 + i * 100,
    values: ['s-1', 50 + noise(), Math.round(100 + 5 * noise())],
  }));
}

const scoreOf = (out: Row[]): number => out[0]?.values[3] as number;

describe('RANDOM_CUT_FOREST', () => {
  it('passes the row through and appends ANOMALY_SCORE DOUBLE', () => {
    expect(RANDOM_CUT_FOREST.outputColumns(COLS, []).map((c) => `${c.name} ${c.type.base}`)).toEqual([
      'SENSOR VARCHAR',
      'X DOUBLE',
      'Y INTEGER',
      'ANOMALY_SCORE DOUBLE',
    ]);
    const f = RANDOM_CUT_FOREST.create(COLS, [], 7);
    const out = f.push({ rowtime: T0, values: ['s-1', 50, 100] });
    expect(out).toEqual([{ rowtime: T0, values: ['s-1', 50, 100, 0] }]);
  });

  it('scores 0 while warming up (the first 65 rows with 256 samples), then non-zero', () => {
    const f = RANDOM_CUT_FOREST.create(COLS, [20, 256, 100_000, 1], 7);
    const scores = normalRows(100, 1).map((r) => scoreOf(f.push(r)));
    expect(scores.slice(0, 65).every((s) => s === 0)).toBe(true);
    expect(scores.slice(65).every((s) => s > 0)).toBe(true);
  });

  it('an injected outlier scores clearly above the normal points', () => {
    const f = RANDOM_CUT_FOREST.create(COLS, [50, 128, 100_000, 1], 42);
    const normal = normalRows(1500, 3).map((r) => scoreOf(f.push(r)));
    const settled = normal.slice(500);
    const mean = settled.reduce((a, b) => a + b, 0) / settled.length;
    const max = Math.max(...settled);
    const outlier = scoreOf(f.push({ rowtime: T0 + 200_000, values: ['s-1', 80, 40] }));
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(2);
    expect(outlier).toBeGreaterThan(2.5 * mean);
    expect(outlier).toBeGreaterThan(max);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const f = RANDOM_CUT_FOREST.create(COLS, [10, 64, 1000, 2], seed);
      return normalRows(300, 9).map((r) => scoreOf(f.push(r)));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('rejects DECIMAL columns and out-of-range parameters, as KDA does', () => {
    const dec: Column[] = [{ name: 'AMOUNT', type: { base: 'DECIMAL', precision: 10, scale: 2 } }];
    expect(() => RANDOM_CUT_FOREST.outputColumns(dec, [])).toThrow(/DECIMAL.*DOUBLE/);
    expect(() => RANDOM_CUT_FOREST.outputColumns(COLS, [0])).toThrow(/numberOfTrees/);
    expect(() => RANDOM_CUT_FOREST.outputColumns(COLS, [100, 5])).toThrow(/subSampleSize/);
  });
});
