import { describe, expect, it } from 'vitest';
import { hotKey } from '../../model/templates/teaching.ts';
import { design, node, plainProducer } from '../testing.ts';
import type { SweepRun } from './sweep.ts';
import {
  axisValues,
  defaultRange,
  gridPoints,
  numericFields,
  recommendSweep,
  type SweepSpec,
} from './sweep-grid.ts';
import { sweepCsv, sweepMarkdown } from './sweep-report.ts';
import { runGridPoint } from './sweep-run.ts';

const run = (value: number, throttled: number, dropped: number, cost: number): SweepRun => ({
  value,
  offeredRecords: 60_000,
  acceptedRecords: 60_000 - dropped,
  throttledRecords: throttled,
  droppedRecords: dropped,
  maxIteratorAgeMs: 120,
  costPerMonthUsd: cost,
});

describe('sweep fields and points', () => {
  it('offers the numeric fields the kind defines for the node, with their values now', () => {
    const doc = hotKey.doc;
    const stream = numericFields(doc, 'telemetry');
    expect(stream.map((f) => f.path)).toEqual(['shardCount', 'retentionHours', 'maxRecordSizeKiB']);
    expect(stream[0]).toMatchObject({ current: 4, integer: true, min: 1, label: { en: 'Shards' } });
    const producer = numericFields(doc, 'devices').map((f) => f.path);
    expect(producer).toContain('rate.recordsPerSec'); // constant rate: its one rate field
    expect(producer).not.toContain('rate.fromPerSec'); // a ramp's field, hidden for a constant rate
  });

  it('an on-demand stream has no shard count to sweep', () => {
    const doc = design([node('s', 'stream', { capacityMode: 'onDemand' })], []);
    expect(numericFields(doc, 's').map((f) => f.path)).not.toContain('shardCount');
  });

  it('axis values follow A..B[:STEP] and refuse what the CLI refuses', () => {
    expect(axisValues(1, 16, 1)).toHaveLength(16);
    expect(axisValues(1000, 4000, 500)).toEqual([1000, 1500, 2000, 2500, 3000, 3500, 4000]);
    expect(axisValues(0.1, 0.3, 0.1)).toEqual([0.1, 0.2, 0.3]);
    expect(axisValues(4, 1, 1)).toMatchObject({ en: '“To” must not be below “from”.' });
    expect(axisValues(1, 4, 0)).toMatchObject({ en: 'The step must be above 0.' });
    expect(axisValues(1, 4, 0.5, true)).toMatchObject({ en: 'This field takes whole numbers.' });
    expect(axisValues(1, 10_000, 1)).toMatchObject({ en: 'More than 400 values: use a larger step.' });
  });

  it('defaults: shards 1..16 for the hot-key stream, ½×..2× in 6 steps for a rate', () => {
    const [shards] = numericFields(hotKey.doc, 'telemetry');
    expect(defaultRange(shards)).toEqual({ from: 1, to: 16, step: 1 });
    const rate = numericFields(hotKey.doc, 'devices').find((f) => f.path === 'rate.recordsPerSec');
    expect(rate && defaultRange(rate)).toEqual({ from: 1000, to: 4000, step: 500 });
  });

  it('a 2-D sweep is every value of the first field with every value of the second', () => {
    const points = gridPoints([
      { nodeId: 's', field: 'shardCount', values: [1, 2, 3] },
      { nodeId: 'p', field: 'rate.recordsPerSec', values: [500, 1000] },
    ]);
    expect(points.map((p) => p.values)).toEqual([
      [1, 500],
      [1, 1000],
      [2, 500],
      [2, 1000],
      [3, 500],
      [3, 1000],
    ]);
    expect(points[3].changes).toEqual([
      { nodeId: 's', field: 'shardCount', value: 2 },
      { nodeId: 'p', field: 'rate.recordsPerSec', value: 1000 },
    ]);
  });

  it('a 2-D point runs with both fields set: 1,500 rec/s into 1 shard throttles, into 2 it does not', async () => {
    const doc = design([plainProducer('p', 800, 200), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const [, over, , fits] = gridPoints([
      { nodeId: 's', field: 'shardCount', values: [1, 2] },
      { nodeId: 'p', field: 'rate.recordsPerSec', values: [800, 1500] },
    ]);
    const a = await runGridPoint(doc, over, 20);
    const b = await runGridPoint(doc, fits, 20);
    expect(a.offeredRecords).toBe(30_000); // 1,500 rec/s × 20 s
    expect(a.throttledRecords).toBeGreaterThan(5_000); // ~500 rec/s over the shard's 1,000
    expect(b.offeredRecords).toBe(30_000);
    expect(b.throttledRecords).toBeLessThan(100);
  });
});

describe('the recommended point and the report', () => {
  const spec1: SweepSpec = {
    axes: [{ nodeId: 'telemetry', field: 'shardCount', values: [1, 2, 3, 4, 5, 6] }],
    durationSec: 30,
    headroom: 0.8,
  };

  it('hot key: marks the smallest count at the lowest throttling and names the key', () => {
    const points = gridPoints(spec1.axes);
    const runs = [9e4, 7e4, 5e4, 4.2e4, 4.1e4, 4.1e4].map((t, i) => run(i + 1, t, t / 5, 800 + i * 100));
    const rec = recommendSweep(hotKey.doc, spec1, points, runs);
    expect(rec?.values).toEqual([5]);
    expect(rec?.index).toBe(4);
    expect(rec?.hotKeys).toEqual(['device-0001']);
    expect(rec?.reason.en).toContain('No shard count fixes the throttling of "device-0001"');
    expect(rec?.reason.ja).toContain('どのシャード数でも解消しません');
  });

  it('with a step that skips the sizing answer (3), the next swept count up is marked', () => {
    const doc = design([plainProducer('p', 2000, 200), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const spec: SweepSpec = { ...spec1, axes: [{ nodeId: 's', field: 'shardCount', values: [1, 5, 9] }] };
    const runs = [run(1, 5e4, 10, 10), run(5, 0, 0, 50), run(9, 0, 0, 90)];
    expect(recommendSweep(doc, spec, gridPoints(spec.axes), runs)?.values).toEqual([5]);
  });

  it('2-D: the cheapest point among those with no throttling, in words', () => {
    const spec: SweepSpec = {
      axes: [
        { nodeId: 's', field: 'shardCount', values: [1, 2] },
        { nodeId: 'p', field: 'size.bytes', values: [100, 200] },
      ],
      durationSec: 30,
      headroom: 0.8,
    };
    const runs = [run(1, 500, 0, 20), run(1, 900, 3, 22), run(2, 0, 0, 41.5), run(2, 0, 0, 43)];
    const doc = design([plainProducer('p', 800, 100), node('s', 'stream', { shardCount: 1 })], [['p', 's']]);
    const rec = recommendSweep(doc, spec, gridPoints(spec.axes), runs);
    expect(rec?.index).toBe(2);
    expect(rec?.reason.en).toBe(
      's · Shards = 2 with p · Size (bytes) = 100 is the cheapest point ($41.50/month) with no throttled or dropped records.',
    );
  });

  it('Markdown and CSV carry the same numbers, one row per point, the recommendation marked', () => {
    const points = gridPoints(spec1.axes).slice(0, 2);
    const spec = { ...spec1, axes: [{ ...spec1.axes[0], values: [1, 2] }] };
    const runs = [run(1, 112_696, 29_498, 873.54), run(2, 71_549, 17_416, 1565.17)];
    const input = {
      doc: hotKey.doc,
      spec,
      points,
      runs,
      recommendation: {
        index: 1,
        values: [2],
        reason: { en: 'Because.', ja: '理由。' },
        hotKeys: ['device-0001'],
      },
      axisLabel: () => 'telemetry · Shards',
    };
    const md = sweepMarkdown(input, 'en');
    expect(md).toContain('# Sweep: telemetry · Shards 1..2');
    expect(md).toContain('| 1 | 60,000 | 30,502 | 112,696 | 29,498 | 120 | 873.54 |');
    expect(md).toContain('| 2 ◀ recommended | 60,000 | 42,584 | 71,549 | 17,416 | 120 | 1565.17 |');
    expect(md).toContain('## Recommendation: telemetry · Shards = 2');
    expect(md).toContain('`device-0001`');
    expect(sweepMarkdown(input, 'ja')).toContain('## 推奨: telemetry · Shards = 2');
    expect(sweepCsv(input).split('\n')).toEqual([
      'telemetry.shardCount,offeredRecords,acceptedRecords,throttledRecords,droppedRecords,maxIteratorAgeMs,costPerMonthUsd,recommended',
      '1,60000,30502,112696,29498,120,873.54,',
      '2,60000,42584,71549,17416,120,1565.17,yes',
      '',
    ]);
  });
});
