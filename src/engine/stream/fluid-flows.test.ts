import { describe, expect, it } from 'vitest';
import type { RunReport } from '../api.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, meteringDesign, metricOf, node, plainProducer, runFor } from '../testing.ts';

const costOf = (r: RunReport, id: string) =>
  r.cost.items.filter((i) => i.nodeId === id).reduce((a, i) => a + i.usd, 0);

describe('the rate model carries flows through the nodes behind a fluid stream', () => {
  it('the metering case’s 100,000 shards with a Lambda, a Firehose and an Analytics node behind them report flows, lag and cost', () => {
    const doc = meteringDesign();
    doc.nodes.push(
      node('fn', 'lambda', {}),
      node('fh', 'firehose', { source: 'kinesisStream', bufferSizeMiB: 128, bufferIntervalSec: 60 }),
      node('bucket', 's3', {}),
      node('app', 'analytics', {}),
    );
    const edge = (id: string, source: string, target: string) => ({ id, source, target, config: {} });
    // The Lambda reads all ten streams (100,000 shards); the Firehose and the Analytics app one each.
    for (let i = 0; i < 10; i++) doc.edges.push(edge(`l${i}`, `s${i}`, 'fn'));
    doc.edges.push(edge('x1', 's1', 'fh'), edge('x2', 'fh', 'bucket'), edge('x3', 's2', 'app'));
    const r = runFor(doc, 5).report();
    const kinds = new Map(r.nodes.map((n) => [n.id, n]));
    for (const id of ['s0', 'fn', 'fh', 'bucket', 'app']) expect(kinds.get(id)?.model).toBe('rate');
    // Each stream is offered 10,000 shards × 1,000 rec/s = 10^7 rec/s of 910 B (900 B + a 10-digit
    // key), exactly its capacity: random keys' spread refuses 1.26 % (fluid.test.ts).
    const perSec = metricOf(r, 's0', 'IncomingRecords').series[4];
    expect(perSec).toBeCloseTo(0.9874e7, -4);
    // Lambda: ~1,000 records a shard a second in batches of 100 → 10 invocations a shard a second of
    // 20 + 0.5 × 100 = 70 ms: 100,000 shards need 70,000 concurrent executions against the
    // account's 1,000, so the function runs 1,000 / 0.07 s ≈ 14,286 batches a second and falls
    // behind. Once behind, every shard wants back-to-back batches (≈ 14.3 a second): the rest throttle.
    const ran = 1000 / 0.07;
    expect(metricOf(r, 'fn', 'ConcurrentExecutions').max).toBe(1000);
    expect(metricOf(r, 'fn', 'Invocations').series[0]).toBeCloseTo(ran, 3);
    // (10 streams' records in batches of 100, less those that ran.)
    expect(metricOf(r, 'fn', 'Throttles').series[0]).toBeCloseTo((10 * perSec) / 100 - ran, -1);
    expect(metricOf(r, 'fn', 'Throttles').series[4]).toBeCloseTo(100_000 * (1000 / 70) - ran, 3);
    const age = metricOf(r, 'fn', 'IteratorAge').series;
    expect(age[4]).toBeGreaterThan(age[1]);
    expect(age[4]).toBeGreaterThan(3000);
    // Billed: each invocation's request and its 70 ms at 128 MB.
    const fnCost = r.cost.items.filter((i) => i.nodeId === 'fn');
    expect(fnCost.find((i) => i.unit.includes('request') || i.item.includes('equest'))?.quantity).toBeCloseTo(
      5 * ran,
      0,
    );
    expect(costOf(r, 'fn')).toBeGreaterThan(0);
    // Firehose: 10^7 rec/s of 910 B, billed at 5 KB each; 128 MiB objects.
    expect(metricOf(r, 'fh', 'IncomingRecords').series[4]).toBeCloseTo(perSec, -2);
    const objects = metricOf(r, 'fh', 'DeliveryToS3.ObjectCount').sum;
    expect(objects).toBeCloseTo((5 * perSec * 910) / (128 * 1024 * 1024), -1);
    expect(metricOf(r, 'bucket', 'PutRequests').sum).toBe(objects);
    const ingestGB = r.cost.items.find((i) => i.nodeId === 'fh' && i.item.includes('ngest'));
    expect(ingestGB?.quantity).toBeCloseTo((5 * perSec * 5120) / 1024 ** 3, -2);
    // Analytics: input rows per second, and its KPUs billed.
    expect(metricOf(r, 'app', 'InputRecords').series[4]).toBeCloseTo(perSec, -2);
    expect(costOf(r, 'app')).toBeGreaterThan(0);
    expect(r.markers.some((m) => m.nodeId === 's0' && m.label.includes('rate'))).toBe(true);
  }, 60_000);

  it('a consumer app behind a fluid stream lags by what its workers cannot process', () => {
    const doc = design(
      [
        plainProducer('p', 300_000, 100),
        node('s', 'stream', { shardCount: 400 }),
        node('c', 'consumerApp', { workers: 4, processingRecordsPerSec: 50_000 }),
      ],
      [
        ['p', 's'],
        ['s', 'c'],
      ],
    );
    const r = runFor(doc, 10).report();
    // 300,000 rec/s in, 200,000 processed: 100,000 more waiting every second, i.e. 1/3 s of lag a second.
    expect(metricOf(r, 'c', 'RecordsProcessed').series[9]).toBeCloseTo(200_000, -1);
    const lag = metricOf(r, 'c', 'MillisBehindLatest').series;
    expect(lag[9] - lag[8]).toBeCloseTo(1000 / 3, -1);
  });

  it('the studio’s live view shows the rates: 300,000 rec/s through a fluid stream into a Lambda and a Firehose → S3', () => {
    const doc = design(
      [
        plainProducer('p', 300_000, 100),
        node('s', 'stream', { shardCount: 400 }),
        node('fn', 'lambda', {}),
        node('fh', 'firehose', { source: 'kinesisStream', bufferSizeMiB: 1, bufferIntervalSec: 60 }),
        node('b', 's3', {}),
      ],
      [
        ['p', 's'],
        ['s', 'fn'],
        ['s', 'fh'],
        ['fh', 'b'],
      ],
    );
    const sim = new EngineSimulation(doc, { seed: 1 });
    sim.advanceSync(5000);
    const f = sim.frame();
    // 400 shards take 300,000 rec/s of ~110 B; both consumers read all of it.
    expect(f.nodes.s.outRecordsPerSec).toBeCloseTo(600_000, 0);
    expect(f.edges.e2.recordsPerSec).toBeCloseTo(300_000, 0);
    expect(f.nodes.fn.inRecordsPerSec).toBeCloseTo(300_000, 0);
    // Keys are KDG-style numbers up to 10 digits: ~110 B a record.
    expect(f.nodes.fh.inBytesPerSec / 300_000).toBeCloseTo(110, 0);
    // 31.4 MiB/s into 1 MiB buffers: 31 or 32 whole objects a second to S3.
    expect(f.edges.e4.recordsPerSec).toBeGreaterThan(0);
    expect([31 * 1_048_576, 32 * 1_048_576]).toContain(f.nodes.b.inBytesPerSec);
  });
});
