/**
 * A Lambda function's invocations: what its Kinesis event source mapping (esm.ts, one
 * ShardConsumer per shard) and Firehose's transform (transform.ts) ask of the function. Takes a
 * concurrent execution or counts a throttle, samples rows for the real handler, models the
 * duration (sim ms) and errors, decides each batch's verdict (whole, partial with
 * ReportBatchItemFailures, error or timeout), accrues cost (requests, GB-seconds) and hands
 * successful rows to the function's outputs. The node itself (ticks, live figures, edits) is
 * runtime.ts; this is the per-invocation half it shares its counters with.
 */

import type { LambdaConfig } from '../../model/types.ts';
import type { RecordBatch } from '../records.ts';
import type { Rng } from '../rng.ts';
import { type EngineContext, type PeekRing, truncateForPeek } from '../runtime.ts';
import { formatSequenceNumber } from '../stream/shard.ts';
import type { DiscardReason, EsmHost, Invocation, ShardConsumer, TumblingWindow, Verdict } from './esm.ts';
import {
  analyticsOutputEvent,
  type HandlerJob,
  type HandlerResponse,
  type HandlerRunner,
  kinesisEvent,
  readResponse,
} from './handler.ts';
import { type ConcurrencyPool, gbSeconds, modelDurationMs } from './model.ts';
import type { FunctionOutputs } from './outputs.ts';
import { PUSH_STREAM_PREFIX } from './push.ts';
import type { TransformFunction } from './transform.ts';

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

