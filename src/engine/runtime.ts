/**
 * The node-runtime framework every node kind plugs into.
 *
 * One simulation step (TICK_MS of simulated time) runs:
 *   1. `beginTick(nowMs)` on every node (refill per-shard token buckets, expire records, timers);
 *   2. `tick(nowMs)` on every node in topological order (producers → streams → consumers → …).
 * Producers PUSH records into their target's `accept` (streams, Firehose direct PUT). Consumers of
 * a data stream PULL: they get a `StreamReader` per incoming stream edge and call `getRecords`,
 * which spends the shard's shared polling budget (2 MiB/s with a 10 MiB burst, 5 calls/s) or the
 * consumer's own EFO budget (2 MiB/s per shard). Whatever a node produces it sends on with
 * `ctx.emit(fromId, batch, start, end, status)`, which calls `accept` of every target wired to it
 * and counts the edge's live figures.
 *
 * Records are rows of a `RecordBatch` (records.ts): no object per record on these paths.
 * Metrics: `ctx.metrics.register(nodeId, 'IncomingRecords')` once, then `ctx.metrics.add(h, n)`.
 * Cost: `ctx.cost.accrue(nodeId, 'lambda.request', 1)` with a key of pricing.ts.
 * Conservation: each runtime reports `conservation()` terms: records in = the sum of where they went.
 */

import type { NodeKind, PipelineEdge, PipelineNode, PipelineNodeOf, TimelineEvent } from '../model/types.ts';
import type {
  DestinationContents,
  LiveEdit,
  NodeLive,
  NodeReport,
  PeekRecord,
  SqlStreamRows,
  TimelineMarker,
} from './api.ts';
import type { SimClock } from './clock.ts';
import type { CostMeter } from './cost.ts';
import type { KeyTable } from './hash.ts';
import type { MetricStore } from './metrics.ts';
import type { PayloadStore, RecordBatch } from './records.ts';
import type { Rng } from './rng.ts';

/** Per-record outcome written by `accept` into the caller's status array. */
export const ACCEPTED = 0;
/** Refused for throughput (ProvisionedThroughputExceeded / ServiceUnavailable): the sender may retry. */
export const THROTTLED = 1;
/** Refused for good (record too large, destination down with no retry): the sender must not retry. */
export const FAILED = 2;

/** What a stream's `getRecords` returns besides the rows it appended. */
export const READ_THROTTLED = -1;
/** The shard is closed and this consumer has read all of it (NextShardIterator null). */
export const READ_END_OF_SHARD = -2;
/** The shard's parents are not yet drained by this consumer (KCL reads parents first). */
export const READ_BLOCKED = -3;

export type StartingPosition = 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';

/** The read side of a data stream, as one registered consumer sees it. */
export interface StreamReader {
  readonly streamId: string;
  /** This consumer's index in the stream (pass it back to every call). */
  readonly consumer: number;
  readonly mode: 'polling' | 'efo';
  /** Every shard the stream ever had, open and closed (indexes are stable; new ones appended). */
  shardCount(): number;
  shardId(shard: number): string;
  /** Open, or closed but still holding records this consumer has not read. */
  isOpen(shard: number): boolean;
  /**
   * GetRecords (polling) / one SubscribeToShard push (EFO): append up to `maxRecords` rows and
   * `maxBytes` bytes (≤ 10,000 and ≤ 10 MiB per call) from this consumer's iterator to `out`,
   * advancing the iterator. Returns the number of records read, or READ_THROTTLED (the call was
   * refused: ReadProvisionedThroughputExceeded), READ_END_OF_SHARD or READ_BLOCKED.
   * Polling calls each spend one of the shard's 5 calls/s; bytes come from the shard's shared
   * 2 MiB/s bucket (EFO: the consumer's own 2 MiB/s per shard).
   */
  getRecords(shard: number, maxRecords: number, maxBytes: number, out: RecordBatch): number;
  /** Records stored in the shard after this consumer's iterator (not yet read). */
  pending(shard: number): number;
  /** Age (sim ms) of the oldest unread record, 0 when caught up (GetRecords.IteratorAgeMilliseconds). */
  iteratorAgeMs(shard: number): number;
  /** Move this consumer's iterator back by `n` records (a consumer that failed and re-reads). */
  rewind(shard: number, n: number): void;
  /** Records this consumer lost to retention (older than the retention period before it read them). */
  expiredCount(): number;
}

/** A stream → consumer edge, as handed to the consumer's runtime. */
export interface StreamInput {
  edgeId: string;
  streamId: string;
  reader: StreamReader;
}

/** How a node is wired in the plan. */
export interface NodeWiring {
  /** Data streams this node reads (stream → node edges). */
  streamInputs: StreamInput[];
  /** Nodes that push into this node (producer → stream, lambda → firehose, …). */
  pushSources: { edgeId: string; sourceId: string }[];
  /** Outgoing edges in document order. */
  outputs: { edgeId: string; targetId: string; edge: PipelineEdge }[];
}

