/**
 * How records leave a producer in groups:
 * - KPL aggregation (§1.14): user records bound for the same shard are packed into one Kinesis
 *   record of at most `aggregationMaxBytes` (data + partition key); the per-shard limit of 1,000
 *   records/s then counts the packed records, and `users` keeps how many user records each holds.
 * - Kinesis Agent buffering (§6.1.3): new log lines wait until `maxBufferSizeRecords` lines or
 *   `maxBufferAgeMillis` since the oldest one, whichever comes first.
 */
import type { AgentSettings } from '../../model/types.ts';
import type { KeyTable } from '../hash.ts';
import { RecordBatch } from '../records.ts';
import type { RoutingTable } from '../stream/routing.ts';

/** Aggregated-record overhead: 4-byte magic + 16-byte MD5 trailer, and ~4 bytes per user record. */
const KPL_FIXED_BYTES = 20;
const KPL_PER_RECORD_BYTES = 4;

/** Append to `out` the KPL-aggregated form of `fresh` (shards predicted with the stream's routing). */
export function kplAggregate(
  fresh: RecordBatch,
  out: RecordBatch,
  routing: RoutingTable,
  keys: KeyTable,
  maxBytes: number,
  producerIndex: number,
): void {
  const open = new Map<number, number>();
  for (let i = 0; i < fresh.length; i++) {
    const shard = routing.route(keys, fresh.key[i]);
    const add = fresh.bytes[i] + KPL_PER_RECORD_BYTES;
    const row = open.get(shard);
    if (row !== undefined && out.bytes[row] + add + keys.bytes(out.key[row]) <= maxBytes) {
      out.bytes[row] += add;
      out.users[row] += 1;
    } else {
      const j = out.push(
        fresh.key[i],
        KPL_FIXED_BYTES + add,
        fresh.arrivalMs[i],
        fresh.bornMs[i],
        producerIndex,
        fresh.payload[i],
        1,
      );
      open.set(shard, j);
    }
  }
}

export class AgentBuffer {
  readonly lines = new RecordBatch(512);
  private oldestMs = 0;

  constructor(private readonly settings: AgentSettings) {}

  /** Add this tick's lines; move what is due to `out`. */
  flush(fresh: RecordBatch, out: RecordBatch, nowMs: number): void {
    if (this.lines.length === 0 && fresh.length > 0) this.oldestMs = nowMs;
    this.lines.append(fresh);
    const max = Math.max(1, this.settings.maxBufferSizeRecords);
    const full = Math.floor(this.lines.length / max) * max;
    const aged = this.lines.length > 0 && nowMs - this.oldestMs >= this.settings.maxBufferAgeMillis;
    const take = aged ? this.lines.length : full;
    if (take > 0) {
      out.append(this.lines, 0, take);
      this.lines.shift(take);
      this.oldestMs = nowMs;
    }
  }

  get length(): number {
    return this.lines.length;
  }
}
