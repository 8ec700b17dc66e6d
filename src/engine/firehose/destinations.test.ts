import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../usercode/index.ts';
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

describe('OpenSearch', () => {
  it('rotates indices by the record arrival hour (OneHour) across 14:00 UTC', async () => {
    const sim = build(
      [
        jsonProducer('p', 5),
        deliveryStream('fh', {
          bufferIntervalSec: 30,
          opensearch: { indexName: 'logs', rotation: 'OneHour', retryDurationSec: 300 },
        }),
        node('os', 'opensearch'),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'os'],
        ['fh', 'b', { role: 'backup' }],
      ],
      { startTime: '2016-02-25T13:59:00.000Z' },
    );
    await sim.advance(125_000);
    const d = sim.destination('os');
    if (d?.kind !== 'opensearch') throw new Error('not opensearch');
    expect(d.indices.map((i) => i.name)).toEqual(['logs-2016-02-25-13', 'logs-2016-02-25-14']);
    // 60 s at 5 rec/s arrive before 14:00.
    expect(d.indices[0].docs).toBe(300);
    expect(d.documents[0].source).toMatchObject({ unit: 'celsius' });
    expect(conserved(sim, 'fh')).toBe(true);
  });

  it('an outage longer than the 300 s retry duration sends the documents to S3 under AmazonOpenSearchService-failed/', async () => {
    const sim = build(
      [
        jsonProducer('p', 2),
        deliveryStream('fh', {
          bufferIntervalSec: 60,
          opensearch: { indexName: 'logs', rotation: 'OneDay', retryDurationSec: 300 },
        }),
        node('os', 'opensearch'),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'os'],
        ['fh', 'b', { role: 'backup' }],
      ],
      { timeline: [{ id: 'o1', type: 'destinationOutage', nodeId: 'os', fromSec: 0, toSec: 500 }] },
    );
    await sim.advance(600_000);
    const fh = reportOf(sim, 'fh');
    // The first buffer (flushed at 60 s) retried until 360 s, then backed up; later ones too until the domain returns.
    expect(fh.counters.failedToBackup).toBeGreaterThanOrEqual(121);
    expect(fh.counters.delivered).toBeGreaterThan(0);
    const failed = objectsOf(sim, 'b').filter((o) => o.kind === 'error');
    expect(failed[0].key).toMatch(/^AmazonOpenSearchService-failed\/2016\/02\/25\/13\//);
    const line = JSON.parse(failed[0].firstRecords[0]);
    expect(Object.keys(line).sort()).toEqual(
      [
        'attemptsMade',
        'arrivalTimestamp',
        'attemptEndingTimestamp',
        'errorCode',
        'errorMessage',
        'esDocumentId',
        'esIndexName',
        'esTypeName',
        'rawData',
      ].sort(),
    );
    expect(JSON.parse(fromBase64(line.rawData))).toMatchObject({ unit: 'celsius' });
    expect(line.esIndexName).toBe('logs-2016-02-25');
    expect(fh.metrics['DeliveryToAmazonOpenSearchService.DataFreshness'].max).toBeGreaterThanOrEqual(300);
    expect(conserved(sim, 'fh')).toBe(true);
  });
});

describe('Redshift', () => {
  it('stages each buffer as an S3 object, then COPYs the JSON records into the table columns', async () => {
    const sim = build(
      [
        jsonProducer('p', 10),
        deliveryStream('fh', {
          bufferIntervalSec: 60,
          redshift: {
            table: 'readings',
            columns: 'sensor,v',
            copyOptions: "JSON 'auto'",
            retryDurationSec: 3600,
          },
        }),
        node('rs', 'redshift'),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'rs'],
        ['fh', 'b', { role: 'backup' }],
      ],
    );
    await sim.advance(125_000);
    const d = sim.destination('rs');
    if (d?.kind !== 'redshift') throw new Error('not redshift');
    expect(d.table).toBe('readings');
    expect(d.columns).toEqual(['sensor', 'v']);
    expect(d.copies).toBe(2);
    expect(d.totalRows).toBe(1201);
    expect(String(d.rows[0][0])).toMatch(/^s-\d$/);
    expect(objectsOf(sim, 'b').map((o) => o.kind)).toEqual(['staging', 'staging']);
  });

  it('a cluster outage shorter than the 3,600 s retry duration delays COPY; no row is lost', async () => {
    const sim = build(
      [
        jsonProducer('p', 10),
        deliveryStream('fh', { bufferIntervalSec: 60 }),
        node('rs', 'redshift'),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'rs'],
        ['fh', 'b', { role: 'backup' }],
      ],
      { timeline: [{ id: 'o1', type: 'destinationOutage', nodeId: 'rs', fromSec: 30, toSec: 300 }] },
    );
    await sim.advance(310_000);
    const fh = reportOf(sim, 'fh');
    expect(fh.metrics['DeliveryToRedshift.Success'].series.slice(60, 300).every((v) => v === 0)).toBe(true);
    const d = sim.destination('rs');
    if (d?.kind !== 'redshift') throw new Error('not redshift');
    // Five buffers (60…300 s) were staged; after the outage they load in order, one COPY at a time.
    expect(d.totalRows).toBeGreaterThanOrEqual(601);
    expect(fh.counters.skippedCopies).toBe(0);
    expect(conserved(sim, 'fh')).toBe(true);
  });
});

