/**
 * The Lambda node at run time: a Kinesis event source mapping per incoming stream edge (one
 * ShardConsumer per shard), the function's concurrency, duration, errors, cost and CloudWatch
 * metrics (AWS/Lambda: Invocations, Errors, Duration, IteratorAge, ConcurrentExecutions, Throttles,
 * DeadLetterErrors). A function with `use: 'firehoseTransform'` has no mapping: Firehose calls
 * `startTransform` on it (transform.ts).
 */

import type { LambdaConfig, PipelineNodeOf, TimelineEvent } from '../../model/types.ts';
import type { LiveEdit, NodeLive, PeekRecord } from '../api.ts';
import type { RecordBatch } from '../records.ts';
import type { Rng } from '../rng.ts';
import {
  ACCEPTED,
  balance,
  type Conservation,
  type EngineContext,
  emptyLive,
  FAILED,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  type StreamInput,
  truncateForPeek,
} from '../runtime.ts';
import { formatSequenceNumber } from '../stream/shard.ts';
import type { DiscardReason, EsmHost, Invocation, ShardConsumer, TumblingWindow, Verdict } from './esm.ts';
import { ShardConsumer as Consumer } from './esm.ts';
import {
  analyticsOutputEvent,
  type HandlerJob,
  type HandlerResponse,
  HandlerRunner,
  kinesisEvent,
  readResponse,
} from './handler.ts';
import { type ConcurrencyPool, gbSeconds, modelDurationMs, poolFor } from './model.ts';
import { FunctionOutputs } from './outputs.ts';
import { PUSH_STREAM_PREFIX, pushInput } from './push.ts';
import { type TransformFunction, TransformHost } from './transform.ts';

interface LambdaInvocation extends Invocation {
  consumer: ShardConsumer;
  modelMs: number;
  job: HandlerJob | null;
  /** Rows of the batch the real handler saw. */
  sampledRows: number[];
  errorRoll: boolean;
  timedOut: boolean;
  response: HandlerResponse | null;
  window: TumblingWindow | null;
  accounted: boolean;
}

const DAY_MS = 24 * 3600_000;

