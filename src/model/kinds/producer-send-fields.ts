/** The producer's sending fields: records per call, SDK retries, KPL aggregation, Kinesis Agent. */
import type { ProducerConfig } from '../types.ts';
import { type FieldDef, t } from './types.ts';

const RETRY = t('Retries', '再試行');
const KPL = t('KPL', 'KPL');
const AGENT = t('Kinesis Agent', 'Kinesis エージェント');

const isSource =
  (...s: string[]) =>
  (c: ProducerConfig) =>
    s.includes(c.source);

/** In inspector order: records per call, retries, KPL, then the Agent's settings. */
export const sendFields: FieldDef<ProducerConfig>[] = [
  {
    path: 'batchSize',
    label: t('Records per call', '1 回の呼び出しのレコード数'),
    help: t(
      'PutRecords / PutRecordBatch entries per request (1 – 500).',
      'PutRecords / PutRecordBatch の 1 リクエストあたり件数 (1 – 500)。',
    ),
    type: 'integer',
    unit: 'records',
    min: 1,
    max: 500,
    visible: isSource('putRecords', 'dataGenerator'),
  },
  {
    path: 'retry.maxAttempts',
    label: t('Max attempts', '最大試行回数'),
    help: t(
      'Total attempts including the first (AWS SDK standard mode: 3).',
      '初回を含む試行回数 (AWS SDK 標準モード: 3)。',
    ),
    section: RETRY,
    type: 'integer',
    min: 1,
    max: 20,
    visible: (c) => c.source !== 'dataGenerator',
  },
  {
    path: 'retry.baseDelayMs',
    label: t('Base delay', '基本待ち時間'),
    section: RETRY,
    type: 'integer',
    unit: 'ms',
    min: 0,
    max: 60_000,
    visible: (c) => c.source !== 'dataGenerator',
  },
  {
    path: 'retry.maxDelayMs',
    label: t('Max delay', '最大待ち時間'),
    section: RETRY,
    type: 'integer',
    unit: 'ms',
    min: 0,
    max: 300_000,
    visible: (c) => c.source !== 'dataGenerator',
  },
  {
    path: 'retry.jitter',
    label: t('Jitter', 'ジッター'),
    section: RETRY,
    type: 'boolean',
    visible: (c) => c.source !== 'dataGenerator',
  },
  {
    path: 'kpl.aggregation',
    label: t('Aggregation', '集約'),
    help: t(
      'Pack many user records into one Kinesis record.',
      '複数のユーザーレコードを 1 つの Kinesis レコードにまとめる。',
    ),
    section: KPL,
    type: 'boolean',
    visible: isSource('kpl'),
  },
  {
    path: 'kpl.aggregationMaxBytes',
    label: t('AggregationMaxSize', 'AggregationMaxSize'),
    section: KPL,
    type: 'integer',
    unit: 'bytes',
    min: 64,
    max: 1_048_576,
    visible: isSource('kpl'),
  },
  {
    path: 'kpl.maxBufferedTimeMs',
    label: t('RecordMaxBufferedTime', 'RecordMaxBufferedTime'),
    section: KPL,
    type: 'integer',
    unit: 'ms',
    min: 1,
    max: 60_000,
    visible: isSource('kpl'),
  },
  {
    path: 'kpl.collectionMaxCount',
    label: t('CollectionMaxCount', 'CollectionMaxCount'),
    section: KPL,
    type: 'integer',
    unit: 'records',
    min: 1,
    max: 500,
    visible: isSource('kpl'),
  },
  ...agentFields(),
];

function agentFields(): FieldDef<ProducerConfig>[] {
  const v = isSource('agent');
  return [
    {
      path: 'agent.filePattern',
      label: t('File pattern', 'ファイルパターン'),
      section: AGENT,
      type: 'text',
      required: true,
      visible: v,
    },
    {
      path: 'agent.initialPosition',
      label: t('Initial position', '開始位置'),
      section: AGENT,
      type: 'select',
      options: [
        { value: 'START_OF_FILE', label: t('Start of file', 'ファイルの先頭') },
        { value: 'END_OF_FILE', label: t('End of file', 'ファイルの末尾') },
      ],
      visible: v,
    },
    {
      path: 'agent.processing',
      label: t('Data processing', 'データ前処理'),
      section: AGENT,
      type: 'select',
      options: [
        { value: 'NONE', label: t('None', 'なし') },
        { value: 'SINGLELINE', label: t('SINGLELINE', 'SINGLELINE') },
        { value: 'LOGTOJSON', label: t('LOGTOJSON', 'LOGTOJSON') },
        { value: 'CSVTOJSON', label: t('CSVTOJSON', 'CSVTOJSON') },
      ],
      visible: v,
    },
    {
      path: 'agent.logFormat',
      label: t('Log format', 'ログ形式'),
      section: AGENT,
      type: 'select',
      options: [
        { value: 'COMMONAPACHELOG', label: t('Apache common log', 'Apache コモンログ形式') },
        { value: 'COMBINEDAPACHELOG', label: t('Apache combined log', 'Apache コンバインドログ形式') },
        { value: 'APACHEERRORLOG', label: t('Apache error log', 'Apache エラーログ') },
        { value: 'SYSLOG', label: t('Syslog (RFC 3164)', 'Syslog (RFC 3164)') },
      ],
      visible: (c) => c.source === 'agent' && c.agent.processing === 'LOGTOJSON',
    },
    {
      path: 'agent.customFieldNames',
      label: t('Field names', 'フィールド名'),
      help: t('Comma-separated, for CSVTOJSON.', 'CSVTOJSON 用、カンマ区切り。'),
      section: AGENT,
      type: 'text',
      visible: (c) => c.source === 'agent' && c.agent.processing === 'CSVTOJSON',
    },
    {
      path: 'agent.maxBufferAgeMillis',
      label: t('maxBufferAgeMillis', 'maxBufferAgeMillis'),
      section: AGENT,
      type: 'integer',
      unit: 'ms',
      min: 1_000,
      max: 900_000,
      visible: v,
    },
    {
      path: 'agent.maxBufferSizeRecords',
      label: t('maxBufferSizeRecords', 'maxBufferSizeRecords'),
      section: AGENT,
      type: 'integer',
      unit: 'records',
      min: 1,
      max: 500,
      visible: v,
    },
    {
      path: 'agent.partitionKeyOption',
      label: t('partitionKeyOption', 'partitionKeyOption'),
      section: AGENT,
      type: 'select',
      options: [
        { value: 'RANDOM', label: t('Random', 'ランダム') },
        { value: 'DETERMINISTIC', label: t('Deterministic (hash of data)', '決定的 (データのハッシュ)') },
      ],
      visible: v,
    },
  ];
}
