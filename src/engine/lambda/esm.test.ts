import { describe, expect, it } from 'vitest';
import { gbSeconds } from './model.ts';
import { maxOver, nodeReport, pipeline } from './testkit.ts';

const TWO_SECONDS = { type: 'fixed', ms: 2000 } as const;

describe('a 2 s Lambda on batches of 100 at 500 rec/s into one shard', () => {
  it('with parallelization factor 1 falls behind: IteratorAge grows by about 0.9 s every second', async () => {
    const sim = pipeline(500, { duration: TWO_SECONDS, esm: { batchSize: 100, parallelizationFactor: 1 } });
    await sim.advance(120_000);
    const f = nodeReport(sim, 'f');
    // One batch every 2 s: the first holds the 50 records of the first tick, then 100 each; 59 have
    // finished by 120 s, so 50 + 58 × 100 records: 50 rec/s processed of 500 rec/s arriving.
    expect(f.metrics.Invocations.sum).toBe(60);
    expect(f.counters.succeeded).toBe(5850);
    expect(f.metrics.ConcurrentExecutions.max).toBe(1);
    const early = maxOver(f.metrics.IteratorAge.series, 10, 30);
    const late = maxOver(f.metrics.IteratorAge.series, 100, 120);
    expect(early).toBeGreaterThan(10_000);
    expect(late).toBeGreaterThan(95_000);
    expect(late - early).toBeGreaterThan(70_000);
  });

  it('with parallelization factor 10 keeps up: IteratorAge stays near 3 s and 10 batches run at once', async () => {
    const sim = pipeline(500, { duration: TWO_SECONDS, esm: { batchSize: 100, parallelizationFactor: 10 } });
    await sim.advance(120_000);
    const f = nodeReport(sim, 'f');
    expect(f.metrics.ConcurrentExecutions.max).toBe(10);
    expect(maxOver(f.metrics.IteratorAge.series, 100, 120)).toBeLessThan(3_500);
    // 500 rec/s for 120 s = 60,000 records; all but the last ~3 s of them are processed.
    expect(f.counters.succeeded).toBeGreaterThan(58_000);
  });

  it('a live edit of the factor from 1 to 10 stops the growth', async () => {
    const sim = pipeline(500, { duration: TWO_SECONDS, esm: { batchSize: 100, parallelizationFactor: 1 } });
    await sim.advance(60_000);
    expect(sim.applyEdit({ type: 'parallelizationFactor', nodeId: 'f', parallelizationFactor: 10 })).toEqual({
      applied: true,
    });
    expect(
      sim.applyEdit({ type: 'parallelizationFactor', nodeId: 'f', parallelizationFactor: 11 }).applied,
    ).toBe(false);
    await sim.advance(240_000);
    const f = nodeReport(sim, 'f');
    // Behind by ~55 s at the edit; 10 slots drain the backlog at up to 500 rec/s above… the arrival rate is
    // also 500 rec/s, so the age stops growing instead of climbing another 160 s.
    expect(maxOver(f.metrics.IteratorAge.series, 230, 240)).toBeLessThan(60_000);
  });
});

describe('live batch size', () => {
  it('raising BatchSize from 100 to 500 while running lets the 2 s function take 250 rec/s instead of 50', async () => {
    const sim = pipeline(500, { duration: { type: 'fixed', ms: 2000 }, esm: { batchSize: 100 } });
    await sim.advance(20_000);
    expect(sim.applyEdit({ type: 'batchSize', nodeId: 'f', batchSize: 500 })).toEqual({ applied: true });
    expect(sim.applyEdit({ type: 'batchSize', nodeId: 'f', batchSize: 10_001 }).applied).toBe(false);
    const before = nodeReport(sim, 'f').counters.succeeded;
    await sim.advance(40_000);
    // 10 invocations of 500 records in the next 20 s (one every 2 s).
    expect(nodeReport(sim, 'f').counters.succeeded - before).toBeGreaterThanOrEqual(4_500);
  });
});

