/**
 * The pipeline document: the plain, versioned JSON value that the studio edits, saves, exports,
 * and that the engine compiles. No functions, no UI state (selection, viewport), no metrics.
 *
 * Units are in the field names: `...Ms` milliseconds of simulated time, `...Sec` seconds,
 * `...MiB` mebibytes (1,048,576 bytes), `...Bytes` bytes, `...Hours` hours.
 */

export const FORMAT = 'shardscape.pipeline' as const;
/** Bump together with a new entry in migrations.ts. */
export const SCHEMA_VERSION = 1 as const;

export type NodeKind =
  | 'producer'
  | 'stream'
  | 'lambda'
  | 'analytics'
  | 'firehose'
  | 's3'
  | 'redshift'
  | 'opensearch'
  | 'dynamodb'
  | 'consumerApp';

export const NODE_KIND_LIST: readonly NodeKind[] = [
  'producer',
  'stream',
  'lambda',
  'analytics',
  'firehose',
  's3',
  'redshift',
  'opensearch',
  'dynamodb',
  'consumerApp',
];

export interface XY {
  x: number;
  y: number;
}

// ---------------------------------------------------------------------------------------------
// Producer
// ---------------------------------------------------------------------------------------------

export type ProducerSource = 'putRecord' | 'putRecords' | 'kpl' | 'agent' | 'dataGenerator';

/** Records per second over simulated time. `periodic` follows the hour of day (UTC) of the sim clock. */
export type RateProfile =
  | { type: 'constant'; recordsPerSec: number }
  | { type: 'ramp'; fromPerSec: number; toPerSec: number; overSec: number }
  /** 24 values, records/s for each hour of the day (Data Generator "periodic" mode, Gaussian noise by sigmaPct). */
  | { type: 'periodic'; hourly: number[]; sigmaPct: number }
  /** Base rate with a burst of `burstPerSec` for `burstSec` every `everySec`. */
  | { type: 'burst'; basePerSec: number; burstPerSec: number; burstSec: number; everySec: number };

/** Size of the data blob in bytes (partition key not included). `template` = the rendered template's real size. */
export type SizeDistribution =
  | { type: 'template' }
  | { type: 'fixed'; bytes: number }
  | { type: 'uniform'; minBytes: number; maxBytes: number }
  | { type: 'normal'; meanBytes: number; stdDevBytes: number };

export type PartitionKeyStrategy =
  | { type: 'random' }
  /** The value of a field of the rendered JSON template, e.g. `userId`. */
  | { type: 'field'; field: string }
  | { type: 'zipf'; keys: number; exponent: number }
  /** `share` (0–1) of records use `key`; the rest are random. */
  | { type: 'hotKey'; key: string; share: number }
  /** Decimal 128-bit hash key, bypassing MD5 (ExplicitHashKey). */
  | { type: 'explicitHashKey'; hashKey: string };

export interface RetryPolicy {
  /** Total attempts including the first (AWS SDK standard mode: 3). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  jitter: boolean;
}

export interface KplSettings {
  aggregation: boolean;
  /** AggregationMaxSize, bytes (64 – 1,048,576; default 51,200). */
  aggregationMaxBytes: number;
  /** RecordMaxBufferedTime, ms (default 100). */
  maxBufferedTimeMs: number;
  /** CollectionMaxCount (1–500; default 500). */
  collectionMaxCount: number;
}

export type AgentLogFormat = 'COMMONAPACHELOG' | 'COMBINEDAPACHELOG' | 'APACHEERRORLOG' | 'SYSLOG';

export interface AgentSettings {
  filePattern: string;
  initialPosition: 'START_OF_FILE' | 'END_OF_FILE';
  /** dataProcessingOptions, applied in order. */
  processing: 'NONE' | 'SINGLELINE' | 'LOGTOJSON' | 'CSVTOJSON';
  logFormat: AgentLogFormat;
  /** For CSVTOJSON: comma-separated field names. */
  customFieldNames: string;
  maxBufferAgeMillis: number;
  maxBufferSizeRecords: number;
  partitionKeyOption: 'RANDOM' | 'DETERMINISTIC';
}

export interface ProducerConfig {
  source: ProducerSource;
  rate: RateProfile;
  size: SizeDistribution;
  partitionKey: PartitionKeyStrategy;
  /** Kinesis Data Generator template: `{{faker.path(args)}}` placeholders, plus date.now / date.utc etc. */
  template: string;
  /** PutRecords / PutRecordBatch entries per call (1–500). */
  batchSize: number;
  retry: RetryPolicy;
  kpl: KplSettings;
  agent: AgentSettings;
}

// ---------------------------------------------------------------------------------------------
// Data stream
// ---------------------------------------------------------------------------------------------

