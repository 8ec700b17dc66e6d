import { describe, expect, it } from 'vitest';
import { DesignError } from './api.ts';
import { createSimulation } from './index.ts';
import { design, node, plainProducer } from './testing.ts';

const doc = () =>
  design(
    [
      plainProducer('p', 1500, 1000, { partitionKey: { type: 'hotKey', key: 'k', share: 1 } }),
      node('s', 'stream', { shardCount: 2 }),
      node('c', 'consumerApp', { checkpointEveryRecords: 500 }),
    ],
    [
      ['p', 's'],
      ['s', 'c'],
    ],
  );

describe('the Simulation the studio drives', () => {
  it('refuses a design with errors with the same problems validation reports', () => {
    const bad = design([node('s', 'stream', { shardCount: 0 })], []);
    expect(() => createSimulation(bad, { seed: 1 })).toThrow(DesignError);
    try {
      createSimulation(bad, { seed: 1 });
    } catch (e) {
      expect((e as DesignError).problems.some((p) => p.nodeId === 's' && p.field === 'shardCount')).toBe(
        true,
      );
    }
  });

  it('frames show per-shard write utilisation and throttling over the last simulated second', async () => {
    const sim = createSimulation(doc(), { seed: 1 });
    await sim.advance(3000);
    const f = sim.frame();
    expect(f.simMs).toBe(3000);
    const s = f.nodes.s;
    expect(s.inRecordsPerSec).toBe(1000);
    expect(s.throttledPerSec).toBe(500);
    const hot = s.shards?.find((x) => x.incomingRecordsPerSec > 0);
    expect(hot?.writeUtilization).toBe(1);
    expect(hot?.writeThrottledPerSec).toBe(500);
    expect(f.edges.e1).toEqual({ recordsPerSec: 1000, bytesPerSec: 1000 * 1000, throttledPerSec: 500 });
    expect(f.nodes.p.counters.dropped).toBe(1500);
    expect(f.cost.totalUsd).toBeGreaterThan(0);
  });

  it('a live producer-rate edit takes effect on the next tick and leaves a marker', async () => {
    const sim = createSimulation(doc(), { seed: 1 });
    await sim.advance(2000);
    expect(sim.applyEdit({ type: 'producerRate', nodeId: 'p', multiplier: 0.5 })).toEqual({ applied: true });
    await sim.advance(4000);
    expect(sim.frame().nodes.s.throttledPerSec).toBe(0);
    expect(sim.frame().nodes.s.inRecordsPerSec).toBe(750);
    expect(sim.report().markers.map((m) => m.label)).toContain('Producer rate ×0.5');
    expect(sim.applyEdit({ type: 'batchSize', nodeId: 's', batchSize: 10 }).applied).toBe(false);
  });

  it('peeks show real records with shard ids and sequence numbers that grow within a shard', async () => {
    const sim = createSimulation(doc(), { seed: 1 });
    await sim.advance(2000);
    const recs = sim.peek({ edgeId: 'e2' }, 10);
    expect(recs).toHaveLength(10);
    expect(new Set(recs.map((r) => r.shardId)).size).toBe(1);
    const seqs = recs.map((r) => BigInt(r.sequenceNumber ?? '0'));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1]).toBe(true);
    expect(JSON.parse(recs[0].data)).toHaveProperty('v');
    const dest = sim.destination('c');
    expect(dest?.kind).toBe('consumerApp');
    if (dest?.kind === 'consumerApp') {
      expect(dest.checkpoints.length).toBe(1);
      expect(dest.processed).toBeGreaterThan(1000);
    }
  });

  it('an injected hot key moves traffic onto one shard while it lasts', async () => {
    const even = design(
      [plainProducer('p', 1000, 100), node('s', 'stream', { shardCount: 4 })],
      [['p', 's']],
    );
    const sim = createSimulation(even, { seed: 2 });
    sim.injectFault({ id: 'h', type: 'hotKey', nodeId: 'p', fromSec: 2, toSec: 5, key: 'HOT', share: 0.9 });
    await sim.advance(4000);
    const busiest = Math.max(...(sim.frame().nodes.s.shards ?? []).map((x) => x.incomingRecordsPerSec));
    expect(busiest).toBeGreaterThan(900);
    await sim.advance(7000);
    const after = Math.max(...(sim.frame().nodes.s.shards ?? []).map((x) => x.incomingRecordsPerSec));
    expect(after).toBeLessThan(400);
  });
});
