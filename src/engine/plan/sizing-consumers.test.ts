import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../model/types.ts';
import { runHeadless } from '../index.ts';
import { design, metricOf, node, plainProducer } from '../testing.ts';
import { sizeConsumers, sizeFirehose, sizeLambda } from './sizing-consumers.ts';

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/${name}.json`, import.meta.url), 'utf8')) as PipelineDoc;

/** The slow-lambda template with the function's factor set (duration model only: no handler runs). */
function slowLambda(factor: number): PipelineDoc {
  const doc = example('slow-lambda');
  for (const n of doc.nodes)
    if (n.kind === 'lambda') {
      n.config.sampleRecordsPerSec = 0;
      n.config.esm.parallelizationFactor = factor;
    }
  return doc;
}

describe('sizing a Lambda consumer: the ParallelizationFactor and concurrency that keep up', () => {
  it('slow lambda (500 rec/s over 2 shards, 2 s per batch of 100): factor 7, concurrency 14', () => {
    const s = sizeLambda(example('slow-lambda'), 'enricher', 'orders');
    expect(s?.busiestShardRecordsPerSec).toBe(250);
    expect(s?.recordsPerSecPerSlot).toBe(50); // 100 records / 2 s
    expect(s?.parallelizationFactor).toBe(7); // 250 / (50 × 80 %) = 6.25
    expect(s?.concurrency).toBe(14);
    expect(s?.keepsUp).toBe(true);
    expect(s?.reason.en).toContain('250 ÷ (50 × 80 %) = 6.3 slots per shard');
  });

  it('the answer holds in a run: factor 1 falls minutes behind in 2 minutes, factor 7 stays within seconds', async () => {
    const at1 = await runHeadless(slowLambda(1), { durationSec: 120 });
    const at7 = await runHeadless(slowLambda(7), { durationSec: 120 });
    // At factor 1 each shard drains 50 of its 250 rec/s: the backlog (and the age) keep growing.
    expect(metricOf(at1, 'enricher', 'IteratorAge').max).toBeGreaterThan(60_000);
    expect(metricOf(at7, 'enricher', 'IteratorAge').max).toBeLessThan(10_000);
  });

  it('a load no factor can carry says so: 1 shard at 1,000 rec/s, 5 s per batch of 100 needs 25 slots', () => {
    const fn = node('f', 'lambda', {
      ...(node('x', 'lambda').config as object),
      duration: { type: 'fixed', ms: 5000 },
    } as never);
    const doc = design(
      [plainProducer('p', 1000, 100), node('s', 'stream', { shardCount: 1 }), fn],
      [
        ['p', 's'],
        ['s', 'f'],
      ],
    );
    const s = sizeLambda(doc, 'f', 's');
    expect(s?.parallelizationFactor).toBe(10);
    expect(s?.keepsUp).toBe(false);
    expect(s?.reason.en).toContain('Even 10 (the maximum) falls behind');
    // With 4 shards planned, 250 rec/s each: 250 / (20 × 0.8) = 15.6, still over 10.
    expect(sizeLambda(doc, 'f', 's', { shards: 4 })?.parallelizationFactor).toBe(10);
  });
});

describe('sizing a Firehose buffer for a target object size', () => {
  const firehoseDoc = (recordsPerSec: number, bytes: number) =>
    design(
      [plainProducer('p', recordsPerSec, bytes), node('fh', 'firehose'), node('b', 's3')],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );

  it('1,000 rec/s of 1 KiB (1,000 KiB/s) for 64 MiB objects: buffer 64 MiB, interval 73 s', () => {
    const s = sizeFirehose(firehoseDoc(1000, 1024), 'fh', 64);
    expect(s?.bufferSizeMiB).toBe(64);
    // 64 MiB ÷ 1,024,000 B/s = 65.5 s to fill; the interval is that + 10 % so the size triggers first.
    expect(s?.bufferIntervalSec).toBe(73);
    expect(s?.objectMiB).toBe(64);
    expect(s?.reason.en).toContain('reaches 64 MiB in 65.5 s');
  });

  it('the sushi-iot archive (43.6 KiB/s) cannot fill 64 MiB in 900 s: objects of 38.3 MiB, said in words', () => {
    const s = sizeFirehose(example('sushi-iot'), 'archive');
    expect(s?.bufferIntervalSec).toBe(900);
    expect(s?.objectMiB).toBeCloseTo(38.3, 1);
    expect(s?.reason.en).toContain('smaller than the 64 MiB target');
    expect(s?.reason.ja).toContain('64 MiB');
  });

  it('a target over 128 MiB is capped at the 128 MiB buffer limit', () => {
    expect(sizeFirehose(firehoseDoc(10_000, 1024), 'fh', 500)?.bufferSizeMiB).toBe(128);
  });

  it('the whole design: every stream-reading Lambda and every Firehose of sushi-iot', () => {
    const s = sizeConsumers(example('sushi-iot'));
    expect(s.lambdas.map((l) => [l.lambdaId, l.parallelizationFactor])).toEqual([['tracker', 1]]);
    expect(s.firehoses.map((f) => f.firehoseId)).toEqual(['archive']);
  });
});