export type ReshardAction =
  | { type: 'updateShardCount'; targetShardCount: number }
  /** Split the shard with this index (in the shard list at that time) at its hash-range midpoint. */
  | { type: 'split'; shardIndex: number }
  /** Merge the adjacent open shards at `shardIndex` and `shardIndex + 1`. */
  | { type: 'merge'; shardIndex: number };

export interface ScheduledReshard {
  atSec: number;
  action: ReshardAction;
}

export interface StreamConfig {
  capacityMode: 'provisioned' | 'onDemand';
  /** Provisioned only: 1 – 10,000 (per stream quota of UpdateShardCount). */
  shardCount: number;
  /** 24 – 8,760 hours. */
  retentionHours: number;
  encryption: 'NONE' | 'KMS';
  /** MaxRecordSizeInKiB, 1,024 – 10,240. */
  maxRecordSizeKiB: number;
  /** Names of registered enhanced fan-out consumers (max 20). Edges reference them by name. */
  efoConsumers: string[];
  reshards: ScheduledReshard[];
}

// ---------------------------------------------------------------------------------------------
// Lambda
// ---------------------------------------------------------------------------------------------

export type DurationModel =
  | { type: 'fixed'; ms: number }
  /** base + perRecord × batch size, with ±jitterPct uniform noise. */
  | { type: 'perRecord'; baseMs: number; perRecordMs: number; jitterPct: number };

export interface EventSourceMappingConfig {
  /** 1 – 10,000, default 100. */
  batchSize: number;
  /** MaximumBatchingWindowInSeconds 0 – 300. */
  batchingWindowSec: number;
  /** 1 – 10. */
  parallelizationFactor: number;
  startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  /** -1 (infinite) or 0 – 10,000. */
  maximumRetryAttempts: number;
  /** -1 (infinite) or 60 – 604,800. */
  maximumRecordAgeSec: number;
  bisectBatchOnFunctionError: boolean;
  reportBatchItemFailures: boolean;
  onFailureDestination: 'none' | 'sqs' | 'sns' | 's3';
  /** 0 (off) – 900. */
  tumblingWindowSec: number;
}

export interface LambdaConfig {
  use: 'consumer' | 'firehoseTransform';
  runtime: 'nodejs20.x';
  /** JavaScript: `export const handler = async (event, context) => …` or `exports.handler = …`. */
  code: string;
  /** 128 – 10,240 MB. */
  memoryMB: number;
  /** 1 – 900 s (Firehose transforms: up to 300 s). */
  timeoutSec: number;
  duration: DurationModel;
  /** 0 – 1: share of invocations that fail on top of errors the handler throws. */
  errorRate: number;
  /** Reserved concurrency; 0 = unreserved (account limit 1,000). */
  reservedConcurrency: number;
  /** Run the real handler on at most this many records per simulated second (the rest use the model). */
  sampleRecordsPerSec: number;
  esm: EventSourceMappingConfig;
}

// ---------------------------------------------------------------------------------------------
// Analytics SQL application
// ---------------------------------------------------------------------------------------------

export type SqlType = string; // e.g. 'VARCHAR(16)', 'INTEGER', 'DOUBLE', 'TIMESTAMP', 'BOOLEAN'

export interface InputColumn {
  name: string;
  sqlType: SqlType;
  /** JSONPath for JSON input, e.g. `$.ticker`. Ignored for CSV (columns in order). */
  mapping: string;
}

export interface AnalyticsConfig {
  sql: string;
  /** In-application input stream name prefix; the source stream is `<prefix>_001`. */
  inputNamePrefix: string;
  inputFormat: 'JSON' | 'CSV';
  recordRowPath: string;
  csvColumnDelimiter: string;
  csvRowDelimiter: string;
  columns: InputColumn[];
  /** Optional reference table (loaded from S3 in AWS; here, inline JSON lines). */
  reference: { tableName: string; columns: InputColumn[]; rowsJsonl: string } | null;
  /** 1 – 8 by default (KPUs scale automatically in KDA; this is the billed count). */
  kpus: number;
  /**
   * Outputs (max 3): which in-application stream feeds which outgoing edge.
   * `edgeTarget` is the id of the node the output is wired to.
   */
  outputs: { inAppStream: string; edgeTarget: string; format: 'JSON' | 'CSV' }[];
}

// ---------------------------------------------------------------------------------------------
// Firehose delivery stream
// ---------------------------------------------------------------------------------------------

export type Compression = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy' | 'HADOOP_SNAPPY';
export type IndexRotation = 'NoRotation' | 'OneHour' | 'OneDay' | 'OneWeek' | 'OneMonth';

