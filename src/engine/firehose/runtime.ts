/**
 * The Firehose delivery stream at run time (AWS docs: Amazon (Kinesis) Data Firehose):
 * - Direct PUT with the per-stream quotas (us-east-1: 5 MiB/s, 2,000 requests/s, 500,000 records/s;
 *   other Regions 1 MiB/s, 1,000, 100,000), one tick's share per tick; records over quota come back
 *   THROTTLED to the producer (which retries), records over 1,000 KiB FAILED;
 * - or a data stream as source: each shard read once per second on the shared polling budget;
 * - an optional transform Lambda with its own buffer (1 MiB / 60 s), Ok / Dropped / ProcessingFailed
 *   per record, up to 5 invocations outstanding, 3 retries of a failed invocation, failures to the
 *   bucket under `processing-failed/`;
 * - the destination buffer (size or interval, whichever first) and delivery (delivery.ts);
 * - billing: ingestion per GB with every record rounded up to 5 KB; format conversion likewise.
 */

import type { FirehoseConfig, PipelineNodeOf } from '../../model/types.ts';
import type { LiveEdit, NodeLive, PeekRecord } from '../api.ts';
import { TICKS_PER_SEC } from '../clock.ts';
import { OpenSearchRuntime } from '../destinations/opensearch.ts';
import { RedshiftRuntime } from '../destinations/redshift.ts';
import { S3Runtime } from '../destinations/s3.ts';
import { BILLING_GB } from '../pricing.ts';
import { RecordBatch } from '../records.ts';
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
  THROTTLED,
  truncateForPeek,
} from '../runtime.ts';
import { MIB, StageBuffer } from './buffer.ts';
import { DeliveryManager, type Targets } from './delivery.ts';
import { TransformStage } from './transform.ts';

export const MAX_RECORD_BYTES = 1000 * 1024;
const QUOTAS = {
  'us-east-1': { bytes: 5 * MIB, requests: 2000, records: 500_000 },
  other: { bytes: MIB, requests: 1000, records: 100_000 },
} as const;
/** Billing rounds every record up to 5 KB (5,120 bytes), AWS docs: Firehose today. */
const BILLING_INCREMENT = 5 * 1024;

