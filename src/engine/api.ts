/**
 * The engine's public surface, shared by the headless CLI (`npx shardscape run`), the benchmark,
 * the Web Worker host (src/worker) and the studio's live views. Pure types: no DOM, no Node.
 *
 * Time: every `…Ms` here is SIMULATED time in ms since the run started (t = 0 at
 * `settings.startTime`), never wall-clock time. Rates are per simulated second.
 * Sizes: bytes, or MiB (1,048,576 bytes) where the name says so.
 */
import type { Diagnostic, NodeKind, PipelineDoc, TimelineEvent } from '../model/types.ts';

export interface SimulationOptions {
  seed: number;
  priceBook?: '2017' | 'current';
  /**
   * 'rate' runs every provisioned stream on the fluid (rate) model whatever its size, to compare
   * it with the record model on the same design (tests, benches). Default 'auto': the rate model
   * above 5,000 shards or 200,000 rec/s offered.
   */
  streamModel?: 'auto' | 'rate';
}

/** Live figures for one node over the last simulated second (what the canvas badges show). */
export interface NodeLive {
  inRecordsPerSec: number;
  inBytesPerSec: number;
  outRecordsPerSec: number;
  outBytesPerSec: number;
  /** 0…1+ share of the binding limit (shard write cap, concurrency, buffer, consumer capacity). */
  utilization: number;
  throttledPerSec: number;
  /** Cumulative counters since the start, e.g. attempted / accepted / throttled / retried / dropped. */
  counters: Record<string, number>;
  /** Data streams: one entry per shard, open shards first in hash-key order, then closed ones. */
  shards?: ShardLive[];
  lambda?: {
    concurrency: number;
    /** CloudWatch IteratorAge: the maximum over the function's shards (sim ms). */
    iteratorAgeMs: number;
    errorsPerSec: number;
    invocationsPerSec: number;
    /** How long the last finished invocation took (sim ms), stream batches and transforms alike. */
    durationMs: number;
    /**
     * The last batch's iterator age per source shard (sim ms), keyed by shard id (`stream/shardId`
     * when the function reads several streams); empty until a batch has finished.
     */
    shardIteratorAgeMs?: Record<string, number>;
  };
  firehose?: { bufferBytes: number; bufferRecords: number; bufferLimitBytes: number; msToFlush: number };
  /** Destinations and consumer apps: whether a timeline outage is active now. */
  down?: boolean;
  /**
   * Recent activity, so a bursty node (a 10 s tumbling window, S3 behind a Firehose buffer) does
   * not just read 0 rec/s between bursts. Filled by the simulation in `frame()` for every node
   * that records have come into or gone out of (absent before that). Metered from the first
   * `frame()` call on: the studio asks for one at 0 s; headless runs never do and pay nothing.
   */
  activity?: NodeActivity;
}

/** One simulated second in which records moved. */
export interface ActiveSecond {
  /** Sim ms at the END of that second (records moved during the 1,000 sim ms before it). */
  atMs: number;
  /** Records in that second (= records/s over it). */
  records: number;
  /** Bytes in that second (= bytes/s over it). */
  bytes: number;
}

/** Activity of a node beyond the last simulated second, on the same figures as NodeLive's in/out. */
export interface NodeActivity {
  /** The last second in which records came in; absent until one has. */
  lastIn?: ActiveSecond;
  /** The last second in which records went out; absent until one has. */
  lastOut?: ActiveSecond;
  /** Simulated seconds the averages cover: the last 60, or the run so far when shorter. */
  windowSec: number;
  /** Means over `windowSec`: records/s and bytes/s (bytes, not MiB). */
  avgInRecordsPerSec: number;
  avgInBytesPerSec: number;
  avgOutRecordsPerSec: number;
  avgOutBytesPerSec: number;
}

export interface ShardLive {
  shardId: string;
  /** Decimal 128-bit hash key range, inclusive. */
  startingHashKey: string;
  endingHashKey: string;
  open: boolean;
  parentShardIds: string[];
  /** max(records/1,000, bytes/1 MiB) over the last second. */
  writeUtilization: number;
  /** bytes read / 2 MiB over the last second (polling consumers; EFO counted separately). */
  readUtilization: number;
  incomingRecordsPerSec: number;
  incomingBytesPerSec: number;
  writeThrottledPerSec: number;
  readThrottledPerSec: number;
  iteratorAgeMs: number;
}

