import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintTemplate, refusals } from '../../cli/cfn-lint.ts';
import { design, node, plainProducer } from '../../engine/testing.ts';
import type { PipelineDoc, PipelineNode } from '../../model/types.ts';
import { validateDocument } from '../../model/validate.ts';
import { type Template, toCloudFormation } from './index.ts';
import { deployProblems } from './names.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as PipelineDoc }));

const ofType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);

describe('CloudFormation export, checked by AWS’s offline validator', () => {
  it.each(examples)(
    '$file exports with no FATAL or ERROR finding',
    ({ file, doc }) => {
      const { template } = toCloudFormation(doc);
      expect(refusals(lintTemplate(template, file))).toEqual([]);
      expect(Object.keys(template.Resources).length).toBeGreaterThan(2);
    },
    120_000,
  ); // the first call starts the WASM engine: 40 s and more at a load average of 20

  it('catches a deliberately broken template (ShardCount misspelt, BatchSize over 10,000)', () => {
    const { template } = toCloudFormation(
      examples.find((e) => e.file === 'hot-key.json')?.doc as PipelineDoc,
    );
    const broken = structuredClone(template);
    for (const r of Object.values(broken.Resources)) {
      const p = r.Properties as Record<string, unknown>;
      if (r.Type === 'AWS::Kinesis::Stream') {
        p.ShardCont = p.ShardCount;
        delete p.ShardCount;
      }
      if (r.Type === 'AWS::Lambda::EventSourceMapping') p.BatchSize = 20000;
    }
    const found = refusals(lintTemplate(broken));
    expect(found.some((f) => /ShardCont/.test(f.message))).toBe(true);
    expect(found.some((f) => /20000/.test(f.message))).toBe(true);
  });

  it('random valid designs export with no FATAL or ERROR finding', () => {
    fc.assert(
      fc.property(
        fc.record({
          shards: fc.integer({ min: 1, max: 500 }),
          onDemand: fc.boolean(),
          retention: fc.integer({ min: 24, max: 8760 }),
          kms: fc.boolean(),
          efo: fc.boolean(),
          batch: fc.integer({ min: 1, max: 10000 }),
          window: fc.integer({ min: 0, max: 300 }),
          pf: fc.integer({ min: 1, max: 10 }),
          retries: fc.integer({ min: -1, max: 10000 }),
          age: fc.oneof(fc.constant(-1), fc.integer({ min: 60, max: 604800 })),
          failure: fc.constantFrom('none', 'sqs', 'sns', 's3'),
          tumbling: fc.integer({ min: 0, max: 900 }),
          start: fc.constantFrom('TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'),
          target: fc.constantFrom('dynamodb', 'stream', 'firehose', 's3', 'none'),
          dest: fc.constantFrom('s3', 'redshift', 'opensearch'),
          bufferMiB: fc.integer({ min: 1, max: 100 }),
          bufferSec: fc.integer({ min: 60, max: 900 }),
          compression: fc.constantFrom('UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'),
          memory: fc.integer({ min: 128, max: 10240 }),
          timeout: fc.integer({ min: 1, max: 900 }),
          longCode: fc.boolean(),
        }),
        (d) => {
          const doc = randomDesign(d);
          fc.pre(validateDocument(doc).every((x) => x.severity !== 'error'));
          const { template } = toCloudFormation(doc);
          expect(refusals(lintTemplate(template))).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 2026 },
    );
  });
});

type Random = Record<string, number | boolean | string>;

function randomDesign(d: Random): PipelineDoc {
  const nodes: PipelineNode[] = [
    plainProducer('web', 100, 200),
    node('clicks', 'stream', {
      capacityMode: d.onDemand ? 'onDemand' : 'provisioned',
      shardCount: d.shards as number,
      retentionHours: d.retention as number,
      encryption: d.kms ? 'KMS' : 'NONE',
      efoConsumers: d.efo ? ['fanout'] : [],
    }),
    node('worker', 'lambda', {
      memoryMB: d.memory as number,
      timeoutSec: d.timeout as number,
      code: d.longCode
        ? `export const handler = async (e) => { /* ${'x'.repeat(5000)} */ return {}; };`
        : undefined,
      esm: {
        ...(node('x', 'lambda').config as { esm: object }).esm,
        batchSize: d.batch,
        batchingWindowSec: d.window,
        parallelizationFactor: d.pf,
        maximumRetryAttempts: d.retries,
        maximumRecordAgeSec: d.age,
        onFailureDestination: d.failure,
        tumblingWindowSec: d.tumbling,
        startingPosition: d.start,
      },
    } as never),
    node('delivery', 'firehose', {
      source: 'kinesisStream',
      bufferSizeMiB: d.bufferMiB as number,
      bufferIntervalSec: d.bufferSec as number,
      compression: (d.dest === 's3' ? d.compression : 'GZIP') as never,
    }),
    node('archive', 's3', { bucket: 'archive' }),
  ];
  const edges: [string, string, object?][] = [
    ['web', 'clicks'],
    ['clicks', 'worker', d.efo ? { readMode: 'efo', efoConsumerName: 'fanout' } : { readMode: 'polling' }],
    ['clicks', 'delivery'],
    ['delivery', 'archive'],
  ];
  if (d.dest !== 's3') {
    nodes.push(node('dest', d.dest as 'redshift' | 'opensearch'));
    edges.push(['delivery', 'dest']);
  }
  if (d.target !== 'none') {
    nodes.push(
      node(
        'out',
        d.target as 'dynamodb' | 'stream' | 'firehose' | 's3',
        d.target === 's3' ? { bucket: 'out' } : {},
      ),
    );
    edges.push(['worker', 'out']);
    if (d.target === 'firehose') {
      nodes.push(node('outbucket', 's3', { bucket: 'outbucket' }));
      edges.push(['out', 'outbucket']);
    }
  }
  return design(nodes, edges as never);
}

describe('numbers survive the export', () => {
  it.each(examples)(
    '$file: shards, retention, batch sizes, parallelization, buffers and compression',
    ({ doc }) => {
      const { template } = toCloudFormation(doc);
      const streams = doc.nodes.filter((n) => n.kind === 'stream');
      const exported = ofType(template, 'AWS::Kinesis::Stream').map((r) => r.Properties ?? {});
      expect(exported).toHaveLength(streams.length);
      for (const [i, s] of streams.entries()) {
        if (s.kind !== 'stream') continue;
        if (s.config.capacityMode === 'provisioned') expect(exported[i].ShardCount).toBe(s.config.shardCount);
        expect(exported[i].RetentionPeriodHours).toBe(s.config.retentionHours);
      }
      const esms = ofType(template, 'AWS::Lambda::EventSourceMapping').map((r) => r.Properties ?? {});
      const consumers = doc.nodes.filter(
        (n) =>
          n.kind === 'lambda' &&
          doc.edges.some(
            (e) => e.target === n.id && doc.nodes.find((x) => x.id === e.source)?.kind === 'stream',
          ),
      );
      expect(esms.length).toBeGreaterThanOrEqual(consumers.length);
      for (const fn of consumers) {
        if (fn.kind !== 'lambda') continue;
        expect(
          esms.some(
            (m) =>
              m.BatchSize === fn.config.esm.batchSize &&
              m.ParallelizationFactor === fn.config.esm.parallelizationFactor,
          ),
        ).toBe(true);
      }
      const hoses = ofType(template, 'AWS::KinesisFirehose::DeliveryStream').map((r) =>
        JSON.stringify(r.Properties),
      );
      for (const f of doc.nodes) {
        if (f.kind !== 'firehose') continue;
        const size = Math.min(f.config.bufferSizeMiB, 128);
        expect(
          hoses.some(
            (h) =>
              h.includes(`"IntervalInSeconds":${f.config.bufferIntervalSec}`) && h.includes(`"SizeInMBs":`),
          ),
        ).toBe(true);
        expect(
          hoses.some(
            (h) => h.includes(`"SizeInMBs":${size}`) || h.includes(`"SizeInMBs":${Math.min(100, size)}`),
          ),
        ).toBe(true);
      }
    },
  );

  it('a handler over the 4,096-character inline limit deploys from an S3 artifact parameter', () => {
    const doc = design(
      [
        plainProducer('p', 10, 100),
        node('s', 'stream'),
        node('big', 'lambda', { code: `export const handler = async () => ({ n: '${'x'.repeat(5000)}' });` }),
      ],
      [
        ['p', 's'],
        ['s', 'big'],
      ],
    );
    const { template } = toCloudFormation(doc);
    const fn = ofType(template, 'AWS::Lambda::Function')[0]?.Properties;
    expect(fn?.Code).toEqual({ S3Bucket: { Ref: 'ArtifactBucket' }, S3Key: { Ref: 'BigCodeKey' } });
    expect(template.Parameters.BigCodeKey).toMatchObject({ Default: 'lambda/big.zip' });
  });

  it('inline code is CommonJS and sends what the handler returns to the wired table', () => {
    const doc = design(
      [
        plainProducer('p', 10, 100),
        node('s', 'stream'),
        node('fn', 'lambda'),
        node('t', 'dynamodb', { table: 'orders' }),
      ],
      [
        ['p', 's'],
        ['s', 'fn'],
        ['fn', 't'],
      ],
    );
    const { template } = toCloudFormation(doc);
    const fn = ofType(template, 'AWS::Lambda::Function')[0]?.Properties as Record<
      string,
      { ZipFile?: string; Variables?: object }
    >;
    expect(fn.Code.ZipFile).toContain('exports.handler = async (event)');
    expect(fn.Code.ZipFile).not.toMatch(/^\s*export\s/m);
    expect(fn.Code.ZipFile).toContain('BatchWriteCommand');
    expect(fn.Environment.Variables).toEqual({ OUT_TABLE: { Ref: 'T' } });
  });
});

describe('names CloudFormation would refuse', () => {
  it('a bucket with capitals and a stream with a space are flagged before export', () => {
    const doc = design([node('My Stream', 'stream'), node('b', 's3', { bucket: 'My_Bucket' })], []);
    const problems = deployProblems(doc);
    expect(problems.map((p) => [p.nodeId, p.code])).toEqual([
      ['My Stream', 'export-name'],
      ['b', 'export-name'],
    ]);
  });
});
