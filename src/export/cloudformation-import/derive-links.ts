/**
 * The wiring of a template, read back: event source mappings (stream → function, with every knob),
 * delivery streams (source stream, destination, staging / backup bucket, transform function), Flink
 * applications (the exporter's property group, or the role's policy), KCL policies, and what each
 * function writes to (its environment variables and its role's write permissions).
 */
import type { ConfigByKind } from '../../model/types.ts';
import { unwrapConsumer } from './code.ts';
import type { DeriveContext, Draft } from './derive.ts';
import type { Json } from './parse.ts';

type Props = { [key: string]: Json };

const FAILURE_KIND: Record<string, ConfigByKind['lambda']['esm']['onFailureDestination']> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::SNS::Topic': 'sns',
  'AWS::S3::Bucket': 's3',
};

/** One mapping: the stream edge (EFO when it reads through a consumer) and the function's ESM config. */
export function linkMapping(c: DeriveContext, id: string): void {
  const p = c.props(id);
  const r = c.refs;
  const fn = c.draft(r.target(p.FunctionName), 'lambda');
  const sourceId = r.target(p.EventSourceArn);
  let stream = c.draft(sourceId, 'stream');
  let efo: string | undefined;
  if (!stream && sourceId && c.type(sourceId) === 'AWS::Kinesis::StreamConsumer') {
    stream = c.draft(r.target(c.props(sourceId).StreamARN), 'stream');
    efo = r.str(c.props(sourceId).ConsumerName);
  }
  if (!fn || !stream) return;
  c.used.add(id);
  const dest = r.target(
    ((p.DestinationConfig as Props | undefined)?.OnFailure as Props | undefined)?.Destination,
  );
  const types = p.FunctionResponseTypes;
  const e = fn.config.esm;
  const start = r.str(p.StartingPosition);
  // A function with several mappings has one ESM config in the design: the first mapping's.
  if (!c.edges.some((x) => x.target === fn.key && c.drafts.get(x.source)?.kind === 'stream'))
    fn.config.esm = {
      ...e,
      batchSize: r.num(p.BatchSize) ?? 100,
      batchingWindowSec: r.num(p.MaximumBatchingWindowInSeconds) ?? 0,
      parallelizationFactor: r.num(p.ParallelizationFactor) ?? 1,
      startingPosition: start === 'TRIM_HORIZON' || start === 'AT_TIMESTAMP' ? start : 'LATEST',
      maximumRetryAttempts: r.num(p.MaximumRetryAttempts) ?? -1,
      maximumRecordAgeSec: r.num(p.MaximumRecordAgeInSeconds) ?? -1,
      bisectBatchOnFunctionError: r.bool(p.BisectBatchOnFunctionError) ?? false,
      reportBatchItemFailures: Array.isArray(types) && types.includes('ReportBatchItemFailures'),
      onFailureDestination: (dest && FAILURE_KIND[c.type(dest)]) || 'none',
      tumblingWindowSec: r.num(p.TumblingWindowInSeconds) ?? 0,
    };
  c.edge(stream.key, fn.key, efo ? { readMode: 'efo', efoConsumerName: efo } : { readMode: 'polling' });
}

/** What a function writes to: the exporter's OUT_* variables, then its role's write permissions. */
const WRITES =
  /^(dynamodb:(PutItem|BatchWriteItem)|kinesis:PutRecords?|firehose:PutRecord(Batch)?|s3:PutObject)$/;

