import { describe, expect, it } from 'vitest';
import { countersOf, design, metricOf, node, plainProducer, runFor } from './testing.ts';

describe('KCL-style consumer application', () => {
  const doc = (workers: number) =>
    design(
      [
        plainProducer('p', 1000, 100),
        node('s', 'stream', { shardCount: 4 }),
        node('c', 'consumerApp', {
          workers,
          processingRecordsPerSec: 300,
          checkpointEveryRecords: 100,
          pollIntervalMs: 1000,
        }),
      ],
      [
        ['p', 's'],
        ['s', 'c'],
      ],
    );

  it('2 workers × 300 rec/s process 600 of the 1,000 rec/s and fall behind; 4 workers keep up', () => {
    const slow = runFor(doc(2), 30).report();
    const processed = metricOf(slow, 'c', 'RecordsProcessed').series;
    // A worker's budget is 30 records a tick; a tick where a shard's batch runs out can leave a few unused.
    for (const v of processed.slice(1)) {
      expect(v).toBeGreaterThanOrEqual(580);
      expect(v).toBeLessThanOrEqual(600);
    }
    const behind = metricOf(slow, 'c', 'MillisBehindLatest').series;
    expect(behind[29]).toBeGreaterThan(behind[10]);
    // Behind by ~400 records a second: 800 ms after 1 s, over 20 s after 30 s.
    expect(behind[29]).toBeGreaterThan(20_000);
    const fast = runFor(doc(4), 30).report();
    expect(countersOf(fast, 'c').processed).toBeGreaterThan(28_000);
    expect(slow.conservation.ok && fast.conservation.ok).toBe(true);
  });

  it('checkpoints each shard it reads (lease per shard) every 100 records', () => {
    const sim = runFor(doc(4), 10);
    const d = sim.destination('c');
    expect(d?.kind).toBe('consumerApp');
    if (d?.kind !== 'consumerApp') return;
    expect(d.checkpoints.map((c) => c.shardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
      'shardId-000000000003',
    ]);
    for (const c of d.checkpoints) expect(c.sequenceNumber).toMatch(/^49\d{54}$/);
  });
});
