/**
 * The producer runtime: PutRecord / PutRecords / KPL / Kinesis Agent / Kinesis Data Generator.
 *
 * Each tick it works out how many user records the rate profile owes (a deterministic
 * accumulator: 1,500 rec/s is exactly 150 per 100 ms tick), renders up to SAMPLES_PER_TICK of them
 * from the template (real text, kept in the payload store) and lets the others reuse a rendered
 * sample's text, size and field key; partition keys and sizes come from the strategies (all of
 * that is generator.ts). Records the target throttles go to a retry queue with exponential backoff
 * and jitter; after `retry.maxAttempts` attempts they are dropped and counted. Failed puts are
 * never counted as sent. KPL packs user records bound for the same shard into Kinesis records of
 * ≤ aggregationMaxBytes. The live view, counters and conservation check are producer-live.ts.
 */

import type { PipelineNodeOf, ProducerConfig, TimelineEvent } from '../../model/types.ts';
import type { LiveEdit, NodeLive, PeekRecord } from '../api.ts';
import { TICK_MS } from '../clock.ts';
import { RecordBatch } from '../records.ts';
import type { Rng } from '../rng.ts';
import {
  ACCEPTED,
  type Conservation,
  type EngineContext,
  FAILED,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
} from '../runtime.ts';
import type { FluidResult, FluidStream } from '../stream/fluid.ts';
import { StreamRuntime } from '../stream/stream.ts';
import { AgentBuffer, kplAggregate } from './batching.ts';
import { fluidWeights } from './fluid-producer.ts';
import { RecordGenerator } from './generator.ts';
import { hotKeyPicker } from './keys.ts';
import { producerConservation, producerCounters, producerLive } from './producer-live.ts';
import { RateModel } from './rate.ts';

export { SAMPLES_PER_TICK } from './generator.ts';

export class ProducerRuntime implements NodeRuntime {
  readonly id: string;
  readonly kind = 'producer' as const;
  readonly cfg: ProducerConfig;
  readonly index: number;
  private readonly rng: Rng;
  private readonly rate: RateModel;
  /** Makes the records: templates, samples, partition keys, sizes (generator.ts). */
  private readonly gen: RecordGenerator;
  private owed = 0;
  multiplier = 1;
  private surge = 1;
  private fresh = new RecordBatch(1024);
  private send = new RecordBatch(1024);
  private readonly retry = new RecordBatch(256);
  /** Kinesis Agent: lines read from the file and not yet sent. */
  readonly agent: AgentBuffer;
  private status = new Uint8Array(1024);
  private readonly maxAttempts: number;
  /** The stream KPL aggregates for (resolved on the first tick: targets are built after sources). */
  private kplTarget: StreamRuntime | null | undefined;
  /** Set when the target stream runs on the fluid model. */
  private fluidTarget: StreamRuntime | null = null;
  private weights: Float64Array | null = null;
  private meanBytes = 1;
  private hot: { key: string; share: number } | null = null;
  private readonly peeks = new PeekRing(30);
  private readonly h: Record<string, number> = {};
  // Cumulative counters in USER records unless named otherwise.
  generated = 0;
  accepted = 0;
  dropped = 0;
  failed = 0;
  /** Put attempts refused for throughput (Kinesis records, every attempt). */
  throttledAttempts = 0;
  /** Retry attempts sent (Kinesis records). */
  retriedAttempts = 0;
  putCalls = 0;
  kinesisRecordsSent = 0;
  private secGenerated = 0;
  private secAccepted = 0;
  private secAcceptedBytes = 0;
  private secThrottled = 0;
  private secRetried = 0;
  private secDropped = 0;
  /** The last closed simulated second: user records generated, accepted (and bytes), throttled. */
  last = { generated: 0, accepted: 0, bytes: 0, throttled: 0 };

  constructor(
    node: PipelineNodeOf<'producer'>,
    readonly ctx: EngineContext,
    readonly wiring: NodeWiring,
    index: number,
  ) {
    this.id = node.id;
    this.cfg = node.config;
    this.index = index;
    this.rng = ctx.rngFor(node.id);
    this.rate = new RateModel(this.cfg.rate, ctx.clock, ctx.rngFor(node.id, 'rate'));
    this.gen = new RecordGenerator(node.id, this.cfg, ctx, this.rng, index, this.peeks);
    this.agent = new AgentBuffer(this.cfg.agent);
    // The Data Generator does not retry failed entries (§6.2.4); the others follow the retry policy.
    this.maxAttempts = this.cfg.source === 'dataGenerator' ? 1 : Math.max(1, this.cfg.retry.maxAttempts);
    for (const n of [
      'RecordsGenerated',
      'RecordsAccepted',
      'BytesAccepted',
      'RecordsThrottled',
      'RecordsRetried',
      'RecordsDropped',
    ]) {
      this.h[n] = ctx.metrics.register(node.id, n);
    }
  }

