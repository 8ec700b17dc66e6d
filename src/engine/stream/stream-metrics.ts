/**
 * A stream's CloudWatch metrics (namespace AWS/Kinesis, §1.13) and its billing, per second.
 * Hot paths add to plain fields here; `closeSecond` moves them into the metric store (stream level
 * and, up to SHARD_SERIES_LIMIT shards, shard level with series) and accrues the second's cost.
 */
import type { NodeReport } from '../api.ts';
import type { MetricStore } from '../metrics.ts';
import { BILLING_GB } from '../pricing.ts';
import type { StreamRuntime } from './stream.ts';

const STREAM_METRICS = [
  'IncomingRecords',
  'IncomingBytes',
  'WriteProvisionedThroughputExceeded',
  'PutRecord.Success',
  'PutRecords.TotalRecords',
  'PutRecords.SuccessfulRecords',
  'PutRecords.ThrottledRecords',
  'GetRecords.Records',
  'GetRecords.Bytes',
  'GetRecords.Success',
  'ReadProvisionedThroughputExceeded',
  'SubscribeToShardEvent.Records',
  'SubscribeToShardEvent.Bytes',
  'OutgoingRecords',
  'OutgoingBytes',
] as const;
type StreamMetricName = (typeof STREAM_METRICS)[number];

const SHARD_METRICS = [
  'IncomingRecords',
  'IncomingBytes',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'OutgoingRecords',
  'OutgoingBytes',
  'IteratorAgeMilliseconds',
] as const;

export class StreamMetrics {
  private readonly h: Record<StreamMetricName, number>;
  private readonly hAge: number;
  private readonly hShards: number;
  /** Metric handles per shard (7 each), when shard series are kept. */
  private shardHandles: number[][] = [];
  // Open second, stream level.
  incomingRecords = 0;
  incomingBytes = 0;
  putRecordOk = 0;
  putRecordsTotal = 0;
  putRecordsOk = 0;
  putRecordsThrottled = 0;
  getRecords = 0;
  getBytes = 0;
  getCalls = 0;
  readThrottled = 0;
  efoRecords = 0;
  efoBytes = 0;
  iteratorAge = 0;
  putPayloadUnits = 0;
  onDemandBytesIn = 0;
  /** Last closed second (live views). */
  last = { incomingRecords: 0, incomingBytes: 0, outRecords: 0, outBytes: 0, writeThrottled: 0 };

  constructor(
    private readonly stream: StreamRuntime,
    private readonly store: MetricStore,
    private readonly shardSeries: boolean,
  ) {
    const id = stream.id;
    this.h = {} as Record<StreamMetricName, number>;
    for (const n of STREAM_METRICS) this.h[n] = store.register(id, n);
    this.hAge = store.register(id, 'GetRecords.IteratorAgeMilliseconds', 'max');
    this.hShards = store.register(id, 'OpenShardCount', 'max');
    this.ensureShards();
  }

  /** Register metric handles for shards opened since the last call. */
  ensureShards(): void {
    const shards = this.stream.shards;
    for (let i = this.shardHandles.length; i < shards.length; i++) {
      const sid = shards[i].id;
      this.shardHandles.push(
        SHARD_METRICS.map((n) =>
          this.store.register(
            this.stream.id,
            n,
            n === 'IteratorAgeMilliseconds' ? 'max' : 'sum',
            sid,
            this.shardSeries && i < 1024,
          ),
        ),
      );
    }
  }

  /**
   * `records` accepted in one put call: `bytes` their total size, `payloadUnits` the sum of each
   * record's 25 KB units and `onDemandBytes` the sum of each record's size rounded up to 1 KB
   * (§2.1.2 and §2.3; the caller sums them per record, so totals equal adding record by record).
   */
  acceptedRecords(records: number, bytes: number, payloadUnits: number, onDemandBytes: number): void {
    this.incomingRecords += records;
    this.incomingBytes += bytes;
    this.putPayloadUnits += payloadUnits;
    this.onDemandBytesIn += onDemandBytes;
  }

  /** Fluid model: `records` accepted of mean size `size` (bytes, key included). */
  acceptedBulk(records: number, size: number): void {
    this.incomingRecords += records;
    this.incomingBytes += records * size;
    this.putPayloadUnits += records * Math.ceil(size / 25600);
    this.onDemandBytesIn += records * Math.ceil(size / 1024) * 1024;
  }

  /** Write-throttled records of the second not counted on Shard objects (fluid model). */
  extraWriteThrottled = 0;

  putCall(perRecordApi: boolean, records: number, ok: number): void {
    if (perRecordApi) this.putRecordOk += ok;
    else {
      this.putRecordsTotal += records;
      this.putRecordsOk += ok;
      this.putRecordsThrottled += records - ok;
    }
  }

  read(efo: boolean, records: number, bytes: number, ageMs: number): void {
    if (efo) {
      this.efoRecords += records;
      this.efoBytes += bytes;
    } else {
      this.getRecords += records;
      this.getBytes += bytes;
      this.getCalls++;
    }
    if (ageMs > this.iteratorAge) this.iteratorAge = ageMs;
  }

