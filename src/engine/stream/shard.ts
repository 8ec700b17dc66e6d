/**
 * One shard of a data stream: its hash-key range, its stored records (column-wise log), its
 * token buckets and its per-second figures.
 *
 * Limits (AWS docs: Shard write limits–1.4):
 * - write: 1,000 records/s and 1 MiB/s (data + partition key) as two token buckets that hold one
 *   second and are topped up by one second's worth at every simulated second (`refillWrite`), so
 *   records may come in any sub-second burst but a second never takes more than AWS's per-second
 *   figures (an even 1,500 rec/s gets exactly 1,000 accepted per second, 3 × 512,000 B/s exactly 2).
 *   A record up to 1 MiB needs its bytes in the bucket. A larger one (large records, up to the
 *   stream's MaxRecordSizeInKiB, 10 MiB) goes in while the bucket holds any bytes this second and
 *   leaves it in debt, repaid at 1 MiB/s (StreamRuntime.accept): a 10 MiB record holds the shard's
 *   writes for ~10 s, and over time bytes in stay at 1 MiB/s (AWS: large records "spend burst
 *   capacity, which refills over time");
 * - polling read: a 2 MiB/s byte bucket holding up to 10 MiB (a 10 MiB read empties it, so the next
 *   ~5 s of calls are throttled) and a 5 calls/s bucket holding up to 5 calls;
 * - EFO: 2 MiB/s per registered consumer, holding up to 2 MiB.
 *
 * Positions are absolute record counts since the shard opened: row r of `log` is position
 * `basePos + r`. Consumers keep their iterator as a position in `iter[consumer]`.
 */
import { TICK_MS } from '../clock.ts';
import { RecordBatch } from '../records.ts';

export const MIB = 1024 * 1024;
export const WRITE_RECORDS_PER_SEC = 1000;
export const WRITE_BYTES_PER_SEC = MIB;
export const READ_BYTES_PER_SEC = 2 * MIB;
export const READ_BURST_BYTES = 10 * MIB;
export const READ_CALLS_PER_SEC = 5;
export const EFO_BYTES_PER_SEC = 2 * MIB;
export const MAX_RECORDS_PER_CALL = 10000;
export const MAX_BYTES_PER_CALL = 10 * MIB;
/** After a GetRecords call returns 10 MiB, the shard's calls in the next 5 s are throttled (§1.2.2). */
export const READ_PENALTY_MS = 5000;

const TICK_SEC = TICK_MS / 1000;

export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/**
 * AWS-style decimal sequence number: grows within a shard (49 + shard index + counter, 56 digits).
 * Only for display; the engine compares the numeric counter.
 */
export function formatSequenceNumber(shardIndex: number, counter: number): string {
  return `49${String(shardIndex).padStart(14, '0')}${String(counter).padStart(40, '0')}`;
}

export class Shard {
  readonly id: string;
  open = true;
  /** Position where the shard closed (no more writes), valid once `open` is false. */
  closedAtMs = -1;
  /** Stored records; rows before `head` are already trimmed (compacted lazily). */
  readonly log = new RecordBatch(256);
  head = 0;
  /** Absolute position of log row 0. */
  basePos = 0;
  /** Sequence counter (numeric): the next record gets ++seq. */
  seq = 0;

  // Buckets. Write: tokens left in the current second (bytes may be negative: large-record debt).
  writeRecords = WRITE_RECORDS_PER_SEC;
  writeBytes = WRITE_BYTES_PER_SEC;
  readBytes = READ_BURST_BYTES;
  readCalls = READ_CALLS_PER_SEC;
  /** Sim ms until which polling calls are refused after a 10 MiB call. */
  readPenaltyUntilMs = 0;
  efoBytes: Float64Array;

  /** Iterator position per consumer (absolute). */
  iter: Float64Array;
  /** Write capacity multiplier (1 for provisioned; on-demand uses 1 too, per-shard caps stay). */

  // Figures of the open second, and of the last closed one (for live views).
  inRecords = 0;
  inBytes = 0;
  writeThrottled = 0;
  readThrottled = 0;
  outRecords = 0;
  outBytes = 0;
  iteratorAge = 0;
  efoBytesSec = 0;
  last = {
    inRecords: 0,
    inBytes: 0,
    writeThrottled: 0,
    readThrottled: 0,
    outBytes: 0,
    efoBytes: 0,
    iteratorAge: 0,
  };

  /** Records written into this shard since it opened. */
  totalIn = 0;

  constructor(
    readonly index: number,
    readonly startHash: bigint,
    readonly endHash: bigint,
    readonly parents: number[],
    consumers: number,
    efoConsumers: number,
  ) {
    this.id = shardIdOf(index);
    this.iter = new Float64Array(consumers);
    this.efoBytes = new Float64Array(efoConsumers).fill(EFO_BYTES_PER_SEC);
  }

  /** Absolute position one past the newest record. */
  get endPos(): number {
    return this.basePos + this.log.length;
  }

  /** Absolute position of the oldest stored record. */
  get startPos(): number {
    return this.basePos + this.head;
  }

  /** Top the write buckets up by one second's worth (at each simulated second), holding one second. */
  refillWrite(): void {
    this.writeRecords = Math.min(WRITE_RECORDS_PER_SEC, this.writeRecords + WRITE_RECORDS_PER_SEC);
    this.writeBytes = Math.min(WRITE_BYTES_PER_SEC, this.writeBytes + WRITE_BYTES_PER_SEC);
  }

  /** Refill the read buckets for one tick. */
  refill(): void {
    this.readBytes = Math.min(READ_BURST_BYTES, this.readBytes + READ_BYTES_PER_SEC * TICK_SEC);
    this.readCalls = Math.min(READ_CALLS_PER_SEC, this.readCalls + READ_CALLS_PER_SEC * TICK_SEC);
    for (let c = 0; c < this.efoBytes.length; c++) {
      this.efoBytes[c] = Math.min(EFO_BYTES_PER_SEC, this.efoBytes[c] + EFO_BYTES_PER_SEC * TICK_SEC);
    }
  }

  /** Drop stored rows before absolute position `pos` (already read by everyone, or expired). */
  trimTo(pos: number): void {
    const row = pos - this.basePos;
    if (row <= this.head) return;
    this.head = Math.min(row, this.log.length);
    // Compact when more than half the log is dead rows (amortised O(1) per record).
    if (this.head > 4096 && this.head * 2 > this.log.length) {
      this.log.shift(this.head);
      this.basePos += this.head;
      this.head = 0;
    } else if (this.head === this.log.length) {
      this.basePos += this.head;
      this.log.clear();
      this.head = 0;
    }
  }

  /** First absolute position whose record arrived at or after `ms` (records arrive in order). */
  positionAt(ms: number): number {
    let lo = this.head;
    let hi = this.log.length;
    const a = this.log.arrivalMs;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < ms) lo = mid + 1;
      else hi = mid;
    }
    return this.basePos + lo;
  }

  /** Close the open second: keep its figures for live views and reset. */
  rollSecond(): void {
    const l = this.last;
    l.inRecords = this.inRecords;
    l.inBytes = this.inBytes;
    l.writeThrottled = this.writeThrottled;
    l.readThrottled = this.readThrottled;
    l.outBytes = this.outBytes;
    l.efoBytes = this.efoBytesSec;
    l.iteratorAge = this.iteratorAge;
    this.inRecords = 0;
    this.inBytes = 0;
    this.writeThrottled = 0;
    this.readThrottled = 0;
    this.outRecords = 0;
    this.outBytes = 0;
    this.efoBytesSec = 0;
    this.iteratorAge = 0;
  }
}
