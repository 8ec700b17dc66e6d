/**
 * Issue 13, shards: the figures AWS documents for per-shard write limits (AWS docs: Shard write limits,
 * §1.4.3 large records) and for random partition keys, checked on the record model.
 */
import { describe, expect, it } from 'vitest';
import { countersOf, design, metricOf, node, plainProducer, runFor } from '../testing.ts';

const hot = { partitionKey: { type: 'hotKey', key: 'k', share: 1 } };

describe('per-shard limits are per second, as AWS states them', () => {
  it('100 shards, 85,000 rec/s of 200 B, a random key per record, PutRecords, no retries, 60 s: ≤ 0.1 % throttled', () => {
    const doc = design(
      [plainProducer('p', 85_000, 200), node('s', 'stream', { shardCount: 100 })],
      [['p', 's']],
    );
    const r = runFor(doc, 60).report();
    const c = countersOf(r, 'p');
    expect(c.attempted).toBe(5_100_000);
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').sum).toBeLessThanOrEqual(5_100);
    expect(c.accepted).toBeGreaterThanOrEqual(5_100_000 * 0.999);
    // Every shard takes about its 850 rec/s: the busiest is within a few Poisson deviations of it.
    const shards = r.nodes.find((n) => n.id === 's')?.shards ?? [];
    expect(shards).toHaveLength(100);
    for (const s of shards) {
      expect(s.metrics.IncomingRecords.sum / 60).toBeGreaterThan(850 * 0.95);
      expect(s.metrics.IncomingRecords.sum / 60).toBeLessThan(850 * 1.05);
    }
  });

  it('random keys spread like a fresh key per record at 1,000 shards: every shard gets its share', () => {
    // 500,000 records over 1,000 shards: 500 each, Poisson sd ≈ 22. A 4,096-key pool left shards empty.
    const doc = design(
      [plainProducer('p', 50_000, 100), node('s', 'stream', { shardCount: 1000 })],
      [['p', 's']],
    );
    const shards =
      runFor(doc, 10)
        .report()
        .nodes.find((n) => n.id === 's')?.shards ?? [];
    const sums = shards.map((s) => s.metrics.IncomingRecords.sum);
    expect(Math.min(...sums)).toBeGreaterThan(500 - 6 * 22.4);
    expect(Math.max(...sums)).toBeLessThan(500 + 6 * 22.4);
    const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
    const sd = Math.sqrt(sums.reduce((a, b) => a + (b - mean) ** 2, 0) / sums.length);
    expect(sd).toBeGreaterThan(22.4 * 0.85);
    expect(sd).toBeLessThan(22.4 * 1.15);
  });

  it('1 shard, 3 rec/s of 512,000 B records: 2 accepted and 1 throttled each second', () => {
    const doc = design(
      [plainProducer('p', 3, 512_000, hot), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = runFor(doc, 120).report();
    expect(metricOf(r, 's', 'IncomingRecords').sum / 120).toBeCloseTo(2, 1);
    expect(metricOf(r, 's', 'WriteProvisionedThroughputExceeded').sum / 120).toBeCloseTo(1, 1);
    expect(Math.abs(metricOf(r, 's', 'IncomingRecords').sum / 240 - 1)).toBeLessThan(0.01);
  });

  it('10,241 B records (+ a 1-byte key) into one shard: 102.4 rec/s, the records that fit in 1 MiB a second', () => {
    const doc = design(
      [plainProducer('p', 200, 10_241, hot), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const r = runFor(doc, 30).report();
    const perSec = metricOf(r, 's', 'IncomingRecords').sum / 30;
    // 1,048,576 / 10,242 = 102.38; whole records a second: 102 (0.4 % under, within 1 %).
    expect(Math.abs(perSec / 102.4 - 1)).toBeLessThan(0.01);
    expect(metricOf(r, 's', 'IncomingBytes').max).toBeLessThanOrEqual(1_048_576);
  });
});

describe('records from 1 byte to 10 MiB', () => {
  const oneShard = (bytes: number, perSec: number, maxKiB = 1024) =>
    design(
      [
        plainProducer('p', perSec, bytes, hot),
        node('s', 'stream', { shardCount: 1, maxRecordSizeKiB: maxKiB }),
      ],
      [['p', 's']],
    );

  it('1 B records (+ 1 B key): the 1,000 rec/s cap binds, not bytes', () => {
    const r = runFor(oneShard(1, 1500), 10).report();
    expect(metricOf(r, 's', 'IncomingRecords').series).toEqual(Array(10).fill(1000));
    expect(metricOf(r, 's', 'IncomingBytes').series).toEqual(Array(10).fill(2000));
  });

  it('exactly 1 MiB with its key (1,048,575 B + 1 B key) is a legal record: one a second', () => {
    const r = runFor(oneShard(1_048_575, 3), 20).report();
    expect(countersOf(r, 'p').failed).toBe(0);
    expect(metricOf(r, 's', 'IncomingRecords').sum).toBe(20);
  });

  it('records over the stream’s maximum fail (never throttled or retried); 1 MiB + 1 B fails at the default 1,024 KiB', () => {
    const r = runFor(oneShard(1_048_576, 2), 5).report();
    expect(countersOf(r, 'p')).toMatchObject({ attempted: 10, accepted: 0, failed: 10 });
  });

  it('with MaxRecordSizeInKiB 10,240 a 10 MiB record goes in, then the shard repays it for ~10 s', () => {
    // 10 MiB − 1 B data + 1 B key = 10 MiB: 1 MiB/s of refill lets one in every 10 s.
    const r = runFor(oneShard(10 * 1_048_576 - 1, 1, 10_240), 60).report();
    expect(countersOf(r, 'p').failed).toBe(0);
    expect(metricOf(r, 's', 'IncomingRecords').sum).toBe(6);
    expect(metricOf(r, 's', 'IncomingBytes').sum).toBe(6 * 10 * 1_048_576);
  });

  it('a 2 MiB record every 2 s among 100 B records gets in, and bytes in stay at 1 MiB/s', () => {
    const doc = design(
      [
        plainProducer('big', 0.5, 2 * 1_048_576 - 1, hot),
        plainProducer('small', 100, 99, hot),
        node('s', 'stream', { shardCount: 1, maxRecordSizeKiB: 4096 }),
      ],
      [
        ['big', 's'],
        ['small', 's'],
      ],
    );
    const r = runFor(doc, 40).report();
    // Bytes in never exceed 1 MiB a second on average, large records included.
    expect(metricOf(r, 's', 'IncomingBytes').sum / 40).toBeLessThanOrEqual(1_048_576 * 1.01);
    expect(countersOf(r, 'big').accepted).toBeGreaterThanOrEqual(8);
    expect(countersOf(r, 'small').dropped).toBeGreaterThan(0);
  });
});