describe('Redshift retry duration', () => {
  it('a COPY still failing after the retry duration is skipped, with a manifest under errors/manifests/', async () => {
    const sim = build(
      [
        jsonProducer('p', 10),
        deliveryStream('fh', {
          bufferIntervalSec: 60,
          redshift: { table: 'readings', columns: '', copyOptions: "JSON 'auto'", retryDurationSec: 60 },
        }),
        node('rs', 'redshift'),
        node('b', 's3'),
      ],
      [
        ['p', 'fh'],
        ['fh', 'rs'],
        ['fh', 'b', { role: 'backup' }],
      ],
      { timeline: [{ id: 'o1', type: 'destinationOutage', nodeId: 'rs', fromSec: 0, toSec: 200 }] },
    );
    await sim.advance(260_000);
    const fh = reportOf(sim, 'fh');
    // Buffers of 60 s and 120 s give up after 60 s of retries; those of 180 s (retried until the
    // cluster returns at 200 s) and 240 s load.
    expect(fh.counters.skippedCopies).toBe(1201);
    const manifests = objectsOf(sim, 'b').filter((o) => o.kind === 'error');
    expect(manifests).toHaveLength(2);
    expect(manifests[0].key).toMatch(/^errors\/manifests\/2016\/02\/25\/13\//);
    expect(JSON.parse(manifests[0].firstRecords[0]).entries[0].mandatory).toBe(true);
    const d = sim.destination('rs');
    expect(d?.kind === 'redshift' ? d.totalRows : -1).toBe(1200);
    expect(conserved(sim, 'fh')).toBe(true);
  });
});

describe('S3 outage and the data stream source', () => {
  it('a bucket outage is retried; DataFreshness grows during it and nothing is lost', async () => {
    const sim = build(
      [plainProducer('p', 10, 200), deliveryStream('fh', { bufferIntervalSec: 60 }), node('b', 's3')],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
      { timeline: [{ id: 'o1', type: 'destinationOutage', nodeId: 'b', fromSec: 50, toSec: 200 }] },
    );
    await sim.advance(260_000);
    const fh = reportOf(sim, 'fh');
    expect(fh.metrics['DeliveryToS3.DataFreshness'].max).toBeGreaterThanOrEqual(199);
    expect(fh.metrics['DeliveryToS3.Success'].series[60]).toBe(0);
    expect(fh.counters.lostAfterS3Retries).toBe(0);
    expect(fh.counters.delivered).toBe(2401);
    expect(sim.frame().nodes.b.down).toBe(false);
    expect(conserved(sim, 'fh')).toBe(true);
  });

  it('reads a data stream once per second per shard, from LATEST', async () => {
    const sim = build(
      [
        plainProducer('p', 400, 500),
        node('s', 'stream', { shardCount: 2 }),
        deliveryStream('fh', { source: 'kinesisStream', bufferIntervalSec: 10 }),
        node('b', 's3'),
      ],
      [
        ['p', 's'],
        ['s', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(25_000);
    const fh = reportOf(sim, 'fh');
    // 400 rec/s over 2 shards; each shard read once a second, so at most ~1 s behind.
    expect(fh.metrics['DataReadFromKinesisStream.Records'].sum).toBeGreaterThan(9000);
    expect(fh.metrics.IncomingRecords.sum).toBe(fh.metrics['DataReadFromKinesisStream.Records'].sum);
    // The 10 s interval starts with the first record read (~1 s): objects at ~11 s and ~21 s.
    expect(objectsOf(sim, 'b').length).toBe(2);
    expect(conserved(sim, 'fh')).toBe(true);
  });
});

describe('transform Lambda', () => {
  const code = `export const handler = async (event) => ({
    records: event.records.map((r) => {
      const rec = JSON.parse(Buffer.from(r.data, 'base64').toString('utf8'));
      if (rec.v >= 90) return { recordId: r.recordId, result: 'Dropped', data: r.data };
      if (rec.v >= 80) return { recordId: r.recordId, result: 'ProcessingFailed', data: r.data };
      const out = JSON.stringify({ ...rec, f: rec.v * 1.8 + 32 }) + '\\n';
      return { recordId: r.recordId, result: 'Ok', data: Buffer.from(out).toString('base64') };
    }),
  });`;

  it('keeps Ok records (transformed), drops Dropped ones and writes ProcessingFailed ones under processing-failed/', async () => {
    const fn = node('t', 'lambda', {
      ...(node('x', 'lambda').config as object),
      use: 'firehoseTransform',
      code,
      sampleRecordsPerSec: 1000,
    } as never);
    const sim = build(
      [
        jsonProducer('p', 20),
        deliveryStream('fh', { bufferIntervalSec: 60, transformLambdaId: 't' }),
        node('b', 's3'),
        fn,
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(130_000);
    const fh = reportOf(sim, 'fh');
    const c = fh.counters;
    expect(c.sentToTransform).toBeGreaterThan(2000);
    // v is uniform over 0–99: about 10 % dropped, 10 % failed, 80 % Ok.
    expect(c.dropped / c.sentToTransform).toBeGreaterThan(0.05);
    expect(c.processingFailed / c.sentToTransform).toBeGreaterThan(0.05);
    expect(c.transformedOk / c.sentToTransform).toBeGreaterThan(0.7);
    const objects = objectsOf(sim, 'b');
    const data = objects.filter((o) => o.kind === 'data');
    expect(JSON.parse(data[0].firstRecords[0])).toHaveProperty('f');
    const errors = objects.filter((o) => o.kind === 'error');
    expect(errors[0].key).toMatch(/^processing-failed\/2016\/02\/25\/13\//);
    const line = JSON.parse(errors[0].firstRecords[0]);
    expect(Object.keys(line).sort()).toEqual(
      [
        'attemptsMade',
        'arrivalTimestamp',
        'errorCode',
        'errorMessage',
        'attemptEndingTimestamp',
        'rawData',
        'lambdaArn',
      ].sort(),
    );
    expect(line.errorCode).toBe('Lambda.ProcessingFailed');
    expect(fh.metrics['ExecuteProcessing.Success'].max).toBe(1);
    expect(reportOf(sim, 't').metrics.Invocations.sum).toBeGreaterThanOrEqual(2);
    expect(conserved(sim, 'fh')).toBe(true);
    expect(conserved(sim, 't')).toBe(true);
  });

  it('source-record backup (S3 backup mode Enabled) keeps the untransformed records under source-records/', async () => {
    const fn = node('t', 'lambda', {
      ...(node('x', 'lambda').config as object),
      use: 'firehoseTransform',
      code,
      sampleRecordsPerSec: 1000,
    } as never);
    const sim = build(
      [
        jsonProducer('p', 10),
        deliveryStream('fh', { bufferIntervalSec: 60, transformLambdaId: 't', backupMode: 'Enabled' }),
        node('b', 's3'),
        fn,
      ],
      [
        ['p', 'fh'],
        ['fh', 'b'],
      ],
    );
    await sim.advance(125_000);
    const fh = reportOf(sim, 'fh');
    const backups = objectsOf(sim, 'b').filter((o) => o.kind === 'backup');
    expect(backups[0].key).toMatch(/^source-records\/2016\/02\/25\/13\//);
    expect(JSON.parse(backups[0].firstRecords[0])).not.toHaveProperty('f');
    expect(fh.metrics['BackupToS3.Records'].sum).toBe(fh.counters.backedUp);
    // Two 60 s buffers at 10 rec/s (the first also holds the first tick's record).
    expect(fh.counters.backedUp).toBe(1201);
  });
});
