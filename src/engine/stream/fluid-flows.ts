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
import type { NodeKind, PipelineNode, PipelineNodeOf } from '../../model/types.ts';
import type { EdgeLive, NodeLive } from '../api.ts';
import { gbSeconds } from '../lambda/model.ts';
import { type MetricStore, round6 } from '../metrics.ts';
import { BILLING_GB } from '../pricing.ts';
import type { EngineContext } from '../runtime.ts';
import { MIB, READ_BYTES_PER_SEC } from './shard.ts';
import type { StreamRuntime } from './stream.ts';

/** One second of flow along an edge. */
export interface Flow {
  records: number;
  bytes: number;
  /** Shards it comes from (Lambda's per-shard batching). */
  shards: number;
  /** Objects (Firehose deliveries) it comes in. */
  objects: number;
}

/** What a node remembers between seconds: its backlog (records) and buffer. */
interface FlowState {
  backlog: number;
  backlogBytes: number;
  bufferBytes: number;
  bufferRecords: number;
  bufferAgeSec: number;
}

type FlowModel<K extends NodeKind> = (
  node: PipelineNodeOf<K>,
  f: Flow,
  st: FlowState,
  ctx: EngineContext,
) => Flow | null;

const ACCOUNT_CONCURRENCY = 1000;
/** Firehose bills every record rounded up to 5 KB (§2.4.1). */
const FIREHOSE_BILLING_BYTES = 5 * 1024;

const none = (): null => null;

export const FLOW_MODELS: { [K in NodeKind]: FlowModel<K> } = {
  producer: none,
  // A record-model stream behind a Lambda cannot take rates: the flow stops there (the marker says so).
  stream: none,
  lambda: lambdaFlow,
  analytics: (node, f, _st, ctx) => {
    ctx.metrics.addNamed(node.id, 'InputRecords', f.records);
    return null;
  },
  firehose: firehoseFlow,
  s3: (node, f, _st, ctx) => {
    ctx.metrics.addNamed(node.id, 'PutRequests', f.objects);
    ctx.metrics.addNamed(node.id, 'BytesUploaded', f.bytes);
    return null;
  },
  redshift: (node, f, _st, ctx) => {
    ctx.metrics.addNamed(node.id, 'RowsLoaded', f.records);
    return null;
  },
  opensearch: (node, f, _st, ctx) => {
    ctx.metrics.addNamed(node.id, 'IndexedDocuments', f.records);
    return null;
  },
  dynamodb: (node, f, _st, ctx) => {
    const size = f.records > 0 ? f.bytes / f.records : 0;
    ctx.metrics.addNamed(
      node.id,
      'ConsumedWriteCapacityUnits',
      f.records * Math.max(1, Math.ceil(size / 1024)),
    );
    return null;
  },
  consumerApp: (node, f, st, ctx) => {
    const cfg = node.config;
    const capacity = Math.max(0, cfg.workers) * Math.max(0, cfg.processingRecordsPerSec);
    const done = drain(st, f, capacity);
    ctx.metrics.addNamed(node.id, 'RecordsProcessed', done.records);
    const lagMs = lagOf(st, f) + cfg.pollIntervalMs;
    ctx.metrics.max(ctx.metrics.register(node.id, 'MillisBehindLatest', 'max'), lagMs);
    return null;
  },
};

/** Take up to `capacity` records of backlog + inflow; the rest stays as backlog. */
function drain(st: FlowState, f: Flow, capacity: number): { records: number; bytes: number } {
  const records = st.backlog + f.records;
  const bytes = st.backlogBytes + f.bytes;
  const done = Math.min(records, capacity);
  const doneBytes = records > 0 ? (bytes * done) / records : 0;
  st.backlog = records - done;
  st.backlogBytes = bytes - doneBytes;
  return { records: done, bytes: doneBytes };
}

/** Age of the oldest waiting record: the backlog over the inflow rate, in sim ms. */
function lagOf(st: FlowState, f: Flow): number {
  if (st.backlog <= 1e-9) return 0;
  return (st.backlog / Math.max(f.records, 1e-9)) * 1000;
}