export interface EdgeLive {
  recordsPerSec: number;
  bytesPerSec: number;
  /** Records refused on this edge in the last second (throttling, back-pressure). */
  throttledPerSec: number;
  /**
   * The last second in which this edge carried records, present only while the last second
   * carried none (a Firehose → S3 edge between flushes, an Analytics output between windows),
   * so the label can say "last 600 rec · 8 s ago". Absent on steady edges and on edges nothing
   * has crossed yet: their frame numbers stay the same from second to second. On stream →
   * consumer edges `records` is the read rate over the frame interval in which it was seen.
   */
  lastActive?: ActiveSecond;
}

export interface CostItem {
  nodeId: string;
  /** e.g. 'Shard hours', 'PUT payload units', 'Firehose ingestion (5 KB rounded)', 'Lambda GB-seconds'. */
  item: string;
  /** Amount of the billed unit so far, and the unit, e.g. 12.5 'shard-hours'. */
  quantity: number;
  unit: string;
  usd: number;
}

export interface CostSummary {
  priceBook: '2017' | 'current';
  /** Cost accrued over the simulated time so far. */
  totalUsd: number;
  /** Rate extrapolated from the last simulated minute (or the run so far if shorter). */
  perHourUsd: number;
  perMonthUsd: number;
  items: CostItem[];
  assumptions: string[];
}

/** Something that happened on the timeline: reshard started/finished, fault began/ended. */
export interface TimelineMarker {
  atMs: number;
  nodeId: string;
  type: string;
  label: string;
}

export interface LiveFrame {
  simMs: number;
  nodes: Record<string, NodeLive>;
  edges: Record<string, EdgeLive>;
  cost: CostSummary;
  markers: TimelineMarker[];
}

/** A record as shown in the studio's record peek (payload truncated to a few KiB). */
export interface PeekRecord {
  atMs: number;
  partitionKey: string;
  shardId?: string;
  sequenceNumber?: string;
  approximateArrivalMs?: number;
  bytes: number;
  /** UTF-8 text of the payload (or of the handler's output). */
  data: string;
}

export interface S3Object {
  key: string;
  sizeBytes: number;
  records: number;
  /** Time the object was written (sim ms). */
  atMs: number;
  compression: string;
  /** The object's bytes as stored (compressed when the delivery stream compresses), for sampled content. */
  body?: Uint8Array;
  /** First records, decompressed, for quick display. */
  firstRecords: string[];
  /** Objects written under an error prefix (processing-failed, OpenSearch-failed) or as backup. */
  kind: 'data' | 'error' | 'backup' | 'staging';
}

/**
 * What landed in each kind that keeps contents (the Destinations tab shows it), keyed by kind. A
 * runtime's `destination()` returns its entry; the kind's view (src/ui/kinds) must then have a
 * contents viewer for it (its type requires one exactly for the kinds listed here).
 */
export interface DestinationContentsByKind {
  s3: { objects: S3Object[]; totalObjects: number; totalRecords: number; totalBytes: number };
  redshift: { table: string; columns: string[]; rows: unknown[][]; totalRows: number; copies: number };
  opensearch: {
    indices: { name: string; docs: number }[];
    documents: { index: string; id: string; source: unknown }[];
    totalDocs: number;
  };
  dynamodb: { table: string; items: Record<string, unknown>[]; totalItems: number };
  consumerApp: {
    checkpoints: { shardId: string; sequenceNumber: string; atMs: number }[];
    processed: number;
  };
}

/** The kinds that keep contents. */
export type ContentsKind = keyof DestinationContentsByKind & NodeKind;

/** One kind's contents, tagged with its kind. */
export type ContentsOf<K extends ContentsKind> = { kind: K } & DestinationContentsByKind[K];

export type DestinationContents = { [K in ContentsKind]: ContentsOf<K> }[ContentsKind];

export interface SqlStreamRows {
  stream: string;
  columns: string[];
  /** Latest rows (bounded), ROWTIME first as ISO text. */
  rows: unknown[][];
  total: number;
}

export interface MetricSummary {
  sum: number;
  max: number;
  /** One value per simulated second (bounded: long runs are downsampled, see `resolutionSec`). */
  series: number[];
}

export interface NodeReport {
  id: string;
  kind: NodeKind;
  name: string;
  /** Keyed by CloudWatch metric name: IncomingRecords, WriteProvisionedThroughputExceeded, … */
  metrics: Record<string, MetricSummary>;
  counters: Record<string, number>;
  shards?: {
    shardId: string;
    startingHashKey: string;
    endingHashKey: string;
    parentShardIds: string[];
    metrics: Record<string, MetricSummary>;
  }[];
  destination?: DestinationContents;
  /**
   * Lambda: what the handler's failed invocations said (sampled invocations run the real code), by
   * error type and message, at most 10 distinct with their counts. A handler that throws, times
   * out or runs out of memory in the sandbox shows here; the run itself goes on.
   */
  handlerErrors?: { errorType: string; errorMessage: string; count: number }[];
  /** 'rate' when the node's figures come from the fluid (rate) model, not from records (issue 13). */
  model?: 'rate';
}

