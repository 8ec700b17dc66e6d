/**
 * The rate model's node kinds (issue 13): what one simulated second of flow does to each kind of
 * node behind a fluid stream — its metrics, its cost and what it sends on. See fluid-flows.ts for
 * the plumbing and the list of what each model covers.
 */
import type { NodeKind, PipelineNodeOf } from '../../model/types.ts';
import { gbSeconds } from '../lambda/model.ts';
import { BILLING_GB } from '../pricing.ts';
import type { EngineContext } from '../runtime.ts';
import { MIB } from './shard.ts';

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
export interface FlowState {
  backlog: number;
  backlogBytes: number;
  bufferBytes: number;
  bufferRecords: number;
  bufferAgeSec: number;
}

export type FlowModel<K extends NodeKind> = (
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
