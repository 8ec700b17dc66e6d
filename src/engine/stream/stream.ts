/**
 * The data-stream runtime: routes pushed records to shards by MD5 hash key, enforces per-shard
 * write limits (records throttled are reported back per record, as PutRecords does), stores
 * records for its consumers, serves GetRecords / EFO reads on the shard budgets, expires records
 * past retention (counted per consumer as expired), reshards, and bills shard-hours and PUT
 * payload units. On-demand capacity lives in ondemand.ts; per-second figures in closeSecond;
 * the live view, counters and conservation in stream-live.ts; resharding in stream-reshard.ts.
 */

import type { PipelineNodeOf, ReshardAction, StreamConfig } from '../../model/types.ts';
import type { LiveEdit, NodeLive, NodeReport, PeekRecord } from '../api.ts';
import { evenSplit } from '../hash.ts';
import type { RecordBatch } from '../records.ts';
import {
  ACCEPTED,
  type Conservation,
  type EngineContext,
  FAILED,
  type NodeRuntime,
  type NodeWiring,
  PeekRing,
  THROTTLED,
  truncateForPeek,
} from '../runtime.ts';
import { FluidStream } from './fluid.ts';
import { FLUID_CONSUMER_NOTE, fluidCloseSecond, fluidShardReports, isFluid } from './fluid-stream.ts';
import { OnDemandScaler } from './ondemand.ts';
import { StreamReaderImpl } from './reader.ts';
import { RoutingTable } from './routing.ts';
import { ReshardSchedule } from './schedule.ts';
import { formatSequenceNumber, Shard, WRITE_BYTES_PER_SEC } from './shard.ts';
import { AcceptedRows } from './store.ts';
import { streamConservation, streamCounters, streamLive } from './stream-live.ts';
import { StreamMetrics } from './stream-metrics.ts';
import { applyPlan, applyShardCountEdit, requestReshard } from './stream-reshard.ts';

export { RESHARD_DELAY_MS } from './schedule.ts';
/** Per-shard metrics get a per-second series up to this many shards (sum/max only beyond). */
export const SHARD_SERIES_LIMIT = 1024;

export interface ConsumerInfo {
  edgeId: string;
  targetId: string;
  mode: 'polling' | 'efo';
  /** Index among EFO consumers (budget slot), -1 for polling. */
  efoSlot: number;
  read: number;
  readBytes: number;
  expired: number;
}

export class StreamRuntime implements NodeRuntime {
  readonly id: string;
  readonly kind = 'stream' as const;
  readonly cfg: StreamConfig;
  readonly shards: Shard[] = [];
  readonly routing = new RoutingTable();
  readonly consumers: ConsumerInfo[] = [];
  readonly readers = new Map<string, StreamReaderImpl>();
  readonly metrics: StreamMetrics;
  readonly ondemand: OnDemandScaler | null;
  /** Set when the stream runs on the fluid (rate) model: see fluid.ts. */
  readonly fluid: FluidStream | null;
  private readonly perRecordRounding = new Set<string>();
  private readonly pushSources: string[];
  /** Reshard requests and UPDATING periods (stream-reshard.ts queues into it). */
  readonly schedule = new ReshardSchedule(this);
  private readonly peeks = new PeekRing(50);
  private peeksThisTick = 0;
  private readonly acceptedRows = new AcceptedRows();
  readonly maxRecordBytes: number;
  readonly retentionMs: number;
  nowMs = 0;
  // Cumulative counters (records).
  offered = 0;
  accepted = 0;
  throttled = 0;
  failed = 0;
  acceptedUsers = 0;
  reshards = 0;

