import { describe, expect, it } from 'vitest';
import { HASH_MAX } from '../hash.ts';
import { EngineSimulation } from '../simulation.ts';
import { countersOf, design, metricOf, node, plainProducer, runFor } from '../testing.ts';
import type { StreamRuntime } from './stream.ts';
import { RESHARD_DELAY_MS } from './stream.ts';

const app = (id: string) =>
  node(id, 'consumerApp', { processingRecordsPerSec: 100_000, pollIntervalMs: 1000 });

describe('resharding during a run', () => {
  it('UpdateShardCount 2 → 4 at 10 s: 4 open shards after the update, 3,000 rec/s accepted instead of 2,000', () => {
    const doc = design(
      [
        plainProducer('p', 3000, 100),
        node('s', 'stream', {
          shardCount: 2,
          reshards: [{ atSec: 10, action: { type: 'updateShardCount', targetShardCount: 4 } }],
        }),
        app('a'),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
      ],
    );
    const sim = runFor(doc, 30);
    const r = sim.report();
    const incoming = metricOf(r, 's', 'IncomingRecords').series;
    expect(incoming[5]).toBeLessThanOrEqual(2000);
    expect(incoming[25]).toBe(3000);
    expect(countersOf(r, 's')).toMatchObject({ openShards: 4, totalShards: 6 });
    const shards = r.nodes.find((n) => n.id === 's')?.shards ?? [];
    expect(shards[2].parentShardIds).toEqual(['shardId-000000000000']);
    expect(shards[5].endingHashKey).toBe(HASH_MAX.toString());
    const types = r.markers.map((m) => m.type);
    expect(types).toContain('reshard-start');
    expect(types).toContain('reshard-done');
    const done = r.markers.find((m) => m.type === 'reshard-done');
    expect(done?.atMs).toBe(10_000 + RESHARD_DELAY_MS);
    expect(r.conservation.ok).toBe(true);
    // The consumer drained the parents and read everything written to the children.
    expect(countersOf(r, 'a').fetched).toBeGreaterThan(countersOf(r, 's').accepted - 8000);
  });

  it('children are read only after their parents are drained', () => {
    const doc = design(
      [
        plainProducer('p', 1000, 100),
        node('s', 'stream', {
          shardCount: 1,
          reshards: [{ atSec: 2, action: { type: 'split', shardIndex: 0 } }],
        }),
        app('a'),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
      ],
    );
    const sim = new EngineSimulation(doc, { seed: 3 });
    sim.advanceSync(7_100);
    const stream = sim.runtimes.get('s') as StreamRuntime;
    const reader = stream.readers.get('e2');
    expect(reader?.shardCount()).toBe(3);
    // Split at the midpoint: the children cover exactly the parent's range.
    const [parent, c1, c2] = stream.shards;
    expect(c1.startHash).toBe(parent.startHash);
    expect(c1.endHash + 1n).toBe(c2.startHash);
    expect(c2.endHash).toBe(parent.endHash);
    sim.advanceSync(20_000);
    expect(parent.open).toBe(false);
    expect(reader?.pending(0)).toBe(0);
    expect(sim.report().conservation.ok).toBe(true);
  });

  it('merges two adjacent shards into one that covers both ranges', () => {
    const doc = design(
      [
        plainProducer('p', 100, 100),
        node('s', 'stream', {
          shardCount: 3,
          reshards: [{ atSec: 1, action: { type: 'merge', shardIndex: 1 } }],
        }),
      ],
      [['p', 's']],
    );
    const sim = runFor(doc, 10);
    const stream = sim.runtimes.get('s') as StreamRuntime;
    expect(stream.openShards).toBe(2);
    const merged = stream.shards[3];
    expect(merged.parents).toEqual([1, 2]);
    expect(merged.startHash).toBe(stream.shards[1].startHash);
    expect(merged.endHash).toBe(stream.shards[2].endHash);
  });

  it('refuses UpdateShardCount beyond 2× or below ½ of the open shards, as AWS does', () => {
    const doc = design([plainProducer('p', 100, 100), node('s', 'stream', { shardCount: 2 })], [['p', 's']]);
    const sim = new EngineSimulation(doc, { seed: 1 });
    sim.advanceSync(1000);
    expect(sim.applyEdit({ type: 'shardCount', nodeId: 's', shardCount: 5 })).toMatchObject({
      applied: false,
    });
    const ok = sim.applyEdit({ type: 'shardCount', nodeId: 's', shardCount: 4 });
    expect(ok).toEqual({ applied: true });
    sim.advanceSync(1000 + RESHARD_DELAY_MS + 200);
    expect((sim.runtimes.get('s') as StreamRuntime).openShards).toBe(4);
    expect(sim.report().markers.some((m) => m.type === 'edit')).toBe(true);
  });
});

describe('on-demand capacity mode', () => {
  it('starts at 4 MiB/s: 6,000 rec/s of 1,000 B is throttled until shards split, then fully accepted', () => {
    const doc = design(
      [plainProducer('p', 6000, 1000), node('s', 'stream', { capacityMode: 'onDemand' })],
      [['p', 's']],
    );
    const r = runFor(doc, 420).report();
    const incoming = metricOf(r, 's', 'IncomingRecords').series;
    // 4 shards of 1,000 rec/s at the start.
    expect(incoming[10]).toBeLessThanOrEqual(4000);
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').series[10]).toBeGreaterThan(1900);
    // After the 5-minute split the stream takes all 6,000/s.
    expect(incoming[400]).toBe(6000);
    expect(countersOf(r, 's').openShards).toBeGreaterThan(4);
    expect(r.cost.items.some((i) => i.item.startsWith('On-demand stream hours'))).toBe(true);
  });

  it('does not help a single hot key: it stays at 1,000 rec/s', () => {
    const doc = design(
      [
        plainProducer('p', 3000, 100, { partitionKey: { type: 'hotKey', key: 'k', share: 1 } }),
        node('s', 'stream', { capacityMode: 'onDemand' }),
      ],
      [['p', 's']],
    );
    const r = runFor(doc, 30).report();
    expect(metricOf(r, 's', 'IncomingRecords').series[20]).toBe(1000);
  });
});