  closeSecond(): void {
    const st = this.stream;
    const s = this.store;
    const h = this.h;
    let writeThrottled = this.extraWriteThrottled;
    this.extraWriteThrottled = 0;
    for (let i = 0; i < st.shards.length; i++) {
      const sh = st.shards[i];
      writeThrottled += sh.writeThrottled;
      const hs = this.shardHandles[i];
      s.add(hs[0], sh.inRecords);
      s.add(hs[1], sh.inBytes);
      s.add(hs[2], sh.writeThrottled);
      s.add(hs[3], sh.readThrottled);
      s.add(hs[4], sh.outRecords);
      s.add(hs[5], sh.outBytes);
      s.max(hs[6], sh.iteratorAge);
    }
    s.add(h.IncomingRecords, this.incomingRecords);
    s.add(h.IncomingBytes, this.incomingBytes);
    s.add(h.WriteProvisionedThroughputExceeded, writeThrottled);
    s.add(h['PutRecord.Success'], this.putRecordOk);
    s.add(h['PutRecords.TotalRecords'], this.putRecordsTotal);
    s.add(h['PutRecords.SuccessfulRecords'], this.putRecordsOk);
    s.add(h['PutRecords.ThrottledRecords'], this.putRecordsThrottled);
    s.add(h['GetRecords.Records'], this.getRecords);
    s.add(h['GetRecords.Bytes'], this.getBytes);
    s.add(h['GetRecords.Success'], this.getCalls);
    s.add(h.ReadProvisionedThroughputExceeded, this.readThrottled);
    s.add(h['SubscribeToShardEvent.Records'], this.efoRecords);
    s.add(h['SubscribeToShardEvent.Bytes'], this.efoBytes);
    s.add(h.OutgoingRecords, this.getRecords + this.efoRecords);
    s.add(h.OutgoingBytes, this.getBytes + this.efoBytes);
    s.max(this.hAge, this.iteratorAge);
    const open = st.openShards;
    s.max(this.hShards, open);
    this.accrueCost(open);
    this.last = {
      incomingRecords: this.incomingRecords,
      incomingBytes: this.incomingBytes,
      outRecords: this.getRecords + this.efoRecords,
      outBytes: this.getBytes + this.efoBytes,
      writeThrottled,
    };
    this.incomingRecords = 0;
    this.incomingBytes = 0;
    this.putRecordOk = 0;
    this.putRecordsTotal = 0;
    this.putRecordsOk = 0;
    this.putRecordsThrottled = 0;
    this.getRecords = 0;
    this.getBytes = 0;
    this.getCalls = 0;
    this.readThrottled = 0;
    this.efoRecords = 0;
    this.efoBytes = 0;
    this.iteratorAge = 0;
    this.putPayloadUnits = 0;
    this.onDemandBytesIn = 0;
  }

  /** One simulated second of billing (§2.2, §2.3). */
  private accrueCost(openShards: number): void {
    const st = this.stream;
    const cost = st.ctx.cost;
    const id = st.id;
    const efoConsumers = st.cfg.efoConsumers.length;
    if (st.ondemand) {
      cost.accrue(id, 'kds.onDemandStreamHour', 1 / 3600);
      cost.accrue(id, 'kds.onDemandGBIn', this.onDemandBytesIn / BILLING_GB);
      cost.accrue(id, 'kds.onDemandGBOut', this.getBytes / BILLING_GB);
      cost.accrue(id, 'kds.onDemandEfoGBOut', this.efoBytes / BILLING_GB);
    } else {
      cost.accrue(id, 'kds.shardHour', openShards / 3600);
      cost.accrue(id, 'kds.putPayloadUnit', this.putPayloadUnits);
      if (st.cfg.retentionHours > 24) cost.accrue(id, 'kds.extendedRetentionShardHour', openShards / 3600);
      if (efoConsumers > 0) cost.accrue(id, 'kds.efoConsumerShardHour', (efoConsumers * openShards) / 3600);
      cost.accrue(id, 'kds.efoGB', this.efoBytes / BILLING_GB);
    }
    if (st.cfg.retentionHours > 168) {
      cost.assume('Long-term retention (> 7 days) storage per GB-month is not metered.');
    }
  }

  shardReports(): NonNullable<NodeReport['shards']> {
    const st = this.stream;
    return st.shards.slice(0, 1024).map((sh) => {
      const metrics: NodeReport['shards'] extends (infer T)[] | undefined
        ? T extends { metrics: infer M }
          ? M
          : never
        : never = {};
      this.shardHandles[sh.index].forEach((hd, k) => {
        metrics[SHARD_METRICS[k]] = this.store.summary(hd);
      });
      return {
        shardId: sh.id,
        startingHashKey: sh.startHash.toString(),
        endingHashKey: sh.endHash.toString(),
        parentShardIds: sh.parents.map((p) => st.shards[p].id),
        metrics,
      };
    });
  }
}