  constructor(
    node: PipelineNodeOf<'stream'>,
    readonly ctx: EngineContext,
    wiring: NodeWiring,
  ) {
    this.id = node.id;
    this.cfg = node.config;
    this.maxRecordBytes = this.cfg.maxRecordSizeKiB * 1024;
    this.retentionMs = this.cfg.retentionHours * 3600_000;
    this.pushSources = wiring.pushSources.map((p) => p.sourceId);
    for (const src of wiring.pushSources) {
      const n = ctx.docNode(src.sourceId);
      if (n?.kind === 'producer' && n.config.source === 'putRecord') this.perRecordRounding.add(src.sourceId);
    }
    let efo = 0;
    for (const out of wiring.outputs) {
      const mode = out.edge.config.readMode === 'efo' ? 'efo' : 'polling';
      const info: ConsumerInfo = {
        edgeId: out.edgeId,
        targetId: out.targetId,
        mode,
        efoSlot: mode === 'efo' ? efo++ : -1,
        read: 0,
        readBytes: 0,
        expired: 0,
      };
      this.consumers.push(info);
      this.readers.set(out.edgeId, new StreamReaderImpl(this, this.consumers.length - 1, info));
    }
    this.ondemand = this.cfg.capacityMode === 'onDemand' ? new OnDemandScaler(this) : null;
    const initial = this.ondemand ? this.ondemand.initialShards : Math.max(1, this.cfg.shardCount);
    this.fluid = !this.ondemand && isFluid(initial, wiring, ctx) ? new FluidStream(initial) : null;
    if (this.fluid) {
      this.routing.rebuild(this.fluid.starts.map((startHash, index) => ({ startHash, index })));
      if (this.consumers.length > 0) {
        ctx.marker({ atMs: 0, nodeId: this.id, type: 'fluid', label: FLUID_CONSUMER_NOTE });
      }
    } else {
      for (const r of evenSplit(initial)) this.addShard(r.start, r.end, []);
      this.routing.rebuild(this.shards);
    }
    this.metrics = new StreamMetrics(this, ctx.metrics, initial <= SHARD_SERIES_LIMIT);
    for (const r of this.cfg.reshards) {
      this.schedule.request(r.action, r.atSec * 1000, 'scheduled');
    }
  }

  addShard(start: bigint, end: bigint, parents: number[]): Shard {
    const s = new Shard(this.shards.length, start, end, parents, this.consumers.length, this.efoCount());
    this.shards.push(s);
    return s;
  }

  efoCount(): number {
    return this.consumers.filter((c) => c.mode === 'efo').length;
  }

  get openShards(): number {
    if (this.fluid) return this.fluid.count;
    let n = 0;
    for (const s of this.shards) if (s.open) n++;
    return n;
  }

  beginTick(nowMs: number): void {
    this.nowMs = nowMs;
    this.peeksThisTick = 0;
    if (this.fluid) {
      this.fluid.beginTick(nowMs % 1000 === 0);
      return;
    }
    this.schedule.run(nowMs);
    const newSecond = nowMs % 1000 === 0;
    for (const s of this.shards) {
      s.refill();
      if (newSecond) s.refillWrite();
      if (s.log.length > s.head) this.expire(s, nowMs);
    }
    this.ondemand?.beginTick();
  }

  tick(): void {
    if (this.fluid) this.resolveFluid(this.fluid);
  }

  /** Records older than the retention period leave the shard; consumers behind them lose them. */
  private expire(s: Shard, nowMs: number): void {
    const cutoff = s.positionAt(nowMs - this.retentionMs);
    if (cutoff <= s.startPos) {
      this.trimRead(s);
      return;
    }
    for (let c = 0; c < this.consumers.length; c++) {
      if (s.iter[c] < cutoff) {
        this.consumers[c].expired += cutoff - s.iter[c];
        s.iter[c] = cutoff;
      }
    }
    s.trimTo(cutoff);
    this.trimRead(s);
  }

  /** Forget records every consumer has read (they stay billed and counted, not stored). */
  trimRead(s: Shard): void {
    let min = s.endPos;
    for (let c = 0; c < this.consumers.length; c++) if (s.iter[c] < min) min = s.iter[c];
    s.trimTo(min);
  }

