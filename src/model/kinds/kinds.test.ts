import { describe, expect, it } from 'vitest';
import { getAt, setAt, setField } from '../config.ts';
import type { NodeKind } from '../types.ts';
import { validateFields } from '../validate-fields.ts';
import { CONFIG_SCHEMAS } from './configs.ts';
import {
  ALLOWED_TARGETS,
  DESTINATION_KINDS,
  END_POINT_KINDS,
  EVENT_KINDS,
  type FieldDef,
  KIND_GROUPS,
  KIND_NOUN,
  KINDS,
  KINDS_BY_GROUP,
  type KindDef,
  LIVE_FIELDS,
  NODE_KIND_LIST,
  RECEIVING_KINDS,
  REQUIRED_TEXT,
} from './index.ts';

const PALETTE: Record<NodeKind, [string, string]> = {
  producer: ['Producer', 'プロデューサー'],
  stream: ['Data stream', 'データストリーム'],
  lambda: ['Lambda function', 'Lambda 関数'],
  analytics: ['Analytics SQL application', 'Analytics SQL アプリケーション'],
  firehose: ['Firehose delivery stream', 'Firehose 配信ストリーム'],
  s3: ['S3 bucket', 'S3 バケット'],
  redshift: ['Redshift cluster', 'Redshift クラスター'],
  opensearch: ['OpenSearch domain', 'OpenSearch ドメイン'],
  dynamodb: ['DynamoDB table', 'DynamoDB テーブル'],
  consumerApp: ['Consumer application', 'コンシューマーアプリケーション'],
};

describe('kind definitions', () => {
  it.each(NODE_KIND_LIST)('%s has the palette labels in English and Japanese', (kind) => {
    expect([KINDS[kind].label.en, KINDS[kind].label.ja]).toEqual(PALETTE[kind]);
    expect(KINDS[kind].kind).toBe(kind);
    expect(KINDS[kind].description.en.length).toBeGreaterThan(20);
    expect(KINDS[kind].description.ja.length).toBeGreaterThan(10);
  });

  it.each(NODE_KIND_LIST)('%s: every field has an English and a Japanese label', (kind) => {
    for (const f of KINDS[kind].fields) {
      expect(f.label.en, f.path).not.toBe('');
      expect(f.label.ja, f.path).not.toBe('');
      if (f.type === 'select') expect(f.options?.length ?? 0, f.path).toBeGreaterThan(0);
    }
  });

  it.each(NODE_KIND_LIST)('%s: defaults pass field validation', (kind) => {
    expect(validateFields(kind, KINDS[kind].defaults())).toEqual([]);
  });

  it('a fresh producer sends 100 rec/s of a JSON template with KDG placeholders', () => {
    const p = KINDS.producer.defaults();
    expect(p.rate).toEqual({ type: 'constant', recordsPerSec: 100 });
    expect(p.template).toContain('{{random.uuid}}');
    expect(() => JSON.parse(p.template.replace(/\{\{[^}]*\}\}/g, '0'))).not.toThrow();
  });

  it('a fresh stream has 1 shard and 24 h retention; a fresh Lambda decodes base64 Kinesis data', () => {
    const s = KINDS.stream.defaults();
    expect([s.capacityMode, s.shardCount, s.retentionHours]).toEqual(['provisioned', 1, 24]);
    const l = KINDS.lambda.defaults();
    expect(l.code).toContain("Buffer.from(record.kinesis.data, 'base64')");
    expect(l.esm.batchSize).toBe(100);
    expect(l.esm.maximumRetryAttempts).toBe(-1);
  });

  it('node cards show the key figures', () => {
    const stream = { ...KINDS.stream.defaults(), shardCount: 4 };
    expect(KINDS.stream.summary(stream, 'en')).toEqual(['4 shards · 24 h']);
    expect(KINDS.stream.summary(stream, 'ja')).toEqual(['4 シャード · 24 時間']);
    expect(KINDS.lambda.summary(KINDS.lambda.defaults(), 'ja')[0]).toBe('バッチ 100 · 並列化 1');
    expect(KINDS.lambda.summary(KINDS.lambda.defaults(), 'en')[0]).toBe('batch 100 · PF 1');
    const fh = { ...KINDS.firehose.defaults(), compression: 'GZIP' as const };
    expect(KINDS.firehose.summary(fh, 'en')[0]).toBe('5 MiB / 300 s · GZIP');
    const p = setField('producer', KINDS.producer.defaults(), 'rate.recordsPerSec', 20_000);
    expect(KINDS.producer.summary(p, 'en')[0]).toBe('20,000 rec/s');
  });
});

