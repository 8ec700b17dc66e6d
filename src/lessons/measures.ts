/**
 * How each check measure is read: from a finished (or mid-run) RunReport, and from a live frame.
 * Counters are cumulative since t = 0 and carry the same names in both (NodeLive.counters ==
 * NodeReport.counters), so a windowed sum is a metric series sum in a report and a counter delta
 * between frames live. Per-kind readings are `Record<NodeKind, …>` tables: a new kind that is
 * missing fails to compile.
 */
import type { LiveFrame, NodeLive, NodeReport, RunReport } from '../engine/api.ts';
import type { NodeKind } from '../model/types.ts';
import type { Measure } from './schema.ts';

/** sum: grows over the window (counter delta); max: the window's peak; last: the value now. */
export type Aggregate = 'sum' | 'max' | 'last';

/** A cumulative counter and the per-second metric whose series sums to it. */
interface SumSource {
  counter: string;
  metric?: string;
}
type PerKind<T> = Record<NodeKind, T | null>;

const THROTTLED: PerKind<SumSource> = {
  producer: { counter: 'throttled', metric: 'RecordsThrottled' },
  stream: { counter: 'throttled', metric: 'WriteProvisionedThroughputExceeded' },
  lambda: { counter: 'throttles', metric: 'Throttles' },
  analytics: null,
  firehose: { counter: 'throttled', metric: 'ThrottledRecords' },
  s3: null,
  redshift: null,
  opensearch: null,
  dynamodb: { counter: 'throttled', metric: 'WriteThrottleEvents' },
  consumerApp: null,
};

const DROPPED: PerKind<SumSource> = {
  producer: { counter: 'dropped', metric: 'RecordsDropped' },
  stream: { counter: 'failed' },
  lambda: { counter: 'droppedAfterRetries' },
  analytics: { counter: 'unparsed' },
  firehose: { counter: 'lostAfterS3Retries' },
  s3: { counter: 'refusedObjects' },
  redshift: { counter: 'failedCopies' },
  opensearch: { counter: 'failedBulkRequests' },
  dynamodb: { counter: 'refused' },
  consumerApp: null,
};

/** Records (rows, documents, items) that reached or left the node successfully. */
const DELIVERED: PerKind<SumSource> = {
  producer: { counter: 'accepted', metric: 'RecordsAccepted' },
  stream: { counter: 'accepted', metric: 'IncomingRecords' },
  lambda: { counter: 'succeeded' },
  analytics: { counter: 'rowsOut', metric: 'OutputRecords' },
  firehose: { counter: 'delivered' },
  s3: { counter: 'records' },
  redshift: { counter: 'rows', metric: 'RowsLoaded' },
  opensearch: { counter: 'docs', metric: 'IndexedDocuments' },
  dynamodb: { counter: 'writes', metric: 'ConsumedWriteCapacityUnits' },
  consumerApp: { counter: 'processed' },
};

const TRANSFORMED: PerKind<SumSource> = {
  producer: null,
  stream: null,
  lambda: { counter: 'transformOk' },
  analytics: null,
  firehose: { counter: 'transformedOk', metric: 'SucceedProcessing.Records' },
  s3: null,
  redshift: null,
  opensearch: null,
  dynamodb: null,
  consumerApp: null,
};

/** Iterator age in ms: report metric and live reading. */
const ITERATOR_AGE: PerKind<{ metric: string; live: (n: NodeLive) => number }> = {
  producer: null,
  stream: {
    metric: 'GetRecords.IteratorAgeMilliseconds',
    live: (n) => Math.max(0, ...(n.shards ?? []).map((s) => s.iteratorAgeMs)),
  },
  lambda: { metric: 'IteratorAge', live: (n) => n.lambda?.iteratorAgeMs ?? 0 },
  analytics: null,
  firehose: { metric: 'KinesisMillisBehindLatest', live: () => 0 },
  s3: null,
  redshift: null,
  opensearch: null,
  dynamodb: null,
  consumerApp: null,
};

