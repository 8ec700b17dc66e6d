/**
 * The Lambda node at run time: a Kinesis event source mapping per incoming stream edge (one
 * ShardConsumer per shard), the function's concurrency, duration, errors, cost and CloudWatch
 * metrics (AWS/Lambda: Invocations, Errors, Duration, IteratorAge, ConcurrentExecutions, Throttles,
 * DeadLetterErrors). A function with `use: 'firehoseTransform'` has no mapping: Firehose calls
 * `startTransform` on it (transform.ts). Each invocation's work (concurrency, sampling, duration,
 * verdict, cost, outputs) is the invoker's (invoker.ts); this file is the node: ticks, the
 * per-second figures, the live view, conservation, edits and faults.
 */

import type { LambdaConfig, PipelineNodeOf, TimelineEvent } from '../../model/types.ts';
import type { LiveEdit, NodeLive, NodeReport, PeekRecord } from '../api.ts';
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
} from '../runtime.ts';
import type { ShardConsumer } from './esm.ts';
import { ShardConsumer as Consumer } from './esm.ts';
import { HandlerRunner } from './handler.ts';
import { type LambdaCounts, LambdaInvoker } from './invoker.ts';
import { type ConcurrencyPool, poolFor } from './model.ts';
import { FunctionOutputs } from './outputs.ts';
import { pushInput } from './push.ts';
import { TransformHost } from './transform.ts';

export class LambdaRuntime implements NodeRuntime {
  readonly kind = 'lambda' as const;
  readonly id: string;
  readonly config: LambdaConfig;
  readonly runner: HandlerRunner;
  readonly transform: TransformHost;
  /** The mapping's and the transform's side of the function: invocations, verdicts, cost. */
  readonly invoker: LambdaInvoker;
  readonly counts: LambdaCounts;
  private readonly consumers: ShardConsumer[][] = [];
  /** Records pushed by an Analytics application (analytics → lambda edge), read like a stream. */
  private readonly pushed: ReturnType<typeof pushInput>;
  private readonly inputs: StreamInput[];
  private readonly pool: ConcurrencyPool;
  private readonly rng: Rng;
  private readonly outputs: FunctionOutputs;
  private readonly peeks = new PeekRing(50);
  private perSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttles: 0 };
  private lastSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttles: 0 };

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
    this.invoker = new LambdaInvoker({
      id: this.id,
      config: this.config,
      runner: this.runner,
      ctx,
      pool: this.pool,
      rng: this.rng,
      outputs: this.outputs,
      peeks: this.peeks,
    });
    this.counts = this.invoker.counts;
    this.invoker.sourceStreamCount = wiring.streamInputs.length;
    this.transform = new TransformHost(this.invoker, ctx, this.pool, this.rng);
    this.pushed = pushInput(node.id, () => ctx.clock.nowMs);
    this.inputs = [...wiring.streamInputs, this.pushed];
  }

  // ---- NodeRuntime -----------------------------------------------------------------------------

  beginTick(): void {
    this.invoker.throttledThisTick = false;
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
      while (list.length < input.reader.shardCount())
        list.push(new Consumer(this.invoker, input, list.length));
      for (const c of list) {
        const before = c.fetched;
        const beforeBytes = c.fetchedBytes;
        c.tick(nowMs);
        const got = c.fetched - before;
        this.counts.recordsRead += got;
        this.perSec.in += got;
        this.perSec.inBytes += c.fetchedBytes - beforeBytes;
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
    this.invoker.sampleLeft = this.config.sampleRecordsPerSec;
    this.perSec.throttles = this.invoker.secondThrottles;
    this.invoker.secondThrottles = 0;
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
    live.inBytesPerSec = this.lastSec.inBytes;
    live.outRecordsPerSec = this.lastSec.out;
    live.outBytesPerSec = this.lastSec.outBytes;
    if (this.config.use === 'firehoseTransform') {
      // A transform is called by its delivery stream, not fed by an edge: its rate is what Firehose
      // handed it over the last simulated second (it returns each record, transformed or failed).
      live.inRecordsPerSec = this.transform.lastSec.records;
      live.inBytesPerSec = this.transform.lastSec.bytes;
      live.outRecordsPerSec = this.transform.lastSec.records;
      live.outBytesPerSec = this.transform.lastSec.bytes;
    }
    live.throttledPerSec = this.lastSec.throttles;
    live.utilization = Math.max(
      slots > 0 ? running / slots : 0,
      running / Math.max(1, this.pool.limitOf(this.id)),
    );
    live.counters = this.counters();
    live.lambda = {
      concurrency: running,
      iteratorAgeMs: this.invoker.maxIteratorAgeMs(),
      durationMs: this.invoker.lastDurationMs,
      shardIteratorAgeMs: this.invoker.shardIteratorAgesMs(),
      errorsPerSec: this.ctx.metrics.lastValue(this.invoker.m.errors),
      invocationsPerSec: this.ctx.metrics.lastValue(this.invoker.m.invocations),
    };
    return live;
  }

  report(): Pick<NodeReport, 'handlerErrors'> {
    const list = [...this.invoker.handlerErrors.values()];
    return list.length > 0 ? { handlerErrors: list.map((e) => ({ ...e })) } : {};
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
    if (event.type === 'lambdaErrorRate') this.invoker.errorRateOverride = active ? event.errorRate : null;
  }
}

export function createLambdaRuntime(
  node: PipelineNodeOf<'lambda'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return new LambdaRuntime(node, ctx, wiring);
}
