/**
 * The structural shape of a current-version design file, in zod. Ranges and wiring are NOT checked
 * here (validateDocument reports those as diagnostics the user can fix in the studio); this only
 * guarantees that every value has the type the studio and the engine rely on.
 */
import { z } from 'zod';
import { FORMAT, SCHEMA_VERSION } from '../model/types.ts';

const num = z.number();
const int = z.number();
const str = z.string();
const bool = z.boolean();
const xy = z.object({ x: num, y: num });

const rate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('constant'), recordsPerSec: num }),
  z.object({ type: z.literal('ramp'), fromPerSec: num, toPerSec: num, overSec: num }),
  z.object({ type: z.literal('periodic'), hourly: z.array(num).length(24), sigmaPct: num }),
  z.object({ type: z.literal('burst'), basePerSec: num, burstPerSec: num, burstSec: num, everySec: num }),
]);
const size = z.discriminatedUnion('type', [
  z.object({ type: z.literal('template') }),
  z.object({ type: z.literal('fixed'), bytes: int }),
  z.object({ type: z.literal('uniform'), minBytes: int, maxBytes: int }),
  z.object({ type: z.literal('normal'), meanBytes: num, stdDevBytes: num }),
]);
const partitionKey = z.discriminatedUnion('type', [
  z.object({ type: z.literal('random') }),
  z.object({ type: z.literal('field'), field: str }),
  z.object({ type: z.literal('zipf'), keys: int, exponent: num }),
  z.object({ type: z.literal('hotKey'), key: str, share: num }),
  z.object({ type: z.literal('explicitHashKey'), hashKey: str }),
]);

const producer = z.object({
  source: z.enum(['putRecord', 'putRecords', 'kpl', 'agent', 'dataGenerator']),
  rate,
  size,
  partitionKey,
  template: str,
  batchSize: int,
  retry: z.object({ maxAttempts: int, baseDelayMs: num, maxDelayMs: num, jitter: bool }),
  kpl: z.object({
    aggregation: bool,
    aggregationMaxBytes: int,
    maxBufferedTimeMs: num,
    collectionMaxCount: int,
  }),
  agent: z.object({
    filePattern: str,
    initialPosition: z.enum(['START_OF_FILE', 'END_OF_FILE']),
    processing: z.enum(['NONE', 'SINGLELINE', 'LOGTOJSON', 'CSVTOJSON']),
    logFormat: z.enum(['COMMONAPACHELOG', 'COMBINEDAPACHELOG', 'APACHEERRORLOG', 'SYSLOG']),
    customFieldNames: str,
    maxBufferAgeMillis: num,
    maxBufferSizeRecords: int,
    partitionKeyOption: z.enum(['RANDOM', 'DETERMINISTIC']),
  }),
});

const reshardAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('updateShardCount'), targetShardCount: int }),
  z.object({ type: z.literal('split'), shardIndex: int }),
  z.object({ type: z.literal('merge'), shardIndex: int }),
]);
const stream = z.object({
  capacityMode: z.enum(['provisioned', 'onDemand']),
  shardCount: int,
  retentionHours: num,
  encryption: z.enum(['NONE', 'KMS']),
  maxRecordSizeKiB: int,
  efoConsumers: z.array(str),
  reshards: z.array(z.object({ atSec: num, action: reshardAction })),
});

