/**
 * Packs the numbers of a LiveFrame into one Float64Array so a frame can leave the worker as a
 * transferable buffer (no structured clone of hundreds of small objects per animation frame).
 *
 * The strings (node ids, counter names, shard ids and hash-key ranges) travel once, in a
 * `FrameLayout`, when a run is loaded and again only when the shape changes (a reshard adds
 * shards, a counter appears for the first time). Cost and markers are small and go as objects;
 * markers are sent incrementally (only the new ones).
 *
 * Pure TypeScript: used by the worker (pack) and the main thread (unpack), tested in node.
 */
import type {
  ActiveSecond,
  CostSummary,
  EdgeLive,
  LiveFrame,
  NodeActivity,
  NodeLive,
  ShardLive,
  TimelineMarker,
} from '../engine/api.ts';

export interface ShardStatic {
  shardId: string;
  startingHashKey: string;
  endingHashKey: string;
  parentShardIds: string[];
}

export interface NodeLayout {
  id: string;
  /** Start of this node's block in `numbers`. */
  offset: number;
  hasLambda: boolean;
  hasFirehose: boolean;
  hasDown: boolean;
  hasActivity: boolean;
  counterKeys: string[];
  /** Lambda: the source shards of `lambda.shardIteratorAgeMs`, in key order. */
  ageKeys: string[];
  shards: ShardStatic[] | null;
}

export interface FrameLayout {
  version: number;
  nodes: NodeLayout[];
  edgeIds: string[];
  edgeOffset: number;
  length: number;
}

export interface PackedFrame {
  layoutVersion: number;
  /** Present when the layout changed since the previous packed frame (always on the first). */
  layout?: FrameLayout;
  simMs: number;
  numbers: Float64Array;
  cost: CostSummary;
  /** Markers added since the previous packed frame. */
  newMarkers: TimelineMarker[];
}

const BASE = 6; // in/out records and bytes, utilization, throttled
const LAMBDA = 5;
const FIREHOSE = 4;
/** windowSec, 4 averages, last in (at, records, bytes), last out (same); NaN for an absent last. */
const ACTIVITY = 11;
const SHARD = 8;
/** records/s, bytes/s, throttled/s, last active second (at, records, bytes; NaN when absent). */
const EDGE = 6;

function nodeSize(n: Omit<NodeLayout, 'offset' | 'id'>): number {
  return (
    BASE +
    (n.hasLambda ? LAMBDA : 0) +
    (n.hasFirehose ? FIREHOSE : 0) +
    (n.hasDown ? 1 : 0) +
    (n.hasActivity ? ACTIVITY : 0) +
    n.counterKeys.length +
    n.ageKeys.length +
    (n.shards ? n.shards.length * SHARD : 0)
  );
}

/** Builds the layout describing `frame` (ids in the frame's key order). */
export function layoutOf(frame: LiveFrame, version: number): FrameLayout {
  const nodes: NodeLayout[] = [];
  let offset = 0;
  for (const [id, n] of Object.entries(frame.nodes)) {
    const shape = {
      hasLambda: n.lambda !== undefined,
      hasFirehose: n.firehose !== undefined,
      hasDown: n.down !== undefined,
      hasActivity: n.activity !== undefined,
      counterKeys: Object.keys(n.counters),
      ageKeys: Object.keys(n.lambda?.shardIteratorAgeMs ?? {}),
      shards: n.shards
        ? n.shards.map((s) => ({
            shardId: s.shardId,
            startingHashKey: s.startingHashKey,
            endingHashKey: s.endingHashKey,
            parentShardIds: s.parentShardIds,
          }))
        : null,
    };
    nodes.push({ id, offset, ...shape });
    offset += nodeSize(shape);
  }
  const edgeIds = Object.keys(frame.edges);
  return { version, nodes, edgeIds, edgeOffset: offset, length: offset + edgeIds.length * EDGE };
}

