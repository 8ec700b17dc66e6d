/**
 * A KCL-style consumer application (AWS docs: KCL (Kinesis Client Library)): one lease per shard, leases spread
 * over `workers` round-robin, each worker polling its shards every `pollIntervalMs` (GetRecords on
 * the shard's shared budget, or EFO) and processing `processingRecordsPerSec` records per second,
 * checkpointing every `checkpointEveryRecords`. Parents are drained before children (the stream
 * refuses child reads until then). A shard's next batch is fetched once the last one is processed.
 */
import type { ConsumerAppConfig, PipelineNodeOf } from '../model/types.ts';
import type { DestinationContents, NodeLive, PeekRecord } from './api.ts';
import { TICK_MS } from './clock.ts';
import { RecordBatch } from './records.ts';
import {
  balance,
  type Conservation,
  type EngineContext,
  emptyLive,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  READ_THROTTLED,
  type StreamInput,
  truncateForPeek,
} from './runtime.ts';
import { formatSequenceNumber } from './stream/shard.ts';

/** KCL's maxRecords per GetRecords call. */
const MAX_RECORDS = 10000;

interface Lease {
  input: StreamInput;
  shard: number;
  buf: RecordBatch;
  lastPollMs: number;
  sinceCheckpoint: number;
  checkpointSeq: number;
  checkpointAtMs: number;
}

export function createConsumerAppRuntime(
  node: PipelineNodeOf<'consumerApp'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return new ConsumerAppRuntime(node.id, node.config, ctx, wiring);
}

export class ConsumerAppRuntime implements NodeRuntime {
  readonly kind = 'consumerApp' as const;
  private readonly leases: Lease[] = [];
  private readonly peeks = new PeekRing(30);
  private fetched = 0;
  private processed = 0;
  private readThrottled = 0;
  private down = false;
  private secProcessed = 0;
  private secFetched = 0;
  private secAge = 0;
  private last = { processed: 0, fetched: 0, age: 0 };
  private readonly h: { processed: number; age: number; throttled: number };

  constructor(
    readonly id: string,
    private readonly cfg: ConsumerAppConfig,
    private readonly ctx: EngineContext,
    private readonly wiring: NodeWiring,
  ) {
    this.h = {
      processed: ctx.metrics.register(id, 'RecordsProcessed'),
      age: ctx.metrics.register(id, 'MillisBehindLatest', 'max'),
      throttled: ctx.metrics.register(id, 'ReadProvisionedThroughputExceeded'),
    };
  }

  /** Leases for shards that appeared since the last tick (resharding adds shards). */
  private syncLeases(): void {
    for (const input of this.wiring.streamInputs) {
      const known = this.leases.filter((l) => l.input === input).length;
      for (let s = known; s < input.reader.shardCount(); s++) {
        this.leases.push({
          input,
          shard: s,
          buf: new RecordBatch(256),
          lastPollMs: -Infinity,
          sinceCheckpoint: 0,
          checkpointSeq: 0,
          checkpointAtMs: 0,
        });
      }
    }
  }

  tick(nowMs: number): void {
    this.syncLeases();
    if (this.down) return;
    const workers = Math.max(1, this.cfg.workers);
    const perWorker = (this.cfg.processingRecordsPerSec * TICK_MS) / 1000;
    const budget = new Float64Array(workers).fill(perWorker);
    for (let i = 0; i < this.leases.length; i++) {
      const l = this.leases[i];
      const r = l.input.reader;
      // Like the KCL record processor: fetch a batch, process it, then fetch the next one.
      if (nowMs - l.lastPollMs >= this.cfg.pollIntervalMs && l.buf.length === 0 && r.isOpen(l.shard)) {
        l.lastPollMs = nowMs;
        const n = r.getRecords(l.shard, MAX_RECORDS, 10 * 1024 * 1024, l.buf);
        if (n > 0) {
          this.fetched += n;
          this.secFetched += n;
        } else if (n === READ_THROTTLED) this.readThrottled++;
      }
      // MillisBehindLatest: the oldest record not yet processed, fetched or not.
      const age = l.buf.length > 0 ? nowMs - l.buf.arrivalMs[0] : r.iteratorAgeMs(l.shard);
      if (age > this.secAge) this.secAge = age;
      const w = i % workers;
      const take = Math.min(l.buf.length, Math.floor(budget[w]));
      if (take <= 0) continue;
      budget[w] -= take;
      if (take > 0) {
        const j = take - 1;
        this.peeks.push({
          atMs: nowMs,
          partitionKey: this.ctx.keys.text(l.buf.key[j]),
          shardId: r.shardId(l.shard),
          sequenceNumber: formatSequenceNumber(l.shard, l.buf.seq[j]),
          approximateArrivalMs: l.buf.arrivalMs[j],
          bytes: l.buf.bytes[j],
          data: truncateForPeek(this.ctx.payloads.get(l.buf.payload[j]) ?? ''),
        });
      }
      l.sinceCheckpoint += take;
      if (l.sinceCheckpoint >= this.cfg.checkpointEveryRecords) {
        l.checkpointSeq = l.buf.seq[take - 1];
        l.checkpointAtMs = nowMs;
        l.sinceCheckpoint = 0;
      }
      l.buf.shift(take);
      this.processed += take;
      this.secProcessed += take;
    }
  }

  closeSecond(): void {
    const m = this.ctx.metrics;
    m.add(this.h.processed, this.secProcessed);
    m.max(this.h.age, this.secAge);
    this.last = { processed: this.secProcessed, fetched: this.secFetched, age: this.secAge };
    this.secProcessed = 0;
    this.secFetched = 0;
    this.secAge = 0;
  }

  setFault(event: { type: string }, active: boolean): void {
    if (event.type === 'destinationOutage') this.down = active;
  }

  private buffered(): number {
    let n = 0;
    for (const l of this.leases) n += l.buf.length;
    return n;
  }

  live(): NodeLive {
    const capacity = this.cfg.processingRecordsPerSec * Math.max(1, this.cfg.workers);
    return {
      ...emptyLive(),
      inRecordsPerSec: this.last.fetched,
      outRecordsPerSec: this.last.processed,
      utilization: capacity > 0 ? this.last.fetched / capacity : 0,
      counters: this.counters(),
      down: this.down,
    };
  }

  counters(): Record<string, number> {
    return {
      fetched: this.fetched,
      processed: this.processed,
      buffered: this.buffered(),
      readThrottled: this.readThrottled,
    };
  }

  conservation(): Conservation {
    return balance('fetched', this.fetched, { processed: this.processed, buffered: this.buffered() });
  }

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }

  destination(): DestinationContents {
    return {
      kind: 'consumerApp',
      checkpoints: this.leases
        .filter((l) => l.checkpointAtMs > 0)
        .map((l) => ({
          shardId: l.input.reader.shardId(l.shard),
          sequenceNumber: formatSequenceNumber(l.shard, l.checkpointSeq),
          atMs: l.checkpointAtMs,
        })),
      processed: this.processed,
    };
  }
}