const lambda = z.object({
  use: z.enum(['consumer', 'firehoseTransform']),
  runtime: z.literal('nodejs20.x'),
  code: str,
  memoryMB: int,
  timeoutSec: num,
  duration: z.discriminatedUnion('type', [
    z.object({ type: z.literal('fixed'), ms: num }),
    z.object({ type: z.literal('perRecord'), baseMs: num, perRecordMs: num, jitterPct: num }),
  ]),
  errorRate: num,
  reservedConcurrency: int,
  sampleRecordsPerSec: num,
  esm: z.object({
    batchSize: int,
    batchingWindowSec: num,
    parallelizationFactor: int,
    startingPosition: z.enum(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']),
    maximumRetryAttempts: int,
    maximumRecordAgeSec: num,
    bisectBatchOnFunctionError: bool,
    reportBatchItemFailures: bool,
    onFailureDestination: z.enum(['none', 'sqs', 'sns', 's3']),
    tumblingWindowSec: num,
  }),
});

const column = z.object({ name: str, sqlType: str, mapping: str });
const analytics = z.object({
  sql: str,
  inputNamePrefix: str,
  inputFormat: z.enum(['JSON', 'CSV']),
  recordRowPath: str,
  csvColumnDelimiter: str,
  csvRowDelimiter: str,
  columns: z.array(column),
  reference: z.object({ tableName: str, columns: z.array(column), rowsJsonl: str }).nullable(),
  kpus: int,
  outputs: z.array(z.object({ inAppStream: str, edgeTarget: str, format: z.enum(['JSON', 'CSV']) })),
});

const firehose = z.object({
  source: z.enum(['directPut', 'kinesisStream']),
  bufferSizeMiB: num,
  bufferIntervalSec: num,
  compression: z.enum(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY']),
  transformLambdaId: str.nullable(),
  formatConversion: z.enum(['NONE', 'PARQUET', 'ORC']),
  prefix: str,
  errorOutputPrefix: str,
  backupMode: z.enum(['Disabled', 'Enabled', 'FailedDocumentsOnly', 'AllDocuments']),
  redshift: z.object({ table: str, columns: str, copyOptions: str, retryDurationSec: num }),
  opensearch: z.object({
    indexName: str,
    rotation: z.enum(['NoRotation', 'OneHour', 'OneDay', 'OneWeek', 'OneMonth']),
    retryDurationSec: num,
  }),
  region: z.enum(['us-east-1', 'other']),
});

const s3 = z.object({ bucket: str });
const redshift = z.object({
  clusterId: str,
  database: str,
  nodeType: z.enum(['dc2.large', 'ra3.xlplus', 'ra3.4xlarge']),
  nodes: int,
});
const opensearch = z.object({
  domain: str,
  engine: z.enum(['OpenSearch', 'Elasticsearch']),
  instanceType: str,
  instances: int,
});
const dynamodb = z.object({
  table: str,
  partitionKey: str,
  sortKey: str,
  capacityMode: z.enum(['onDemand', 'provisioned']),
  writeCapacityUnits: num,
});
const consumerApp = z.object({
  applicationName: str,
  processingRecordsPerSec: num,
  workers: int,
  initialPosition: z.enum(['LATEST', 'TRIM_HORIZON']),
  pollIntervalMs: num,
  checkpointEveryRecords: num,
});

const node = <K extends string, C extends z.ZodType>(kind: K, config: C) =>
  z.object({ id: str.min(1), kind: z.literal(kind), name: str, position: xy, config });

export const NodeSchema = z.discriminatedUnion('kind', [
  node('producer', producer),
  node('stream', stream),
  node('lambda', lambda),
  node('analytics', analytics),
  node('firehose', firehose),
  node('s3', s3),
  node('redshift', redshift),
  node('opensearch', opensearch),
  node('dynamodb', dynamodb),
  node('consumerApp', consumerApp),
]);

export const EdgeSchema = z.object({
  id: str.min(1),
  source: str,
  target: str,
  config: z.object({
    readMode: z.enum(['polling', 'efo']).optional(),
    efoConsumerName: str.optional(),
    role: z.enum(['delivery', 'backup']).optional(),
  }),
});

const window = { id: str, nodeId: str, fromSec: num, toSec: num };
export const TimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ ...window, type: z.literal('destinationOutage') }),
  z.object({ ...window, type: z.literal('lambdaErrorRate'), errorRate: num }),
  z.object({ ...window, type: z.literal('producerSurge'), multiplier: num }),
  z.object({ ...window, type: z.literal('hotKey'), key: str, share: num }),
]);

export const DocumentSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: str,
  description: str,
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  timeline: z.array(TimelineEventSchema),
  settings: z.object({ seed: int, durationSec: num, startTime: str, priceBook: z.enum(['2017', 'current']) }),
});