  accept(batch: RecordBatch, start: number, end: number, fromId: string, status: Uint8Array | null): number {
    const keys = this.ctx.keys;
    const routing = this.routing;
    const shards = this.shards;
    const rounding = this.perRecordRounding.has(fromId);
    const store = this.consumers.length > 0;
    const od = this.ondemand;
    const maxRecordBytes = this.maxRecordBytes;
    const nowMs = this.nowMs;
    // Column references read once per call, not per record.
    const keyCol = batch.key;
    const bytesCol = batch.bytes;
    const shardCol = batch.shard;
    const seqCol = batch.seq;
    const arrivalCol = batch.arrivalMs;
    const usersCol = batch.users;
    // Per-call totals, added to the metrics once (every term is an integer, so the sums are exact
    // and equal to adding record by record).
    let ok = 0;
    let failed = 0;
    let throttled = 0;
    let okBytes = 0;
    let payloadUnits = 0;
    let onDemandBytes = 0;
    let users = 0;
    for (let i = start; i < end; i++) {
      const key = keyCol[i];
      const si = routing.route(keys, key);
      const shard = shards[si];
      shardCol[i] = si;
      const size = bytesCol[i] + keys.bytes(key);
      let st: number;
      if (size > maxRecordBytes) {
        st = FAILED;
        failed++;
      } else {
        // PutRecord: each record rounded up to 1 KB for throttling (§1.1.3); PutRecords: exact.
        const charge = rounding ? Math.ceil(size / 1024) * 1024 : size;
        // Shard buckets (shard.ts: per second, large records in debt), then on-demand's stream cap.
        if (
          shard.writeRecords >= 1 &&
          (charge <= WRITE_BYTES_PER_SEC ? shard.writeBytes >= charge : shard.writeBytes > 0) &&
          (od === null || od.admit(charge))
        ) {
          shard.writeRecords -= 1;
          shard.writeBytes -= charge;
          const seq = ++shard.seq;
          seqCol[i] = seq;
          arrivalCol[i] = nowMs;
          if (store) {
            // Stored after the loop, shard by shard (store.ts).
            this.acceptedRows.add(i);
          }
          shard.inRecords++;
          shard.inBytes += size;
          shard.totalIn++;
          okBytes += size;
          // PUT payload units: 25 KB chunks (§2.1.2); on-demand data in: 1 KB rounding (§2.3).
          payloadUnits += Math.ceil(size / 25600);
          onDemandBytes += Math.ceil(size / 1024) * 1024;
          users += usersCol[i];
          if (this.peeksThisTick < 3) this.peekRecord(batch, i, si);
          st = ACCEPTED;
          ok++;
        } else {
          shard.writeThrottled++;
          st = THROTTLED;
          throttled++;
        }
      }
      if (status) status[i - start] = st;
    }
    this.acceptedRows.storeInto(batch, shards);
    this.failed += failed;
    this.throttled += throttled;
    this.acceptedUsers += users;
    this.offered += end - start;
    this.accepted += ok;
    this.metrics.acceptedRecords(ok, okBytes, payloadUnits, onDemandBytes);
    this.metrics.putCall(rounding, end - start, ok);
    return ok;
  }

  private peekRecord(batch: RecordBatch, i: number, si: number): void {
    this.peeksThisTick++;
    const shard = this.shards[si];
    this.peeks.push({
      atMs: this.nowMs,
      partitionKey: this.ctx.keys.text(batch.key[i]),
      shardId: shard.id,
      sequenceNumber: formatSequenceNumber(si, batch.seq[i]),
      approximateArrivalMs: this.nowMs,
      bytes: batch.bytes[i],
      data: truncateForPeek(this.ctx.payloads.get(batch.payload[i]) ?? ''),
    });
  }

  /** Fluid model: admit the records producers queued this tick (producers tick before streams). */
  private resolveFluid(fluid: FluidStream): void {
    const { offered, acceptedBytes, result } = fluid.resolve();
    if (offered === 0) return;
    this.offered += offered;
    this.accepted += result.accepted;
    this.throttled += result.throttled;
    this.acceptedUsers += result.accepted;
    this.metrics.acceptedBulk(result.accepted, result.accepted > 0 ? acceptedBytes / result.accepted : 0);
    this.metrics.putCall(false, offered, result.accepted);
  }

  /** Queue a reshard (timeline, live edit); it completes after RESHARD_DELAY_MS. */
  requestReshard(action: ReshardAction, atMs: number, label: string): { applied: boolean; reason?: string } {
    return requestReshard(this, action, atMs, label);
  }

  /** Close parents and open children now (used directly by on-demand splits). */
  applyPlan(action: ReshardAction): void {
    applyPlan(this, action);
  }

  closeSecond(): void {
    if (this.fluid) fluidCloseSecond(this, this.fluid);
    this.metrics.closeSecond();
    this.ondemand?.closeSecond();
    for (const s of this.shards) s.rollSecond();
  }

  live(): NodeLive {
    return streamLive(this);
  }

  counters(): Record<string, number> {
    return streamCounters(this);
  }

  conservation(): Conservation {
    return streamConservation(this);
  }

  peek(limit: number): PeekRecord[] {
    if (!this.fluid) return this.peeks.latest(limit);
    // Fluid model: no record is stored; show the producers' rendered samples instead.
    const samples: PeekRecord[] = [];
    for (const src of this.pushSources) samples.push(...(this.ctx.runtime(src)?.peek(limit) ?? []));
    return samples.sort((a, b) => a.atMs - b.atMs).slice(-limit);
  }

  report(): Pick<NodeReport, 'shards'> {
    return { shards: this.fluid ? fluidShardReports(this.fluid) : this.metrics.shardReports() };
  }

  applyEdit(edit: LiveEdit, nowMs: number): { applied: boolean; reason?: string } {
    return applyShardCountEdit(this, edit, nowMs);
  }
}