describe('retries (AWS docs: Lambda with a Kinesis event source mapping (ESM)–3.8)', () => {
  it('a batch that always fails blocks its shard until its records expire at the 24 h retention', async () => {
    const sim = pipeline(1, {
      duration: { type: 'fixed', ms: 1000 },
      errorRate: 1,
      esm: { batchSize: 100, batchingWindowSec: 0 },
    });
    const DAY_MS = 24 * 3600_000;
    await sim.advance(DAY_MS - 60_000);
    let f = nodeReport(sim, 'f');
    // The first batch (the one record of second 0) is retried again and again; nothing gets past it.
    // The mapping has read one round ahead (100 records) and then stops reading the blocked shard.
    expect(f.counters.succeeded).toBe(0);
    expect(f.counters.recordsRead).toBe(101);
    expect(f.counters.expired).toBe(0);
    expect(f.counters.invocations).toBeGreaterThan(80_000);
    await sim.advance(DAY_MS + 120_000);
    f = nodeReport(sim, 'f');
    // At 24 h the record expires; the mapping moves on to the next records (which fail in turn).
    // Records of the first ~2 minutes (1 rec/s) have expired by 24 h + 2 min, one after another.
    expect(f.counters.expired).toBeGreaterThanOrEqual(100);
    expect(f.counters.expired).toBeLessThanOrEqual(121);
    expect(f.counters.succeeded).toBe(0);
    expect(sim.report().conservation.nodes.find((n) => n.nodeId === 'f')?.ok).toBe(true);
  }, 120_000);
});

describe('failure controls', () => {
  it('MaximumRetryAttempts 2: a failing batch is dropped after 3 attempts and the shard moves on', async () => {
    // 100 rec/s, batches of 100, 100 ms per invocation; the function fails for the first 10 s only.
    const sim = pipeline(
      100,
      { duration: { type: 'fixed', ms: 100 }, esm: { batchSize: 100, maximumRetryAttempts: 2 } },
      { timeline: [{ id: 't1', type: 'lambdaErrorRate', nodeId: 'f', fromSec: 0, toSec: 10, errorRate: 1 }] },
    );
    await sim.advance(10_000);
    let f = nodeReport(sim, 'f');
    // Every batch of the first 10 s: 3 attempts (first try + 2 retries), then dropped.
    expect(f.counters.errors).toBe(f.counters.invocations);
    expect(f.counters.droppedAfterRetries).toBeGreaterThan(800);
    expect(f.counters.errors % 3).toBe(
      f.counters.retrying > 0 || f.counters.invoking > 0 ? f.counters.errors % 3 : 0,
    );
    await sim.advance(30_000);
    f = nodeReport(sim, 'f');
    // After the fault the shard keeps moving: the next 20 s of records succeed.
    expect(f.counters.succeeded).toBeGreaterThan(1900);
    expect(maxOver(f.metrics.IteratorAge.series, 25, 30)).toBeLessThan(1500);
    expect(sim.report().conservation.nodes.find((n) => n.nodeId === 'f')?.ok).toBe(true);
  });

  it('with MaximumRetryAttempts 2 every failing batch gets exactly 3 invocations', async () => {
    // 1 rec/s: each record is a batch of its own (read once per second), failing throughout.
    const sim = pipeline(1, {
      errorRate: 1,
      duration: { type: 'fixed', ms: 100 },
      esm: { maximumRetryAttempts: 2 },
    });
    await sim.advance(30_500);
    const f = nodeReport(sim, 'f');
    expect(f.counters.retrying + f.counters.invoking + f.counters.queued).toBe(0);
    expect(f.counters.droppedAfterRetries).toBe(f.counters.recordsRead);
    expect(f.counters.invocations).toBe(3 * f.counters.droppedAfterRetries);
    expect(f.counters.errors).toBe(f.counters.invocations);
    expect(f.counters.droppedAfterRetries).toBeGreaterThanOrEqual(29);
  });

  it('BisectBatchOnFunctionError isolates the record the handler rejects; the rest succeed', async () => {
    const code = `exports.handler = async (event) => {
      for (const r of event.Records) {
        const v = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).v;
        if (v === 13) throw new Error('unlucky record ' + r.kinesis.sequenceNumber);
      }
    };`;
    const sim = pipeline(20, {
      code,
      sampleRecordsPerSec: 10_000,
      duration: { type: 'fixed', ms: 50 },
      esm: { batchSize: 16, batchingWindowSec: 1, bisectBatchOnFunctionError: true, maximumRetryAttempts: 1 },
    });
    await sim.advance(30_000);
    const f = nodeReport(sim, 'f');
    const read = f.counters.recordsRead;
    const held = f.counters.queued + f.counters.retrying + f.counters.invoking;
    // Only records with v = 13 (about 1 in 100 of 600) are dropped; splits were not counted as retries.
    expect(f.counters.droppedAfterRetries).toBeGreaterThan(0);
    expect(f.counters.droppedAfterRetries).toBeLessThan(20);
    expect(f.counters.succeeded + f.counters.droppedAfterRetries + held).toBe(read);
    expect(f.counters.succeeded).toBeGreaterThan(read - 40);
  });

  it('ReportBatchItemFailures checkpoints at the lowest failed sequence number', async () => {
    // Full batches of 5 report their 3rd record failed; the retry (records 3–5) then succeeds.
    const code = `exports.handler = async (event) => {
      if (event.Records.length < 5) return { batchItemFailures: [] };
      return { batchItemFailures: [{ itemIdentifier: event.Records[2].kinesis.sequenceNumber }] };
    };`;
    const sim = pipeline(10, {
      code,
      sampleRecordsPerSec: 10_000,
      duration: { type: 'fixed', ms: 50 },
      esm: { batchSize: 5, batchingWindowSec: 1, reportBatchItemFailures: true },
    });
    await sim.advance(20_000);
    const f = nodeReport(sim, 'f');
    // Records 1–2 are checkpointed; 3 records are retried per reported batch; nothing is lost.
    expect(f.counters.partialBatches).toBeGreaterThan(15);
    expect(f.counters.retriedRecords).toBe(3 * f.counters.partialBatches);
    expect(f.counters.errors).toBe(0);
    expect(f.counters.droppedAfterRetries).toBe(0);
    expect(f.counters.succeeded + f.counters.queued + f.counters.retrying + f.counters.invoking).toBe(
      f.counters.recordsRead,
    );
  });

  it('an invalid batchItemFailures entry (empty itemIdentifier) fails the whole batch', async () => {
    const code = `exports.handler = async () => ({ batchItemFailures: [{ itemIdentifier: '' }] });`;
    const sim = pipeline(10, {
      code,
      sampleRecordsPerSec: 10_000,
      duration: { type: 'fixed', ms: 50 },
      esm: { batchSize: 5, reportBatchItemFailures: true, maximumRetryAttempts: 0 },
    });
    await sim.advance(5_000);
    const f = nodeReport(sim, 'f');
    expect(f.counters.succeeded).toBe(0);
    expect(f.counters.errors).toBe(f.counters.invocations);
  });
});