/** True when `frame` has exactly the shape `layout` describes (walks without allocating much). */
export function layoutMatches(frame: LiveFrame, layout: FrameLayout): boolean {
  const ids = Object.keys(frame.nodes);
  if (ids.length !== layout.nodes.length) return false;
  for (let i = 0; i < ids.length; i++) {
    const l = layout.nodes[i];
    const n = frame.nodes[ids[i]];
    if (l.id !== ids[i]) return false;
    if (l.hasLambda !== (n.lambda !== undefined)) return false;
    if (l.hasFirehose !== (n.firehose !== undefined)) return false;
    if (l.hasDown !== (n.down !== undefined)) return false;
    if (l.hasActivity !== (n.activity !== undefined)) return false;
    const keys = Object.keys(n.counters);
    if (keys.length !== l.counterKeys.length) return false;
    for (let k = 0; k < keys.length; k++) if (keys[k] !== l.counterKeys[k]) return false;
    const ages = Object.keys(n.lambda?.shardIteratorAgeMs ?? {});
    if (ages.length !== l.ageKeys.length) return false;
    for (let k = 0; k < ages.length; k++) if (ages[k] !== l.ageKeys[k]) return false;
    if ((n.shards === undefined) !== (l.shards === null)) return false;
    if (n.shards && l.shards) {
      if (n.shards.length !== l.shards.length) return false;
      for (let s = 0; s < n.shards.length; s++) if (n.shards[s].shardId !== l.shards[s].shardId) return false;
    }
  }
  const edgeIds = Object.keys(frame.edges);
  if (edgeIds.length !== layout.edgeIds.length) return false;
  for (let i = 0; i < edgeIds.length; i++) if (edgeIds[i] !== layout.edgeIds[i]) return false;
  return true;
}

/** Writes the frame's numbers into a fresh Float64Array laid out by `layout` (which must match). */
export function packNumbers(frame: LiveFrame, layout: FrameLayout): Float64Array {
  const out = new Float64Array(layout.length);
  for (const l of layout.nodes) {
    const n = frame.nodes[l.id];
    let i = l.offset;
    out[i++] = n.inRecordsPerSec;
    out[i++] = n.inBytesPerSec;
    out[i++] = n.outRecordsPerSec;
    out[i++] = n.outBytesPerSec;
    out[i++] = n.utilization;
    out[i++] = n.throttledPerSec;
    if (n.lambda) {
      out[i++] = n.lambda.concurrency;
      out[i++] = n.lambda.iteratorAgeMs;
      out[i++] = n.lambda.errorsPerSec;
      out[i++] = n.lambda.invocationsPerSec;
      out[i++] = n.lambda.durationMs;
    }
    if (n.firehose) {
      out[i++] = n.firehose.bufferBytes;
      out[i++] = n.firehose.bufferRecords;
      out[i++] = n.firehose.bufferLimitBytes;
      out[i++] = n.firehose.msToFlush;
    }
    if (l.hasDown) out[i++] = n.down ? 1 : 0;
    if (n.activity) i = packActivity(n.activity, out, i);
    for (const k of l.counterKeys) out[i++] = n.counters[k];
    for (const k of l.ageKeys) out[i++] = n.lambda?.shardIteratorAgeMs?.[k] ?? 0;
    if (n.shards) {
      for (const s of n.shards) {
        out[i++] = s.open ? 1 : 0;
        out[i++] = s.writeUtilization;
        out[i++] = s.readUtilization;
        out[i++] = s.incomingRecordsPerSec;
        out[i++] = s.incomingBytesPerSec;
        out[i++] = s.writeThrottledPerSec;
        out[i++] = s.readThrottledPerSec;
        out[i++] = s.iteratorAgeMs;
      }
    }
  }
  let e = layout.edgeOffset;
  for (const id of layout.edgeIds) {
    const edge = frame.edges[id];
    out[e++] = edge.recordsPerSec;
    out[e++] = edge.bytesPerSec;
    out[e++] = edge.throttledPerSec;
    const last = edge.lastActive;
    out[e++] = last ? last.atMs : Number.NaN;
    out[e++] = last ? last.records : Number.NaN;
    out[e++] = last ? last.bytes : Number.NaN;
  }
  return out;
}

function packActivity(a: NodeActivity, out: Float64Array, at: number): number {
  let i = at;
  out[i++] = a.windowSec;
  out[i++] = a.avgInRecordsPerSec;
  out[i++] = a.avgInBytesPerSec;
  out[i++] = a.avgOutRecordsPerSec;
  out[i++] = a.avgOutBytesPerSec;
  for (const last of [a.lastIn, a.lastOut]) {
    out[i++] = last ? last.atMs : Number.NaN;
    out[i++] = last ? last.records : Number.NaN;
    out[i++] = last ? last.bytes : Number.NaN;
  }
  return i;
}

function readLast(x: Float64Array, i: number): ActiveSecond | undefined {
  return Number.isNaN(x[i]) ? undefined : { atMs: x[i], records: x[i + 1], bytes: x[i + 2] };
}

function readActivity(x: Float64Array, i: number): NodeActivity {
  const a: NodeActivity = {
    windowSec: x[i],
    avgInRecordsPerSec: x[i + 1],
    avgInBytesPerSec: x[i + 2],
    avgOutRecordsPerSec: x[i + 3],
    avgOutBytesPerSec: x[i + 4],
  };
  const lastIn = readLast(x, i + 5);
  const lastOut = readLast(x, i + 8);
  if (lastIn) a.lastIn = lastIn;
  if (lastOut) a.lastOut = lastOut;
  return a;
}

