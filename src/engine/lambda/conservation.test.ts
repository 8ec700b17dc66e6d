import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Compression } from '../../model/types.ts';
import { EngineSimulation } from '../simulation.ts';
import { design, node, plainProducer } from '../testing.ts';
import { fn } from './testkit.ts';

/**
 * Random consumer designs: producer → stream → Lambda (random mapping and failure settings) →
 * Firehose (random buffer and compression) → S3, with random faults. Every record must be accounted
 * for at every node, whatever the settings.
 */
describe('conservation on random consumer pipelines', () => {
  it('holds for the Lambda, the delivery stream and the bucket', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rate: fc.integer({ min: 1, max: 800 }),
          shards: fc.integer({ min: 1, max: 3 }),
          batchSize: fc.integer({ min: 1, max: 300 }),
          pf: fc.integer({ min: 1, max: 10 }),
          windowSec: fc.integer({ min: 0, max: 3 }),
          errorRate: fc.constantFrom(0, 0.3, 1),
          retries: fc.constantFrom(-1, 0, 2),
          maxAgeSec: fc.constantFrom(-1, 60),
          bisect: fc.boolean(),
          durationMs: fc.integer({ min: 1, max: 3000 }),
          bufferMiB: fc.integer({ min: 1, max: 3 }),
          intervalSec: fc.integer({ min: 0, max: 20 }),
          compression: fc.constantFrom<Compression>('UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy'),
          outage: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async (c) => {
          const doc = design(
            [
              plainProducer('p', c.rate, 300, { partitionKey: { type: 'random' } }),
              node('s', 'stream', { shardCount: c.shards }),
              fn('f', {
                code: 'exports.handler = async (e) => ({ records: e.Records.map((r) => r.kinesis.data) });',
                errorRate: c.errorRate,
                duration: { type: 'fixed', ms: c.durationMs },
                esm: {
                  batchSize: c.batchSize,
                  parallelizationFactor: c.pf,
                  batchingWindowSec: c.windowSec,
                  maximumRetryAttempts: c.retries,
                  maximumRecordAgeSec: c.maxAgeSec,
                  bisectBatchOnFunctionError: c.bisect,
                },
              }),
              node('fh', 'firehose', {
                bufferSizeMiB: c.bufferMiB,
                bufferIntervalSec: c.intervalSec,
                compression: c.compression,
              }),
              node('b', 's3'),
            ],
            [
              ['p', 's'],
              ['s', 'f'],
              ['f', 'fh'],
              ['fh', 'b'],
            ],
            {
              timeline: c.outage
                ? [{ id: 'o', type: 'destinationOutage', nodeId: 'b', fromSec: 5, toSec: 25 }]
                : [],
            },
          );
          const sim = new EngineSimulation(doc, { seed: c.seed });
          await sim.advance(40_000);
          const report = sim.report();
          for (const id of ['f', 'fh', 'b']) {
            const n = report.conservation.nodes.find((x) => x.nodeId === id);
            expect(n?.ok, `${id}: ${JSON.stringify(n?.terms)}`).toBe(true);
          }
        },
      ),
      { numRuns: 12, seed: 20171 },
    );
  }, 240_000);
});
