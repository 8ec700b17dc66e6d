import { describe, expect, it } from 'vitest';
import { applyChanges } from './changes.ts';
import { sketch } from './testing.ts';
import type { Diagnostic, PipelineDoc } from './types.ts';
import { diagnosticText, hasErrors, validateDocument, validateNode } from './validate.ts';

const codes = (doc: PipelineDoc) => validateDocument(doc).map((d) => `${d.severity}:${d.code}`);
const find = (doc: PipelineDoc, code: string): Diagnostic | undefined =>
  validateDocument(doc).find((d) => d.code === code);

/** producer → stream → lambda → dynamodb: a minimal design with nothing to complain about. */
const basic = () =>
  sketch(
    [
      { id: 'p', kind: 'producer' },
      { id: 's', kind: 'stream' },
      { id: 'l', kind: 'lambda' },
      { id: 'd', kind: 'dynamodb' },
    ],
    [
      ['p', 's'],
      ['s', 'l'],
      ['l', 'd'],
    ],
    { checked: true },
  );

/** stream → firehose → <destinations>. */
const firehoseTo = (dests: ('s3' | 'redshift' | 'opensearch')[], fh: object = {}) =>
  sketch(
    [
      { id: 'p', kind: 'producer' },
      { id: 'f', kind: 'firehose', config: fh },
      ...dests.map((kind, i) => ({ id: `d${i}`, kind })),
    ],
    [['p', 'f'], ...dests.map((_, i): [string, string] => ['f', `d${i}`])],
    { checked: true },
  );