function readEdge(x: Float64Array, i: number): EdgeLive {
  const edge: EdgeLive = { recordsPerSec: x[i], bytesPerSec: x[i + 1], throttledPerSec: x[i + 2] };
  const last = readLast(x, i + 3);
  if (last) edge.lastActive = last;
  return edge;
}

/** Worker side: remembers the last layout and how many markers were already sent. */
export class FramePacker {
  private layout: FrameLayout | null = null;
  private version = 0;
  private markersSent = 0;

  pack(frame: LiveFrame): PackedFrame {
    let fresh: FrameLayout | undefined;
    if (!this.layout || !layoutMatches(frame, this.layout)) {
      this.version++;
      this.layout = layoutOf(frame, this.version);
      fresh = this.layout;
    }
    const newMarkers = frame.markers.slice(this.markersSent);
    this.markersSent = frame.markers.length;
    return {
      layoutVersion: this.version,
      layout: fresh,
      simMs: frame.simMs,
      numbers: packNumbers(frame, this.layout),
      cost: frame.cost,
      newMarkers,
    };
  }
}

function sameRange(a: Float64Array, b: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++)
    if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

function readNode(l: NodeLayout, x: Float64Array): NodeLive {
  let i = l.offset;
  const n: NodeLive = {
    inRecordsPerSec: x[i++],
    inBytesPerSec: x[i++],
    outRecordsPerSec: x[i++],
    outBytesPerSec: x[i++],
    utilization: x[i++],
    throttledPerSec: x[i++],
    counters: {},
  };
  if (l.hasLambda) {
    n.lambda = {
      concurrency: x[i++],
      iteratorAgeMs: x[i++],
      errorsPerSec: x[i++],
      invocationsPerSec: x[i++],
      durationMs: x[i++],
    };
  }
  if (l.hasFirehose) {
    n.firehose = { bufferBytes: x[i++], bufferRecords: x[i++], bufferLimitBytes: x[i++], msToFlush: x[i++] };
  }
  if (l.hasDown) n.down = x[i++] === 1;
  if (l.hasActivity) {
    n.activity = readActivity(x, i);
    i += ACTIVITY;
  }
  for (const k of l.counterKeys) n.counters[k] = x[i++];
  if (n.lambda && l.ageKeys.length > 0) {
    const ages: Record<string, number> = {};
    for (const k of l.ageKeys) ages[k] = x[i++];
    n.lambda.shardIteratorAgeMs = ages;
  }
  if (l.shards) {
    const shards: ShardLive[] = [];
    for (const s of l.shards) {
      shards.push({
        ...s,
        open: x[i++] === 1,
        writeUtilization: x[i++],
        readUtilization: x[i++],
        incomingRecordsPerSec: x[i++],
        incomingBytesPerSec: x[i++],
        writeThrottledPerSec: x[i++],
        readThrottledPerSec: x[i++],
        iteratorAgeMs: x[i++],
      });
    }
    n.shards = shards;
  }
  return n;
}

/** The previous unpacked frame, so unchanged nodes and edges keep their object identity. */
export interface UnpackPrevious {
  layoutVersion: number;
  numbers: Float64Array;
  frame: LiveFrame;
}

/**
 * Main thread: rebuilds the LiveFrame. Nodes and edges whose numbers did not change since `prev`
 * keep the same object, so a node card subscribed to its own slice does not re-render.
 */
export function unpackFrame(
  packed: PackedFrame,
  layout: FrameLayout,
  markers: TimelineMarker[],
  prev?: UnpackPrevious,
): LiveFrame {
  const x = packed.numbers;
  const reuse = prev && prev.layoutVersion === layout.version ? prev : undefined;
  const nodes: Record<string, NodeLive> = {};
  const ls = layout.nodes;
  for (let k = 0; k < ls.length; k++) {
    const l = ls[k];
    const end = k + 1 < ls.length ? ls[k + 1].offset : layout.edgeOffset;
    const old = reuse?.frame.nodes[l.id];
    nodes[l.id] = old && reuse && sameRange(x, reuse.numbers, l.offset, end) ? old : readNode(l, x);
  }
  const edges: Record<string, EdgeLive> = {};
  let e = layout.edgeOffset;
  for (const id of layout.edgeIds) {
    const old = reuse?.frame.edges[id];
    edges[id] = old && reuse && sameRange(x, reuse.numbers, e, e + EDGE) ? old : readEdge(x, e);
    e += EDGE;
  }
  return { simMs: packed.simMs, nodes, edges, cost: packed.cost, markers };
}
