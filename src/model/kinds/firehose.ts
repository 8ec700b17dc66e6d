import type { z } from 'zod/mini';
import type { firehoseConfig } from './firehose-config.ts';
import {
  firehoseDestinationKind,
  firehoseNewEdge,
  firehoseRefuseIn,
  firehoseRefuseOut,
  firehoseWiring,
} from './firehose-wiring.ts';
import { type FieldContext, type FieldDef, fmt, type KindDef, t } from './types.ts';

export { firehoseDestinationKind } from './firehose-wiring.ts';

type FirehoseConfig = z.infer<typeof firehoseConfig>;

const BUFFER = t('Buffer', 'バッファ');
const S3 = t('S3 output', 'S3 出力');
const REDSHIFT = t('Redshift destination', 'Redshift 送信先');
const OPENSEARCH = t('OpenSearch destination', 'OpenSearch 送信先');

const whenDest =
  (kind: 's3' | 'redshift' | 'opensearch') =>
  (_c: FirehoseConfig, ctx?: FieldContext): boolean =>
    !ctx || firehoseDestinationKind(ctx.doc, ctx.nodeId) === kind;

const fields: FieldDef<FirehoseConfig>[] = [
  {
    path: 'source',
    label: t('Source', 'ソース'),
    help: t(
      'Set by wiring: a producer (Direct PUT) or a data stream.',
      '接続で決まります: プロデューサー (Direct PUT) またはデータストリーム。',
    ),
    type: 'select',
    options: [
      { value: 'directPut', label: t('Direct PUT', 'Direct PUT') },
      { value: 'kinesisStream', label: t('Kinesis data stream', 'Kinesis データストリーム') },
    ],
    // Once something is wired into the delivery stream, the wiring decides (see syncDerived).
    visible: (_c, ctx) => !ctx?.doc.edges.some((e) => e.target === ctx.nodeId),
  },
  {
    path: 'bufferSizeMiB',
    label: t('Buffer size', 'バッファサイズ'),
    help: t(
      '1 – 128 MiB (OpenSearch: 1 – 100). Delivery happens at whichever limit comes first.',
      '1 – 128 MiB (OpenSearch は 1 – 100)。先に達した条件で配信します。',
    ),
    section: BUFFER,
    type: 'integer',
    unit: 'MiB',
    min: 1,
    max: 128,
    // UpdateDestination's buffering hints apply to the running delivery stream.
    live: true,
  },
  {
    path: 'bufferIntervalSec',
    label: t('Buffer interval', 'バッファ間隔'),
    help: t('0 – 900 s (60 – 900 s before 2023).', '0 – 900 秒 (2023 年以前は 60 – 900 秒)。'),
    section: BUFFER,
    type: 'integer',
    unit: 's',
    min: 0,
    max: 900,
    live: true,
  },
  {
    path: 'compression',
    label: t('Compression', '圧縮'),
    section: S3,
    type: 'select',
    options: [
      { value: 'UNCOMPRESSED', label: t('Uncompressed', '非圧縮') },
      { value: 'GZIP', label: t('GZIP', 'GZIP') },
      { value: 'ZIP', label: t('ZIP', 'ZIP') },
      { value: 'Snappy', label: t('Snappy', 'Snappy') },
      { value: 'HADOOP_SNAPPY', label: t('Hadoop-compatible Snappy', 'Hadoop 互換 Snappy') },
    ],
  },
  {
    path: 'transformLambdaId',
    label: t('Transform Lambda', '変換用 Lambda'),
    help: t(
      'A Lambda function whose use is “Firehose transform”.',
      '用途が「Firehose 変換」の Lambda 関数。',
    ),
    type: 'select',
    options: [{ value: '', label: t('None', 'なし') }],
    dynamicOptions: ({ doc }) => [
      { value: '', label: t('None', 'なし') },
      ...doc.nodes
        .filter((n) => n.kind === 'lambda' && n.config.use === 'firehoseTransform')
        .map((n) => ({ value: n.id, label: t(n.name, n.name) })),
    ],
  },
  {
    path: 'formatConversion',
    label: t('Record format conversion', 'レコード形式の変換'),
    help: t(
      'JSON to Parquet or ORC: S3 only, buffer ≥ 64 MiB.',
      'JSON から Parquet / ORC へ: S3 のみ、バッファ 64 MiB 以上。',
    ),
    section: S3,
    type: 'select',
    options: [
      { value: 'NONE', label: t('Disabled', '無効') },
      { value: 'PARQUET', label: t('Apache Parquet', 'Apache Parquet') },
      { value: 'ORC', label: t('Apache ORC', 'Apache ORC') },
    ],
  },
  {
    path: 'prefix',
    label: t('S3 prefix', 'S3 プレフィックス'),
    help: t('Empty = YYYY/MM/dd/HH/ (UTC).', '空 = YYYY/MM/dd/HH/ (UTC)。'),
    section: S3,
    type: 'text',
  },
  {
    path: 'errorOutputPrefix',
    label: t('S3 error prefix', 'S3 エラー出力プレフィックス'),
    section: S3,
    type: 'text',
  },
  {
    path: 'backupMode',
    label: t('S3 backup', 'S3 バックアップ'),
    section: S3,
    type: 'select',
    options: [
      { value: 'Disabled', label: t('Disabled', '無効') },
      { value: 'Enabled', label: t('Enabled (source records)', '有効 (ソースレコード)') },
      { value: 'FailedDocumentsOnly', label: t('Failed documents only', '失敗したドキュメントのみ') },
      { value: 'AllDocuments', label: t('All documents', 'すべてのドキュメント') },
    ],
  },
  {
    path: 'redshift.table',
    label: t('Table', 'テーブル'),
    section: REDSHIFT,
    type: 'text',
    required: true,
    visible: whenDest('redshift'),
  },
  {
    path: 'redshift.columns',
    label: t('Columns', '列'),
    help: t('Comma-separated; empty = all columns.', 'カンマ区切り。空 = すべての列。'),
    section: REDSHIFT,
    type: 'text',
    visible: whenDest('redshift'),
  },
  {
    path: 'redshift.copyOptions',
    label: t('COPY options', 'COPY オプション'),
    section: REDSHIFT,
    type: 'text',
    visible: whenDest('redshift'),
  },
  {
    path: 'redshift.retryDurationSec',
    label: t('Retry duration', '再試行期間'),
    section: REDSHIFT,
    type: 'integer',
    unit: 's',
    min: 0,
    max: 7_200,
    visible: whenDest('redshift'),
  },
  {
    path: 'opensearch.indexName',
    label: t('Index', 'インデックス'),
    section: OPENSEARCH,
    type: 'text',
    required: true,
    visible: whenDest('opensearch'),
  },
  {
    path: 'opensearch.rotation',
    label: t('Index rotation', 'インデックスのローテーション'),
    section: OPENSEARCH,
    type: 'select',
    options: [
      { value: 'NoRotation', label: t('No rotation', 'ローテーションなし') },
      { value: 'OneHour', label: t('Every hour', '1 時間ごと') },
      { value: 'OneDay', label: t('Every day', '1 日ごと') },
      { value: 'OneWeek', label: t('Every week', '1 週間ごと') },
      { value: 'OneMonth', label: t('Every month', '1 か月ごと') },
    ],
    visible: whenDest('opensearch'),
  },
  {
    path: 'opensearch.retryDurationSec',
    label: t('Retry duration', '再試行期間'),
    section: OPENSEARCH,
    type: 'integer',
    unit: 's',
    min: 0,
    max: 7_200,
    visible: whenDest('opensearch'),
  },
  {
    path: 'region',
    label: t('Region class', 'リージョン区分'),
    help: t(
      'Direct-PUT quota: 5 MiB/s in us-east-1, us-west-2, eu-west-1; 1 MiB/s elsewhere.',
      'Direct PUT のクォータ: us-east-1、us-west-2、eu-west-1 は 5 MiB/秒、その他は 1 MiB/秒。',
    ),
    type: 'select',
    options: [
      { value: 'us-east-1', label: t('us-east-1 (large quota)', 'us-east-1 (大きいクォータ)') },
      { value: 'other', label: t('Other Region', 'その他のリージョン') },
    ],
  },
];

