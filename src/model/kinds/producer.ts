import type { ProducerConfig } from '../types.ts';
import { type FieldDef, fmt, type KindDef, t } from './types.ts';

/** A small clickstream record in Kinesis Data Generator syntax (faker.js moustache placeholders). */
export const DEFAULT_PRODUCER_TEMPLATE = `{
  "eventId": "{{random.uuid}}",
  "userId": "user-{{random.number(1000)}}",
  "page": "{{random.arrayElement(["/", "/products", "/cart", "/checkout"])}}",
  "browser": "{{random.arrayElement(["Chrome", "Firefox", "Safari", "Edge"])}}",
  "eventTime": "{{date.utc}}"
}`;

const RATE = t('Send rate', '送信レート');
const SIZE = t('Record size', 'レコードサイズ');
const KEY = t('Partition key', 'パーティションキー');
const RETRY = t('Retries', '再試行');
const KPL = t('KPL', 'KPL');
const AGENT = t('Kinesis Agent', 'Kinesis エージェント');

const isRate = (type: string) => (c: ProducerConfig) => c.rate.type === type;
const isSize = (type: string) => (c: ProducerConfig) => c.size.type === type;
const isKey = (type: string) => (c: ProducerConfig) => c.partitionKey.type === type;
const isSource =
  (...s: string[]) =>
  (c: ProducerConfig) =>
    s.includes(c.source);

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Data Generator "periodic" default: quiet at night, a daytime plateau, an evening peak (records/s). */
const DEFAULT_HOURLY = [
  20, 10, 10, 10, 10, 20, 40, 80, 100, 100, 100, 120, 140, 120, 100, 100, 110, 130, 160, 180, 150, 100, 60,
  40,
];

const hourlyFields: FieldDef<ProducerConfig>[] = HOURS.map((h) => ({
  path: `rate.hourly.${h}`,
  label: t(`${String(h).padStart(2, '0')}:00 UTC`, `${String(h).padStart(2, '0')}:00 UTC`),
  section: t('Rate by hour of day', '時間帯別レート'),
  type: 'number',
  unit: 'rec/s',
  min: 0,
  max: 1_000_000,
  visible: isRate('periodic'),
}));

