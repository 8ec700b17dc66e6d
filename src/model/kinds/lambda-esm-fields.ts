/** A stream consumer's event source mapping fields (batch size and PF are applied live by UpdateEventSourceMapping). */
import type { z } from 'zod/mini';
import type { lambdaConfig } from './lambda-config.ts';
import { type FieldDef, t } from './types.ts';

type LambdaConfig = z.infer<typeof lambdaConfig>;

const ESM = t('Event source mapping', 'イベントソースマッピング');
const isConsumer = (c: LambdaConfig) => c.use === 'consumer';

export const esmFields: FieldDef<LambdaConfig>[] = [
  {
    path: 'esm.batchSize',
    label: t('Batch size', 'バッチサイズ'),
    help: t(
      'Records per invocation, 1 – 10,000 (within 6 MB).',
      '1 回の呼び出しのレコード数、1 – 10,000 (6 MB 以内)。',
    ),
    section: ESM,
    type: 'integer',
    unit: 'records',
    min: 1,
    max: 10_000,
    visible: isConsumer,
    // UpdateEventSourceMapping applies to the running mapping.
    live: true,
  },
  {
    path: 'esm.batchingWindowSec',
    label: t('Batching window', 'バッチウィンドウ'),
    section: ESM,
    type: 'integer',
    unit: 's',
    min: 0,
    max: 300,
    visible: isConsumer,
  },
  {
    path: 'esm.parallelizationFactor',
    label: t('Parallelization factor', '並列化係数'),
    help: t('Concurrent batches per shard, 1 – 10.', 'シャードごとに同時に処理するバッチ数 (1 – 10)。'),
    section: ESM,
    type: 'integer',
    min: 1,
    max: 10,
    visible: isConsumer,
    live: true,
  },
  {
    path: 'esm.startingPosition',
    label: t('Starting position', '開始位置'),
    section: ESM,
    type: 'select',
    options: [
      { value: 'TRIM_HORIZON', label: t('TRIM_HORIZON (oldest)', 'TRIM_HORIZON (最古)') },
      { value: 'LATEST', label: t('LATEST (newest)', 'LATEST (最新)') },
      { value: 'AT_TIMESTAMP', label: t('AT_TIMESTAMP', 'AT_TIMESTAMP') },
    ],
    visible: isConsumer,
  },
  {
    path: 'esm.maximumRetryAttempts',
    label: t('Maximum retry attempts', '最大再試行回数'),
    help: t(
      '−1 = retry until the records expire (the default).',
      '−1 = レコードが期限切れになるまで再試行 (デフォルト)。',
    ),
    section: ESM,
    type: 'integer',
    min: -1,
    max: 10_000,
    visible: isConsumer,
  },
  {
    path: 'esm.maximumRecordAgeSec',
    label: t('Maximum record age', '最大レコード経過時間'),
    help: t('−1 = no limit, or 60 – 604,800 s.', '−1 = 無制限、または 60 – 604,800 秒。'),
    section: ESM,
    type: 'integer',
    unit: 's',
    min: -1,
    max: 604_800,
    visible: isConsumer,
  },
  {
    path: 'esm.bisectBatchOnFunctionError',
    label: t('Split batch on error', 'エラー時にバッチを分割'),
    section: ESM,
    type: 'boolean',
    visible: isConsumer,
  },
  {
    path: 'esm.reportBatchItemFailures',
    label: t('Report batch item failures', 'バッチアイテムの失敗を報告'),
    section: ESM,
    type: 'boolean',
    visible: isConsumer,
  },
  {
    path: 'esm.onFailureDestination',
    label: t('On-failure destination', '失敗時の送信先'),
    section: ESM,
    type: 'select',
    options: [
      { value: 'none', label: t('None', 'なし') },
      { value: 'sqs', label: t('SQS queue', 'SQS キュー') },
      { value: 'sns', label: t('SNS topic', 'SNS トピック') },
      { value: 's3', label: t('S3 bucket', 'S3 バケット') },
    ],
    visible: isConsumer,
  },
  {
    path: 'esm.tumblingWindowSec',
    label: t('Tumbling window', 'タンブリングウィンドウ'),
    help: t('0 = off; up to 900 s.', '0 = 無効、最大 900 秒。'),
    section: ESM,
    type: 'integer',
    unit: 's',
    min: 0,
    max: 900,
    visible: isConsumer,
  },
];