/** A config of `kind` in which `field` is shown (switching selects such as rate.type or use). */
function configShowing(kind: NodeKind, field: FieldDef) {
  const base = KINDS[kind].defaults();
  if (!field.visible || field.visible(base)) return base;
  for (const sel of KINDS[kind].fields.filter((f) => f.type === 'select')) {
    for (const o of sel.options ?? []) {
      const c = setField(kind, base, sel.path, o.value);
      if (field.visible(c)) return c;
    }
  }
  throw new Error(`no config shows ${kind}.${field.path}`);
}

const numericFields = NODE_KIND_LIST.flatMap((kind) =>
  KINDS[kind].fields
    .filter(
      (f) => (f.type === 'number' || f.type === 'integer') && f.min !== undefined && f.max !== undefined,
    )
    .map((f) => ({ kind, field: f, name: `${kind}.${f.path} (${f.min} – ${f.max})` })),
);

describe('every numeric field enforces its range', () => {
  it('covers the AWS limits the brief names', () => {
    const range = (kind: NodeKind, path: string) => {
      const f = KINDS[kind].fields.find((x) => x.path === path);
      return [f?.min, f?.max];
    };
    expect(range('stream', 'shardCount')).toEqual([1, 10_000]);
    expect(range('stream', 'retentionHours')).toEqual([24, 8_760]);
    expect(range('lambda', 'esm.batchSize')).toEqual([1, 10_000]);
    expect(range('lambda', 'esm.batchingWindowSec')).toEqual([0, 300]);
    expect(range('lambda', 'esm.parallelizationFactor')).toEqual([1, 10]);
    expect(range('lambda', 'esm.maximumRetryAttempts')).toEqual([-1, 10_000]);
    expect(range('lambda', 'esm.maximumRecordAgeSec')).toEqual([-1, 604_800]);
    expect(range('lambda', 'esm.tumblingWindowSec')).toEqual([0, 900]);
    expect(range('lambda', 'memoryMB')).toEqual([128, 10_240]);
    expect(range('lambda', 'timeoutSec')).toEqual([1, 900]);
    expect(range('firehose', 'bufferSizeMiB')).toEqual([1, 128]);
    expect(range('firehose', 'bufferIntervalSec')).toEqual([0, 900]);
    expect(range('producer', 'batchSize')).toEqual([1, 500]);
    expect(range('producer', 'kpl.aggregationMaxBytes')).toEqual([64, 1_048_576]);
    expect(range('analytics', 'kpus')).toEqual([1, 8]);
    expect(numericFields.length).toBeGreaterThan(60);
  });

  it.each(numericFields)('$name', ({ kind, field }) => {
    const base = configShowing(kind, field);
    const at = (v: number) => validateFields(kind, setField(kind, base, field.path, v));
    const rangeErrors = (v: number) => at(v).filter((d) => d.field === field.path && d.code === 'range');
    const min = field.min as number;
    const max = field.max as number;
    expect(rangeErrors(min)).toEqual([]);
    expect(rangeErrors(max)).toEqual([]);
    for (const bad of [min - 1, max + 1]) {
      const errs = rangeErrors(bad);
      expect(errs).toHaveLength(1);
      expect(errs[0].severity).toBe('error');
      expect(errs[0].message).toContain(field.label.en);
      expect(errs[0].params).toMatchObject({ min, max, value: bad });
    }
  });

  it('names the range and unit: 20,000 records is over the ESM batch limit', () => {
    const c = setField('lambda', KINDS.lambda.defaults(), 'esm.batchSize', 20_000);
    const [d] = validateFields('lambda', c);
    expect(d.message).toBe('Batch size must be between 1 and 10,000 records (is 20,000).');
    expect(d.field).toBe('esm.batchSize');
  });

  it('integers refuse fractions: 2.5 shards', () => {
    const c = setField('stream', KINDS.stream.defaults(), 'shardCount', 2.5);
    expect(validateFields('stream', c).map((d) => d.code)).toEqual(['not-integer']);
  });
});

