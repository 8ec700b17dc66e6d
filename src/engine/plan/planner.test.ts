import { describe, expect, it } from 'vitest';
import { runHeadless } from '../index.ts';
import { design, node, plainProducer } from '../testing.ts';
import { sizeStream } from './sizing.ts';
import { recommend, runPoint } from './sweep.ts';

const stream = (shards: number) => node('s', 'stream', { shardCount: shards });

describe('sizing a stream', () => {
  it('uniform 3,000 rec/s of 500 B recommends 4 shards at 80 % (records bind, not bytes)', () => {
    const doc = design([plainProducer('p', 3000, 500), stream(2)], [['p', 's']]);
    const s = sizeStream(doc, 's');
    expect(s.shards).toBeGreaterThanOrEqual(4);
    expect(s.shards).toBeLessThanOrEqual(6);
    expect(s.shards).toBe(4); // 3,000 / (1,000 × 0.8) = 3.75
    expect(s.bindingLimit).toBe('records');
    expect(s.hotKeys).toEqual([]);
    expect(s.unfixable).toBe(false);
    expect(s.reason.en).toContain('3,000 records/s');
  });

  it('a sweep for that load throttles at 2 shards, not at the recommended 4', async () => {
    const doc = design([plainProducer('p', 3000, 500), stream(1)], [['p', 's']]);
    const runs = [];
    for (const v of [2, 4])
      runs.push(await runPoint(doc, { nodeId: 's', field: 'shardCount', value: v }, 20));
    expect(runs[0].throttledRecords).toBeGreaterThan(10_000); // ~1,000 rec/s over capacity for 20 s
    // Random keys spread unevenly tick by tick: a handful of 60,000 offered, well under 0.1 %.
    expect(runs[1].throttledRecords).toBeLessThan(60);
    const r = recommend(doc, 's', runs);
    expect(r.shards).toBe(4);
    expect(r.hotKeys).toEqual([]);
  });

  it('1,500 rec/s on one key names that key and claims no shard count fixes it', async () => {
    const p = plainProducer('p', 1500, 200, { partitionKey: { type: 'hotKey', key: 'sensor-42', share: 1 } });
    const doc = design([p, stream(1)], [['p', 's']]);
    const s = sizeStream(doc, 's');
    expect(s.hotKeys).toEqual([{ key: 'sensor-42', recordsPerSec: 1500 }]);
    expect(s.unfixable).toBe(true);
    expect(s.reason.en).toContain('No shard count fixes the throttling of "sensor-42"');
    expect(s.reason.ja).toContain('どのシャード数でも解消しません');
    // And the engine agrees: 8 shards throttle about as much as 2 (the key lives on one shard).
    const at2 = await runPoint(doc, { nodeId: 's', field: 'shardCount', value: 2 }, 20);
    const at8 = await runPoint(doc, { nodeId: 's', field: 'shardCount', value: 8 }, 20);
    expect(at8.throttledRecords).toBeGreaterThan(5_000); // ~500 rec/s over for 20 s
    expect(Math.abs(at8.throttledRecords - at2.throttledRecords)).toBeLessThan(at2.throttledRecords * 0.1);
    expect(recommend(doc, 's', [at2, at8]).hotKeys).toEqual(['sensor-42']);
  });

  it('the read side binds with three polling consumers of 1 MiB/s', () => {
    const p = plainProducer('p', 500, 2000);
    const doc = design(
      [p, stream(1), node('a', 'lambda'), node('b', 'lambda'), node('c', 'lambda')],
      [
        ['p', 's'],
        ['s', 'a'],
        ['s', 'b'],
        ['s', 'c'],
      ],
    );
    const s = sizeStream(doc, 's');
    // 3 × 1,000,000 B/s ÷ (2 MiB/s × 0.8) = 1.79 → 2; records 500/800 → 1; bytes 0.95/0.8 → 2.
    expect(s.shards).toBe(2);
    expect(s.bindingLimit).toBe('read');
  });
});

describe('the report counts records by what happened to them', () => {
  it('1,500 rec/s into one shard: 1,000 accepted, ~500/s throttled attempts, drops with one attempt', async () => {
    const doc = design([plainProducer('p', 1500, 100), stream(1)], [['p', 's']]);
    const r = await runHeadless(doc, { durationSec: 10 });
    const p = r.nodes.find((n) => n.id === 'p');
    expect(p?.counters.attempted).toBe(15_000);
    expect(p?.counters.accepted).toBeGreaterThanOrEqual(9_900);
    expect(p?.counters.accepted).toBeLessThanOrEqual(10_100);
    expect(p?.counters.dropped).toBe(p?.counters.throttled); // one attempt: each throttle drops
  });
});
