import { describe, expect, it } from 'vitest';
import { EngineSimulation } from '../simulation.ts';
import { countersOf, design, metricOf, node, plainProducer, runFor } from '../testing.ts';

const app = (id: string, extra: Record<string, unknown> = {}) =>
  node(id, 'consumerApp', { processingRecordsPerSec: 100_000, pollIntervalMs: 1000, ...extra });

describe('polling reads share each shard’s 5 GetRecords calls/s', () => {
  it('three apps polling every 100 ms (30 calls/s) on one shard: 5 calls/s succeed, 25/s are throttled', () => {
    const doc = design(
      [
        plainProducer('p', 100, 100),
        node('s', 'stream', { shardCount: 1 }),
        app('a', { pollIntervalMs: 100 }),
        app('b', { pollIntervalMs: 100 }),
        app('c', { pollIntervalMs: 100 }),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
        ['s', 'b'],
        ['s', 'c'],
      ],
    );
    const r = runFor(doc, 10).report();
    // The bucket starts full (5 calls), so the first second serves 10; from then on exactly 5 a second.
    expect(metricOf(r, 's', 'GetRecords.Success').series.slice(1)).toEqual(Array(9).fill(5));
    expect(metricOf(r, 's', 'ReadProvisionedThroughputExceeded').series.slice(1)).toEqual(Array(9).fill(25));
    expect(r.conservation.ok).toBe(true);
  });
});

describe('read throughput: 2 MiB/s per shard shared by polling consumers, 2 MiB/s each for EFO', () => {
  // ~1 MiB/s written into one shard (1,000 records of 1,000 B + key) read by three applications.
  const nodes = (mode: 'polling' | 'efo') => [
    plainProducer('p', 1000, 1000, { partitionKey: { type: 'hotKey', key: 'k', share: 1 } }),
    node('s', 'stream', { shardCount: 1, efoConsumers: mode === 'efo' ? ['a', 'b', 'c'] : [] }),
    app('a'),
    app('b'),
    app('c'),
  ];
  const edges = (
    mode: 'polling' | 'efo',
  ): [string, string, { readMode: 'polling' | 'efo'; efoConsumerName?: string }][] =>
    ['a', 'b', 'c'].map((t) => [
      's',
      t,
      mode === 'efo' ? { readMode: 'efo', efoConsumerName: t } : { readMode: 'polling' },
    ]);

  it('three polling consumers need 3 MiB/s: they get 2 MiB/s in total and fall further behind every second', () => {
    const doc = design(nodes('polling'), [['p', 's'], ...edges('polling')]);
    const r = runFor(doc, 60).report();
    // At most the 10 MiB burst plus 2 MiB/s refill over 60 s, and the consumers use nearly all of it.
    const total = metricOf(r, 's', 'GetRecords.Bytes').sum;
    expect(total).toBeLessThanOrEqual((10 + 2 * 60) * 1048576);
    expect(total).toBeGreaterThan(2 * 55 * 1048576);
    expect(metricOf(r, 's', 'ReadProvisionedThroughputExceeded').sum).toBeGreaterThan(0);
    // Together they read at most 2 MiB/s of the 3 MiB/s they need: the backlog grows.
    const fetched = ['a', 'b', 'c'].reduce((sum, id) => sum + countersOf(r, id).fetched, 0);
    expect(fetched).toBeLessThan(0.75 * 3 * 60_000);
    const behind = metricOf(r, 'a', 'MillisBehindLatest').series;
    expect(Math.max(...behind.slice(40))).toBeGreaterThan(Math.max(...behind.slice(10, 20)));
    expect(r.conservation.ok).toBe(true);
  });

  it('three EFO consumers each get their own 2 MiB/s and stay caught up (iterator age ≤ 1 s)', () => {
    const doc = design(nodes('efo'), [['p', 's'], ...edges('efo')]);
    const r = runFor(doc, 60).report();
    expect(metricOf(r, 's', 'SubscribeToShardEvent.Records').sum).toBeGreaterThanOrEqual(3 * 59_000);
    expect(metricOf(r, 's', 'GetRecords.IteratorAgeMilliseconds').max).toBeLessThanOrEqual(1000);
    expect(metricOf(r, 's', 'ReadProvisionedThroughputExceeded').sum).toBe(0);
    for (const id of ['a', 'b', 'c']) expect(countersOf(r, id).fetched).toBeGreaterThanOrEqual(59_000);
  });
});

describe('retention', () => {
  it('a consumer down for 24 h 1 min loses the first minute of records to the 24 h retention, counted as expired', () => {
    const doc = design(
      [
        // 10 rec/s for the first 2 minutes only (the burst comes back at 86,400 s), to keep the test quick.
        plainProducer('p', 10, 100, {
          rate: { type: 'burst', basePerSec: 0, burstPerSec: 10, burstSec: 120, everySec: 86_400 },
        }),
        node('s', 'stream', { shardCount: 1, retentionHours: 24 }),
        app('a'),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
      ],
    );
    // The studio's fault injection can stop a consumer application (the design's timeline cannot).
    const sim = new EngineSimulation(doc, { seed: 1 });
    sim.injectFault({ id: 't1', type: 'destinationOutage', nodeId: 'a', fromSec: 0, toSec: 86_461 });
    // The tick starting at t = 86,460 s expires records that arrived before t = 60 s.
    sim.advanceSync(86_460_100);
    const r = sim.report();
    const c = countersOf(r, 's');
    // Records from t = 0 … 59.9 s are older than 24 h at t = 86,460 s: 60 s × 10 rec/s.
    expect(c['expired:a']).toBe(600);
    expect(c['read:a']).toBe(0);
    // Unread: 60 … 120 s (600) plus the burst again from 86,400 s to the last tick at 86,460 s (601).
    expect(r.conservation.nodes.find((n) => n.nodeId === 's')?.terms['unread:a']).toBe(1201);
    expect(r.conservation.ok).toBe(true);
  }, 60_000);
});

describe('the 10 MiB GetRecords penalty', () => {
  it('a call that returns 10 MiB throttles the shard’s calls for the next 5 s', () => {
    // 15 s of a consumer that is down builds ~15 MiB of backlog; it comes back at 15 s and reads 10 MiB at once.
    const doc = design(
      [
        // 500 records/s of 2,000 B: a 10 MiB call holds ~5,200 records (under the 10,000-record cap).
        plainProducer('p', 500, 2000, { partitionKey: { type: 'hotKey', key: 'k', share: 1 } }),
        node('s', 'stream', { shardCount: 1 }),
        app('a', { pollIntervalMs: 200 }),
      ],
      [
        ['p', 's'],
        ['s', 'a'],
      ],
    );
    const sim = new EngineSimulation(doc, { seed: 1 });
    sim.injectFault({ id: 'down', type: 'destinationOutage', nodeId: 'a', fromSec: 0, toSec: 15 });
    sim.advanceSync(25_000);
    const r = sim.report();
    const bytes = metricOf(r, 's', 'GetRecords.Bytes').series;
    const throttled = metricOf(r, 's', 'ReadProvisionedThroughputExceeded').series;
    expect(bytes[15]).toBeGreaterThan(9.5 * 1048576);
    // Seconds 16–19: every call (5 a second at 200 ms) is refused; reading resumes at 20 s.
    expect(throttled.slice(16, 20)).toEqual([5, 5, 5, 5]);
    expect(bytes.slice(16, 20)).toEqual([0, 0, 0, 0]);
    expect(bytes[20]).toBeGreaterThan(0);
    expect(r.conservation.ok).toBe(true);
  });
});
