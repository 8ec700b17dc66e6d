import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../usercode/index.ts';
import {
  build,
  conserved,
  deliveryStream,
  jsonProducer,
  node,
  objectsOf,
  plainProducer,
  reportOf,
} from './testkit.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

describe('buffering: whichever of size and interval comes first', () => {
  it('a 60 s interval at 10 rec/s writes one S3 object per minute, named as Firehose names them', async () => {
    const sim = build(
      [
        plainProducer('p', 10, 200),
        deliveryStream('clicks', { bufferIntervalSec: 60, compression: 'GZIP' }),
        node('b', 's3'),
      ],
      [
        ['p', 'clicks'],
        ['clicks', 'b'],
      ],
    );
    await sim.advance(300_000);
    const objects = objectsOf(sim, 'b');
    expect(objects.map((o) => o.atMs)).toEqual(
      [60_000, 120_000, 180_000, 240_000, 300_000].slice(0, objects.length),
    );
    expect(objects).toHaveLength(4);
    // 10 rec/s × 60 s; the first object also holds the first tick's record.
    expect(objects.map((o) => o.records)).toEqual([600, 600, 600, 600].map((n, i) => (i === 0 ? n + 1 : n)));
    expect(objects[0].key).toMatch(new RegExp(`^2016/02/25/13/clicks-1-2016-02-25-13-01-00-${UUID}\\.gz$`));
    expect(objects[3].key).toMatch(new RegExp(`^2016/02/25/13/clicks-1-2016-02-25-13-04-00-${UUID}\\.gz$`));
    expect(reportOf(sim, 'clicks').metrics['DeliveryToS3.ObjectCount'].sum).toBe(4);
    expect(conserved(sim, 'clicks')).toBe(true);
  });

  it('a 1 MiB buffer at 1 MiB/s flushes about every second', async () => {
    // 1,024 records/s of 1,024 bytes = 1 MiB/s.
    const sim = build(
      [
        plainProducer('p', 1024, 1024),
        deliveryStream('fh', { bufferSizeMiB: 1, bufferIntervalSec: 300 }),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(30_000);
    const objects = objectsOf(sim, 'b');
    expect(objects.length).toBeGreaterThanOrEqual(29);
    expect(objects.length).toBeLessThanOrEqual(30);
    for (const o of objects) expect(o.sizeBytes).toBeGreaterThanOrEqual(1024 * 1024);
    const gaps = objects.slice(1).map((o, i) => o.atMs - objects[i].atMs);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1100);
  });

  it('a live buffer edit applies at once and bumps the delivery stream version in object names', async () => {
    const sim = build(
      [plainProducer('p', 10, 200), deliveryStream('fh', { bufferIntervalSec: 60 }), node('b', 's3')],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(61_000);
    expect(
      sim.applyEdit({ type: 'bufferHints', nodeId: 'fh', bufferSizeMiB: 1, bufferIntervalSec: 10 }),
    ).toEqual({
      applied: true,
    });
    expect(
      sim.applyEdit({ type: 'bufferHints', nodeId: 'fh', bufferSizeMiB: 129, bufferIntervalSec: 10 }).applied,
    ).toBe(false);
    await sim.advance(91_000);
    const keys = objectsOf(sim, 'b').map((o) => o.key.split('/').pop() ?? '');
    expect(keys[0].startsWith('fh-1-')).toBe(true);
    expect(keys.slice(1).every((k) => k.startsWith('fh-2-'))).toBe(true);
    expect(keys.length).toBe(4); // 60 s, then every 10 s: 71, 81, 91
  });
});

describe('Direct PUT quotas (AWS docs: Sources and Direct-PUT limits)', () => {
  it('us-east-1 takes 5 MiB/s: 6 MiB/s of 1 KiB records gets 5,120 accepted and 1,024 throttled each second', async () => {
    const sim = build(
      [plainProducer('p', 6144, 1024), deliveryStream('fh', { bufferIntervalSec: 60 }), node('b', 's3')],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(10_000);
    const fh = reportOf(sim, 'fh');
    expect(fh.metrics.IncomingRecords.series.slice(2)).toEqual(new Array(8).fill(5120));
    expect(fh.metrics.ThrottledRecords.series.slice(2)).toEqual(new Array(8).fill(1024));
    expect(reportOf(sim, 'p').counters.dropped).toBeGreaterThan(8000);
  });

  it('other Regions take 1 MiB/s', async () => {
    const sim = build(
      [
        plainProducer('p', 2048, 1024),
        deliveryStream('fh', { region: 'other', bufferIntervalSec: 60 }),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(5_000);
    expect(reportOf(sim, 'fh').metrics.IncomingRecords.series.slice(1)).toEqual([1024, 1024, 1024, 1024]);
  });

  it('bills ingestion with every record rounded up to 5 KB', async () => {
    const sim = build(
      [plainProducer('p', 100, 200), deliveryStream('fh', { bufferIntervalSec: 60 }), node('b', 's3')],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(10_000);
    const records = reportOf(sim, 'fh').counters.incoming;
    const item = sim.report().cost.items.find((i) => i.nodeId === 'fh' && i.unit === 'GB');
    // 200-byte records bill as 5,120 bytes each.
    expect(item?.quantity).toBeCloseTo((records * 5120) / 2 ** 30, 9);
    expect(item?.usd).toBeCloseTo(((records * 5120) / 2 ** 30) * 0.029, 9);
  });
});

describe('compression and object content', () => {
  it('GZIP objects hold the records concatenated, gzip-compressed, smaller than raw', async () => {
    const sim = build(
      [
        jsonProducer('p', 20),
        deliveryStream('fh', { bufferIntervalSec: 10, compression: 'GZIP' }),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(12_000);
    const [obj] = objectsOf(sim, 'b');
    expect(obj.compression).toBe('GZIP');
    const text = utf8Decode(gunzipSync(obj.body as Uint8Array));
    const lines = text.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(obj.records);
    expect(JSON.parse(lines[0])).toMatchObject({ unit: 'celsius' });
    expect(obj.sizeBytes).toBe((obj.body as Uint8Array).length);
    expect(obj.sizeBytes).toBeLessThan(text.length / 2);
  });

  it('format conversion to Parquet names objects .parquet and bills conversion GB like ingestion', async () => {
    const sim = build(
      [
        jsonProducer('p', 20),
        deliveryStream('fh', { bufferSizeMiB: 64, bufferIntervalSec: 60, formatConversion: 'PARQUET' }),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(61_000);
    const [obj] = objectsOf(sim, 'b');
    expect(obj.key).toMatch(/\.parquet$/);
    expect(obj.compression).toBe('PARQUET');
    expect(obj.body).toBeUndefined();
    const items = sim.report().cost.items.filter((i) => i.nodeId === 'fh');
    const ingest = items.find((i) => i.item.startsWith('Firehose ingestion'));
    const conversion = items.find((i) => i.item === 'Firehose format conversion');
    expect(conversion?.quantity).toBe(ingest?.quantity);
  });

  it('two runs with one seed give byte-identical reports and object bytes', async () => {
    const run = async () => {
      const sim = build(
        [
          jsonProducer('p', 50),
          deliveryStream('fh', {
            bufferIntervalSec: 10,
            compression: 'GZIP',
            prefix: 'r/!{firehose:random-string}/',
          }),
          node('b', 's3'),
        ],
        [
          ['p', 'fh'],
          ['fh', 'b'],
        ],
      );
      await sim.advance(35_000);
      const objects = objectsOf(sim, 'b').map((o) => ({ ...o, body: Array.from(o.body ?? []) }));
      return JSON.stringify({ report: sim.report(), objects });
    };
    expect(await run()).toBe(await run());
  });
});
