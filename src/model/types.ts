/**
 * The pipeline document: the plain, versioned JSON value that the studio edits, saves, exports,
 * and that the engine compiles. No functions, no UI state (selection, viewport), no metrics.
 *
 * Units are in the field names: `...Ms` milliseconds of simulated time, `...Sec` seconds,
 * `...MiB` mebibytes (1,048,576 bytes), `...Bytes` bytes, `...Hours` hours.
 */

import type { KIND_DEFS } from './kinds/index.ts';

export const FORMAT = 'shardscape.pipeline' as const;
/** Bump together with a new entry in migrations.ts. */
export const SCHEMA_VERSION = 1 as const;

/**
 * The node kinds: the keys of the kind registry (src/model/kinds/index.ts). A kind exists by having
 * a definition there; nothing else lists them.
 */
export type NodeKind = keyof typeof KIND_DEFS;

/** Every kind, in palette order (derived from the registry). */
export { NODE_KIND_LIST } from './kinds/index.ts';

export interface XY {
  x: number;
  y: number;
}

// ---------------------------------------------------------------------------------------------
// Config of each kind: the TypeScript types are inferred from the kinds' zod objects
// (src/model/kinds/<kind>.ts is the one place a kind's config is described).
// ---------------------------------------------------------------------------------------------

/**
 * Each kind's config type: `z.infer` of its zod object, as its definition's `defaults()` returns
 * it (CONFIG_SCHEMAS in kinds/configs.ts checks that the schemas produce exactly these).
 */
export type ConfigByKind = { [K in NodeKind]: ReturnType<(typeof KIND_DEFS)[K]['defaults']> };

export type ProducerConfig = ConfigByKind['producer'];
export type ProducerSource = ProducerConfig['source'];
export type RateProfile = ProducerConfig['rate'];
export type SizeDistribution = ProducerConfig['size'];
export type PartitionKeyStrategy = ProducerConfig['partitionKey'];
export type RetryPolicy = ProducerConfig['retry'];
export type KplSettings = ProducerConfig['kpl'];
export type AgentSettings = ProducerConfig['agent'];
export type AgentLogFormat = AgentSettings['logFormat'];

export type StreamConfig = ConfigByKind['stream'];
export type ScheduledReshard = StreamConfig['reshards'][number];
export type ReshardAction = ScheduledReshard['action'];

export type LambdaConfig = ConfigByKind['lambda'];
export type DurationModel = LambdaConfig['duration'];
export type EventSourceMappingConfig = LambdaConfig['esm'];

export type AnalyticsConfig = ConfigByKind['analytics'];
/** e.g. 'VARCHAR(16)', 'INTEGER', 'DOUBLE', 'TIMESTAMP', 'BOOLEAN' */
export type SqlType = string;
export type InputColumn = AnalyticsConfig['columns'][number];

export type FirehoseConfig = ConfigByKind['firehose'];
export type Compression = FirehoseConfig['compression'];
export type IndexRotation = FirehoseConfig['opensearch']['rotation'];

export type S3Config = ConfigByKind['s3'];
export type RedshiftConfig = ConfigByKind['redshift'];
export type OpenSearchConfig = ConfigByKind['opensearch'];
export type DynamoDbConfig = ConfigByKind['dynamodb'];
export type ConsumerAppConfig = ConfigByKind['consumerApp'];

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
