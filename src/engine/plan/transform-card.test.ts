import { describe, expect, it } from 'vitest';
import { design, node, plainProducer, runFor } from '../testing.ts';

describe("a Firehose transform Lambda's card shows what Firehose handed it", () => {
  it('400 rec/s through a 1 MiB / 60 s transform buffer: the card reads the batches, summing to every record', () => {
    const fn = node('t', 'lambda', {
      ...(node('x', 'lambda').config as object),
      use: 'firehoseTransform',
      sampleRecordsPerSec: 0, // the duration model only
    } as never);
    const doc = design(
      [
        plainProducer('p', 400, 1000),
        node('fh', 'firehose', { bufferIntervalSec: 60, transformLambdaId: 't' }),
        node('b', 's3'),
        fn,
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    const sim = runFor(doc, 0);
    let seen = 0;
    let busiest = 0;
    for (let s = 0; s < 30; s++) {
      sim.advanceSync(sim.nowMs + 1000);
      const r = sim.frame().nodes.t.inRecordsPerSec;
      seen += r;
      busiest = Math.max(busiest, r);
    }
    const handed = sim.frame().nodes.t.counters.transformRecordsIn;
    expect(handed).toBeGreaterThan(10_000); // 400 rec/s × 30 s, less what is still buffered
    expect(seen).toBe(handed);
    expect(busiest).toBeGreaterThan(400); // ~1 MiB batches of 1 KB records
    // Its duration is the last invocation's (the default model: tens of ms a batch), and it has
    // no iterator age: it reads no shard (the card showed "0 ms").
    const l = sim.frame().nodes.t.lambda;
    expect(l?.durationMs).toBeGreaterThan(0);
    expect(l?.iteratorAgeMs).toBe(0);
    expect(l?.shardIteratorAgeMs).toEqual({});
  });
});
