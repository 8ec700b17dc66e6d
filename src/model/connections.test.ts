import { describe, expect, it } from 'vitest';
import { canConnect } from './connections.ts';
import { sketch } from './testing.ts';
import { NODE_KIND_LIST, type NodeKind } from './types.ts';

/** What AWS allows, written out independently of connections.ts. */
const ALLOWED = new Set([
  'producer→stream',
  'producer→firehose',
  'stream→lambda',
  'stream→analytics',
  'stream→firehose',
  'stream→consumerApp',
  'analytics→stream',
  'analytics→firehose',
  'analytics→lambda',
  'lambda→dynamodb',
  'lambda→s3',
  'lambda→stream',
  'lambda→firehose',
  'firehose→s3',
  'firehose→redshift',
  'firehose→opensearch',
]);

const pairs = NODE_KIND_LIST.flatMap((s) => NODE_KIND_LIST.map((t) => [s, t] as [NodeKind, NodeKind]));

describe('every pair of kinds', () => {
  it.each(pairs)('%s → %s', (source, target) => {
    const doc = sketch([
      { id: 'a', kind: source },
      { id: 'b', kind: target },
    ]);
    const r = canConnect(doc, 'a', 'b');
    if (ALLOWED.has(`${source}→${target}`)) {
      expect(r.ok).toBe(true);
    } else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.reason.en).toMatch(/\.$/);
      expect(r.reason.ja.length).toBeGreaterThan(10);
    }
  });
});

describe('refusals say what IS allowed', () => {
  const refuse = (source: NodeKind, target: NodeKind) => {
    const r = canConnect(
      sketch([
        { id: 'a', kind: source },
        { id: 'b', kind: target },
      ]),
      'a',
      'b',
    );
    if (r.ok) throw new Error('expected a refusal');
    return r;
  };

  it('Firehose → Lambda', () => {
    const r = refuse('firehose', 'lambda');
    expect(r.reason.en).toBe(
      'A Firehose delivery stream delivers to S3, Redshift or OpenSearch, not to a Lambda function.',
    );
    expect(r.reason.ja).toBe(
      'Firehose 配信ストリームの配信先は S3、Redshift、OpenSearch です。Lambda 関数には接続できません。',
    );
  });

  it('producer → DynamoDB', () => {
    expect(refuse('producer', 'dynamodb').reason.en).toBe(
      'A producer writes to a data stream or a Firehose delivery stream (Direct PUT), not to a DynamoDB table.',
    );
  });

  it('S3 → anything: an end point', () => {
    const r = refuse('s3', 'stream');
    expect(r.code).toBe('terminal-node');
    expect(r.reason.en).toContain('An S3 bucket is an end point');
  });
});

describe('rules that depend on the wiring', () => {
  it('a Firehose reading a data stream accepts no producer', () => {
    const doc = sketch(
      [
        { id: 'p', kind: 'producer' },
        { id: 's', kind: 'stream' },
        { id: 'f', kind: 'firehose' },
      ],
      [['s', 'f']],
    );
    const r = canConnect(doc, 'p', 'f');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('firehose-source-is-stream');
      expect(r.reason.en).toContain('Connect the producer to the data stream instead');
    }
  });

  it('a Firehose fed by producers cannot also read a stream', () => {
    const doc = sketch(
      [
        { id: 'p', kind: 'producer' },
        { id: 's', kind: 'stream' },
        { id: 'f', kind: 'firehose' },
      ],
      [['p', 'f']],
    );
    expect(canConnect(doc, 's', 'f')).toMatchObject({ ok: false, code: 'firehose-has-direct-put' });
  });

  it('a Firehose has one destination, plus an S3 bucket as Redshift staging (role backup)', () => {
    const doc = sketch(
      [
        { id: 'f', kind: 'firehose' },
        { id: 'r', kind: 'redshift' },
        { id: 'o', kind: 'opensearch' },
        { id: 'b', kind: 's3' },
        { id: 'b2', kind: 's3' },
      ],
      [['f', 'r']],
    );
    expect(canConnect(doc, 'f', 'o')).toMatchObject({ ok: false, code: 'firehose-one-destination' });
    expect(canConnect(doc, 'f', 'b')).toEqual({ ok: true, config: { role: 'backup' } });
    const withBucket = sketch(
      [
        { id: 'f', kind: 'firehose' },
        { id: 'b', kind: 's3' },
        { id: 'b2', kind: 's3' },
      ],
      [['f', 'b']],
    );
    expect(canConnect(withBucket, 'f', 'b2')).toMatchObject({ ok: false, code: 'firehose-one-destination' });
  });

  it('an Analytics application has one source and at most three outputs', () => {
    const doc = sketch(
      [
        { id: 's1', kind: 'stream' },
        { id: 's2', kind: 'stream' },
        { id: 'a', kind: 'analytics' },
        { id: 'o1', kind: 'stream' },
        { id: 'o2', kind: 'firehose' },
        { id: 'o3', kind: 'lambda' },
        { id: 'o4', kind: 'stream' },
      ],
      [
        ['s1', 'a'],
        ['a', 'o1'],
        ['a', 'o2'],
        ['a', 'o3'],
      ],
    );
    expect(canConnect(doc, 's2', 'a')).toMatchObject({ ok: false, code: 'analytics-one-source' });
    expect(canConnect(doc, 'a', 'o4')).toMatchObject({ ok: false, code: 'analytics-max-outputs' });
  });

  it('no self-loops, no duplicate edges, no cycles', () => {
    const doc = sketch(
      [
        { id: 's', kind: 'stream' },
        { id: 'l', kind: 'lambda' },
      ],
      [['s', 'l']],
    );
    expect(canConnect(doc, 's', 's')).toMatchObject({ ok: false, code: 'self-loop' });
    expect(canConnect(doc, 's', 'l')).toMatchObject({ ok: false, code: 'duplicate-edge' });
    expect(canConnect(doc, 'l', 's')).toMatchObject({ ok: false, code: 'cycle' });
  });

  it('a Firehose-transform Lambda takes no connections', () => {
    const doc = sketch([
      { id: 's', kind: 'stream' },
      { id: 'l', kind: 'lambda', config: { use: 'firehoseTransform' } },
      { id: 'd', kind: 'dynamodb' },
    ]);
    expect(canConnect(doc, 's', 'l')).toMatchObject({ ok: false, code: 'lambda-is-transform' });
    expect(canConnect(doc, 'l', 'd')).toMatchObject({ ok: false, code: 'transform-has-no-output' });
  });

  it('stream → consumer edges start as polling (shared 2 MiB/s per shard)', () => {
    const doc = sketch([
      { id: 's', kind: 'stream' },
      { id: 'c', kind: 'consumerApp' },
    ]);
    expect(canConnect(doc, 's', 'c')).toEqual({ ok: true, config: { readMode: 'polling' } });
  });

  it('unknown ids are refused, not thrown', () => {
    expect(canConnect(sketch([]), 'x', 'y')).toMatchObject({ ok: false, code: 'unknown-node' });
  });
});
