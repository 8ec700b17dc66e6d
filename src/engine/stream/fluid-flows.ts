/**
 * The rate model downstream of a fluid stream (issue 13). A stream on the fluid model (fluid.ts)
 * stores no records, so its consumers cannot read any; instead, once per simulated second, the
 * records and bytes it accepted flow as rates through every node behind it, kind by kind
 * (FLOW_MODELS), writing the same CloudWatch metrics and cost items the record model writes:
 *
 * - reads: polling consumers share 2 MiB/s per shard, EFO consumers get 2 MiB/s each (§1.2–1.3);
 * - Lambda: the ESM polls each shard once a second (or per batching window) into batches of up to
 *   BatchSize; a shard runs ParallelizationFactor batches at once, each taking the duration model's
 *   mean; the function's concurrency is capped by its reserved concurrency (else the account's
 *   1,000). What it cannot process waits (IteratorAge grows). Outputs: one record per record in
 *   (the handler is not run on rates);
 * - Firehose: ingestion billed with records rounded up to 5 KB; objects when the buffer reaches its
 *   size or interval; S3 / Redshift / OpenSearch take the delivered records and bytes;
 * - Analytics: input rows per second and KPU-hours (the SQL is not run on rates: no output rows);
 * - consumer apps: workers × records/s each; what they cannot process is lag (MillisBehindLatest);
 * - DynamoDB: write capacity units (1 KB each) per item.
 *
 * Figures are expected values; every node reached is listed by `rateModelNodes` and its report
 * carries `model: 'rate'`; the studio's live view takes their in/out rates (`rateLive`, `rateEdgeLive`).
 */
import type { PipelineNode } from '../../model/types.ts';
import type { EdgeLive, NodeLive } from '../api.ts';
import { type MetricStore, round6 } from '../metrics.ts';
import type { EngineContext } from '../runtime.ts';
import { FLOW_MODELS, type Flow, type FlowModel, type FlowState } from './fluid-flow-models.ts';
import { READ_BYTES_PER_SEC } from './shard.ts';
import type { StreamRuntime } from './stream.ts';

/** Per simulation: the flow state of every node reached, which nodes run on rates, this second's inflows. */
interface Flows {
  states: Map<string, FlowState>;
  nodes: Set<string>;
  pending: Map<string, Flow>;
  /** The last second's rates in and out per node and along each edge (the studio's live view). */
  live: Map<string, Partial<NodeLive>>;
  edges: Map<string, EdgeLive>;
}
const flowsOf = new WeakMap<MetricStore, Flows>();

/** Nodes whose figures come from the rate model in this simulation (for the report). */
export function rateModelNodes(metrics: MetricStore): ReadonlySet<string> {
  return flowsOf.get(metrics)?.nodes ?? new Set();
}

function flows(ctx: EngineContext): Flows {
  let f = flowsOf.get(ctx.metrics);
  if (!f) {
    f = { states: new Map(), nodes: new Set(), pending: new Map(), live: new Map(), edges: new Map() };
    flowsOf.set(ctx.metrics, f);
  }
  return f;
}

/** Live figures of a rate-model node over the last simulated second, or undefined. */
export function rateLive(metrics: MetricStore, nodeId: string): Partial<NodeLive> | undefined {
  return flowsOf.get(metrics)?.live.get(nodeId);
}

/** Live figures of an edge the rate model carried in the last simulated second, or undefined. */
export function rateEdgeLive(metrics: MetricStore, edgeId: string): EdgeLive | undefined {
  return flowsOf.get(metrics)?.edges.get(edgeId);
}

/** Mark the fluid stream itself as a rate-model node. */
export function markRateModel(ctx: EngineContext, nodeId: string): void {
  flows(ctx).nodes.add(nodeId);
}

function edgeLive(records: number, bytes: number): EdgeLive {
  return { recordsPerSec: round6(records), bytesPerSec: round6(bytes), throttledPerSec: 0 };
}

/** Add one second of flow into `nodeId` (summed over its sources: a Lambda on 10 streams sees them all). */
function enqueue(all: Flows, nodeId: string, f: Flow): void {
  all.nodes.add(nodeId);
  const p = all.pending.get(nodeId);
  if (!p) all.pending.set(nodeId, { ...f });
  else {
    p.records += f.records;
    p.bytes += f.bytes;
    p.shards += f.shards;
    p.objects += f.objects;
  }
}

/**
 * End of a simulated second (after every runtime closed it, before metrics roll): run the rate
 * model of every node that received flow, in the design's topological `order`, so a node's
 * outflow reaches the nodes behind it in the same second.
 */
export function flushRateFlows(ctx: EngineContext, order: readonly string[]): void {
  const all = flowsOf.get(ctx.metrics);
  if (!all || all.pending.size === 0) return;
  for (const id of order) {
    const f = all.pending.get(id);
    if (!f) continue;
    all.pending.delete(id);
    const node = ctx.docNode(id);
    if (!node) continue;
    let st = all.states.get(id);
    if (!st) {
      st = { backlog: 0, backlogBytes: 0, bufferBytes: 0, bufferRecords: 0, bufferAgeSec: 0 };
      all.states.set(id, st);
    }
    const out = (FLOW_MODELS[node.kind] as FlowModel<PipelineNode['kind']>)(node as never, f, st, ctx);
    all.live.set(id, {
      inRecordsPerSec: round6(f.records),
      inBytesPerSec: round6(f.bytes),
      outRecordsPerSec: round6(out?.records ?? 0),
      outBytesPerSec: round6(out?.bytes ?? 0),
    });
    for (const e of ctx.docEdgesFrom(id)) {
      if (out) enqueue(all, e.target, out);
      all.edges.set(e.id, edgeLive(out?.records ?? 0, out?.bytes ?? 0));
    }
  }
  all.pending.clear();
}

/**
 * One closed second of a fluid stream: each consumer edge reads what the shard read limits allow
 * of the accepted records and bytes, and the flow goes on through the consumer.
 */
export function flowSecond(stream: StreamRuntime, records: number, bytes: number): void {
  const all = flows(stream.ctx);
  const out = { records: 0, bytes: 0 };
  const shards = stream.openShards;
  const polling = stream.consumers.filter((c) => c.mode === 'polling').length;
  for (const c of stream.consumers) {
    const efo = c.mode === 'efo';
    // Polling consumers share 2 MiB/s per shard; an EFO consumer has 2 MiB/s per shard of its own.
    const limit = (READ_BYTES_PER_SEC * shards) / (efo ? 1 : Math.max(1, polling));
    const share = bytes > limit ? limit / bytes : 1;
    const f: Flow = { records: records * share, bytes: bytes * share, shards, objects: 0 };
    stream.metrics.read(efo, f.records, f.bytes, 0);
    // GetRecords calls: about one a shard a second (read() counted one).
    if (!efo && f.records > 0) stream.metrics.getCalls += shards - 1;
    all.edges.set(c.edgeId, edgeLive(f.records, f.bytes));
    out.records += f.records;
    out.bytes += f.bytes;
    c.read += f.records;
    c.readBytes += f.bytes;
    enqueue(all, c.targetId, f);
  }
  all.live.set(stream.id, { outRecordsPerSec: round6(out.records), outBytesPerSec: round6(out.bytes) });
}