export class LambdaRuntime implements NodeRuntime, EsmHost, TransformFunction {
  readonly kind = 'lambda' as const;
  readonly id: string;
  readonly config: LambdaConfig;
  readonly runner: HandlerRunner;
  readonly transform: TransformHost;
  private readonly consumers: ShardConsumer[][] = [];
  /** Records pushed by an Analytics application (analytics → lambda edge), read like a stream. */
  private readonly pushed: ReturnType<typeof pushInput>;
  private readonly inputs: StreamInput[];
  private readonly pool: ConcurrencyPool;
  private readonly rng: Rng;
  private readonly outputs: FunctionOutputs;
  private readonly peeks = new PeekRing(50);
  private errorRateOverride: number | null = null;
  private sampleLeft: number;
  private lastIteratorAgeMs = 0;
  private readonly m: Record<string, number>;
  private perSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttles: 0 };
  private lastSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttles: 0 };
  private throttledThisTick = false;
  readonly counts = {
    recordsRead: 0,
    succeeded: 0,
    retriedRecords: 0,
    droppedAfterRetries: 0,
    droppedRecordAge: 0,
    expired: 0,
    sentToOnFailure: 0,
    invocations: 0,
    errors: 0,
    timeouts: 0,
    throttles: 0,
    sampledInvocations: 0,
    /** Successful responses that reported batch item failures (ReportBatchItemFailures). */
    partialBatches: 0,
  };

  constructor(
    node: PipelineNodeOf<'lambda'>,
    private readonly ctx: EngineContext,
    wiring: NodeWiring,
  ) {
    this.id = node.id;
    this.config = JSON.parse(JSON.stringify(node.config)) as LambdaConfig;
    this.runner = new HandlerRunner(node.name, this.config, ctx, node.id);
    this.pool = poolFor(ctx);
    this.pool.reserve(node.id, this.config);
    this.rng = ctx.rngFor(node.id, 'model');
    this.outputs = new FunctionOutputs(ctx, wiring);
    this.sampleLeft = this.config.sampleRecordsPerSec;
    this.transform = new TransformHost(this, ctx, this.pool, this.rng);
    this.pushed = pushInput(node.id, () => ctx.clock.nowMs);
    this.inputs = [...wiring.streamInputs, this.pushed];
    const reg = (name: string, agg: 'sum' | 'max' | 'avg' = 'sum') =>
      ctx.metrics.register(node.id, name, agg);
    this.m = {
      invocations: reg('Invocations'),
      errors: reg('Errors'),
      duration: reg('Duration', 'avg'),
      iteratorAge: reg('IteratorAge', 'max'),
      concurrent: reg('ConcurrentExecutions', 'max'),
      throttles: reg('Throttles'),
      deadLetterErrors: reg('DeadLetterErrors'),
    };
  }

  // ---- EsmHost ---------------------------------------------------------------------------------

  keyHash(keyId: number): number {
    return this.ctx.keys.hashes[keyId * 4 + 3] ?? 0;
  }

  retentionMsOf(streamId: string): number {
    const stream = this.ctx.docNode(streamId);
    return stream?.kind === 'stream' ? stream.config.retentionHours * 3600_000 : DAY_MS;
  }

  acquire(): boolean {
    if (this.pool.tryAcquire(this.id)) return true;
    if (!this.throttledThisTick) {
      // One Throttles count per tick in which the mapping could not get a concurrent execution.
      this.throttledThisTick = true;
      this.counts.throttles++;
      this.perSec.throttles++;
      this.ctx.metrics.add(this.m.throttles, 1);
    }
    return false;
  }

  effectiveErrorRate(): number {
    return this.errorRateOverride ?? this.config.errorRate;
  }

  /** Rows with real text the handler may run on this second (≤ sampleRecordsPerSec). */
  takeSample(batch: RecordBatch): number[] {
    const rows: number[] = [];
    for (let i = 0; i < batch.length && rows.length < this.sampleLeft; i++) {
      if (this.runner.text(batch, i) !== undefined || this.runner.loadError) rows.push(i);
    }
    this.sampleLeft -= rows.length;
    return rows;
  }

  invoke(
    consumer: ShardConsumer,
    batch: RecordBatch,
    attempts: number,
    nowMs: number,
    window: TumblingWindow | null,
  ): Invocation {
    const n = batch.length;
    this.counts.invocations++;
    this.ctx.metrics.add(this.m.invocations, 1);
    this.ctx.metrics.max(this.m.concurrent, this.pool.runningOf(this.id));
    const sampledRows = this.runner.loadError ? [] : this.takeSample(batch);
    let job: HandlerJob | null = null;
    const startEpochMs = this.ctx.clock.startEpochMs + nowMs;
    if (this.runner.loadError) job = this.runner.submit({}, startEpochMs);
    else if (sampledRows.length > 0) {
      this.counts.sampledInvocations++;
      const streamName = this.ctx.docNode(consumer.input.streamId)?.name ?? consumer.input.streamId;
      const source = { streamName, shardId: consumer.shardId, shardIndex: consumer.shard };
      const event = consumer.input.streamId.startsWith(PUSH_STREAM_PREFIX)
        ? analyticsOutputEvent(this.runner, batch, sampledRows, this.id)
        : kinesisEvent(this.runner, this.ctx, batch, sampledRows, source, window);
      job = this.runner.submit(event, startEpochMs);
    }
    const modelMs = modelDurationMs(this.config.duration, n, this.rng);
    const inv: LambdaInvocation = {
      batch,
      attempts,
      startMs: nowMs,
      endMs: Number.NaN,
      fromPending: false,
      slot: 0,
      consumer,
      modelMs,
      job,
      sampledRows,
      errorRoll: this.rng.next() < this.effectiveErrorRate(),
      timedOut: false,
      response: null,
      window,
      accounted: false,
    };
    if (!job) this.fixEnd(inv, 0, false);
    return inv;
  }

  private fixEnd(inv: LambdaInvocation, workMs: number, handlerTimedOut: boolean): void {
    const timeoutMs = this.config.timeoutSec * 1000;
    const total = inv.modelMs + workMs;
    inv.timedOut = handlerTimedOut || total > timeoutMs;
    inv.endMs = inv.startMs + (inv.timedOut ? timeoutMs : total);
  }

  finished(invocation: Invocation, nowMs: number): boolean {
    const inv = invocation as LambdaInvocation;
    if (Number.isNaN(inv.endMs)) {
      const outcome = inv.job?.outcome;
      if (!outcome) return false;
      this.fixEnd(inv, outcome.workMs, !outcome.ok && outcome.timedOut);
    }
    return inv.endMs <= nowMs;
  }

  verdict(invocation: Invocation): Verdict {
    const inv = invocation as LambdaInvocation;
    this.account(inv);
    const outcome = inv.job?.outcome;
    if (inv.timedOut || inv.errorRoll || (outcome && !outcome.ok)) return this.failed(inv);
    if (outcome?.ok) {
      inv.response = readResponse(outcome);
      if (inv.window) inv.consumer.keepWindowState(inv.response.state);
      const failures = inv.response.failedSequenceNumbers;
      if (this.config.esm.reportBatchItemFailures && failures) {
        if (inv.response.invalidFailureList) return this.failed(inv);
        // Checkpoint at the lowest failed sequence number: rows before it succeeded.
        const wanted = new Set(failures);
        const b = inv.batch;
        for (let i = 0; i < b.length; i++) {
          if (wanted.has(formatSequenceNumber(inv.consumer.shard, b.seq[i]))) {
            this.counts.partialBatches++;
            return { kind: 'partial', firstFailedRow: i };
          }
        }
        return this.failed(inv);
      }
    }
    return { kind: 'success' };
  }

  /** A Firehose transform invocation ended (TransformFunction). */
  noteInvocation(durationMs: number, failed: boolean): void {
    this.counts.invocations++;
    this.ctx.metrics.add(this.m.invocations, 1);
    this.ctx.metrics.max(this.m.concurrent, this.pool.runningOf(this.id));
    this.ctx.metrics.observe(this.m.duration, durationMs);
    this.ctx.cost.accrue(this.id, 'lambda.request', 1);
    this.ctx.cost.accrue(this.id, 'lambda.gbSecond', gbSeconds(durationMs, this.config.memoryMB));
    if (failed) {
      this.counts.errors++;
      this.ctx.metrics.add(this.m.errors, 1);
    }
  }

  private failed(inv: LambdaInvocation): Verdict {
    this.counts.errors++;
    if (inv.timedOut) this.counts.timeouts++;
    this.ctx.metrics.add(this.m.errors, 1);
    return { kind: 'error' };
  }

  private account(inv: LambdaInvocation): void {
    if (inv.accounted) return;
    inv.accounted = true;
    this.pool.release(this.id);
    const ms = inv.endMs - inv.startMs;
    this.ctx.metrics.observe(this.m.duration, ms);
    this.ctx.cost.accrue(this.id, 'lambda.request', 1);
    this.ctx.cost.accrue(this.id, 'lambda.gbSecond', gbSeconds(ms, this.config.memoryMB));
    const outcome = inv.job?.outcome;
    for (const line of outcome?.logs ?? []) {
      this.peeks.push({
        atMs: inv.endMs,
        partitionKey: 'log',
        bytes: line.length,
        data: truncateForPeek(line),
      });
    }
  }

  succeeded(consumer: ShardConsumer, invocation: Invocation, start: number, end: number): void {
    const inv = invocation as LambdaInvocation;
    const b = inv.batch;
    const n = end - start;
    if (n <= 0) return;
    this.counts.succeeded += n;
    // IteratorAge: age of the batch's last record when the batch finishes (kinesis-behaviour §3.10).
    const age = inv.endMs - b.arrivalMs[end - 1];
    this.lastIteratorAgeMs = age;
    this.ctx.metrics.max(this.m.iteratorAge, age);
    if (this.outputs.wired) {
      // The rows [start, end) are handled as a range: the few sampled rows (ascending) ran the real
      // handler, the others are modelled; no per-record list or set is built.
      const sampled = inv.sampledRows.filter((i) => i >= start && i < end);
      if (inv.response && sampled.length > 0) this.outputs.real(b, sampled, inv.response, inv.endMs);
      this.outputs.model(b, start, end, sampled, inv.endMs, this.rng);
    }
    if (!this.outputs.wired || this.outputs.records.length + this.outputs.items.length === 0) {
      for (const i of inv.sampledRows.slice(0, 3)) {
        const text = this.runner.text(b, i) ?? '';
        this.peeks.push({
          atMs: inv.endMs,
          partitionKey: this.ctx.keys.text(b.key[i]),
          shardId: consumer.shardId,
          sequenceNumber: formatSequenceNumber(consumer.shard, b.seq[i]),
          approximateArrivalMs: b.arrivalMs[i],
          bytes: b.bytes[i],
          data: truncateForPeek(text),
        });
      }
    }
  }

  discarded(batch: RecordBatch, start: number, end: number, reason: DiscardReason): void {
    const n = end - start;
    if (reason === 'expired') this.counts.expired += n;
    else {
      if (reason === 'retriesExhausted') this.counts.droppedAfterRetries += n;
      else this.counts.droppedRecordAge += n;
      // The on-failure destination gets the batch's metadata (not the records), kinesis-behaviour §3.7.
      if (this.config.esm.onFailureDestination !== 'none') this.counts.sentToOnFailure += n;
    }
    void batch;
  }

  retrying(_inv: Invocation, records: number): void {
    this.counts.retriedRecords += records;
  }

  // ---- NodeRuntime -----------------------------------------------------------------------------

  beginTick(): void {
    this.throttledThisTick = false;
  }

  /** Records pushed by an Analytics application's output (the function is invoked with them). */
  accept(batch: RecordBatch, start: number, end: number, _fromId: string, status: Uint8Array | null): number {
    if (this.config.use !== 'consumer') {
      status?.fill(FAILED, 0, end - start);
      return 0;
    }
    this.pushed.reader.push(batch, start, end);
    status?.fill(ACCEPTED, 0, end - start);
    return end - start;
  }

  tick(nowMs: number): void {
    if (this.config.use !== 'consumer') {
      this.transform.tick(nowMs);
      return;
    }
    this.inputs.forEach((input, k) => {
      const list = this.consumers[k] ?? [];
      this.consumers[k] = list;
      while (list.length < input.reader.shardCount()) list.push(new Consumer(this, input, list.length));
      for (const c of list) {
        const before = c.fetched;
        c.tick(nowMs);
        const got = c.fetched - before;
        this.counts.recordsRead += got;
        this.perSec.in += got;
      }
    });
    const [out, bytes] = this.outputs.flush();
    this.perSec.out += out;
    this.perSec.outBytes += bytes;
  }

  async settle(): Promise<void> {
    await this.runner.settle();
  }

  closeSecond(): void {
    this.sampleLeft = this.config.sampleRecordsPerSec;
    this.lastSec = this.perSec;
    this.perSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttles: 0 };
    this.transform.closeSecond();
  }

  private held(): { queued: number; retrying: number; invoking: number } {
    const sum = { queued: 0, retrying: 0, invoking: 0 };
    for (const list of this.consumers) {
      for (const c of list) {
        const h = c.heldRecords();
        sum.queued += h.queued;
        sum.retrying += h.retrying;
        sum.invoking += h.invoking;
      }
    }
    return sum;
  }

  live(): NodeLive {
    const live = emptyLive();
    const running = this.pool.runningOf(this.id);
    let slots = 0;
    // The push queue counts only once something was pushed (most functions read streams only).
    for (const list of this.consumers)
      for (const c of list) {
        if (!c.done && (c.input !== this.pushed || c.fetched > 0))
          slots += this.config.esm.parallelizationFactor;
      }
    live.inRecordsPerSec = this.lastSec.in;
    live.outRecordsPerSec = this.lastSec.out;
    live.outBytesPerSec = this.lastSec.outBytes;
    live.throttledPerSec = this.lastSec.throttles;
    live.utilization = Math.max(
      slots > 0 ? running / slots : 0,
      running / Math.max(1, this.pool.limitOf(this.id)),
    );
    live.counters = this.counters();
    live.lambda = {
      concurrency: running,
      iteratorAgeMs: this.lastIteratorAgeMs,
      errorsPerSec: this.ctx.metrics.lastValue(this.m.errors),
      invocationsPerSec: this.ctx.metrics.lastValue(this.m.invocations),
    };
    return live;
  }

  counters(): Record<string, number> {
    const h = this.held();
    return {
      ...this.counts,
      ...this.transform.counts,
      queued: h.queued,
      retrying: h.retrying,
      invoking: h.invoking,
      outputs: this.outputs.emitted,
      outputsRefused: this.outputs.refused,
    };
  }

  conservation(): Conservation {
    if (this.config.use !== 'consumer') return this.transform.conservation();
    const h = this.held();
    const pushQueue = this.pushed.reader.pending();
    return balance(
      'recordsIn',
      this.counts.recordsRead + pushQueue,
      {
        waitingInPushQueue: pushQueue,
        succeeded: this.counts.succeeded,
        droppedAfterRetries: this.counts.droppedAfterRetries,
        droppedRecordAge: this.counts.droppedRecordAge,
        expiredWhileRetrying: this.counts.expired,
        queued: h.queued,
        waitingForRetry: h.retrying,
        inInvocation: h.invoking,
      },
      'Records read by the event source mapping (or pushed by an Analytics output); retries re-use the same records (retriedRecords counts re-attempts).',
    );
  }

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }

  applyEdit(edit: LiveEdit): { applied: boolean; reason?: string } {
    if (edit.type === 'batchSize') {
      if (!Number.isInteger(edit.batchSize) || edit.batchSize < 1 || edit.batchSize > 10_000) {
        return { applied: false, reason: 'BatchSize must be 1–10,000' };
      }
      this.config.esm.batchSize = edit.batchSize;
      return { applied: true };
    }
    if (edit.type === 'parallelizationFactor') {
      const pf = edit.parallelizationFactor;
      if (!Number.isInteger(pf) || pf < 1 || pf > 10)
        return { applied: false, reason: 'ParallelizationFactor must be 1–10' };
      this.config.esm.parallelizationFactor = pf;
      return { applied: true };
    }
    return { applied: false, reason: `${edit.type} does not apply to a Lambda function` };
  }

  setFault(event: TimelineEvent, active: boolean): void {
    if (event.type === 'lambdaErrorRate') this.errorRateOverride = active ? event.errorRate : null;
  }
}

export function createLambdaRuntime(
  node: PipelineNodeOf<'lambda'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return new LambdaRuntime(node, ctx, wiring);
}
