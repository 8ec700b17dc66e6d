import { describe, expect, it } from 'vitest';
import { countersOf, design, metricOf, node, plainProducer, runFor } from '../testing.ts';

const hot = { partitionKey: { type: 'hotKey', key: 'k', share: 1 } };

describe('per-shard write limits', () => {
  it('1,500 rec/s of 1 KB records into one shard: 1,000 accepted and 500 throttled each second', () => {
    const doc = design(
      [plainProducer('p', 1500, 1000), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = runFor(doc, 10).report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(10).fill(1000));
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').series).toEqual(Array(10).fill(500));
    expect(metricOf(r, 's', 'PutRecords.ThrottledRecords').sum).toBe(5000);
    expect(countersOf(r, 'p')).toMatchObject({ attempted: 15000, accepted: 10000, dropped: 5000 });
    expect(r.conservation.ok).toBe(true);
  });

  it('caps bytes at 1 MiB/s including the partition key: 600 rec/s of 2,047 B + 1-byte key → 512 accepted/s', () => {
    // 2,048 B per record: 1 MiB a second is exactly 512 of them. (Before issue 13 the budget was cut
    // into 100 ms ticks of 104,857.6 B, 51 records each: 510/s, which AWS's per-second limit is not.)
    const doc = design(
      [plainProducer('p', 600, 2047, hot), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = runFor(doc, 5).report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(5).fill(512));
    expect(metricOf(r, 's', 'IncomingBytes').series).toEqual(Array(5).fill(512 * 2048));
  });

  it('PutRecord rounds each record up to 1 KB: 600 × 1.1 KB/s throttles with PutRecord but not with PutRecords', () => {
    const putRecords = design(
      [plainProducer('p', 600, 1126, hot), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const rs = runFor(putRecords, 5).report();
    expect(metricOf(rs, 's', 'WriteProvisionedThroughputExceeded').sum).toBe(0);
    expect(metricOf(rs, 's', 'IncomingRecords').sum).toBe(3000);
    const putRecord = design(
      [
        plainProducer('p', 600, 1126, { ...hot, source: 'putRecord' }),
        node('s', 'stream', { shardCount: 1 }),
      ],
      [['p', 's']],
    );
    const r1 = runFor(putRecord, 5).report();
    // Each 1,127 B record counts as 2,048 B: 512 per second (1 MiB); 88 per second throttled.
    expect(metricOf(r1, 's', 'IncomingRecords').series).toEqual(Array(5).fill(512));
    expect(metricOf(r1, 's', 'WriteProvisionedThroughputExceeded').series).toEqual(Array(5).fill(88));
    expect(metricOf(r1, 's', 'PutRecord.Success').sum).toBe(2560);
  });

  it('one hot key is capped at one shard: 2,000 rec/s on a 4-shard stream → 1,000 accepted/s, 3 shards idle', () => {
    const doc = design(
      [plainProducer('p', 2000, 100, hot), node('s', 'stream', { shardCount: 4 })],
      [['p', 's']],
    );
    const r = runFor(doc, 5).report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(5).fill(1000));
    const shards = r.nodes.find((n) => n.id === 's')?.shards ?? [];
    const busy = shards.filter((s) => (s.metrics.IncomingRecords?.sum ?? 0) > 0);
    expect(busy).toHaveLength(1);
    expect(busy[0].metrics.WriteProvisionedThroughputExceeded.sum).toBe(5000);
  });

  it('random keys spread 3,000 rec/s over 4 shards with no throttling', () => {
    const doc = design([plainProducer('p', 3000, 100), node('s', 'stream', { shardCount: 4 })], [['p', 's']]);
    const r = runFor(doc, 5).report();
    expect(metricOf(r, 's', 'IncomingRecords').sum).toBe(15000);
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').sum).toBe(0);
    for (const s of r.nodes.find((n) => n.id === 's')?.shards ?? []) {
      expect(s.metrics.IncomingRecords.sum).toBeGreaterThan(3000);
      expect(s.metrics.IncomingRecords.sum).toBeLessThan(4500);
    }
  });

  it('refuses records over the maximum record size (1 MiB by default) as failed, never retried', () => {
    const doc = design(
      [plainProducer('p', 10, 1_048_576, hot), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = runFor(doc, 2).report();
    expect(countersOf(r, 'p')).toMatchObject({ attempted: 20, accepted: 0, failed: 20, retried: 0 });
    expect(countersOf(r, 's').failed).toBe(20);
  });
});

describe('producer retries after throttling', () => {
  it('retries throttled records with backoff, then drops them after maxAttempts; accepted stays 1,000/s', () => {
    const doc = design(
      [
        plainProducer('p', 1500, 500, {
          retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, jitter: true },
        }),
        node('s', 'stream', { shardCount: 1 }),
      ],
      [['p', 's']],
    );
    const r = runFor(doc, 20).report();
    const c = countersOf(r, 'p');
    expect(metricOf(r, 's', 'IncomingRecords').series.slice(2)).toEqual(Array(18).fill(1000));
    expect(c.accepted).toBe(20000);
    expect(c.retried).toBeGreaterThan(10000);
    // Sent attempts = first attempts + retries; each is either accepted or throttled.
    expect(c.kinesisRecordsSent).toBe(c.attempted + c.retried);
    expect(c.kinesisRecordsSent).toBe(c.accepted + c.throttled + c.failed);
    expect(c.attempted).toBe(c.accepted + c.dropped + c.pendingRetry);
    expect(r.conservation.ok).toBe(true);
  });

  it('the Data Generator never retries and never counts failed puts as sent', () => {
    const doc = design(
      [plainProducer('p', 1500, 500, { source: 'dataGenerator' }), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const c = countersOf(runFor(doc, 4).report(), 'p');
    expect(c).toMatchObject({ attempted: 6000, accepted: 4000, dropped: 2000, retried: 0 });
  });
});

describe('KPL aggregation', () => {
  const kplProducer = (aggregation: boolean) =>
    plainProducer('p', 5000, 100, {
      source: 'kpl',
      kpl: { aggregation, aggregationMaxBytes: 51200, maxBufferedTimeMs: 100, collectionMaxCount: 500 },
    });

  it('5,000 user records/s of 100 B: without aggregation one shard takes 1,000/s', () => {
    const r = runFor(
      design([kplProducer(false), node('s', 'stream', { shardCount: 1 })], [['p', 's']]),
      5,
    ).report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(5).fill(1000));
  });

  it('with aggregation all 5,000 user records/s fit in ~10 Kinesis records/s of ≤ 50 KiB', () => {
    const r = runFor(
      design([kplProducer(true), node('s', 'stream', { shardCount: 1 })], [['p', 's']]),
      5,
    ).report();
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').sum).toBe(0);
    expect(countersOf(r, 'p')).toMatchObject({ attempted: 25000, accepted: 25000 });
    expect(countersOf(r, 's').acceptedUserRecords).toBe(25000);
    const kinesisPerSec = metricOf(r, 's', 'IncomingRecords').max;
    expect(kinesisPerSec).toBeGreaterThanOrEqual(10);
    expect(kinesisPerSec).toBeLessThanOrEqual(20);
  });
});