export function linkLambda(c: DeriveContext, d: Draft<'lambda'>): void {
  const p = c.props(d.key);
  const role = c.refs.target(p.Role);
  if (role) c.used.add(role);
  const transform = [...c.drafts.values()].some((x) => x.kind === 'firehose' && x.transformKey === d.key);
  const consumes = c.edges.some((e) => e.target === d.key);
  d.config.use = transform && !consumes ? 'firehoseTransform' : 'consumer';
  if (transform && consumes)
    for (const x of c.drafts.values())
      if (x.kind === 'firehose' && x.transformKey === d.key) {
        x.transformKey = undefined;
        c.note(
          x.key,
          `its processor ${d.key} also reads a stream: a design function is a consumer or a transform, so the delivery stream has no transform`,
          `プロセッサー ${d.key} はストリームも読み取ります。デザインの関数はコンシューマーか変換のどちらかなので、この配信ストリームには変換を付けていません`,
        );
      }
  const code = (p.Code ?? {}) as Props;
  const zip = c.refs.str(code.ZipFile);
  if (zip !== undefined) d.config.code = d.config.use === 'consumer' ? unwrapConsumer(zip) : zip;
  else
    c.note(
      d.key,
      'the function’s code is not inline (Code.ZipFile): the design has the default handler',
      '関数のコードがインライン (Code.ZipFile) ではないため、デザインには既定のハンドラーを入れました',
      'code',
    );
  if (d.config.use !== 'consumer') return;
  const env = ((p.Environment as Props | undefined)?.Variables ?? {}) as Props;
  const targets = [
    ...['OUT_TABLE', 'OUT_STREAM', 'OUT_DELIVERY_STREAM', 'OUT_BUCKET'].map((k) => c.refs.target(env[k])),
    ...c.allowed(role, WRITES),
  ];
  for (const t of targets) {
    const kind = t ? c.drafts.get(t)?.kind : undefined;
    if (t && (kind === 'dynamodb' || kind === 'stream' || kind === 'firehose' || kind === 's3'))
      c.edge(d.key, t);
  }
}

const DESTINATIONS = [
  'ExtendedS3DestinationConfiguration',
  'S3DestinationConfiguration',
  'RedshiftDestinationConfiguration',
  'AmazonopensearchserviceDestinationConfiguration',
  'ElasticsearchDestinationConfiguration',
];

export function linkFirehose(c: DeriveContext, d: Draft<'firehose'>): void {
  const p = c.props(d.key);
  const r = c.refs;
  const cfg = d.config;
  const src = (p.KinesisStreamSourceConfiguration ?? {}) as Props;
  const stream = c.draft(r.target(src.KinesisStreamARN), 'stream');
  if (stream) c.edge(stream.key, d.key, { readMode: 'polling' });
  const role = r.target(src.RoleARN);
  if (role) c.used.add(role);
  const key = DESTINATIONS.find((k) => p[k] !== undefined);
  const other = Object.keys(p).find((k) => /DestinationConfiguration$/.test(k) && !DESTINATIONS.includes(k));
  if (other)
    c.note(
      d.key,
      `${other}: Shardscape has no node for this destination`,
      `${other}: この配信先に対応する Shardscape のノードはありません`,
    );
  if (!key) return;
  const dest = p[key] as Props;
  const s3 = (key.startsWith('Redshift') || key.includes('search') ? dest.S3Configuration : dest) as Props;
  const s3Key = r.target(s3?.BucketARN);
  for (const x of [dest.RoleARN, s3?.RoleARN]) {
    const id = r.target(x);
    if (id) c.used.add(id);
  }
  const hints = ((key.includes('search') ? dest.BufferingHints : s3?.BufferingHints) ?? {}) as Props;
  cfg.bufferSizeMiB = r.num(hints.SizeInMBs) ?? 5;
  cfg.bufferIntervalSec = r.num(hints.IntervalInSeconds) ?? 300;
  const comp = r.str(s3?.CompressionFormat);
  if (comp === 'GZIP' || comp === 'ZIP' || comp === 'Snappy' || comp === 'HADOOP_SNAPPY')
    cfg.compression = comp;
  else cfg.compression = 'UNCOMPRESSED';
  cfg.prefix = r.str(s3?.Prefix) ?? '';
  cfg.errorOutputPrefix = r.str(s3?.ErrorOutputPrefix) ?? '';
  const conv = dest.DataFormatConversionConfiguration as Props | undefined;
  const ser = ((conv?.OutputFormatConfiguration as Props | undefined)?.Serializer ?? {}) as Props;
  if (conv && r.bool(conv.Enabled) !== false)
    cfg.formatConversion = ser.OrcSerDe ? 'ORC' : ser.ParquetSerDe ? 'PARQUET' : 'NONE';
  const backup = r.str(dest.S3BackupMode);
  if (key.includes('search'))
    cfg.backupMode = backup === 'AllDocuments' ? 'AllDocuments' : 'FailedDocumentsOnly';
  else cfg.backupMode = backup === 'Enabled' ? 'Enabled' : 'Disabled';
  const backupBucket = r.target((dest.S3BackupConfiguration as Props | undefined)?.BucketARN);
  if (backupBucket && backupBucket !== s3Key && !key.includes('search'))
    c.note(
      backupBucket,
      `the backup bucket of ${d.key} is not its delivery bucket: the design backs up into ${s3Key}`,
      `${d.key} のバックアップ先が配信先バケットと異なります。デザインでは ${s3Key} にバックアップします`,
    );
  const processors = ((dest.ProcessingConfiguration as Props | undefined)?.Processors ?? []) as Props[];
  for (const proc of Array.isArray(processors) ? processors : []) {
    const params = (Array.isArray(proc.Parameters) ? proc.Parameters : []) as Props[];
    const arn = params.find((x) => r.str(x.ParameterName) === 'LambdaArn')?.ParameterValue;
    const fn = c.draft(r.target(arn), 'lambda');
    if (fn) d.transformKey = fn.key;
  }
  const main = key.startsWith('Redshift')
    ? r.target(dest.ClusterJDBCURL)
    : key.includes('search')
      ? r.target(dest.DomainARN ?? dest.ClusterEndpoint)
      : null;
  if (key.startsWith('Redshift')) {
    const copy = (dest.CopyCommand ?? {}) as Props;
    cfg.redshift = {
      table: r.str(copy.DataTableName) ?? cfg.redshift.table,
      columns: r.str(copy.DataTableColumns) ?? '',
      copyOptions: r.str(copy.CopyOptions) ?? '',
      retryDurationSec: r.num((dest.RetryOptions as Props | undefined)?.DurationInSeconds) ?? 3600,
    };
  } else if (key.includes('search')) {
    const rotation = r.str(dest.IndexRotationPeriod);
    const rotations = ['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth'] as const;
    cfg.opensearch = {
      indexName: r.str(dest.IndexName) ?? cfg.opensearch.indexName,
      rotation: rotations.find((x) => x === rotation) ?? 'OneDay',
      retryDurationSec: r.num((dest.RetryOptions as Props | undefined)?.DurationInSeconds) ?? 300,
    };
  }
  if (main) c.edge(d.key, main, { role: 'delivery' });
  if (s3Key) c.edge(d.key, s3Key, { role: main ? 'backup' : 'delivery' });
}

