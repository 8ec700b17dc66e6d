import type { z } from 'zod/mini';
import { makeDiagnostic } from '../messages.ts';
import type { Diagnostic } from '../types.ts';
import { STARTER_CODE } from './lambda-code.ts';
import type { lambdaConfig } from './lambda-config.ts';
import { esmFields } from './lambda-esm-fields.ts';
import { type ConfigProblem, type FieldDef, fmt, type KindDef, t, unitText } from './types.ts';

type LambdaConfig = z.infer<typeof lambdaConfig>;

export { DEFAULT_CONSUMER_CODE, DEFAULT_TRANSFORM_CODE } from './lambda-code.ts';

const FN = t('Function', '関数');

const fields: FieldDef<LambdaConfig>[] = [
  {
    path: 'use',
    label: t('Use', '用途'),
    section: FN,
    type: 'select',
    options: [
      {
        value: 'consumer',
        label: t(
          'Stream consumer (event source mapping)',
          'ストリームのコンシューマー (イベントソースマッピング)',
        ),
      },
      { value: 'firehoseTransform', label: t('Firehose transform', 'Firehose 変換') },
    ],
  },
  {
    path: 'runtime',
    label: t('Runtime', 'ランタイム'),
    section: FN,
    type: 'select',
    options: [{ value: 'nodejs20.x', label: t('Node.js 20.x', 'Node.js 20.x') }],
  },
  {
    path: 'code',
    label: t('Handler code', 'ハンドラーコード'),
    section: FN,
    type: 'code',
    language: 'javascript',
  },
  {
    path: 'memoryMB',
    label: t('Memory', 'メモリ'),
    section: FN,
    type: 'integer',
    unit: 'MB',
    min: 128,
    max: 10_240,
    step: 64,
  },
  {
    path: 'timeoutSec',
    label: t('Timeout', 'タイムアウト'),
    help: t('1 – 900 s (Firehose transforms: up to 300 s).', '1 – 900 秒 (Firehose 変換は最大 300 秒)。'),
    section: FN,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 900,
  },
  {
    path: 'duration.type',
    label: t('Duration model', '実行時間モデル'),
    section: FN,
    type: 'select',
    options: [
      { value: 'fixed', label: t('Fixed', '固定') },
      { value: 'perRecord', label: t('Base + per record', '基本 + レコードごと') },
    ],
  },
  {
    path: 'duration.ms',
    label: t('Duration', '実行時間'),
    section: FN,
    type: 'integer',
    unit: 'ms',
    min: 1,
    max: 900_000,
    visible: (c) => c.duration.type === 'fixed',
  },
  {
    path: 'duration.baseMs',
    label: t('Base duration', '基本時間'),
    section: FN,
    type: 'number',
    unit: 'ms',
    min: 0,
    max: 900_000,
    visible: (c) => c.duration.type === 'perRecord',
  },
  {
    path: 'duration.perRecordMs',
    label: t('Per record', 'レコードごと'),
    section: FN,
    type: 'number',
    unit: 'ms',
    min: 0,
    max: 900_000,
    step: 0.1,
    visible: (c) => c.duration.type === 'perRecord',
  },
  {
    path: 'duration.jitterPct',
    label: t('Jitter', 'ばらつき'),
    section: FN,
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    visible: (c) => c.duration.type === 'perRecord',
  },
  {
    path: 'errorRate',
    label: t('Error rate', 'エラー率'),
    help: t('Share of invocations that fail (0 – 1).', '失敗する呼び出しの割合 (0 – 1)。'),
    section: FN,
    type: 'number',
    min: 0,
    max: 1,
    step: 0.01,
  },
  {
    path: 'reservedConcurrency',
    label: t('Reserved concurrency', '予約済み同時実行数'),
    help: t('0 = unreserved (account limit 1,000).', '0 = 予約なし (アカウント上限 1,000)。'),
    section: FN,
    type: 'integer',
    min: 0,
    max: 1_000,
  },
  {
    path: 'sampleRecordsPerSec',
    label: t('Run real code on', '実コードで処理する件数'),
    help: t(
      'The handler really runs on at most this many records per simulated second; the rest follow the duration model.',
      'シミュレーション 1 秒あたりこの件数まで実際のハンドラーを実行し、残りは実行時間モデルで扱います。',
    ),
    section: FN,
    type: 'integer',
    unit: 'rec/s',
    min: 0,
    max: 10_000,
  },
  ...esmFields,
];