  tick(nowMs: number): void {
    const rate = this.rate.at(nowMs) * this.multiplier * this.surge;
    this.owed += (rate * TICK_MS) / 1000;
    // The epsilon absorbs binary rounding: ten ticks of 0.1 record owe exactly one record.
    const n = Math.floor(this.owed + 1e-9);
    this.owed -= n;
    this.fresh.clear();
    if (this.kplTarget === undefined) this.resolveTarget();
    if (n > 0 && !this.fluidTarget) this.generate(n, nowMs);
    this.send.clear();
    this.takeDueRetries(nowMs);
    if (this.fluidTarget) {
      this.fluidTick(n, nowMs);
      return;
    }
    if (this.cfg.source === 'agent') this.agent.flush(this.fresh, this.send, nowMs);
    else if (this.kplTarget) {
      const k = this.kplTarget;
      kplAggregate(
        this.fresh,
        this.send,
        k.routing,
        this.ctx.keys,
        this.cfg.kpl.aggregationMaxBytes,
        this.index,
      );
    } else if (this.send.length === 0) {
      // No retry due: the fresh records are the whole put, so swap the two batches (no copy).
      const sent = this.fresh;
      this.fresh = this.send;
      this.send = sent;
    } else this.send.append(this.fresh);
    if (this.send.length > 0) this.put(nowMs);
  }

  /** Targets are built after their sources, so they are looked up on the first tick. */
  private resolveTarget(): void {
    const out = this.wiring.outputs[0];
    const target = out ? this.ctx.runtime(out.targetId) : undefined;
    const stream = target instanceof StreamRuntime ? target : null;
    this.fluidTarget = stream?.fluid ? stream : null;
    this.gen.routing = stream && !stream.fluid ? stream.routing : null;
    const kpl = this.cfg.source === 'kpl' && this.cfg.kpl.aggregation;
    this.kplTarget = kpl && stream && !stream.fluid ? stream : null;
  }

  /**
   * Fluid model: offer `n` records as a rate spread over the shards by key weights; render a few
   * real samples for peeks and the mean size.
   */
  private fluidTick(n: number, nowMs: number): void {
    const stream = this.fluidTarget as StreamRuntime;
    const fluid = stream.fluid as FluidStream;
    this.weights ??= fluidWeights(this.cfg.partitionKey, this.hot, fluid, stream.routing, this.ctx.keys);
    if (n === 0) return;
    // Two real samples a tick are enough for peeks and the mean size at fluid rates.
    this.generate(Math.min(n, 2), nowMs);
    this.generated += n - this.fresh.length;
    this.secGenerated += n - this.fresh.length;
    let bytes = 0;
    for (let i = 0; i < this.fresh.length; i++)
      bytes += this.fresh.bytes[i] + this.ctx.keys.bytes(this.fresh.key[i]);
    if (this.fresh.length > 0) this.meanBytes = bytes / this.fresh.length;
    this.kinesisRecordsSent += n;
    this.putCalls += Math.ceil(n / Math.max(1, Math.min(500, this.cfg.batchSize)));
    fluid.queue(this, n, this.meanBytes, this.weights, this.maxAttempts);
  }

  /** The fluid stream's verdict on this producer's share of the tick (see fluid.ts). */
  onFluidResult(res: FluidResult): void {
    this.accepted += res.accepted;
    this.secAccepted += res.accepted;
    this.secAcceptedBytes += res.accepted * this.meanBytes;
    this.throttledAttempts += res.throttled;
    this.secThrottled += res.throttled;
    this.retriedAttempts += res.retried;
    this.secRetried += res.retried;
    this.dropped += res.dropped;
    this.secDropped += res.dropped;
    this.kinesisRecordsSent += res.retried;
  }

  /** Append `n` fresh records (see RecordGenerator) and count them as generated. */
  private generate(n: number, nowMs: number): void {
    this.gen.generate(this.fresh, n, nowMs);
    this.generated += n;
    this.secGenerated += n;
  }

  private takeDueRetries(nowMs: number): void {
    const r = this.retry;
    if (r.length === 0) return;
    let keep = 0;
    for (let i = 0; i < r.length; i++) {
      // While queued, arrivalMs holds the time the retry is due.
      if (r.arrivalMs[i] <= nowMs) {
        this.send.appendRow(r, i);
        this.retriedAttempts++;
        this.secRetried++;
      } else {
        if (keep !== i) copyRow(r, i, keep);
        keep++;
      }
    }
    r.length = keep;
  }