export function linkAnalytics(c: DeriveContext, d: Draft<'analytics'>): void {
  const p = c.props(d.key);
  const role = c.refs.target(p.ServiceExecutionRole);
  if (role) c.used.add(role);
  const groups = (
    (((p.ApplicationConfiguration as Props | undefined)?.EnvironmentProperties as Props | undefined)
      ?.PropertyGroups ?? []) as Props[]
  ).filter((g) => c.refs.str(g.PropertyGroupId) === 'shardscape');
  const map = (groups[0]?.PropertyMap ?? null) as Props | null;
  if (map) {
    const source = c.refs.target(map['source.stream']);
    if (source) c.edge(source, d.key, { readMode: 'polling' });
    const sinks = Object.keys(map)
      .filter((k) => /^sink\.\d+\./.test(k))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    for (const k of sinks) {
      const t = c.refs.target(map[k]);
      if (t) c.edge(d.key, t);
    }
  } else {
    for (const s of c.allowed(role, /^kinesis:GetRecords$/)) c.edge(s, d.key, { readMode: 'polling' });
    for (const t of c.allowed(
      role,
      /^(kinesis:PutRecords?|firehose:PutRecord(Batch)?|lambda:InvokeFunction)$/,
    ))
      c.edge(d.key, t);
  }
  c.note(
    d.key,
    'a Flink application’s code is in S3: the Analytics node starts with the default SQL',
    'Flink アプリケーションのコードは S3 にあるため、Analytics ノードは既定の SQL で始まります',
    'sql',
  );
}

export function linkConsumerApp(c: DeriveContext, d: Draft<'consumerApp'>): void {
  const doc = (c.props(d.key).PolicyDocument ?? {}) as Props;
  const st = Array.isArray(doc.Statement) ? (doc.Statement as Props[]) : [];
  for (const s of st) {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    if (!actions.includes('kinesis:GetRecords')) continue;
    for (const id of c.refs.targets(s.Resource))
      if (c.draft(id, 'stream')) c.edge(id, d.key, { readMode: 'polling' });
  }
}