export interface FirehoseConfig {
  /** Derived from wiring in validation, but stored for export: 'directPut' or 'kinesisStream'. */
  source: 'directPut' | 'kinesisStream';
  /** 1 – 128 MiB (OpenSearch 1 – 100). */
  bufferSizeMiB: number;
  /** 0 – 900 s. */
  bufferIntervalSec: number;
  compression: Compression;
  /** Id of a Lambda node with use = 'firehoseTransform', or null. */
  transformLambdaId: string | null;
  formatConversion: 'NONE' | 'PARQUET' | 'ORC';
  /** S3 Prefix; empty = default `YYYY/MM/dd/HH/`. */
  prefix: string;
  errorOutputPrefix: string;
  /** S3 backup of source records (S3 destination) / all or failed documents (OpenSearch). */
  backupMode: 'Disabled' | 'Enabled' | 'FailedDocumentsOnly' | 'AllDocuments';
  redshift: { table: string; columns: string; copyOptions: string; retryDurationSec: number };
  opensearch: { indexName: string; rotation: IndexRotation; retryDurationSec: number };
  /** Direct-PUT quota region class. */
  region: 'us-east-1' | 'other';
}

// ---------------------------------------------------------------------------------------------
// Destinations
// ---------------------------------------------------------------------------------------------

export interface S3Config {
  bucket: string;
}
export interface RedshiftConfig {
  clusterId: string;
  database: string;
  nodeType: 'dc2.large' | 'ra3.xlplus' | 'ra3.4xlarge';
  nodes: number;
}
export interface OpenSearchConfig {
  domain: string;
  engine: 'OpenSearch' | 'Elasticsearch';
  instanceType: string;
  instances: number;
}
export interface DynamoDbConfig {
  table: string;
  partitionKey: string;
  sortKey: string;
  capacityMode: 'onDemand' | 'provisioned';
  writeCapacityUnits: number;
}
export interface ConsumerAppConfig {
  applicationName: string;
  /** Records each worker processes per second. */
  processingRecordsPerSec: number;
  workers: number;
  initialPosition: 'LATEST' | 'TRIM_HORIZON';
  /** KCL 2.x idleTimeBetweenReadsInMillis. */
  pollIntervalMs: number;
  /** Checkpoint every N records. */
  checkpointEveryRecords: number;
}

export interface ConfigByKind {
  producer: ProducerConfig;
  stream: StreamConfig;
  lambda: LambdaConfig;
  analytics: AnalyticsConfig;
  firehose: FirehoseConfig;
  s3: S3Config;
  redshift: RedshiftConfig;
  opensearch: OpenSearchConfig;
  dynamodb: DynamoDbConfig;
  consumerApp: ConsumerAppConfig;
}

export interface PipelineNodeOf<K extends NodeKind> {
  id: string;
  kind: K;
  /** Resource name as in AWS (stream name, function name, delivery stream name, bucket…). */
  name: string;
  position: XY;
  config: ConfigByKind[K];
}

/** Discriminated union over kinds: narrowing on `kind` narrows `config`. */
export type PipelineNode = { [K in NodeKind]: PipelineNodeOf<K> }[NodeKind];

export interface EdgeConfig {
  /**
   * stream → consumer edges: `polling` shares the shard's 2 MiB/s; `efo` names an EFO consumer
   * of the stream with its own 2 MiB/s per shard.
   */
  readMode?: 'polling' | 'efo';
  efoConsumerName?: string;
  /** firehose → s3 edge used as backup / Redshift staging / OpenSearch failed-documents bucket. */
  role?: 'delivery' | 'backup';
}

export interface PipelineEdge {
  id: string;
  source: string;
  target: string;
  config: EdgeConfig;
}

// ---------------------------------------------------------------------------------------------
// Timeline: scheduled faults and what-ifs (part of the design so runs are reproducible)
// ---------------------------------------------------------------------------------------------

export type TimelineEvent =
  | { id: string; type: 'destinationOutage'; nodeId: string; fromSec: number; toSec: number }
  | { id: string; type: 'lambdaErrorRate'; nodeId: string; fromSec: number; toSec: number; errorRate: number }
  | { id: string; type: 'producerSurge'; nodeId: string; fromSec: number; toSec: number; multiplier: number }
  | {
      id: string;
      type: 'hotKey';
      nodeId: string;
      fromSec: number;
      toSec: number;
      key: string;
      share: number;
    };

export interface RunSettings {
  seed: number;
  durationSec: number;
  /** Simulated wall-clock start (UTC ISO), used for Firehose object names and periodic rates. */
  startTime: string;
  priceBook: '2017' | 'current';
}

export interface PipelineDoc {
  format: typeof FORMAT;
  schemaVersion: typeof SCHEMA_VERSION;
  name: string;
  description: string;
  nodes: PipelineNode[];
  edges: PipelineEdge[];
  timeline: TimelineEvent[];
  settings: RunSettings;
}

export type Severity = 'error' | 'warning';

/** A problem found by validation or compile; `field` is a dotted config path, e.g. `esm.batchSize`. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `range`, `missing-connection`, `redshift-needs-s3`. */
  code: string;
  /** English message (the UI may translate by code + params). */
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
  params?: Record<string, string | number>;
}
