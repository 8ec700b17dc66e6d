import { describe, expect, it } from 'vitest';
import { design, node, plainProducer, runFor } from '../testing.ts';

describe("the Lambda card's iterator age is the maximum over its shards (CloudWatch IteratorAge)", () => {
  it('a lagging shard keeps the card high even when the quiet shard finished its batch last', () => {
    // 500 rec/s, 90 % on one key: one shard gets ~475 rec/s, the other ~25. Batches of 100 taking
    // 1 s each drain at most 100 rec/s per shard, so the busy shard falls behind by ~375 rec/s.
    const p = plainProducer('p', 500, 100, { partitionKey: { type: 'hotKey', key: 'hot', share: 0.9 } });
    const f = node('f', 'lambda', {
      duration: { type: 'fixed', ms: 1000 },
      sampleRecordsPerSec: 0, // the duration model only (no handler to settle in a synchronous run)
      esm: { ...(node('x', 'lambda').config as { esm: object }).esm, batchSize: 100 },
    } as never);
    const doc = design(
      [p, node('s', 'stream', { shardCount: 2 }), f],
      [
        ['p', 's'],
        ['s', 'f'],
      ],
    );
    const sim = runFor(doc, 30);
    const ages: number[] = [];
    for (let k = 0; k < 10; k++) {
      sim.advanceSync(sim.nowMs + 1000);
      const l = sim.frame().nodes.f.lambda;
      ages.push(l?.iteratorAgeMs ?? 0);
      // The per-shard ages (the Metrics tab's chart): two shards, and the card is their maximum.
      const perShard = Object.values(l?.shardIteratorAgeMs ?? {});
      expect(perShard).toHaveLength(2);
      expect(Math.max(...perShard)).toBe(l?.iteratorAgeMs);
      expect(Math.min(...perShard)).toBeLessThan(5_000); // the quiet shard keeps up
    }
    // Every frame shows the lagging shard's age (over 10 s behind by then), never the quiet one's.
    for (const a of ages) expect(a).toBeGreaterThan(10_000);
    for (let k = 1; k < ages.length; k++) expect(ages[k]).toBeGreaterThanOrEqual(ages[k - 1] - 1000);
    // The CSV has IteratorAge per shard beside the function's, whose every second is their max.
    const [head, ...rows] = sim
      .metricsCsv('f')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const fn = head.indexOf('IteratorAge');
    const shards = head.flatMap((h, i) => (h.endsWith(' IteratorAge') ? [i] : []));
    expect(shards).toHaveLength(2);
    // Kept from the first frame on (at 31 s here; the studio asks at 0 s): seconds 32–40.
    expect(rows.map((r) => r[0])).toEqual(['32', '33', '34', '35', '36', '37', '38', '39', '40']);
    for (const r of rows) expect(Number(r[fn])).toBe(Math.max(...shards.map((i) => Number(r[i]))));
  });
});
