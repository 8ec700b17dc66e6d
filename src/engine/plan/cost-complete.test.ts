import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDoc } from '../../model/types.ts';
import { runHeadless } from '../index.ts';
import { estimateCost } from './estimate.ts';

const clickstream = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream.json', import.meta.url), 'utf8'),
) as PipelineDoc;

// By hand, current price book (kinesis-behaviour.md §2 and destination-prices.ts):
// - stream "clicks": 2 shards × $0.015 × 730 h = $21.90; 400 rec/s × 3,600 × 730 = 1,051,200,000
//   PUT payload units × $0.014/M = $14.72
// - Analytics "sql": 1 KPU × $0.11 × 730 = $80.30
// - Redshift "dw": 2 × dc2.large × $0.25 × 730 = $365.00
// - S3 "archive" and "staging": one PUT a minute each (60 s buffer interval beats 5 MiB at about
//   one row/s): 60 × 730 × $0.005/1,000 = $0.219 each
// - two delivery streams at about one 5 KB-rounded record/s: 5,120 × 3,600 × 730 / 2^30 GB × $0.029 = $0.36 each
describe('the clickstream template costs what its price book says', () => {
  it('the estimate before running has every item, each as computed by hand', () => {
    const e = estimateCost(clickstream, 'current');
    const month = (node: string, item: string) =>
      e.items.find((i) => i.nodeId === node && i.item.startsWith(item))?.perMonthUsd ?? Number.NaN;
    expect(month('clicks', 'Shard hours')).toBeCloseTo(21.9, 2);
    expect(month('clicks', 'PUT payload units')).toBeCloseTo(14.7168, 3);
    expect(month('sql', 'Analytics KPU')).toBeCloseTo(80.3, 2);
    expect(month('dw', 'Redshift dc2.large')).toBeCloseTo(365, 2);
    expect(month('archive', 'S3 PUT')).toBeCloseTo(0.219, 3);
    expect(month('staging', 'S3 PUT')).toBeCloseTo(0.219, 3);
    expect(month('to-s3', 'Firehose ingestion')).toBeCloseTo(0.36, 2);
    expect(e.perMonthUsd).toBeGreaterThan(21.9 + 14.71 + 80.3 + 365 + 0.43);
    expect(e.perMonthUsd).toBeLessThan(490);
    expect(e.assumptions.some((a) => a.includes('Not priced: S3 GET requests'))).toBe(true);
  });

  it('the metered cost of a run bills the Redshift cluster by the second: 2 nodes × 120 s = 1/15 node-hour', async () => {
    const r = await runHeadless(clickstream, { durationSec: 120, priceBook: 'current' });
    const dw = r.cost.items.find((i) => i.nodeId === 'dw');
    expect(dw?.item).toBe('Redshift dc2.large node hours');
    expect(dw?.quantity).toBeCloseTo(2 / 30, 6);
    expect(dw?.usd).toBeCloseTo((2 / 30) * 0.25, 6);
    expect(r.cost.items.some((i) => i.nodeId === 'archive' && i.item === 'S3 PUT requests')).toBe(true);
    // Per month from the last minute: $365 Redshift + $21.90 shards + $80.30 KPU + the rest ≈ $483.
    expect(r.cost.perMonthUsd).toBeGreaterThan(475);
    expect(r.cost.perMonthUsd).toBeLessThan(495);
  });
});