export interface ConservationCheck {
  ok: boolean;
  /** Per node: records in = out + dropped + expired + in flight + …; each with its terms. */
  nodes: { nodeId: string; ok: boolean; terms: Record<string, number>; note?: string }[];
}

export interface RunReport {
  design: string;
  seed: number;
  simulatedSeconds: number;
  /** Seconds covered by one point of each `series` (1 unless downsampled). */
  resolutionSec: number;
  nodes: NodeReport[];
  cost: CostSummary;
  conservation: ConservationCheck;
  markers: TimelineMarker[];
}

/** A change the studio asks to apply while running. */
export type LiveEdit =
  | { type: 'shardCount'; nodeId: string; shardCount: number }
  | { type: 'batchSize'; nodeId: string; batchSize: number }
  | { type: 'parallelizationFactor'; nodeId: string; parallelizationFactor: number }
  | { type: 'bufferHints'; nodeId: string; bufferSizeMiB: number; bufferIntervalSec: number }
  | { type: 'producerRate'; nodeId: string; multiplier: number };

export interface Simulation {
  /** Simulated ms elapsed. */
  readonly nowMs: number;
  /**
   * Run until simulated time `toMs`. Async only so user Lambda handlers that return promises can
   * settle (by draining microtasks, deterministically); no wall-clock time is involved.
   */
  advance(toMs: number): Promise<void>;
  frame(): LiveFrame;
  report(): RunReport;
  /** Apply a live edit (becomes a timeline event, e.g. a reshard); refused with a reason if AWS could not. */
  applyEdit(edit: LiveEdit): { applied: boolean; reason?: string };
  /** Add a fault or what-if at its `fromSec` (already past → starts now). */
  injectFault(event: TimelineEvent): void;
  /** Latest records seen at a node (its output) or on an edge, newest last. */
  peek(target: { nodeId: string } | { edgeId: string }, limit: number): PeekRecord[];
  destination(nodeId: string): DestinationContents | undefined;
  sqlResults(nodeId: string): SqlStreamRows[];
  /**
   * The node's metrics as CSV, ONE ROW PER SIMULATED SECOND (`t_sec` = the second's end, 1, 2, 3…),
   * columns by CloudWatch name, per-shard ones as `<shardId> <name>`. Kept from the first `frame()`
   * on (the studio asks at 0 s), up to 24 simulated hours (fewer with many metrics; the oldest
   * seconds go first): see engine/second-log.ts.
   */
  metricsCsv(nodeId: string): string;
}

export type CreateSimulation = (doc: PipelineDoc, options: SimulationOptions) => Simulation;

/** Thrown by createSimulation for a design with errors: the same problems the studio shows. */
export class DesignError extends Error {
  constructor(readonly problems: Diagnostic[]) {
    super(`The design has ${problems.length} problem(s): ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'DesignError';
  }
}

/** Cost before running, from the design alone (the Cost tab and the toolbar badge while idle). */
export { type CostEstimate, estimateCost } from './plan/estimate.ts';
/** Sizing answers from the design alone: shards per stream, Lambda factor and concurrency, Firehose buffers. */
export { type DesignSizingAll, sizeDesign } from './plan/sizing-all.ts';
/** The studio sweep (the Sweep tab): fields, points, recommendation, report; the runs happen in src/worker. */
export type { SweepRun } from './plan/sweep.ts';
export {
  axisText,
  axisValues,
  defaultRange,
  fieldText,
  type GridPoint,
  gridPoints,
  MAX_POINTS,
  numericFields,
  recommendSweep,
  type SweepField,
  type SweepRecommendation,
  type SweepSpec,
} from './plan/sweep-grid.ts';
export { FIGURE_LABELS, FIGURES, sweepCsv, sweepMarkdown } from './plan/sweep-report.ts';
// The few engine functions the studio calls outside a run (pure, synchronous). ui/ and store/ reach
// the engine only through this file (checked by src/walls.test.ts).
/** Render Kinesis Data Generator template samples, as the producer does (the SQL schema editor's preview). */
export { compileTemplate, TemplateRenderer } from './producer/template.ts';