export const firehoseKind: KindDef<'firehose', typeof firehoseConfig> = {
  kind: 'firehose',
  role: 'delivery',
  group: 'delivery',
  label: t('Firehose delivery stream', 'Firehose 配信ストリーム'),
  description: t(
    'Buffers records by size or time, optionally transforms them with Lambda, and delivers to S3, Redshift or OpenSearch.',
    'サイズまたは時間でレコードをバッファし、必要に応じて Lambda で変換し、S3・Redshift・OpenSearch に配信します。',
  ),
  icon: 'KDF',
  namePrefix: 'delivery',
  noun: t('a Firehose delivery stream', 'Firehose 配信ストリーム'),
  sends: {
    to: ['s3', 'redshift', 'opensearch'],
    rule: t(
      'A Firehose delivery stream delivers to S3, Redshift or OpenSearch',
      'Firehose 配信ストリームの配信先は S3、Redshift、OpenSearch です',
    ),
  },
  faults: [],
  defaults: (): FirehoseConfig => ({
    source: 'directPut',
    bufferSizeMiB: 5,
    bufferIntervalSec: 300,
    compression: 'UNCOMPRESSED',
    transformLambdaId: null,
    formatConversion: 'NONE',
    prefix: '',
    errorOutputPrefix: '',
    backupMode: 'Disabled',
    redshift: { table: 'events', columns: '', copyOptions: "JSON 'auto'", retryDurationSec: 3_600 },
    opensearch: { indexName: 'logs', rotation: 'OneDay', retryDurationSec: 300 },
    region: 'us-east-1',
  }),
  fields,
  afterSet(_previous, next, path) {
    // The "None" option of the transform select carries '' (selects hold strings); stored as null.
    return path === 'transformLambdaId' && next.transformLambdaId === ''
      ? { ...next, transformLambdaId: null }
      : next;
  },
  summary(c, locale) {
    const ja = locale === 'ja';
    const lines = [
      `${fmt(c.bufferSizeMiB)} MiB / ${fmt(c.bufferIntervalSec)} s · ${c.compression === 'UNCOMPRESSED' ? (ja ? '非圧縮' : 'raw') : c.compression}`,
    ];
    const extras: string[] = [];
    if (c.source === 'kinesisStream') extras.push(ja ? 'ストリームから' : 'from stream');
    if (c.transformLambdaId) extras.push(ja ? 'Lambda 変換' : 'Lambda transform');
    if (c.formatConversion !== 'NONE') extras.push(c.formatConversion);
    if (extras.length > 0) lines.push(extras.join(' · '));
    return lines;
  },
  checks: (c, ctx) =>
    ctx &&
    firehoseDestinationKind(ctx.doc, ctx.nodeId) === 'opensearch' &&
    c.bufferSizeMiB > 100 &&
    c.bufferSizeMiB <= 128
      ? [{ code: 'opensearch-buffer-range', params: { value: c.bufferSizeMiB }, field: 'bufferSizeMiB' }]
      : [],
  refuseIn: firehoseRefuseIn,
  refuseOut: firehoseRefuseOut,
  newEdge: firehoseNewEdge,
  wiring: firehoseWiring,
};