export class FirehoseRuntime implements NodeRuntime {
  readonly kind = 'firehose' as const;
  readonly id: string;
  readonly name: string;
  readonly config: FirehoseConfig;
  /** DeliveryStreamVersion: starts at 1, +1 on each configuration change (live buffer edits). */
  version = 1;
  private readonly quota: { bytes: number; requests: number; records: number };
  private left = { bytes: 0, requests: 0, records: 0 };
  private readonly incoming = new RecordBatch(256);
  readonly dest: StageBuffer;
  private readonly transform: TransformStage | null;
  private readonly delivery: DeliveryManager;
  private readonly backupBuf: StageBuffer | null;
  private targets: Targets | null = null;
  private tickNo = 0;
  private billedBytes = 0;
  private readonly peeks = new PeekRing(30);
  private readonly handles = new Map<string, number>();
  private perSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttled: 0 };
  private lastSec = { ...this.perSec };
  readonly counts = { incoming: 0, readFromStream: 0, throttled: 0, tooLarge: 0 };

  constructor(
    node: PipelineNodeOf<'firehose'>,
    private readonly ctx: EngineContext,
    private readonly wiring: NodeWiring,
  ) {
    this.id = node.id;
    this.name = node.name;
    this.config = JSON.parse(JSON.stringify(node.config)) as FirehoseConfig;
    this.quota = QUOTAS[this.config.region];
    this.dest = new StageBuffer(this.config.bufferSizeMiB * MIB, this.config.bufferIntervalSec * 1000);
    const rng = ctx.rngFor(node.id, 'names');
    const metric = (name: string, v: number, agg: 'sum' | 'avg' = 'sum') => this.metric(name, v, agg);
    this.delivery = new DeliveryManager(ctx, node.name, this.config, rng, () => this.version, metric);
    const fnId = this.config.transformLambdaId;
    this.transform = fnId ? new TransformStage(ctx, fnId, node.name, metric) : null;
    this.backupBuf =
      this.transform && this.config.backupMode === 'Enabled'
        ? new StageBuffer(this.dest.sizeBytes, this.dest.intervalMs)
        : null;
    for (const name of ['IncomingRecords', 'IncomingBytes', 'IncomingPutRequests', 'ThrottledRecords'])
      this.metric(name, 0);
  }

  private metric(name: string, v: number, agg: 'sum' | 'avg' | 'max' = 'sum'): void {
    let h = this.handles.get(name);
    if (h === undefined) {
      h = this.ctx.metrics.register(this.id, name, agg);
      this.handles.set(name, h);
    }
    if (agg === 'avg') this.ctx.metrics.observe(h, v);
    else if (agg === 'max') this.ctx.metrics.max(h, v);
    else this.ctx.metrics.add(h, v);
  }

  private resolveTargets(): Targets {
    if (this.targets) return this.targets;
    const t: Targets = { main: null, bucket: null, redshift: null, opensearch: null };
    for (const o of this.wiring.outputs) {
      const rt = this.ctx.runtime(o.targetId);
      if (rt instanceof S3Runtime) t.bucket = rt;
      else if (rt instanceof RedshiftRuntime) t.redshift = rt;
      else if (rt instanceof OpenSearchRuntime) t.opensearch = rt;
    }
    t.main = t.redshift ? 'redshift' : t.opensearch ? 'opensearch' : t.bucket ? 's3' : null;
    this.targets = t;
    return t;
  }

  beginTick(): void {
    // One tick's share of the per-second quotas; unused budget carries over for at most one more
    // tick, so 1 MiB/s of 1 KiB records is exactly 1,024 records a second (not 102 per tick).
    const share = (q: number) => q / TICKS_PER_SEC;
    const refill = (left: number, q: number) => share(q) + Math.min(Math.max(0, left), share(q));
    this.left = {
      bytes: refill(this.left.bytes, this.quota.bytes),
      requests: refill(this.left.requests, this.quota.requests),
      records: refill(this.left.records, this.quota.records),
    };
  }

  /** Direct PUT (PutRecordBatch of up to 500 records per request). */
  accept(batch: RecordBatch, start: number, end: number, _fromId: string, status: Uint8Array | null): number {
    const n = end - start;
    const requests = Math.ceil(n / 500);
    this.metric('IncomingPutRequests', requests);
    if (this.left.requests < requests) {
      status?.fill(THROTTLED, 0, n);
      this.throttle(n);
      return 0;
    }
    this.left.requests -= requests;
    let ok = 0;
    let okBytes = 0;
    for (let i = start; i < end; i++) {
      const bytes = batch.bytes[i];
      if (bytes > MAX_RECORD_BYTES) {
        if (status) status[i - start] = FAILED;
        this.counts.tooLarge++;
        continue;
      }
      if (this.left.records < 1 || this.left.bytes < bytes) {
        if (status) status[i - start] = THROTTLED;
        this.throttle(1);
        continue;
      }
      this.left.records -= 1;
      this.left.bytes -= bytes;
      if (status) status[i - start] = ACCEPTED;
      this.incoming.appendRow(batch, i);
      // Approximate arrival: when Firehose received it.
      this.incoming.arrivalMs[this.incoming.length - 1] = this.ctx.clock.nowMs;
      this.billedBytes += Math.max(1, Math.ceil(bytes / BILLING_INCREMENT)) * BILLING_INCREMENT;
      okBytes += bytes;
      ok++;
    }
    this.ingested(ok, okBytes);
    this.counts.incoming += ok;
    return ok;
  }

  private throttle(n: number): void {
    this.counts.throttled += n;
    this.perSec.throttled += n;
    this.metric('ThrottledRecords', n);
  }

  /** Count records taken in (billing is added per record by the caller). */
  private ingested(records: number, bytes: number): void {
    if (records === 0) return;
    this.metric('IncomingRecords', records);
    this.metric('IncomingBytes', bytes);
    this.perSec.in += records;
    this.perSec.inBytes += bytes;
  }

  private readStreams(): void {
    for (const input of this.wiring.streamInputs) {
      const r = input.reader;
      for (let s = 0; s < r.shardCount(); s++) {
        // Once per second per shard, spread over the ticks of a second.
        if ((s + this.tickNo) % TICKS_PER_SEC !== 0 || !r.isOpen(s)) continue;
        const before = this.incoming.length;
        const n = r.getRecords(s, 10_000, 10 * MIB, this.incoming);
        if (n <= 0) continue;
        this.counts.readFromStream += n;
        let bytes = 0;
        for (let i = before; i < this.incoming.length; i++) {
          const b = this.incoming.bytes[i];
          bytes += b;
          this.billedBytes += Math.max(1, Math.ceil(b / BILLING_INCREMENT)) * BILLING_INCREMENT;
        }
        this.ingested(n, bytes);
        this.metric('DataReadFromKinesisStream.Records', n);
        this.metric('DataReadFromKinesisStream.Bytes', bytes);
        this.metric('KinesisMillisBehindLatest', r.iteratorAgeMs(s), 'max');
      }
    }
  }

  tick(nowMs: number): void {
    const targets = this.resolveTargets();
    this.readStreams();
    this.tickNo++;
    if (this.billedBytes > 0) {
      this.ctx.cost.accrue(this.id, 'firehose.ingestGB', this.billedBytes / BILLING_GB);
      if (this.config.formatConversion !== 'NONE') {
        this.ctx.cost.accrue(this.id, 'firehose.formatConversionGB', this.billedBytes / BILLING_GB);
      }
      this.billedBytes = 0;
    }
    // Stage incoming records: through the transform, or straight into the destination buffer.
    const inc = this.incoming;
    if (this.transform) {
      this.transform.buffer.addAll(inc, nowMs);
      this.backupBuf?.addAll(inc, nowMs);
    } else this.dest.addAll(inc, nowMs);
    inc.clear();
    if (this.transform) this.dest.addAll(this.transform.tick(nowMs, this.delivery), nowMs);
    if (this.backupBuf?.due(nowMs)) {
      const bytes = this.backupBuf.bytes;
      this.delivery.backup(this.backupBuf.take(Number.POSITIVE_INFINITY, nowMs), bytes, nowMs);
    }
    if (this.dest.due(nowMs) && targets.main) {
      const bytes = this.dest.bytes;
      const rows = this.dest.take(Number.POSITIVE_INFINITY, nowMs);
      this.peekObject(rows, nowMs);
      this.perSec.out += rows.length;
      this.perSec.outBytes += bytes;
      this.delivery.deliver(rows, bytes, targets, nowMs);
    }
    this.delivery.tick(targets, nowMs);
  }

  private peekObject(rows: RecordBatch, nowMs: number): void {
    const i = rows.length - 1;
    if (i < 0) return;
    this.peeks.push({
      atMs: nowMs,
      partitionKey: this.ctx.keys.text(rows.key[i]),
      bytes: rows.bytes[i],
      data: truncateForPeek(this.ctx.payloads.get(rows.payload[i]) ?? ''),
    });
  }

  closeSecond(): void {
    const now = this.ctx.clock.nowMs;
    const oldest = Math.min(
      this.dest.oldestArrivalMs(),
      this.transform?.oldestArrivalMs() ?? Number.POSITIVE_INFINITY,
      this.delivery.oldestArrivalMs(),
    );
    const freshness = Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0;
    const main = this.resolveTargets().main;
    this.metric(
      main === 'opensearch'
        ? 'DeliveryToAmazonOpenSearchService.DataFreshness'
        : 'DeliveryToS3.DataFreshness',
      freshness,
      'max',
    );
    this.lastSec = this.perSec;
    this.perSec = { in: 0, inBytes: 0, out: 0, outBytes: 0, throttled: 0 };
  }

  live(): NodeLive {
    const live = emptyLive();
    const now = this.ctx.clock.nowMs;
    live.inRecordsPerSec = this.lastSec.in;
    live.inBytesPerSec = this.lastSec.inBytes;
    live.outRecordsPerSec = this.lastSec.out;
    live.outBytesPerSec = this.lastSec.outBytes;
    live.throttledPerSec = this.lastSec.throttled;
    live.utilization =
      this.config.source === 'directPut'
        ? Math.max(this.lastSec.inBytes / this.quota.bytes, this.lastSec.in / this.quota.records)
        : 0;
    live.counters = this.counters();
    live.firehose = {
      bufferBytes: this.dest.bytes,
      bufferRecords: this.dest.length,
      bufferLimitBytes: this.dest.sizeBytes,
      msToFlush: this.dest.msToFlush(now),
    };
    return live;
  }

  counters(): Record<string, number> {
    return {
      ...this.counts,
      ...this.delivery.counts,
      ...(this.transform?.counts ?? {}),
      buffered: this.dest.length,
      deliveringOrRetrying: this.delivery.inFlight(),
    };
  }

  conservation(): Conservation {
    const t = this.transform;
    const c = this.delivery.counts;
    return balance(
      'recordsIn',
      this.counts.incoming + this.counts.readFromStream,
      {
        delivered: c.delivered,
        droppedByTransform: t?.counts.dropped ?? 0,
        processingFailedToErrorPrefix: t?.counts.processingFailed ?? 0,
        failedToBackup: c.failedToBackup,
        lostAfterS3Retries: c.lostAfterS3Retries,
        skippedCopies: c.skippedCopies,
        inTransform: t?.inFlight() ?? 0,
        inBuffer: this.dest.length,
        delivering: this.delivery.inFlight(),
      },
      'Direct PUT records accepted (or read from the source stream); throttled records stay with the producer.',
    );
  }

  peek(limit: number): PeekRecord[] {
    return this.peeks.latest(limit);
  }

  applyEdit(edit: LiveEdit): { applied: boolean; reason?: string } {
    if (edit.type !== 'bufferHints')
      return { applied: false, reason: `${edit.type} does not apply to a delivery stream` };
    const main = this.resolveTargets().main;
    const maxMiB = main === 'opensearch' ? 100 : 128;
    if (edit.bufferSizeMiB < 1 || edit.bufferSizeMiB > maxMiB)
      return { applied: false, reason: `Buffer size must be 1–${maxMiB} MiB` };
    if (edit.bufferIntervalSec < 0 || edit.bufferIntervalSec > 900)
      return { applied: false, reason: 'Buffer interval must be 0–900 s' };
    this.config.bufferSizeMiB = edit.bufferSizeMiB;
    this.config.bufferIntervalSec = edit.bufferIntervalSec;
    this.dest.sizeBytes = edit.bufferSizeMiB * MIB;
    this.dest.intervalMs = edit.bufferIntervalSec * 1000;
    this.version++;
    return { applied: true };
  }
}

export function createFirehoseRuntime(
  node: PipelineNodeOf<'firehose'>,
  ctx: EngineContext,
  wiring: NodeWiring,
): NodeRuntime {
  return new FirehoseRuntime(node, ctx, wiring);
}
