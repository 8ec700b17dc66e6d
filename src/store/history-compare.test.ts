/**
 * Two runs of the hot-key template side by side, recorded as the studio records them (a frame per
 * simulated second), 60 simulated seconds each, seed 42: one shard, then four.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, prepareSandbox, runHeadless } from '../engine/index.ts';
import { summarize } from '../engine/plan/sweep.ts';
import type { PipelineDoc } from '../model/types.ts';
import { KIND_METRICS } from '../ui/kinds/index.tsx';
import { type Comparable, compareRuns, fmtAge, fmtDiff, fmtValue } from './history-compare.ts';
import type { EndedRun } from './history-entry.ts';
import { entryFromRun, MAX_POINTS } from './history-entry.ts';
import type { MetricsByKind } from './simMetrics.ts';
import { SeriesBook } from './simSeries.ts';

/** The design run headless a frame per simulated second, recorded as the studio records it. */
async function endedRun(
  doc: PipelineDoc,
  seconds: number,
  metrics: MetricsByKind,
  runKey = 1,
): Promise<EndedRun> {
  await prepareSandbox();
  const { seed, priceBook } = doc.settings;
  const sim = createSimulation(doc, { seed, priceBook });
  const series = new SeriesBook();
  const kinds = Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind]));
  let frame = sim.frame();
  for (let s = 1; s <= seconds; s++) {
    await sim.advance(s * 1000);
    frame = sim.frame();
    for (const [id, n] of Object.entries(frame.nodes)) {
      const defs = metrics[kinds[id] as keyof MetricsByKind];
      if (!defs) continue;
      series.push(id, frame.simMs, Object.fromEntries(defs.map((d) => [d.name, d.get(n)])));
    }
  }
  return { runKey, doc, seed, priceBook, simMs: frame.simMs, frame, kinds, series };
}

/** The design with a stream's shard count set. */
function withShards(doc: PipelineDoc, streamId: string, shards: number): PipelineDoc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === streamId && n.kind === 'stream' ? { ...n, config: { ...n.config, shardCount: shards } } : n,
    ),
  };
}

const hotKey = JSON.parse(readFileSync('examples/hot-key.json', 'utf8')) as PipelineDoc;
type Run = ReturnType<typeof entryFromRun> & Comparable;
let one: Run;
let four: Run;

beforeAll(async () => {
  const a = await endedRun(withShards(hotKey, 'telemetry', 1), 60, KIND_METRICS);
  const b = await endedRun(withShards(hotKey, 'telemetry', 4), 60, KIND_METRICS);
  one = { ...entryFromRun(a, KIND_METRICS), label: 'one shard' };
  four = { ...entryFromRun(b, KIND_METRICS), label: 'four shards' };
}, 120_000);

