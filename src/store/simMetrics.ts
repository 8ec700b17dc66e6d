/**
 * Which figures the Metrics tab charts for each kind of node, under the CloudWatch metric names
 * AWS uses (AWS/Kinesis, AWS/Lambda, AWS/Firehose, KCL). Values are per simulated second
 * ("Sum" over one second), except ages (ms of simulated time) and utilisation (percent).
 */
import type { NodeLive } from '../engine/api.ts';
import type { NodeKind } from '../model/types.ts';

export type MetricUnit = 'rec/s' | 'B/s' | 'ms' | '%' | 'count' | '1/s';

export interface MetricDef {
  /** CloudWatch name, also the series column. */
  name: string;
  unit: MetricUnit;
  /** Charts drawn together share a group (one chart per group). */
  group: 'records' | 'bytes' | 'throttle' | 'age' | 'util' | 'lambda';
  get(n: NodeLive): number;
}

const util: MetricDef = { name: 'Utilization', unit: '%', group: 'util', get: (n) => n.utilization * 100 };
const incomingRecords: MetricDef = {
  name: 'IncomingRecords',
  unit: 'rec/s',
  group: 'records',
  get: (n) => n.inRecordsPerSec,
};
const incomingBytes: MetricDef = {
  name: 'IncomingBytes',
  unit: 'B/s',
  group: 'bytes',
  get: (n) => n.inBytesPerSec,
};

function maxShardAge(n: NodeLive): number {
  let m = 0;
  for (const s of n.shards ?? []) if (s.iteratorAgeMs > m) m = s.iteratorAgeMs;
  return m;
}

export const METRICS: Record<NodeKind, MetricDef[]> = {
  producer: [
    { name: 'PutRecords.SuccessfulRecords', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    { name: 'PutRecords.ThrottledRecords', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    { name: 'PutRecords.Bytes', unit: 'B/s', group: 'bytes', get: (n) => n.outBytesPerSec },
  ],
  stream: [
    incomingRecords,
    { name: 'GetRecords.Records', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    incomingBytes,
    {
      name: 'WriteProvisionedThroughputExceeded',
      unit: 'rec/s',
      group: 'throttle',
      get: (n) => n.throttledPerSec,
    },
    {
      name: 'ReadProvisionedThroughputExceeded',
      unit: '1/s',
      group: 'throttle',
      get: (n) => (n.shards ?? []).reduce((a, s) => a + s.readThrottledPerSec, 0),
    },
    { name: 'GetRecords.IteratorAgeMilliseconds', unit: 'ms', group: 'age', get: maxShardAge },
    util,
  ],
  lambda: [
    { name: 'Invocations', unit: '1/s', group: 'lambda', get: (n) => n.lambda?.invocationsPerSec ?? 0 },
    { name: 'Errors', unit: '1/s', group: 'lambda', get: (n) => n.lambda?.errorsPerSec ?? 0 },
    { name: 'ConcurrentExecutions', unit: 'count', group: 'lambda', get: (n) => n.lambda?.concurrency ?? 0 },
    { name: 'IteratorAge', unit: 'ms', group: 'age', get: (n) => n.lambda?.iteratorAgeMs ?? 0 },
    { name: 'RecordsIn', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    util,
  ],
  analytics: [
    { name: 'InputRecords', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    { name: 'OutputRecords', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    util,
  ],
  firehose: [
    incomingRecords,
    { name: 'DeliveryToS3.Records', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    incomingBytes,
    { name: 'ThrottledRecords', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    { name: 'BufferedBytes', unit: 'B/s', group: 'bytes', get: (n) => n.firehose?.bufferBytes ?? 0 },
    util,
  ],
  s3: [{ name: 'PutObject.Records', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  redshift: [{ name: 'RowsLoaded', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  opensearch: [{ name: 'IndexingRate', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec }],
  dynamodb: [
    { name: 'ItemsWritten', unit: 'rec/s', group: 'records', get: (n) => n.inRecordsPerSec },
    { name: 'WriteThrottleEvents', unit: 'rec/s', group: 'throttle', get: (n) => n.throttledPerSec },
    util,
  ],
  consumerApp: [
    { name: 'RecordsProcessed', unit: 'rec/s', group: 'records', get: (n) => n.outRecordsPerSec },
    { name: 'MillisBehindLatest', unit: 'ms', group: 'age', get: maxShardAge },
    util,
  ],
};

/**
 * Per-shard figure charted for streams: write demand in percent of the shard's limit (1,000
 * rec/s or 1 MiB/s = 100 %), counting refused puts, so a hot shard shows how far over it is.
 */
export function shardValues(n: NodeLive): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of n.shards ?? []) {
    if (s.open) {
      const demand = Math.max(s.writeUtilization, (s.incomingRecordsPerSec + s.writeThrottledPerSec) / 1000);
      out[s.shardId] = demand * 100;
    }
  }
  return out;
}

export const SHARD_SERIES_LIMIT = 64;
