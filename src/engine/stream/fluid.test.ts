import { describe, expect, it } from 'vitest';
import { countersOf, design, meteringDesign, metricOf, node, plainProducer, runFor } from '../testing.ts';
import type { StreamRuntime } from './stream.ts';

describe('fluid (rate) model for very large streams', () => {
  it('300,000 rec/s of 1,000 B over 100 shards (fluid by rate): exactly 100,000 accepted per second', () => {
    const doc = design(
      [plainProducer('p', 300_000, 1000), node('s', 'stream', { shardCount: 100 })],
      [['p', 's']],
    );
    const sim = runFor(doc, 5);
    expect((sim.runtimes.get('s') as StreamRuntime).fluid).not.toBeNull();
    const r = sim.report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(5).fill(100_000));
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').series).toEqual(Array(5).fill(200_000));
    expect(countersOf(r, 'p').attempted).toBe(1_500_000);
    // Peeks on a fluid stream show the producer's real rendered samples.
    expect(JSON.parse(sim.peek({ nodeId: 's' }, 3)[0].data)).toHaveProperty('v');
    expect(r.conservation.ok).toBe(true);
  });

  it('a hot key on a fluid stream is still capped at one shard’s 1,000 rec/s', () => {
    const doc = design(
      [
        plainProducer('p', 250_000, 100, { partitionKey: { type: 'hotKey', key: 'k', share: 0.5 } }),
        node('s', 'stream', { shardCount: 500 }),
      ],
      [['p', 's']],
    );
    const r = runFor(doc, 3).report();
    // 125,000/s of the hot key → 1,000 accepted; the other 125,000/s spread at 250 per shard.
    expect(metricOf(r, 's', 'IncomingRecords').series[2]).toBeCloseTo(1000 + 499 * 250, 3);
    const shards = r.nodes.find((n) => n.id === 's')?.shards ?? [];
    expect(Math.max(...shards.map((s) => s.metrics.IncomingRecords.max))).toBe(1000);
  });

  it('runs the metering case: 100 million rec/s over 100,000 shards (10 streams at the 10,000-shard quota)', () => {
    const doc = meteringDesign();
    const t0 = performance.now();
    const r = runFor(doc, 3).report();
    const wall = performance.now() - t0;
    // 900 B + a 10-digit key: 1,000 records a shard a second fit in 1 MiB → 10 × 10,000 × 1,000 = 10^8
    // of capacity, offered exactly. Random keys give each shard a Binomial second around 1,000, so
    // √1,000 · φ(0) ≈ 12.6 a shard a second go over: 1.26 % refused, as the record model shows (issue 13).
    let total = 0;
    for (let s = 0; s < 10; s++) total += metricOf(r, `s${s}`, 'IncomingRecords').series[2];
    expect(total / 1e8).toBeCloseTo(1 - 0.0126, 3);
    expect(wall).toBeLessThan(15_000);
    expect(r.conservation.ok).toBe(true);
  }, 30_000);
});
