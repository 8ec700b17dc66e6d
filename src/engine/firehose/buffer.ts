/**
 * A Firehose buffer: records waiting for a size or interval threshold, whichever comes first
 * (AWS docs: Buffering and delivery latency; size measured before compression). The interval counts from the first
 * record that entered the empty buffer. Sim ms throughout.
 */
import { TICK_MS } from '../clock.ts';
import { RecordBatch } from '../records.ts';

export const MIB = 1024 * 1024;

export class StageBuffer {
  readonly rows = new RecordBatch(256);
  bytes = 0;
  /** Sim ms the first record entered the (empty) buffer; NaN when empty. */
  sinceMs = Number.NaN;
  private lastFlushMs = Number.NEGATIVE_INFINITY;

  constructor(
    public sizeBytes: number,
    public intervalMs: number,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  add(batch: RecordBatch, i: number, bytes: number, nowMs: number): void {
    // Records arriving in the tick right after a flush continue from the flush instant, so a steady
    // stream with a 60 s interval gives one object every 60 s (not every 60 s + one tick).
    if (this.rows.length === 0) this.sinceMs = nowMs - this.lastFlushMs <= TICK_MS ? this.lastFlushMs : nowMs;
    this.rows.appendRow(batch, i);
    this.rows.bytes[this.rows.length - 1] = bytes;
    this.bytes += bytes;
  }

  /** Add every row of `batch` with its own size (one typed-array copy, no per-record work). */
  addAll(batch: RecordBatch, nowMs: number): void {
    if (batch.length === 0) return;
    if (this.rows.length === 0) this.sinceMs = nowMs - this.lastFlushMs <= TICK_MS ? this.lastFlushMs : nowMs;
    this.rows.append(batch);
    this.bytes += batch.sumBytes();
  }

  /** Full by size, or its interval has passed (an interval of 0 flushes every tick). */
  due(nowMs: number): boolean {
    if (this.rows.length === 0) return false;
    return this.bytes >= this.sizeBytes || nowMs - this.sinceMs >= this.intervalMs;
  }

  /** Ms until the interval would flush (0 when due or empty). */
  msToFlush(nowMs: number): number {
    if (this.rows.length === 0) return 0;
    return Math.max(0, this.intervalMs - (nowMs - this.sinceMs));
  }

  /** Take up to `maxBytes` (at least one record) from the front; the rest stays with its clock. */
  take(maxBytes = Number.POSITIVE_INFINITY, nowMs = Number.NEGATIVE_INFINITY): RecordBatch {
    const out = new RecordBatch(Math.max(16, this.rows.length));
    let bytes = 0;
    let n = 0;
    while (n < this.rows.length && (n === 0 || bytes + this.rows.bytes[n] <= maxBytes)) {
      bytes += this.rows.bytes[n];
      n++;
    }
    out.append(this.rows, 0, n);
    this.rows.shift(n);
    this.bytes -= bytes;
    if (this.rows.length === 0) {
      this.bytes = 0;
      this.sinceMs = Number.NaN;
      this.lastFlushMs = nowMs;
    }
    return out;
  }

  /** Arrival (sim ms) of the record at the front: the oldest, as records enter in arrival order. */
  oldestArrivalMs(): number {
    return this.rows.length > 0 ? this.rows.arrivalMs[0] : Number.POSITIVE_INFINITY;
  }
}