describe('compareRuns on the hot-key template, 1 vs 4 shards, 60 s', () => {
  it('both runs offer the same 120,000 records (2,000 rec/s); one shard accepts 60,000 (1,000 rec/s)', () => {
    expect(one.figures.offeredRecords).toBe(120_000);
    expect(four.figures.offeredRecords).toBe(120_000);
    expect(one.figures.acceptedRecords).toBe(60_000);
    expect(four.figures.acceptedRecords).toBe(96_319);
  });

  it('the figures equal the sweep row of the same design and seed (npx shardscape plan, 60 s)', async () => {
    const report = await runHeadless(withShards(hotKey, 'telemetry', 4), { durationSec: 60 });
    const { value: _, ...sweep } = summarize(report, 4);
    expect(four.figures).toEqual(sweep);
  }, 120_000);

  it('rows carry A, B and B − A for every figure, shards first', () => {
    const byKey = Object.fromEntries(compareRuns(one, four).rows.map((r) => [r.key, r]));
    expect(byKey['shards:telemetry']).toMatchObject({ a: 1, b: 4, diff: 3 });
    expect(byKey.throttled).toMatchObject({ a: 226_670, b: 103_642, diff: -123_028 });
    expect(byKey.dropped).toMatchObject({ a: 59_492, b: 23_321, diff: -36_171 });
    expect(byKey.duration).toMatchObject({ a: 60, b: 60, diff: 0 });
    expect(byKey.cost.diff).toBeCloseTo(four.figures.costPerMonthUsd - one.figures.costPerMonthUsd, 2);
  });

  it('the verdict says what four shards change, in words and both languages', () => {
    const { verdict } = compareRuns(one, four);
    expect(verdict.en).toBe(
      'B throttles 103,642 instead of 226,670 put attempts, drops 23,321 instead of 59,492 records and costs $1,050 more per month.',
    );
    expect(verdict.ja).toBe(
      'B ではスロットリングされた書き込み試行が 226,670 回ではなく 103,642 回、ドロップが 59,492 件ではなく 23,321 件です。月額コストは $1,050 高くなります。',
    );
  });

  it('swapped, B is the one-shard run: it throttles more and costs less', () => {
    expect(compareRuns(four, one).verdict.en).toBe(
      'B throttles 226,670 instead of 103,642 put attempts, drops 59,492 instead of 23,321 records and costs $1,050 less per month.',
    );
  });

  it('a run compared with itself gives the same figures', () => {
    const c = compareRuns(four, four);
    expect(c.rows.every((r) => r.diff === 0)).toBe(true);
    expect(c.verdict.en).toBe('A and B give the same throttling, drops, iterator age and cost.');
  });

  it('runs of different length are compared per simulated second, and say so', () => {
    const longer = { ...four, durationSec: 120 }; // the same counts over twice the time
    const c = compareRuns(four, longer);
    expect(c.verdict.en).toBe(
      'B throttles 864 instead of 1,727 put attempts per second, drops 194 instead of 389 records per second and costs the same per month. (A ran 60 s and B 120 s, so counts are compared per simulated second.)',
    );
    expect(c.rows.find((r) => r.key === 'throttledPerSec')).toMatchObject({ a: 1727.4, b: 863.7 });
    expect(compareRuns(four, four).rows.some((r) => r.key === 'throttledPerSec')).toBe(false);
    // Stopped 0.4 s apart (max speed): still the same length, compared in totals.
    const close = { ...four, durationSec: 60.4 };
    expect(compareRuns(four, close).verdict.en).toBe(
      'A and B give the same throttling, drops, iterator age and cost.',
    );
    expect(fmtDiff('sec', 0.4)).toBe('+0.4 s');
  });

  it('series keep every simulated second of a minute, each node once', () => {
    expect(one.series.map((s) => s.nodeId)).toEqual(['devices', 'telemetry', 'processor', 'state']);
    expect(one.series[1].t).toHaveLength(60);
  });
});

describe('figures for people', () => {
  it('counts with thousands separators, dollars, ages in the unit a planner reads', () => {
    expect(fmtValue('records', 75_000)).toBe('75,000');
    expect(fmtValue('usd', 152.4)).toBe('$152');
    expect(fmtValue('usd', 43.8)).toBe('$43.80');
    expect(fmtAge(850)).toBe('850 ms');
    expect(fmtAge(30_670)).toBe('30.7 s');
    expect(fmtAge(22 * 60_000)).toBe('22 min');
    expect(fmtAge(22 * 60_000, 'ja')).toBe('22 分');
  });

  it('differences carry their sign', () => {
    expect(fmtDiff('attempts', -123_028)).toBe('−123,028');
    expect(fmtDiff('usd', 1049.69)).toBe('+$1,050');
    expect(fmtDiff('records', 0)).toBe('±0');
    expect(fmtDiff('seed', 1)).toBe('≠');
  });

  it(`a long run's series are cut to ${MAX_POINTS} points, keeping the peak`, async () => {
    const { downsample } = await import('./history-entry.ts');
    const t = Array.from({ length: 3_600 }, (_, i) => i);
    const v = t.map((i) => (i === 1_234 ? 5_000 : 1));
    const small = downsample(t, { x: v });
    expect(small.t).toHaveLength(600);
    expect(Math.max(...(small.columns.x as number[]))).toBe(5_000);
  });
});