describe('lists derived from the kind definitions', () => {
  it('every kind appears in every list that is keyed or grouped by kind', () => {
    expect(new Set(NODE_KIND_LIST)).toEqual(new Set(Object.keys(KINDS)));
    for (const kind of NODE_KIND_LIST) {
      expect(
        KIND_GROUPS.filter((g) => KINDS_BY_GROUP[g].includes(kind)),
        kind,
      ).toEqual([KINDS[kind].group]);
      expect(ALLOWED_TARGETS[kind], kind).toBe(KINDS[kind].sends.to);
      expect(KIND_NOUN[kind].en, kind).toMatch(/^(a|an) /);
      expect(LIVE_FIELDS[kind], kind).toBeDefined();
      expect(DESTINATION_KINDS.includes(kind), kind).toBe(KINDS[kind].role === 'destination');
      expect(END_POINT_KINDS.includes(kind), kind).toBe(KINDS[kind].sends.to.length === 0);
      expect(RECEIVING_KINDS.includes(kind), kind).toBe(
        NODE_KIND_LIST.some((s) => KINDS[s].sends.to.includes(kind)),
      );
      expect(CONFIG_SCHEMAS[kind].safeParse(KINDS[kind].defaults()).success, kind).toBe(true);
      for (const fault of KINDS[kind].faults) expect(EVENT_KINDS[fault], `${kind} ${fault}`).toContain(kind);
      for (const f of KINDS[kind].fields as FieldDef[])
        expect(REQUIRED_TEXT.has(`${kind}.${f.path}`), `${kind}.${f.path}`).toBe(f.required === true);
    }
  });

  it('says "is a destination" once: S3, Redshift, OpenSearch and DynamoDB, and they alone take an outage', () => {
    expect(DESTINATION_KINDS).toEqual(['s3', 'redshift', 'opensearch', 'dynamodb']);
    expect(EVENT_KINDS).toEqual({
      destinationOutage: ['s3', 'redshift', 'opensearch', 'dynamodb'],
      lambdaErrorRate: ['lambda'],
      producerSurge: ['producer'],
      hotKey: ['producer'],
    });
    expect(END_POINT_KINDS).toEqual(['s3', 'redshift', 'opensearch', 'dynamodb', 'consumerApp']);
  });

  it('every destination can be reached: some kind sends to it, and nothing connects out of it', () => {
    for (const kind of DESTINATION_KINDS) {
      expect(RECEIVING_KINDS, kind).toContain(kind);
      expect(END_POINT_KINDS, kind).toContain(kind);
    }
    expect(RECEIVING_KINDS).not.toContain('producer');
  });

  it('live edits are the ones AWS applies to running resources', () => {
    expect(LIVE_FIELDS.stream).toEqual(['shardCount']);
    expect(LIVE_FIELDS.lambda).toEqual(['esm.batchSize', 'esm.parallelizationFactor']);
    expect(LIVE_FIELDS.firehose).toEqual(['bufferSizeMiB', 'bufferIntervalSec']);
    expect(LIVE_FIELDS.producer).toEqual([]);
  });

  it('required texts are the 13 that must not be empty', () => {
    expect([...REQUIRED_TEXT].sort()).toEqual(
      [
        'producer.partitionKey.field',
        'producer.partitionKey.key',
        'producer.agent.filePattern',
        'producer.template',
        'analytics.inputNamePrefix',
        'redshift.clusterId',
        'redshift.database',
        'firehose.redshift.table',
        'firehose.opensearch.indexName',
        'opensearch.domain',
        'dynamodb.table',
        'dynamodb.partitionKey',
        'consumerApp.applicationName',
      ].sort(),
    );
  });

  it.each(NODE_KIND_LIST)('%s: integer fields are whole numbers in its zod config too', (kind) => {
    const def = KINDS[kind] as KindDef;
    const base = def.defaults() as object;
    for (const f of def.fields) {
      if (f.type !== 'integer' || getAt(base, f.path) === undefined) continue;
      const bad = setAt(base, f.path, 1.5);
      expect(CONFIG_SCHEMAS[kind].safeParse(bad).success, `${kind}.${f.path}`).toBe(false);
      expect(CONFIG_SCHEMAS[kind].safeParse(base).success, kind).toBe(true);
    }
  });
});