describe('concurrency, errors in code, cost', () => {
  it('reserved concurrency 2 caps ConcurrentExecutions at 2 and counts Throttles', async () => {
    const sim = pipeline(500, {
      reservedConcurrency: 2,
      duration: { type: 'fixed', ms: 2000 },
      esm: { batchSize: 100, parallelizationFactor: 10 },
    });
    await sim.advance(20_000);
    const f = nodeReport(sim, 'f');
    expect(f.metrics.ConcurrentExecutions.max).toBe(2);
    expect(f.metrics.Throttles.sum).toBeGreaterThan(0);
  });

  it('a handler with a syntax error fails every invocation, and the error names its line', async () => {
    const sim = pipeline(10, {
      code: 'exports.handler = async (event) => {\n  return event.Records.map(r => r.);\n};',
      esm: { maximumRetryAttempts: 0 },
    });
    await sim.advance(5_000);
    const f = nodeReport(sim, 'f');
    expect(f.counters.invocations).toBeGreaterThan(3);
    expect(f.counters.errors).toBe(f.counters.invocations);
    expect(f.counters.succeeded).toBe(0);
    const peek = sim.peek({ nodeId: 'f' }, 5);
    void peek;
  });

  it('bills one request per invocation and GB-seconds rounded up to 1 ms', async () => {
    expect(gbSeconds(250.4, 512)).toBeCloseTo(0.1255, 10);
    expect(gbSeconds(0.2, 128)).toBeCloseTo(0.001 / 8, 10);
    const sim = pipeline(100, {
      code: 'exports.handler = async () => {};',
      memoryMB: 512,
      duration: { type: 'fixed', ms: 250 },
      esm: { batchSize: 100 },
    });
    await sim.advance(10_000);
    const f = nodeReport(sim, 'f');
    const items = sim.report().cost.items.filter((i) => i.nodeId === 'f');
    const finished = f.counters.invocations - (f.counters.invoking > 0 ? 1 : 0);
    expect(items.find((i) => i.unit === 'requests')?.quantity).toBe(finished);
    // 250 ms × 0.5 GB = 0.125 GB-s per invocation.
    expect(items.find((i) => i.unit === 'GB-seconds')?.quantity).toBeCloseTo(finished * 0.125, 9);
  });

  it('two runs with one seed give byte-identical reports (the handler runs on sampled records)', async () => {
    const run = async () => {
      const sim = pipeline(300, {
        code: 'exports.handler = async (e) => ({ n: e.Records.length, r: Math.random(), t: Date.now() });',
        errorRate: 0.2,
        duration: { type: 'perRecord', baseMs: 100, perRecordMs: 5, jitterPct: 20 },
        esm: { batchSize: 50, parallelizationFactor: 3 },
      });
      await sim.advance(30_000);
      return JSON.stringify(sim.report());
    };
    expect(await run()).toBe(await run());
  });
});