export const lambdaKind: KindDef<'lambda', typeof lambdaConfig> = {
  kind: 'lambda',
  role: 'compute',
  group: 'compute',
  label: t('Lambda function', 'Lambda 関数'),
  description: t(
    'Runs JavaScript on batches of stream records (event source mapping), or transforms Firehose records.',
    'ストリームのレコードのバッチ (イベントソースマッピング) で JavaScript を実行するか、Firehose のレコードを変換します。',
  ),
  icon: 'λ',
  namePrefix: 'function',
  noun: t('a Lambda function', 'Lambda 関数'),
  sends: {
    to: ['dynamodb', 's3', 'stream', 'firehose'],
    rule: t(
      'A Lambda function writes to a DynamoDB table, an S3 bucket, a data stream or a Firehose delivery stream',
      'Lambda 関数の書き込み先は DynamoDB テーブル、S3 バケット、データストリーム、Firehose 配信ストリームです',
    ),
  },
  faults: ['lambdaErrorRate'],
  defaults: (locale = 'en'): LambdaConfig => ({
    use: 'consumer',
    runtime: 'nodejs20.x',
    code: STARTER_CODE[locale].consumer, // its comments in the studio's language
    memoryMB: 128,
    timeoutSec: 60,
    duration: { type: 'perRecord', baseMs: 20, perRecordMs: 0.5, jitterPct: 10 },
    errorRate: 0,
    reservedConcurrency: 0,
    sampleRecordsPerSec: 50,
    esm: {
      batchSize: 100,
      batchingWindowSec: 0,
      parallelizationFactor: 1,
      startingPosition: 'LATEST',
      maximumRetryAttempts: -1,
      maximumRecordAgeSec: -1,
      bisectBatchOnFunctionError: false,
      reportBatchItemFailures: false,
      onFailureDestination: 'none',
      tumblingWindowSec: 0,
    },
  }),
  fields,
  variants: {
    duration: {
      fixed: () => ({ type: 'fixed', ms: 100 }),
      perRecord: () => ({ type: 'perRecord', baseMs: 20, perRecordMs: 0.5, jitterPct: 10 }),
    },
  },
  afterSet(previous, next, path) {
    if (path !== 'use') return next;
    // A handler the user never edited follows the use: a consumer reads event.Records, a transform
    // returns event.records with their recordId. Firehose transforms may run 300 s at most.
    let c = next;
    for (const starter of Object.values(STARTER_CODE))
      if (previous.code === starter[previous.use]) c = { ...c, code: starter[c.use] };
    if (c.use === 'firehoseTransform' && c.timeoutSec > 300) c = { ...c, timeoutSec: 300 };
    return c;
  },
  summary(c, locale) {
    const ja = locale === 'ja';
    const d = c.duration;
    const perRec = unitText('ms/rec', locale);
    const dur = d.type === 'fixed' ? `${fmt(d.ms)} ms` : `${fmt(d.baseMs)} + ${fmt(d.perRecordMs)} ${perRec}`;
    const fn = `${fmt(c.memoryMB)} MB · ${dur}`;
    if (c.use === 'firehoseTransform') return [ja ? 'Firehose 変換' : 'Firehose transform', fn];
    const pf = c.esm.parallelizationFactor;
    return [
      ja ? `バッチ ${fmt(c.esm.batchSize)} · 並列化 ${pf}` : `batch ${fmt(c.esm.batchSize)} · PF ${pf}`,
      fn,
    ];
  },
  checks(c) {
    const out: ConfigProblem[] = [];
    const age = c.esm.maximumRecordAgeSec;
    if (c.use === 'consumer' && Number.isInteger(age) && age >= 0 && age < 60)
      out.push({ code: 'record-age-range', params: { value: age }, field: 'esm.maximumRecordAgeSec' });
    if (c.use === 'firehoseTransform' && c.timeoutSec > 300 && c.timeoutSec <= 900)
      out.push({ code: 'transform-timeout-range', params: { value: c.timeoutSec }, field: 'timeoutSec' });
    return out;
  },
  // A Firehose transform is picked in its delivery stream's settings, never wired.
  refuseIn: (n) =>
    n.config.use === 'firehoseTransform'
      ? {
          code: 'lambda-is-transform',
          reason: t(
            `Function "${n.name}" is a Firehose transform: pick it in a delivery stream's "Transform Lambda" setting, or change its use to "Stream consumer".`,
            `関数「${n.name}」は Firehose 変換用です。配信ストリームの「変換用 Lambda」で選ぶか、用途を「ストリームのコンシューマー」に変更してください。`,
          ),
        }
      : null,
  refuseOut: (n) =>
    n.config.use === 'firehoseTransform'
      ? {
          code: 'transform-has-no-output',
          reason: t(
            `Function "${n.name}" is a Firehose transform: it returns records to its delivery stream instead of writing anywhere.`,
            `関数「${n.name}」は Firehose 変換用です。レコードは配信ストリームに返され、他へは書き込みません。`,
          ),
        }
      : null,
  wiring(n, w) {
    const out: Diagnostic[] = [];
    const p = { name: n.name };
    const at = { nodeId: n.id };
    if (n.config.use === 'firehoseTransform') {
      if (w.ins.length + w.outs.length > 0) out.push(makeDiagnostic('error', 'transform-has-edges', p, at));
      if (!w.usedTransforms.has(n.id)) out.push(makeDiagnostic('warning', 'transform-unused', p, at));
    } else if (w.ins.length === 0) out.push(makeDiagnostic('warning', 'lambda-no-source', p, at));
    return out;
  },
};
