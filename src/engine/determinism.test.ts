import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PipelineNode } from '../model/types.ts';
import { runHeadless } from './index.ts';
import { design, node, plainProducer, runFor } from './testing.ts';

const clickstream = () =>
  design(
    [
      node('p', 'producer', {
        rate: { type: 'burst', basePerSec: 800, burstPerSec: 2500, burstSec: 5, everySec: 20 },
        partitionKey: { type: 'zipf', keys: 200, exponent: 1.1 },
      }),
      node('s', 'stream', { shardCount: 2 }),
      node('c', 'consumerApp', { processingRecordsPerSec: 900 }),
    ],
    [
      ['p', 's'],
      ['s', 'c'],
    ],
    { timeline: [{ id: 'h', type: 'hotKey', nodeId: 'p', fromSec: 10, toSec: 20, key: 'HOT', share: 0.6 }] },
  );

describe('determinism', () => {
  it('the same design and seed give byte-identical JSON reports', async () => {
    const a = JSON.stringify(await runHeadless(clickstream(), { seed: 7, durationSec: 40 }));
    const b = JSON.stringify(await runHeadless(clickstream(), { seed: 7, durationSec: 40 }));
    expect(a).toBe(b);
    const c = JSON.stringify(await runHeadless(clickstream(), { seed: 8, durationSec: 40 }));
    expect(c).not.toBe(a);
  });

  it('adding a node does not change another producer’s random stream', () => {
    const alone = design(
      [plainProducer('p', 500, 100), node('s', 'stream', { shardCount: 1 })],
      [['p', 's']],
    );
    const withOther = design(
      [
        plainProducer('p', 500, 100),
        node('s', 'stream', { shardCount: 1 }),
        plainProducer('q', 10, 100),
        node('t', 'stream'),
      ],
      [
        ['p', 's'],
        ['q', 't'],
      ],
    );
    const peekA = runFor(alone, 3).peek({ nodeId: 's' }, 10);
    const peekB = runFor(withOther, 3).peek({ nodeId: 's' }, 10);
    expect(peekA).toHaveLength(10);
    expect(peekB.map((r) => r.partitionKey)).toEqual(peekA.map((r) => r.partitionKey));
  });
});

describe('conservation on random designs', () => {
  it('every record is accounted for at every node', () => {
    fc.assert(
      fc.property(
        fc.record({
          rate: fc.integer({ min: 0, max: 4000 }),
          bytes: fc.integer({ min: 1, max: 4000 }),
          shards: fc.integer({ min: 1, max: 4 }),
          attempts: fc.integer({ min: 1, max: 4 }),
          source: fc.constantFrom('putRecord', 'putRecords', 'kpl', 'agent', 'dataGenerator'),
          key: fc.constantFrom('random', 'zipf', 'hotKey'),
          consumers: fc.integer({ min: 0, max: 3 }),
          efo: fc.boolean(),
          processing: fc.integer({ min: 1, max: 5000 }),
          reshardTo: fc.integer({ min: 0, max: 8 }),
          seconds: fc.integer({ min: 1, max: 25 }),
        }),
        (d) => {
          const partitionKey =
            d.key === 'random'
              ? { type: 'random' as const }
              : d.key === 'zipf'
                ? { type: 'zipf' as const, keys: 50, exponent: 1 }
                : { type: 'hotKey' as const, key: 'h', share: 0.5 };
          const efoNames = d.efo ? Array.from({ length: d.consumers }, (_, i) => `c${i}`) : [];
          const target = Math.min(d.shards * 2, Math.max(Math.ceil(d.shards / 2), d.reshardTo));
          const nodes: PipelineNode[] = [
            plainProducer('p', d.rate, d.bytes, {
              source: d.source,
              partitionKey,
              retry: { maxAttempts: d.attempts, baseDelayMs: 50, maxDelayMs: 500, jitter: true },
              agent: {
                ...(node('x', 'producer').config as { agent: object }).agent,
                maxBufferAgeMillis: 1000,
              },
            }),
            node('s', 'stream', {
              shardCount: d.shards,
              efoConsumers: efoNames,
              reshards:
                d.reshardTo > 0 && target !== d.shards
                  ? [{ atSec: 3, action: { type: 'updateShardCount', targetShardCount: target } }]
                  : [],
            }),
          ];
          const edges: [string, string, object?][] = [['p', 's']];
          for (let i = 0; i < d.consumers; i++) {
            nodes.push(
              node(`c${i}`, 'consumerApp', { processingRecordsPerSec: d.processing, pollIntervalMs: 500 }),
            );
            edges.push([
              's',
              `c${i}`,
              d.efo ? { readMode: 'efo', efoConsumerName: `c${i}` } : { readMode: 'polling' },
            ]);
          }
          const r = runFor(design(nodes, edges as never), d.seconds).report();
          const bad = r.conservation.nodes.filter((n) => !n.ok);
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 40, seed: 20171201 },
    );
  });
});