/** Cumulative counters of one function (reported as they are, see LambdaRuntime.counters). */
export function lambdaCounts() {
  return {
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
}

export type LambdaCounts = ReturnType<typeof lambdaCounts>;

const DAY_MS = 24 * 3600_000;

/** What the invoker shares with its runtime: built once by LambdaRuntime's constructor. */
export interface InvokerParts {
  id: string;
  config: LambdaConfig;
  runner: HandlerRunner;
  ctx: EngineContext;
  pool: ConcurrencyPool;
  rng: Rng;
  outputs: FunctionOutputs;
  peeks: PeekRing;
}

export class LambdaInvoker implements EsmHost, TransformFunction {
  readonly id: string;
  readonly config: LambdaConfig;
  readonly runner: HandlerRunner;
  readonly counts = lambdaCounts();
  private readonly ctx: EngineContext;
  private readonly pool: ConcurrencyPool;
  private readonly rng: Rng;
  private readonly outputs: FunctionOutputs;
  private readonly peeks: PeekRing;
  /** Metric handles (AWS/Lambda names); the runtime's live view reads Errors and Invocations. */
  readonly m: Record<string, number>;
  /** A timeline `lambdaErrorRate` fault replaces the configured error rate while it lasts. */
  errorRateOverride: number | null = null;
  /** Rows with real text the handler may still run on in this simulated second. */
  sampleLeft: number;
  /** Sim ms: age of the last record of the last successful batch when it finished. */
  lastIteratorAgeMs = 0;
  /** Sim ms: how long the last finished invocation took (the card; bursty transforms too). */
  lastDurationMs = 0;
  /**
   * Sim ms, per shard consumer: the last batch's iterator age on that shard. The function's
   * IteratorAge (the card) is the maximum over its shards, as CloudWatch reports it, not whichever
   * shard finished last.
   */
  readonly iteratorAgeByShard = new Map<ShardConsumer, number>();

  /** Max over shards of the last iterator age (sim ms); push sources use lastIteratorAgeMs. */
  maxIteratorAgeMs(): number {
    let m = this.iteratorAgeByShard.size > 0 ? 0 : this.lastIteratorAgeMs;
    for (const v of this.iteratorAgeByShard.values()) if (v > m) m = v;
    return m;
  }

  /**
   * The last batch's iterator age per source shard (sim ms), keyed by shard id (`stream/shardId`
   * when the function reads several streams); the max over a shard's parallel batches. Push
   * sources (an Analytics output) have no shards and are left out.
   */
  shardIteratorAgesMs(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [c, v] of this.iteratorAgeByShard) {
      const k = this.shardKey(c);
      if (k !== null && !(v <= out[k])) out[k] = v;
    }
    return out;
  }

  private readonly shardKeys = new Map<ShardConsumer, { key: string | null; h: number }>();
  private shardKey(c: ShardConsumer): string | null {
    return this.shardEntry(c).key;
  }
  private shardEntry(c: ShardConsumer): { key: string | null; h: number } {
    let e = this.shardKeys.get(c);
    if (!e) {
      const push = c.input.streamId.startsWith(PUSH_STREAM_PREFIX);
      const key = push ? null : this.sourceStreamCount > 1 ? `${c.input.streamId}/${c.shardId}` : c.shardId;
      // Per-shard IteratorAge (CloudWatch has it per function; the studio's CSV and chart per shard).
      const h = key === null ? -1 : this.ctx.metrics.register(this.id, 'IteratorAge', 'max', key);
      e = { key, h };
      this.shardKeys.set(c, e);
    }
    return e;
  }
  /** Streams the function reads (set by the runtime): over one, per-shard keys name the stream. */
  sourceStreamCount = 1;
  /** Throttles counted in this simulated second (the runtime takes them when it closes). */
  secondThrottles = 0;
  /** Set once a tick has counted its throttle (cleared by the runtime's beginTick). */
  throttledThisTick = false;

  constructor(p: InvokerParts) {
    this.id = p.id;
    this.config = p.config;
    this.runner = p.runner;
    this.ctx = p.ctx;
    this.pool = p.pool;
    this.rng = p.rng;
    this.outputs = p.outputs;
    this.peeks = p.peeks;
    this.sampleLeft = this.config.sampleRecordsPerSec;
    const reg = (name: string, agg: 'sum' | 'max' | 'avg' = 'sum') => p.ctx.metrics.register(p.id, name, agg);
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
      this.secondThrottles++;
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
    this.lastDurationMs = durationMs;
    this.ctx.cost.accrue(this.id, 'lambda.request', 1);
    this.ctx.cost.accrue(this.id, 'lambda.gbSecond', gbSeconds(durationMs, this.config.memoryMB));
    if (failed) {
      this.counts.errors++;
      this.ctx.metrics.add(this.m.errors, 1);
    }
  }

  /** What failed sampled invocations said, by `type: message` (at most 10 distinct, in first-seen order). */
  readonly handlerErrors = new Map<string, { errorType: string; errorMessage: string; count: number }>();

  private failed(inv: LambdaInvocation): Verdict {
    const out = inv.job?.outcome;
    if (out && !out.ok) {
      const key = `${out.errorType}: ${out.errorMessage}`;
      const seen = this.handlerErrors.get(key);
      if (seen) seen.count++;
      else if (this.handlerErrors.size < 10)
        this.handlerErrors.set(key, {
          errorType: out.errorType,
          errorMessage: out.errorMessage.slice(0, 300),
          count: 1,
        });
    }
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
    this.lastDurationMs = ms;
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
    // IteratorAge: age of the batch's last record when the batch finishes (AWS docs: Lambda with a Kinesis event source mapping (ESM)).
    const age = inv.endMs - b.arrivalMs[end - 1];
    this.lastIteratorAgeMs = age;
    this.iteratorAgeByShard.set(consumer, age);
    this.ctx.metrics.max(this.m.iteratorAge, age);
    const shard = this.shardEntry(consumer);
    if (shard.h >= 0) this.ctx.metrics.max(shard.h, age);
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
      // The on-failure destination gets the batch's metadata (not the records), AWS docs: Lambda with a Kinesis event source mapping (ESM).
      if (this.config.esm.onFailureDestination !== 'none') this.counts.sentToOnFailure += n;
    }
    void batch;
  }

  retrying(_inv: Invocation, records: number): void {
    this.counts.retriedRecords += records;
  }
}