function lambdaFlow(node: PipelineNodeOf<'lambda'>, f: Flow, st: FlowState, ctx: EngineContext): Flow | null {
  const cfg = node.config;
  if (cfg.use !== 'consumer') return null;
  const esm = cfg.esm;
  const shards = Math.max(1, f.shards);
  const perShard = (st.backlog + f.records) / shards;
  // Batches a shard starts per second: one per poll (1 s, or the batching window) while the records
  // fit in one batch, else as many full batches as the records need.
  const polls = 1 / Math.max(1, esm.batchingWindowSec);
  const batchSize = Math.max(1, esm.batchSize);
  const wanted = perShard >= batchSize * polls ? perShard / batchSize : Math.min(polls, perShard);
  const batch = wanted > 0 ? Math.min(batchSize, perShard / wanted) : 0;
  const d =
    cfg.duration.type === 'fixed' ? cfg.duration.ms : cfg.duration.baseMs + cfg.duration.perRecordMs * batch;
  const durationMs = Math.max(1, d);
  // A shard runs at most ParallelizationFactor batches at a time; the function at most its concurrency.
  let invPerShard = Math.min(wanted, (esm.parallelizationFactor * 1000) / durationMs);
  let concurrency = (shards * invPerShard * durationMs) / 1000;
  const cap = cfg.reservedConcurrency > 0 ? cfg.reservedConcurrency : ACCOUNT_CONCURRENCY;
  let throttles = 0;
  if (concurrency > cap) {
    const keep = cap / concurrency;
    throttles = shards * invPerShard * (1 - keep);
    invPerShard *= keep;
    concurrency = cap;
  }
  const invocations = shards * invPerShard;
  const done = drain(st, f, invocations * batch);
  const m = ctx.metrics;
  m.add(m.register(node.id, 'Invocations'), invocations);
  m.add(m.register(node.id, 'Errors'), invocations * cfg.errorRate);
  m.add(m.register(node.id, 'Throttles'), throttles);
  if (invocations > 0) m.observe(m.register(node.id, 'Duration', 'avg'), durationMs);
  m.max(m.register(node.id, 'ConcurrentExecutions', 'max'), concurrency);
  // IteratorAge: the wait for the next poll (half an interval on average) plus the backlog's.
  const ageMs = f.records > 0 ? lagOf(st, f) + 500 / polls + durationMs : 0;
  m.max(m.register(node.id, 'IteratorAge', 'max'), ageMs);
  ctx.cost.accrue(node.id, 'lambda.request', invocations);
  ctx.cost.accrue(node.id, 'lambda.gbSecond', invocations * gbSeconds(durationMs, cfg.memoryMB));
  return { records: done.records, bytes: done.bytes, shards, objects: done.records };
}

function firehoseFlow(
  node: PipelineNodeOf<'firehose'>,
  f: Flow,
  st: FlowState,
  ctx: EngineContext,
): Flow | null {
  const cfg = node.config;
  const m = ctx.metrics;
  const size = f.records > 0 ? f.bytes / f.records : 0;
  m.addNamed(node.id, 'IncomingRecords', f.records);
  m.addNamed(node.id, 'IncomingBytes', f.bytes);
  const billed = f.records * Math.max(1, Math.ceil(size / FIREHOSE_BILLING_BYTES)) * FIREHOSE_BILLING_BYTES;
  ctx.cost.accrue(node.id, 'firehose.ingestGB', billed / BILLING_GB);
  if (cfg.formatConversion !== 'NONE')
    ctx.cost.accrue(node.id, 'firehose.formatConversionGB', billed / BILLING_GB);
  // Buffer: an object each time the size is reached, and whatever is there when the interval ends.
  st.bufferBytes += f.bytes;
  st.bufferRecords += f.records;
  st.bufferAgeSec += 1;
  const sizeBytes = Math.max(1, cfg.bufferSizeMiB) * MIB;
  let objects = Math.floor(st.bufferBytes / sizeBytes);
  let outBytes = objects * sizeBytes;
  if (st.bufferAgeSec >= Math.max(1, cfg.bufferIntervalSec) && st.bufferBytes - outBytes > 0) {
    objects++;
    outBytes = st.bufferBytes;
  }
  if (objects === 0) return null;
  const outRecords = st.bufferBytes > 0 ? (st.bufferRecords * outBytes) / st.bufferBytes : 0;
  st.bufferBytes -= outBytes;
  st.bufferRecords -= outRecords;
  if (st.bufferBytes <= 0) st.bufferAgeSec = 0;
  m.addNamed(node.id, 'DeliveryToS3.Records', outRecords);
  m.addNamed(node.id, 'DeliveryToS3.Bytes', outBytes);
  m.addNamed(node.id, 'DeliveryToS3.ObjectCount', objects);
  return { records: outRecords, bytes: outBytes, shards: 0, objects };
}

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
    all.edges.set(c.edgeId, edgeLive(f.records, f.bytes));
    out.records += f.records;
    out.bytes += f.bytes;
    c.read += f.records;
    c.readBytes += f.bytes;
    enqueue(all, c.targetId, f);
  }
  all.live.set(stream.id, { outRecordsPerSec: round6(out.records), outBytesPerSec: round6(out.bytes) });
}
