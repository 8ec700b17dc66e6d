import { describe, expect, it } from 'vitest';
import { countersOf, design, node, plainProducer, runFor } from './testing.ts';

function item(items: { item: string; quantity: number; usd: number }[], prefix: string) {
  const found = items.find((i) => i.item.startsWith(prefix));
  if (!found) throw new Error(`No cost item ${prefix}`);
  return found;
}

describe('cost meter (us-east-1 price books)', () => {
  it('one shard for an hour at 1 rec/s of 30 KB: 1 shard-hour ($0.015) and 7,200 PUT payload units (2 per record)', () => {
    const doc = design(
      [
        plainProducer('p', 1, 30 * 1024, { partitionKey: { type: 'hotKey', key: 'k', share: 1 } }),
        node('s', 'stream'),
      ],
      [['p', 's']],
    );
    const r = runFor(doc, 3600).report();
    expect(item(r.cost.items, 'Shard hours')).toMatchObject({ quantity: 1, usd: 0.015 });
    expect(item(r.cost.items, 'PUT payload units')).toMatchObject({ quantity: 7200, usd: 0.0001008 });
    expect(r.cost.totalUsd).toBeCloseTo(0.0151008, 9);
    // Extrapolated from the last simulated minute: the same rate per hour; 730 hours a month.
    expect(r.cost.perHourUsd).toBeCloseTo(0.0151008, 6);
    expect(r.cost.perMonthUsd).toBeCloseTo(0.0151008 * 730, 3);
  });

  it('bills extended retention (48 h) at $0.020 per shard-hour on top of the shard-hour', () => {
    const doc = design(
      [plainProducer('p', 1, 100), node('s', 'stream', { shardCount: 2, retentionHours: 48 })],
      [['p', 's']],
    );
    const r = runFor(doc, 1800).report();
    expect(item(r.cost.items, 'Extended retention')).toMatchObject({ quantity: 1, usd: 0.02 });
    expect(item(r.cost.items, 'Shard hours')).toMatchObject({ quantity: 1, usd: 0.015 });
  });

  it('on-demand: $0.04 per stream-hour and $0.08/GB in with each record rounded up to 1 KB', () => {
    // 1,000 records/s of 100 B + 10-byte keys: billed as 1,000 × 1 KiB per second.
    const doc = design(
      [plainProducer('p', 1000, 100), node('s', 'stream', { capacityMode: 'onDemand' })],
      [['p', 's']],
    );
    const r = runFor(doc, 360).report();
    expect(item(r.cost.items, 'On-demand stream hours')).toMatchObject({ quantity: 0.1, usd: 0.004 });
    const gbIn = item(r.cost.items, 'On-demand data in');
    expect(gbIn.quantity).toBeCloseTo((countersOf(r, 's').accepted * 1024) / 1024 ** 3, 9);
    expect(gbIn.usd).toBeCloseTo(gbIn.quantity * 0.08, 9);
  });

  it('EFO consumers cost $0.015 per consumer-shard-hour', () => {
    const doc = design(
      [
        plainProducer('p', 10, 100),
        node('s', 'stream', { shardCount: 4, efoConsumers: ['app'] }),
        node('app', 'consumerApp', {}),
      ],
      [
        ['p', 's'],
        ['s', 'app', { readMode: 'efo', efoConsumerName: 'app' }],
      ],
    );
    const r = runFor(doc, 900).report();
    expect(item(r.cost.items, 'Enhanced fan-out consumer-shard hours')).toMatchObject({
      quantity: 1,
      usd: 0.015,
    });
  });
});