describe('validateDocument', () => {
  it('a wired pipeline has no problems', () => {
    expect(validateDocument(basic())).toEqual([]);
  });

  it('out-of-range values are errors naming the range and unit, with the field', () => {
    const doc = sketch([{ id: 's', kind: 'stream', config: { shardCount: 0 } }]);
    const d = find(doc, 'range');
    expect(d).toMatchObject({ severity: 'error', nodeId: 's', field: 'shardCount' });
    expect(d?.message).toBe('Shards must be between 1 and 10,000 shards (is 0).');
    expect(diagnosticText(d as Diagnostic, 'ja')).toBe(
      'シャード数は 1 – 10,000 シャード の範囲で指定してください (現在 0)。',
    );
  });

  it('a stream with no producer is a warning, not an error', () => {
    const doc = sketch(
      [
        { id: 's', kind: 'stream' },
        { id: 'l', kind: 'lambda' },
      ],
      [['s', 'l']],
    );
    expect(codes(doc)).toEqual(['warning:stream-no-producer']);
    expect(hasErrors(validateDocument(doc))).toBe(false);
  });

  it('a Firehose without a destination is an error', () => {
    expect(codes(firehoseTo([]))).toContain('error:firehose-no-destination');
  });

  it('Redshift needs its S3 staging bucket; OpenSearch needs a bucket for failed documents', () => {
    expect(find(firehoseTo(['redshift']), 'redshift-needs-s3')?.message).toContain('Connect an S3 bucket');
    expect(codes(firehoseTo(['redshift', 's3']))).toEqual([]);
    expect(codes(firehoseTo(['opensearch']))).toContain('error:opensearch-needs-s3');
    expect(codes(firehoseTo(['opensearch', 's3']))).toEqual([]);
  });

  it('scheduled split/merge on an on-demand stream is an error (provisioned only)', () => {
    const reshards = [{ atSec: 60, action: { type: 'split' as const, shardIndex: 0 } }];
    const onDemand = applyChanges(basic(), []);
    const s = onDemand.nodes.find((n) => n.id === 's');
    if (s?.kind !== 'stream') throw new Error('no stream');
    const set = (capacityMode: 'onDemand' | 'provisioned') =>
      applyChanges(onDemand, [
        { type: 'node/config', id: 's', config: { ...s.config, capacityMode, reshards } },
      ]);
    expect(codes(set('onDemand'))).toEqual(['error:reshard-on-demand']);
    expect(codes(set('provisioned'))).toEqual([]);
  });

  it('an EFO edge naming an unregistered consumer is an error on that edge', () => {
    const doc = sketch(
      [
        { id: 'p', kind: 'producer' },
        { id: 's', kind: 'stream', config: { efoConsumers: ['dashboard'] } },
        { id: 'c', kind: 'consumerApp' },
        { id: 'c2', kind: 'consumerApp' },
      ],
      [
        ['p', 's'],
        ['s', 'c', { readMode: 'efo', efoConsumerName: 'dashboard' }],
        ['s', 'c2', { readMode: 'efo', efoConsumerName: 'billing' }],
      ],
    );
    const d = validateDocument(doc);
    expect(d.map((x) => x.code)).toEqual(['efo-unknown-consumer']);
    expect(d[0].edgeId).toBe('s->c2');
  });

  it('a Firehose buffer interval under 60 s is a warning about multipart uploads', () => {
    const d = find(firehoseTo(['s3'], { bufferIntervalSec: 30 }), 'firehose-short-interval');
    expect(d).toMatchObject({ severity: 'warning', field: 'bufferIntervalSec' });
  });

  it('format conversion needs a 64 MiB buffer, an S3 destination and no S3 compression', () => {
    expect(codes(firehoseTo(['s3'], { formatConversion: 'PARQUET', bufferSizeMiB: 5 }))).toEqual([
      'error:format-conversion-buffer',
    ]);
    expect(codes(firehoseTo(['s3'], { formatConversion: 'PARQUET', bufferSizeMiB: 64 }))).toEqual([]);
    expect(codes(firehoseTo(['redshift', 's3'], { formatConversion: 'ORC', bufferSizeMiB: 64 }))).toEqual([
      'error:format-conversion-s3-only',
    ]);
    expect(
      codes(firehoseTo(['s3'], { formatConversion: 'ORC', bufferSizeMiB: 128, compression: 'GZIP' })),
    ).toEqual(['error:format-conversion-compression']);
  });

  it('OpenSearch caps the buffer at 100 MiB', () => {
    expect(codes(firehoseTo(['opensearch', 's3'], { bufferSizeMiB: 120 }))).toEqual([
      'error:opensearch-buffer-range',
    ]);
  });

  it('transformLambdaId must point at a Lambda whose use is Firehose transform', () => {
    const base = (use: 'consumer' | 'firehoseTransform') =>
      sketch(
        [
          { id: 'p', kind: 'producer' },
          { id: 'f', kind: 'firehose', config: { transformLambdaId: 't' } },
          { id: 'b', kind: 's3' },
          { id: 't', kind: 'lambda', config: { use } },
        ],
        [
          ['p', 'f'],
          ['f', 'b'],
        ],
      );
    expect(codes(base('firehoseTransform'))).toEqual([]);
    expect(codes(base('consumer'))).toContain('error:transform-lambda-wrong-use');
    // applyChanges clears a reference to a removed Lambda; an imported file can still carry one.
    const imported = base('firehoseTransform');
    const dangling: PipelineDoc = {
      ...imported,
      nodes: imported.nodes.map((n) =>
        n.kind === 'firehose' ? { ...n, config: { ...n.config, transformLambdaId: 'gone' } } : n,
      ),
    };
    expect(codes(dangling)).toContain('error:transform-lambda-missing');
    const timeout = base('firehoseTransform');
    const t = timeout.nodes.find((n) => n.id === 't');
    if (t?.kind !== 'lambda') throw new Error('no lambda');
    const slow = applyChanges(timeout, [
      { type: 'node/config', id: 't', config: { ...t.config, timeoutSec: 600 } },
    ]);
    expect(codes(slow)).toEqual(['error:transform-timeout-range']);
  });

  it('an Analytics application with no input is an error; empty SQL and empty handlers are errors', () => {
    const doc = sketch([
      { id: 'a', kind: 'analytics', config: { sql: '  ' } },
      { id: 'l', kind: 'lambda', config: { code: '' } },
    ]);
    const d = validateDocument(doc).filter((x) => x.severity === 'error');
    expect(d.map((x) => `${x.nodeId}:${x.code}:${x.field ?? ''}`)).toEqual([
      'a:empty-code:sql',
      'l:empty-code:code',
      'a:analytics-no-input:',
    ]);
    expect(d[1].message).toBe('Handler code of "l" is empty.');
  });

  it('maximum record age is −1 or 60 – 604,800 s', () => {
    const doc = basic();
    const l = doc.nodes.find((n) => n.id === 'l');
    if (l?.kind !== 'lambda') throw new Error('no lambda');
    const age = (v: number) =>
      codes(
        applyChanges(doc, [
          {
            type: 'node/config',
            id: 'l',
            config: { ...l.config, esm: { ...l.config.esm, maximumRecordAgeSec: v } },
          },
        ]),
      );
    expect(age(-1)).toEqual([]);
    expect(age(60)).toEqual([]);
    expect(age(30)).toEqual(['error:record-age-range']);
  });

  it('timeline events must reference existing nodes of the right kind', () => {
    const doc: PipelineDoc = {
      ...basic(),
      timeline: [
        { id: 'e1', type: 'destinationOutage', nodeId: 'gone', fromSec: 10, toSec: 20 },
        { id: 'e2', type: 'lambdaErrorRate', nodeId: 'p', fromSec: 10, toSec: 20, errorRate: 0.5 },
        { id: 'e3', type: 'producerSurge', nodeId: 'p', fromSec: 30, toSec: 20, multiplier: 2 },
        { id: 'e4', type: 'destinationOutage', nodeId: 'd', fromSec: 10, toSec: 70 },
      ],
    };
    expect(codes(doc)).toEqual([
      'error:timeline-missing-node',
      'error:timeline-wrong-kind',
      'error:timeline-invalid',
    ]);
  });

  it('imported designs are re-checked against the wiring rules', () => {
    const doc = sketch(
      [
        { id: 'f', kind: 'firehose' },
        { id: 'l', kind: 'lambda' },
      ],
      [['f', 'l']],
    );
    const d = find(doc, 'invalid-connection');
    expect(d?.message).toBe(
      'A Firehose delivery stream delivers to S3, Redshift or OpenSearch, not to a Lambda function.',
    );
    expect(diagnosticText(d as Diagnostic, 'ja')).toContain('Lambda 関数には接続できません');
  });

  it('cycles and edges to missing nodes are errors', () => {
    const cyc = sketch(
      [
        { id: 's', kind: 'stream' },
        { id: 'l', kind: 'lambda' },
      ],
      [
        ['s', 'l'],
        ['l', 's'],
      ],
    );
    expect(codes(cyc)).toContain('error:cycle');
    const dangling: PipelineDoc = {
      ...basic(),
      edges: [...basic().edges, { id: 'x', source: 'p', target: 'nope', config: {} }],
    };
    expect(codes(dangling)).toContain('error:edge-unknown-node');
  });

  it('validateNode returns only that node’s problems', () => {
    const doc = sketch([
      { id: 's', kind: 'stream', config: { shardCount: 0 } },
      { id: 'f', kind: 'firehose' },
    ]);
    expect(validateNode(doc, 's').map((d) => d.code)).toEqual([
      'range',
      'stream-no-producer',
      'stream-no-consumer',
    ]);
    expect(validateNode(doc, 'f').map((d) => d.code)).toEqual([
      'firehose-no-destination',
      'firehose-no-source',
    ]);
  });

  it('every diagnostic code has a Japanese text different from the English one', () => {
    const doc = sketch(
      [
        { id: 's', kind: 'stream', config: { shardCount: 0, retentionHours: 1 } },
        { id: 'f', kind: 'firehose', config: { bufferIntervalSec: 10 } },
        { id: 'a', kind: 'analytics' },
        { id: 'r', kind: 'redshift' },
      ],
      [['f', 'r']],
    );
    const all = validateDocument(doc);
    expect(all.length).toBeGreaterThan(5);
    for (const d of all) {
      const ja = diagnosticText(d, 'ja');
      expect(ja, d.code).not.toBe(d.message);
      expect(diagnosticText(d, 'en')).toBe(d.message);
    }
  });

  it('re-checks a node after each change, and a Firehose when its destination changes (per-node cache)', () => {
    const doc = basic();
    expect(codes(doc)).toEqual([]);
    const s = doc.nodes.find((n) => n.id === 's');
    if (s?.kind !== 'stream') throw new Error('no stream');
    const broken = applyChanges(doc, [
      { type: 'node/config', id: 's', config: { ...s.config, shardCount: 0 } },
    ]);
    expect(codes(broken)).toEqual(['error:range']);
    expect(codes(applyChanges(broken, [{ type: 'node/config', id: 's', config: s.config }]))).toEqual([]);

    const toS3 = firehoseTo(['s3'], { bufferSizeMiB: 120 });
    expect(codes(toS3)).toEqual([]);
    // Same Firehose node object, now also delivering to OpenSearch: its 100 MiB cap applies.
    const withSearch = applyChanges(toS3, [
      {
        type: 'node/add',
        node: {
          id: 'os',
          kind: 'opensearch',
          name: 'os',
          position: { x: 0, y: 0 },
          config: { domain: 'd', engine: 'OpenSearch', instanceType: 't3.small.search', instances: 1 },
        },
      },
      { type: 'edge/add', edge: { id: 'f-os', source: 'f', target: 'os', config: {} } },
    ]);
    expect(withSearch.nodes.find((n) => n.id === 'f')).toBe(toS3.nodes.find((n) => n.id === 'f'));
    expect(codes(withSearch)).toEqual(['error:opensearch-buffer-range']);
  });

  it('a Firehose whose stored source contradicts its wiring is an error (imported files)', () => {
    const doc = sketch(
      [
        { id: 's', kind: 'stream' },
        { id: 'f', kind: 'firehose' },
        { id: 'b', kind: 's3' },
      ],
      [
        ['s', 'f'],
        ['f', 'b'],
      ],
    );
    const stale: PipelineDoc = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.kind === 'firehose' ? { ...n, config: { ...n.config, source: 'directPut' } } : n,
      ),
    };
    expect(codes(doc)).toEqual(['warning:stream-no-producer']);
    const d = find(stale, 'firehose-source-mismatch');
    expect(d).toMatchObject({ severity: 'error', field: 'source' });
    expect(d?.message).toBe(
      'Delivery stream "f" reads from a data stream, so its source must be "Kinesis data stream".',
    );
  });
});
