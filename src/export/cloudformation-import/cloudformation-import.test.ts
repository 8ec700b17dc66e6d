import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeKind, PipelineDoc, PipelineNode } from '../../model/types.ts';
import { analyticsProblems } from '../../sql/index.ts';
import { cloudFormationJson, cloudFormationYaml, toCloudFormation } from '../cloudformation/index.ts';
import { toCommonJs } from '../cloudformation/lambda-code.ts';
import { deployName } from '../cloudformation/names.ts';
import { parseDocument } from '../document.ts';
import { importCloudFormation, importTemplate } from './index.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((file) => {
    const r = parseDocument(readFileSync(join(EXAMPLES, file), 'utf8'));
    if (!r.ok) throw new Error(file);
    return { file, doc: r.doc };
  });
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function imported(text: string, file = 'template.yaml') {
  const r = importCloudFormation(text, file);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/**
 * Design fields a template's resources cannot carry (what an import without the exporter's
 * Metadata loses): simulation-only settings, producers' records, Analytics SQL (the Flink app's
 * code is in S3), KCL settings. `*` = every field but `source`. The README lists these.
 */
const LOST_WITHOUT_METADATA: { [K in NodeKind]: string[] } = {
  producer: ['*'],
  stream: ['reshards'],
  lambda: ['duration', 'errorRate', 'sampleRecordsPerSec'],
  analytics: ['sql', 'inputNamePrefix', 'inputFormat', 'recordRowPath', 'columns', 'reference', 'outputs'],
  firehose: ['formatConversion', 'region'],
  s3: [],
  redshift: [],
  opensearch: [],
  dynamodb: [],
  consumerApp: [
    'processingRecordsPerSec',
    'workers',
    'initialPosition',
    'pollIntervalMs',
    'checkpointEveryRecords',
  ],
};

/** Config fields that differ; code compared as deployed (CommonJS), node references by name. */
function differingFields(a: PipelineNode, da: PipelineDoc, b: PipelineNode, db: PipelineDoc): string[] {
  const out: string[] = [];
  const named = (doc: PipelineDoc, id: unknown) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  for (const [k, v] of Object.entries(a.config)) {
    const w = (b.config as Record<string, unknown>)[k];
    const norm = (x: unknown, doc: PipelineDoc) =>
      k === 'code' && typeof x === 'string' ? toCommonJs(x) : k === 'transformLambdaId' ? named(doc, x) : x;
    if (JSON.stringify(norm(v, da)) !== JSON.stringify(norm(w, db))) out.push(k);
  }
  return out;
}

/** Edges as `kind:deployName → kind:deployName`, which does not depend on ids. */
const topology = (doc: PipelineDoc) => {
  const at = new Map(doc.nodes.map((n) => [n.id, `${n.kind}:${deployName(n)}`]));
  return doc.edges.map((e) => `${at.get(e.source)} → ${at.get(e.target)} ${JSON.stringify(e.config)}`).sort();
};

describe('CloudFormation import: every example survives export → import', () => {
  it.each(examples)(
    '$file: the YAML and the JSON template give back the very same design',
    ({ file, doc }) => {
      for (const text of [cloudFormationYaml(doc), cloudFormationJson(doc)]) {
        const back = imported(text, file);
        expect(back.doc).toEqual(doc);
        expect(back.exact).toBe(true);
        expect(back.unmapped).toEqual([]);
      }
    },
  );

  it.each(examples)(
    '$file: from the resources alone (Metadata removed), the same topology and carried configs',
    ({ file, doc }) => {
      const { template } = toCloudFormation(doc);
      delete template.Metadata;
      const back = importTemplate(template as never, file);
      if (!back.ok) throw new Error(back.message);
      expect(back.exact).toBe(false);
      expect(topology(back.doc)).toEqual(topology(doc));
      expect(back.doc.nodes.map((n) => `${n.kind}:${n.name}`).sort()).toEqual(
        doc.nodes.map((n) => `${n.kind}:${deployName(n)}`).sort(),
      );
      let compared = 0;
      for (const n of doc.nodes) {
        const twin = back.doc.nodes.find(
          (b) => b.kind === n.kind && b.name === deployName(n),
        ) as PipelineNode;
        const lost = LOST_WITHOUT_METADATA[n.kind];
        const unexpected = differingFields(n, doc, twin, back.doc).filter(
          (f) => !lost.includes(f) && !lost.includes('*'),
        );
        if (n.kind === 'producer') expect((twin.config as typeof n.config).source).toBe(n.config.source);
        expect(unexpected, `${file} ${n.kind} ${n.name}`).toEqual([]);
        compared += Object.keys(n.config).length - (lost.includes('*') ? Object.keys(n.config).length : 0);
      }
      expect(compared).toBeGreaterThan(20);
      // Only what the Metadata would have carried is listed (the Analytics SQL lives in S3).
      for (const u of back.unmapped) expect(u.reason).toMatch(/default SQL/);
    },
  );

  it('the numbers a user set come back: 7 shards, 72 h, batch 321, window 9 s, PF 4, 17 MiB / 120 s GZIP', () => {
    const doc = structuredClone(examples.find((e) => e.file === 'sushi-iot.json')?.doc) as PipelineDoc;
    for (const n of doc.nodes) {
      if (n.kind === 'stream') Object.assign(n.config, { shardCount: 7, retentionHours: 72 });
      if (n.kind === 'lambda')
        Object.assign(n.config.esm, { batchSize: 321, batchingWindowSec: 9, parallelizationFactor: 4 });
      if (n.kind === 'firehose')
        Object.assign(n.config, { bufferSizeMiB: 17, bufferIntervalSec: 120, compression: 'GZIP' });
    }
    const { template } = toCloudFormation(doc);
    delete template.Metadata;
    const back = importTemplate(template as never);
    if (!back.ok) throw new Error(back.message);
    const of = <K extends NodeKind>(k: K) =>
      back.doc.nodes.find((n) => n.kind === k) as PipelineNode & { kind: K };
    expect(of('stream').config).toMatchObject({ shardCount: 7, retentionHours: 72 });
    expect(of('lambda').config).toMatchObject({
      esm: { batchSize: 321, batchingWindowSec: 9, parallelizationFactor: 4 },
    });
    expect(of('firehose').config).toMatchObject({
      bufferSizeMiB: 17,
      bufferIntervalSec: 120,
      compression: 'GZIP',
    });
  });
});

describe('CloudFormation import: hand-written templates', () => {
  it('the reference template (export-targets §7, YAML short forms) becomes a stream, a function, a delivery stream and a bucket', () => {
    const r = imported(fixture('good.yaml'), 'good.yaml');
    const byKind = (k: NodeKind) => r.doc.nodes.filter((n) => n.kind === k);
    expect(r.doc.nodes.map((n) => n.kind).sort()).toEqual(['firehose', 'lambda', 's3', 'stream']);
    const [stream] = byKind('stream');
    expect(stream.name).toBe('clicks');
    expect(stream.config).toMatchObject({
      capacityMode: 'provisioned',
      shardCount: 2,
      retentionHours: 48,
      encryption: 'KMS',
      efoConsumers: ['clicks-efo'],
    });
    const [fn] = byKind('lambda');
    expect(fn.config).toMatchObject({
      use: 'consumer',
      memoryMB: 256,
      timeoutSec: 60,
      esm: {
        batchSize: 100,
        batchingWindowSec: 5,
        parallelizationFactor: 2,
        startingPosition: 'LATEST',
        maximumRetryAttempts: 3,
        maximumRecordAgeSec: 3600,
        bisectBatchOnFunctionError: true,
        reportBatchItemFailures: true,
        onFailureDestination: 'sqs',
      },
    });
    expect(fn.kind === 'lambda' && fn.config.code).toContain('return { batchItemFailures: failures };');
    const [fh] = byKind('firehose');
    expect(fh.config).toMatchObject({
      source: 'kinesisStream',
      bufferSizeMiB: 5,
      bufferIntervalSec: 60,
      compression: 'GZIP',
      prefix: 'data/!{timestamp:yyyy/MM/dd}/',
      errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
      backupMode: 'Enabled',
      transformLambdaId: null,
    });
    expect(topology(r.doc)).toEqual([
      'firehose:delivery → s3:bucket {"role":"delivery"}',
      'stream:clicks → firehose:delivery {"readMode":"polling"}',
      'stream:clicks → lambda:consumer-fn {"readMode":"polling"}',
    ]);
    // The processor is the consumer function too: the design cannot have both, and says so.
    expect(r.unmapped).toEqual([
      expect.objectContaining({ logicalId: 'Delivery', reason: expect.stringMatching(/ConsumerFn/) }),
    ]);
    // Laid out left to right: the stream before its readers, the bucket last.
    const x = (k: NodeKind) => byKind(k)[0].position.x;
    expect(x('stream')).toBeLessThan(x('lambda'));
    expect(x('firehose')).toBeLessThan(x('s3'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lists what it could not map (a dashboard, an EC2 instance, a topic nobody uses) and maps the rest', () => {
    const r = imported(fixture('unknown.yaml'), 'orders.yaml');
    expect(r.doc.name).toBe('orders');
    expect(r.unmapped.map((u) => `${u.logicalId} ${u.type}`).sort()).toEqual([
      'Alarms AWS::SNS::Topic',
      'Box AWS::EC2::Instance',
      'Dashboard AWS::CloudWatch::Dashboard',
    ]);
    expect(r.unmapped.find((u) => u.logicalId === 'Box')?.reason).toMatch(/no node/);
    expect(r.unmapped.find((u) => u.logicalId === 'Box')?.reasonJa).toBe(
      'このリソースタイプに対応する Shardscape のノードはありません',
    );
    const stream = r.doc.nodes.find((n) => n.kind === 'stream');
    // ShardCount is a Ref to a parameter: its Default (4) is the design's value.
    expect(stream?.name).toBe('orders');
    expect(stream?.config).toMatchObject({ shardCount: 4, retentionHours: 72 });
    expect(r.doc.nodes.find((n) => n.kind === 'lambda')?.config).toMatchObject({
      memoryMB: 512,
      esm: {
        batchSize: 250,
        tumblingWindowSec: 60,
        startingPosition: 'TRIM_HORIZON',
        maximumRetryAttempts: -1,
      },
    });
    expect(topology(r.doc)).toEqual([
      'lambda:order-worker → dynamodb:orders-by-key {}',
      'stream:orders → lambda:order-worker {"readMode":"polling"}',
    ]);
  });

  it('a Kinesis Data Analytics for SQL application comes back with its SQL, input schema and output, and the SQL checks clean', () => {
    const r = imported(fixture('kda-sql.yaml'), 'kda-sql.yaml');
    const app = r.doc.nodes.find((n) => n.kind === 'analytics');
    if (app?.kind !== 'analytics') throw new Error('analytics');
    expect(app.name).toBe('ticker-averages');
    expect(app.config.sql).toContain('AVG(PRICE) AS AVG_PRICE');
    expect(app.config).toMatchObject({
      inputNamePrefix: 'SOURCE_SQL_STREAM',
      inputFormat: 'JSON',
      recordRowPath: '$',
      columns: [
        { name: 'TICKER_SYMBOL', sqlType: 'VARCHAR(4)', mapping: '$.ticker_symbol' },
        { name: 'PRICE', sqlType: 'DOUBLE', mapping: '$.price' },
      ],
      outputs: [{ inAppStream: 'DESTINATION_SQL_STREAM', edgeTarget: 'averages', format: 'JSON' }],
    });
    expect(topology(r.doc)).toEqual([
      'analytics:ticker-averages → stream:averages {}',
      'stream:ticks → analytics:ticker-averages {"readMode":"polling"}',
    ]);
    expect(r.unmapped).toEqual([]);
    expect(analyticsProblems(r.doc)).toEqual([]);
  });

  it('refuses what is not a template, with a reason, and never throws', () => {
    const design = readFileSync(join(EXAMPLES, 'hot-key.json'), 'utf8');
    const cases = [
      design,
      'a: [1, 2',
      '{"Resources": 3}',
      'hello: world',
      'Resources:\n  X:\n    Type: AWS::SQS::Queue\n    Properties: 3\n',
    ];
    for (const text of cases) {
      const r = importCloudFormation(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});