  private put(nowMs: number): void {
    const s = this.send;
    if (this.status.length < s.length) this.status = new Uint8Array(s.capacity);
    const st = this.status;
    const batchSize = this.cfg.source === 'putRecord' ? 1 : Math.max(1, Math.min(500, this.cfg.batchSize));
    this.putCalls += Math.ceil(s.length / batchSize);
    this.kinesisRecordsSent += s.length;
    this.ctx.emit(this.id, s, 0, s.length, st);
    const retry = this.cfg.retry;
    // Accepted records are summed locally and added once (integer sums: exact, same totals).
    let acceptedUsers = 0;
    let acceptedBytes = 0;
    const usersCol = s.users;
    const bytesCol = s.bytes;
    for (let i = 0; i < s.length; i++) {
      const u = usersCol[i];
      if (st[i] === ACCEPTED) {
        acceptedUsers += u;
        acceptedBytes += bytesCol[i];
      } else if (st[i] === FAILED) {
        this.failed += u;
      } else {
        this.throttledAttempts++;
        this.secThrottled++;
        const attempts = s.attempts[i] + 1;
        if (attempts >= this.maxAttempts) {
          this.dropped += u;
          this.secDropped += u;
        } else {
          // Exponential backoff (base × 2^(n−1), capped), full jitter when enabled.
          const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1));
          const delay = retry.jitter ? this.rng.next() * cap : cap;
          const j = this.retry.length;
          this.retry.appendRow(s, i);
          this.retry.attempts[j] = attempts;
          this.retry.arrivalMs[j] = nowMs + Math.max(delay, 0);
        }
      }
    }
    this.accepted += acceptedUsers;
    this.secAccepted += acceptedUsers;
    this.secAcceptedBytes += acceptedBytes;
  }

  closeSecond(): void {
    const m = this.ctx.metrics;
    m.add(this.h.RecordsGenerated, this.secGenerated);
    m.add(this.h.RecordsAccepted, this.secAccepted);
    m.add(this.h.BytesAccepted, this.secAcceptedBytes);
    m.add(this.h.RecordsThrottled, this.secThrottled);
    m.add(this.h.RecordsRetried, this.secRetried);
    m.add(this.h.RecordsDropped, this.secDropped);
    this.last = {
      generated: this.secGenerated,
      accepted: this.secAccepted,
      bytes: this.secAcceptedBytes,
      throttled: this.secThrottled,
    };
    this.secGenerated = 0;
    this.secAccepted = 0;
    this.secAcceptedBytes = 0;
    this.secThrottled = 0;
    this.secRetried = 0;
    this.secDropped = 0;
  }

  setFault(event: TimelineEvent, active: boolean): void {
    if (event.type === 'producerSurge') this.surge = active ? event.multiplier : 1;
    if (event.type === 'hotKey') {
      this.gen.hotPicker = active
        ? hotKeyPicker(event.key, event.share, this.ctx.keys, this.rng, this.gen.picker)
        : null;
      this.hot = active ? { key: event.key, share: event.share } : null;
      this.weights = null;
    }
  }

  applyEdit(edit: LiveEdit): { applied: boolean; reason?: string } {
    if (edit.type !== 'producerRate') return { applied: false, reason: 'Not a producer setting.' };
    if (!(edit.multiplier >= 0)) return { applied: false, reason: 'The multiplier must be ≥ 0.' };
    this.multiplier = edit.multiplier;
    return { applied: true };
  }

  /**
   * User records waiting for a retry. On the fluid model retries are pooled per stream (fluid.ts),
   * so a producer's share is what it offered and is not yet accepted, dropped or failed.
   */
  pendingRetry(): number {
    if (this.fluidTarget) return this.generated - this.accepted - this.dropped - this.failed;
    return this.retry.sumUsers();
  }

  live(): NodeLive {
    return producerLive(this);
  }

  counters(): Record<string, number> {
    return producerCounters(this);
  }

  conservation(): Conservation {
    return producerConservation(this);
  }

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }
}

function copyRow(b: RecordBatch, from: number, to: number): void {
  b.key[to] = b.key[from];
  b.bytes[to] = b.bytes[from];
  b.arrivalMs[to] = b.arrivalMs[from];
  b.bornMs[to] = b.bornMs[from];
  b.seq[to] = b.seq[from];
  b.producer[to] = b.producer[from];
  b.payload[to] = b.payload[from];
  b.users[to] = b.users[from];
  b.shard[to] = b.shard[from];
  b.attempts[to] = b.attempts[from];
}