/** Engine services shared by all runtimes of one simulation. */
export interface EngineContext {
  readonly seed: number;
  readonly clock: SimClock;
  readonly keys: KeyTable;
  readonly payloads: PayloadStore;
  readonly metrics: MetricStore;
  readonly cost: CostMeter;
  /** SimulationOptions.streamModel ('auto' unless a test or bench forces the rate model). */
  readonly streamModel: 'auto' | 'rate';
  /** The node's own seeded generator (stable per node id; see rng.ts). */
  rngFor(nodeId: string, purpose?: string): Rng;
  /** A node of the design as written (its kind and config). */
  docNode(nodeId: string): PipelineNode | undefined;
  /** The design's edges leaving a node, in document order (the rate model follows them). */
  docEdgesFrom(nodeId: string): PipelineEdge[];
  /** Another node's runtime (e.g. Firehose calling its transform Lambda). */
  runtime(nodeId: string): NodeRuntime | undefined;
  /**
   * Send rows [start, end) of `batch` from `fromId` to every target wired to it. Writes each row's
   * outcome into `status[i - start]` when given (a row counts as accepted only if every target took
   * it). Returns how many rows were accepted.
   */
  emit(fromId: string, batch: RecordBatch, start: number, end: number, status: Uint8Array | null): number;
  /** Like `emit` but to one edge only (an Analytics output, a Firehose backup bucket). */
  emitTo(edgeId: string, batch: RecordBatch, start: number, end: number, status: Uint8Array | null): number;
  /** Add a timeline marker (reshard started/finished, fault began/ended). */
  marker(m: TimelineMarker): void;
}

/** Conservation of one node: `input` must equal the sum of `outputs` (each named). */
export interface Conservation {
  terms: Record<string, number>;
  ok: boolean;
  note?: string;
}

/** Build a Conservation from an input term and the terms it splits into (within 1e-6 relative). */
export function balance(
  inputName: string,
  input: number,
  parts: Record<string, number>,
  note?: string,
): Conservation {
  let sum = 0;
  for (const v of Object.values(parts)) sum += v;
  const ok = Math.abs(sum - input) <= 1e-6 * Math.max(1, Math.abs(input));
  return { terms: { [inputName]: input, ...parts }, ok, note };
}

export interface NodeRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  /**
   * Push input from `fromId`: rows [start, end) of `batch`. Write each row's outcome
   * (ACCEPTED / THROTTLED / FAILED) into `status[i - start]` when given; return the accepted count.
   * The runtime copies what it keeps (the batch is reused by the sender).
   */
  accept?(batch: RecordBatch, start: number, end: number, fromId: string, status: Uint8Array | null): number;
  /** Phase 1 of a step: refill budgets, expire, start/finish scheduled work. */
  beginTick?(nowMs: number): void;
  /** Phase 2 of a step, in topological order. */
  tick(nowMs: number): void;
  /** Settle promises of user code started in this step (Lambda handlers). */
  settle?(): Promise<void>;
  /**
   * At the end of each simulated second, BEFORE the metric store closes it: write the second's
   * accumulated figures into `ctx.metrics` (hot paths count in plain fields) and roll live values.
   */
  closeSecond?(second: number): void;
  live(): NodeLive;
  /** Extra report fields: per-shard metrics for streams. Metrics and counters are added by the engine. */
  report?(): Pick<NodeReport, 'shards' | 'handlerErrors'>;
  counters(): Record<string, number>;
  conservation(): Conservation;
  peek(limit: number): PeekRecord[];
  destination?(): DestinationContents;
  sqlResults?(): SqlStreamRows[];
  applyEdit?(edit: LiveEdit, nowMs: number): { applied: boolean; reason?: string };
  /** A timeline event for this node became active (`active`) or ended. */
  setFault?(event: TimelineEvent, active: boolean, nowMs: number): void;
}

/**
 * Makes the runtime of one node. `index` is the node's position among the design's nodes of its
 * kind, in plan order (0, 1, …): producers seed their record generators with it.
 */
export type RuntimeFactory<K extends NodeKind> = (
  node: PipelineNodeOf<K>,
  ctx: EngineContext,
  wiring: NodeWiring,
  index: number,
) => NodeRuntime;

export type RuntimeRegistry = { [K in NodeKind]: RuntimeFactory<K> };

/** A bounded ring of the latest records a node saw or produced (for the studio's peek). */
export class PeekRing {
  private readonly items: PeekRecord[] = [];
  private next = 0;
  constructor(private readonly capacity = 50) {}
  push(r: PeekRecord): void {
    if (this.items.length < this.capacity) this.items.push(r);
    else this.items[this.next] = r;
    this.next = (this.next + 1) % this.capacity;
  }
  /** Newest last. */
  latest(limit: number): PeekRecord[] {
    const ordered =
      this.items.length < this.capacity
        ? this.items.slice()
        : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
    return ordered.slice(Math.max(0, ordered.length - limit));
  }
}

/** Cut a payload for display (peek shows a few KiB). */
export function truncateForPeek(text: string, max = 4096): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** An empty NodeLive to start from. */
export function emptyLive(): NodeLive {
  return {
    inRecordsPerSec: 0,
    inBytesPerSec: 0,
    outRecordsPerSec: 0,
    outBytesPerSec: 0,
    utilization: 0,
    throttledPerSec: 0,
    counters: {},
  };
}