const fields: FieldDef<ProducerConfig>[] = [
  {
    path: 'source',
    label: t('Source', '送信方式'),
    help: t(
      'How records are written: SDK calls, the Kinesis Producer Library, the Kinesis Agent tailing a log file, or the Kinesis Data Generator.',
      'レコードの書き込み方法: SDK 呼び出し、Kinesis Producer Library、ログファイルを監視する Kinesis エージェント、Kinesis Data Generator。',
    ),
    type: 'select',
    options: [
      { value: 'putRecord', label: t('SDK PutRecord', 'SDK PutRecord') },
      { value: 'putRecords', label: t('SDK PutRecords (batches)', 'SDK PutRecords (バッチ)') },
      { value: 'kpl', label: t('KPL with aggregation', 'KPL (集約あり)') },
      { value: 'agent', label: t('Kinesis Agent (log file)', 'Kinesis エージェント (ログファイル)') },
      { value: 'dataGenerator', label: t('Kinesis Data Generator', 'Kinesis Data Generator') },
    ],
  },
  {
    path: 'rate.type',
    label: t('Rate profile', 'レートの形'),
    section: RATE,
    type: 'select',
    options: [
      { value: 'constant', label: t('Constant', '一定') },
      { value: 'ramp', label: t('Ramp', 'ランプ') },
      { value: 'periodic', label: t('Periodic (hour of day)', '周期 (時間帯別)') },
      { value: 'burst', label: t('Burst', 'バースト') },
    ],
  },
  {
    path: 'rate.recordsPerSec',
    label: t('Records per second', '毎秒レコード数'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('constant'),
  },
  {
    path: 'rate.fromPerSec',
    label: t('From', '開始レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.toPerSec',
    label: t('To', '終了レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.overSec',
    label: t('Over', '変化にかける時間'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('ramp'),
  },
  {
    path: 'rate.sigmaPct',
    label: t('Noise (sigma)', 'ゆらぎ (シグマ)'),
    help: t(
      'Gaussian noise around each hour’s rate, in percent.',
      '各時間帯のレートに加えるガウスノイズ (%)。',
    ),
    section: RATE,
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    visible: isRate('periodic'),
  },
  ...hourlyFields,
  {
    path: 'rate.basePerSec',
    label: t('Base rate', '通常時レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('burst'),
  },
  {
    path: 'rate.burstPerSec',
    label: t('Burst rate', 'バースト時レート'),
    section: RATE,
    type: 'number',
    unit: 'rec/s',
    min: 0,
    max: 1_000_000,
    visible: isRate('burst'),
  },
  {
    path: 'rate.burstSec',
    label: t('Burst length', 'バーストの長さ'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('burst'),
  },
  {
    path: 'rate.everySec',
    label: t('Every', '間隔'),
    section: RATE,
    type: 'integer',
    unit: 's',
    min: 1,
    max: 86_400,
    visible: isRate('burst'),
  },
  {
    path: 'template',
    label: t('Record template', 'レコードテンプレート'),
    help: t(
      'Kinesis Data Generator syntax: {{random.uuid}}, {{random.number(100)}}, {{random.arrayElement(["a","b"])}}, {{date.utc}}.',
      'Kinesis Data Generator の書式: {{random.uuid}}、{{random.number(100)}}、{{random.arrayElement(["a","b"])}}、{{date.utc}}。',
    ),
    type: 'textarea',
  },
  {
    path: 'size.type',
    label: t('Size distribution', 'サイズ分布'),
    section: SIZE,
    type: 'select',
    options: [
      { value: 'template', label: t('Rendered template', 'テンプレートの実サイズ') },
      { value: 'fixed', label: t('Fixed', '固定') },
      { value: 'uniform', label: t('Uniform', '一様分布') },
      { value: 'normal', label: t('Normal', '正規分布') },
    ],
  },
  {
    path: 'size.bytes',
    label: t('Size', 'サイズ'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('fixed'),
  },
  {
    path: 'size.minBytes',
    label: t('Minimum', '最小'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('uniform'),
  },
  {
    path: 'size.maxBytes',
    label: t('Maximum', '最大'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('uniform'),
  },
  {
    path: 'size.meanBytes',
    label: t('Mean', '平均'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 1,
    max: 10_485_760,
    visible: isSize('normal'),
  },
  {
    path: 'size.stdDevBytes',
    label: t('Standard deviation', '標準偏差'),
    section: SIZE,
    type: 'integer',
    unit: 'bytes',
    min: 0,
    max: 10_485_760,
    visible: isSize('normal'),
  },
  {
    path: 'partitionKey.type',
    label: t('Strategy', '決め方'),
    section: KEY,
    type: 'select',
    options: [
      { value: 'random', label: t('Random', 'ランダム') },
      { value: 'field', label: t('From a template field', 'テンプレートのフィールド') },
      { value: 'zipf', label: t('Zipf-skewed keys', 'Zipf 分布のキー') },
      { value: 'hotKey', label: t('One hot key', 'ホットキー 1 つ') },
      { value: 'explicitHashKey', label: t('Explicit hash key', '明示的ハッシュキー') },
    ],
  },
  {
    path: 'partitionKey.field',
    label: t('Field', 'フィールド'),
    help: t(
      'A top-level field of the rendered JSON record, e.g. userId.',
      'JSON レコードの最上位フィールド名 (例: userId)。',
    ),
    section: KEY,
    type: 'text',
    visible: isKey('field'),
  },
  {
    path: 'partitionKey.keys',
    label: t('Distinct keys', 'キーの種類数'),
    section: KEY,
    type: 'integer',
    min: 1,
    max: 1_000_000,
    visible: isKey('zipf'),
  },
  {
    path: 'partitionKey.exponent',
    label: t('Zipf exponent', 'Zipf 指数'),
    help: t(
      '0 = uniform; 1 = classic Zipf; higher = more skew.',
      '0 = 一様、1 = 標準的な Zipf、大きいほど偏る。',
    ),
    section: KEY,
    type: 'number',
    min: 0,
    max: 5,
    step: 0.1,
    visible: isKey('zipf'),
  },
  {
    path: 'partitionKey.key',
    label: t('Hot key', 'ホットキー'),
    section: KEY,
    type: 'text',
    visible: isKey('hotKey'),
  },
  {
    path: 'partitionKey.share',
    label: t('Share of records', 'レコードの割合'),
    section: KEY,
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    visible: isKey('hotKey'),
  },
  {
    path: 'partitionKey.hashKey',
    label: t('Hash key (decimal)', 'ハッシュキー (10 進数)'),
    help: t(
      'A 128-bit integer, 0 – 2^128−1, that bypasses MD5.',
      'MD5 を使わずに指定する 128 ビット整数 (0 – 2^128−1)。',
    ),
    section: KEY,
    type: 'text',
    visible: isKey('explicitHashKey'),
  },
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
        { value: 'COMMONAPACHELOG', label: t('Apache common log', 'Apache Common Log') },
        { value: 'COMBINEDAPACHELOG', label: t('Apache combined log', 'Apache Combined Log') },
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

export const producerKind: KindDef<'producer'> = {
  kind: 'producer',
  group: 'producers',
  label: t('Producer', 'プロデューサー'),
  description: t(
    'Writes records to a data stream or a Firehose delivery stream: SDK, KPL, Kinesis Agent or the Data Generator.',
    'データストリームまたは Firehose 配信ストリームにレコードを書き込みます (SDK、KPL、Kinesis エージェント、Data Generator)。',
  ),
  icon: 'PR',
  namePrefix: 'producer',
  defaults: () => ({
    source: 'dataGenerator',
    rate: { type: 'constant', recordsPerSec: 100 },
    size: { type: 'template' },
    partitionKey: { type: 'random' },
    template: DEFAULT_PRODUCER_TEMPLATE,
    batchSize: 500,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, jitter: true },
    kpl: { aggregation: true, aggregationMaxBytes: 51_200, maxBufferedTimeMs: 100, collectionMaxCount: 500 },
    agent: {
      filePattern: '/var/log/httpd/access_log*',
      initialPosition: 'END_OF_FILE',
      processing: 'NONE',
      logFormat: 'COMBINEDAPACHELOG',
      customFieldNames: '',
      maxBufferAgeMillis: 60_000,
      maxBufferSizeRecords: 500,
      partitionKeyOption: 'RANDOM',
    },
  }),
  fields,
  variants: {
    rate: {
      constant: () => ({ type: 'constant', recordsPerSec: 100 }),
      ramp: () => ({ type: 'ramp', fromPerSec: 100, toPerSec: 2_000, overSec: 300 }),
      periodic: () => ({ type: 'periodic', hourly: [...DEFAULT_HOURLY], sigmaPct: 10 }),
      burst: () => ({ type: 'burst', basePerSec: 100, burstPerSec: 2_000, burstSec: 10, everySec: 60 }),
    },
    size: {
      template: () => ({ type: 'template' }),
      fixed: () => ({ type: 'fixed', bytes: 1_024 }),
      uniform: () => ({ type: 'uniform', minBytes: 200, maxBytes: 2_000 }),
      normal: () => ({ type: 'normal', meanBytes: 1_000, stdDevBytes: 200 }),
    },
    partitionKey: {
      random: () => ({ type: 'random' }),
      field: () => ({ type: 'field', field: 'userId' }),
      zipf: () => ({ type: 'zipf', keys: 1_000, exponent: 1 }),
      hotKey: () => ({ type: 'hotKey', key: 'hot-key', share: 0.5 }),
      explicitHashKey: () => ({ type: 'explicitHashKey', hashKey: '0' }),
    },
  },
  summary(c, locale) {
    const ja = locale === 'ja';
    const r = c.rate;
    const rate =
      r.type === 'constant'
        ? `${fmt(r.recordsPerSec)} rec/s`
        : r.type === 'ramp'
          ? `${fmt(r.fromPerSec)}→${fmt(r.toPerSec)} rec/s`
          : r.type === 'burst'
            ? `${fmt(r.basePerSec)} rec/s (${ja ? 'バースト' : 'burst'} ${fmt(r.burstPerSec)})`
            : `${ja ? '周期' : 'periodic'} ≤ ${fmt(Math.max(0, ...r.hourly))} rec/s`;
    const source = {
      putRecord: 'PutRecord',
      putRecords: `PutRecords × ${c.batchSize}`,
      kpl: c.kpl.aggregation ? (ja ? 'KPL 集約' : 'KPL aggregated') : 'KPL',
      agent: ja ? 'Kinesis エージェント' : 'Kinesis Agent',
      dataGenerator: 'KDG',
    }[c.source];
    const k = c.partitionKey;
    const key =
      k.type === 'random'
        ? ja
          ? 'ランダムキー'
          : 'random keys'
        : k.type === 'field'
          ? `${ja ? 'キー' : 'key'} = ${k.field}`
          : k.type === 'zipf'
            ? `Zipf ${fmt(k.keys)} ${ja ? 'キー' : 'keys'}`
            : k.type === 'hotKey'
              ? `${ja ? 'ホットキー' : 'hot key'} ${Math.round(k.share * 100)}%`
              : ja
                ? '明示的ハッシュキー'
                : 'explicit hash key';
    return [rate, `${source} · ${key}`];
  },
};