export interface MeasureDef {
  aggregate: Aggregate;
  /** Whether the measure applies to a node of this kind (costPerMonthUsd applies to the design). */
  appliesTo(kind: NodeKind | undefined): boolean;
  /** Value from a report over simulated seconds [fromSec, end]; undefined = cannot be read. */
  fromReport(
    node: NodeReport | undefined,
    report: RunReport,
    fromSec: number,
    counter?: string,
  ): number | undefined;
  /** Value from one frame (sum: the cumulative counter; the tracker takes deltas). */
  fromFrame(
    node: NodeLive | undefined,
    frame: LiveFrame,
    kind: NodeKind | undefined,
    counter?: string,
  ): number | undefined;
}

function seriesFrom(node: NodeReport, metric: string, report: RunReport, fromSec: number) {
  const m = node.metrics[metric];
  if (!m) return undefined;
  return m.series.slice(Math.floor(fromSec / report.resolutionSec));
}

function sumMeasure(table: PerKind<SumSource>): MeasureDef {
  return {
    aggregate: 'sum',
    appliesTo: (kind) => !!kind && table[kind] !== null,
    fromReport(node, report, fromSec) {
      const src = node && table[node.kind];
      if (!node || !src) return undefined;
      if (fromSec > 0 && src.metric) {
        const s = seriesFrom(node, src.metric, report, fromSec);
        if (s) return s.reduce((a, b) => a + b, 0);
      }
      return node.counters[src.counter] ?? 0;
    },
    fromFrame: (node, _frame, kind) => {
      const src = kind && table[kind];
      return node && src ? (node.counters[src.counter] ?? 0) : undefined;
    },
  };
}

function counterMeasure(name: string, aggregate: Aggregate, kinds: NodeKind[]): MeasureDef {
  return {
    aggregate,
    appliesTo: (kind) => !!kind && kinds.includes(kind),
    fromReport: (node) => (node ? (node.counters[name] ?? 0) : undefined),
    fromFrame: (node) => (node ? (node.counters[name] ?? 0) : undefined),
  };
}

const avgObjectBytes = (c: Record<string, number>) => (c.objects > 0 ? c.bytes / c.objects : 0);

export const MEASURE_DEFS: Record<Measure, MeasureDef> = {
  throttledRecords: sumMeasure(THROTTLED),
  droppedRecords: sumMeasure(DROPPED),
  delivered: sumMeasure(DELIVERED),
  transformedRecords: sumMeasure(TRANSFORMED),
  iteratorAgeMs: {
    aggregate: 'max',
    appliesTo: (kind) => !!kind && ITERATOR_AGE[kind] !== null,
    fromReport(node, report, fromSec) {
      const src = node && ITERATOR_AGE[node.kind];
      if (!node || !src) return undefined;
      const s = seriesFrom(node, src.metric, report, fromSec);
      return s ? Math.max(0, ...s) : undefined;
    },
    fromFrame(node, _frame, kind) {
      const src = kind && ITERATOR_AGE[kind];
      return node && src ? src.live(node) : undefined;
    },
  },
  openShards: counterMeasure('openShards', 'last', ['stream']),
  reshards: counterMeasure('reshards', 'sum', ['stream']),
  objects: counterMeasure('objects', 'sum', ['s3']),
  sqlRowsOut: counterMeasure('rowsOut', 'sum', ['analytics']),
  failedRecords: counterMeasure('sentToOnFailure', 'sum', ['lambda']),
  avgObjectBytes: {
    aggregate: 'last',
    appliesTo: (kind) => kind === 's3',
    fromReport: (node) => (node ? avgObjectBytes(node.counters) : undefined),
    fromFrame: (node) => (node ? avgObjectBytes(node.counters) : undefined),
  },
  costPerMonthUsd: {
    aggregate: 'last',
    appliesTo: () => true,
    fromReport: (_node, report) => report.cost.perMonthUsd,
    fromFrame: (_node, frame) => frame.cost.perMonthUsd,
  },
  counter: {
    aggregate: 'sum',
    appliesTo: (kind) => !!kind,
    fromReport: (node, _r, _f, counter) => (node && counter ? (node.counters[counter] ?? 0) : undefined),
    fromFrame: (node, _f, _k, counter) => (node && counter ? (node.counters[counter] ?? 0) : undefined),
  },
};
