/**
 * One consumer's view of a stream (StreamReader): GetRecords for polling consumers on the shard's
 * shared budget, SubscribeToShard-style reads for EFO consumers on their own 2 MiB/s, parents read
 * before children, iterator ages, rewind.
 */
import type { RecordBatch } from '../records.ts';
import { READ_BLOCKED, READ_END_OF_SHARD, READ_THROTTLED, type StreamReader } from '../runtime.ts';
import { MAX_BYTES_PER_CALL, MAX_RECORDS_PER_CALL, READ_PENALTY_MS, type Shard } from './shard.ts';
import type { ConsumerInfo, StreamRuntime } from './stream.ts';

export class StreamReaderImpl implements StreamReader {
  readonly streamId: string;
  readonly mode: 'polling' | 'efo';

  constructor(
    private readonly stream: StreamRuntime,
    readonly consumer: number,
    private readonly info: ConsumerInfo,
  ) {
    this.streamId = stream.id;
    this.mode = info.mode;
  }

  shardCount(): number {
    return this.stream.shards.length;
  }

  shardId(shard: number): string {
    return this.stream.shards[shard].id;
  }

  isOpen(shard: number): boolean {
    const s = this.stream.shards[shard];
    return s.open || s.iter[this.consumer] < s.endPos;
  }

  /** Closed and fully read by this consumer. */
  private finished(s: Shard): boolean {
    return !s.open && s.iter[this.consumer] >= s.endPos;
  }

  getRecords(shard: number, maxRecords: number, maxBytes: number, out: RecordBatch): number {
    const st = this.stream;
    const s = st.shards[shard];
    const c = this.consumer;
    for (const p of s.parents) if (!this.finished(st.shards[p])) return READ_BLOCKED;
    if (this.finished(s)) return READ_END_OF_SHARD;
    const efo = this.info.mode === 'efo';
    if (efo) {
      if (s.efoBytes[this.info.efoSlot] <= 0) return 0;
    } else {
      if (s.readCalls < 1 || s.readBytes <= 0 || st.nowMs < s.readPenaltyUntilMs) {
        s.readThrottled++;
        st.metrics.readThrottled++;
        return READ_THROTTLED;
      }
      s.readCalls -= 1;
    }
    const limitRecords = Math.min(maxRecords, MAX_RECORDS_PER_CALL);
    const budget = efo ? s.efoBytes[this.info.efoSlot] : MAX_BYTES_PER_CALL;
    const limitBytes = Math.min(maxBytes, MAX_BYTES_PER_CALL, budget);
    const keys = st.ctx.keys;
    const log = s.log;
    let row = s.iter[c] - s.basePos;
    const endRow = log.length;
    let n = 0;
    let bytes = 0;
    let fullCall = false;
    while (row < endRow && n < limitRecords) {
      const size = log.bytes[row] + keys.bytes(log.key[row]);
      if (n > 0 && bytes + size > limitBytes) {
        fullCall = limitBytes === MAX_BYTES_PER_CALL;
        break;
      }
      if (n === 0 && efo && size > limitBytes) break;
      bytes += size;
      n++;
      row++;
    }
    if (n > 0) out.append(log, row - n, row);
    s.iter[c] += n;
    // Age of the oldest record still unread after this call (0 when caught up).
    const age = row < endRow ? st.nowMs - log.arrivalMs[row] : n > 0 ? st.nowMs - log.arrivalMs[row - 1] : 0;
    if (age > s.iteratorAge) s.iteratorAge = age;
    if (efo) {
      s.efoBytes[this.info.efoSlot] -= bytes;
      s.efoBytesSec += bytes;
    } else {
      // The shard's shared 2 MiB/s bucket may go negative after a big read: later calls throttle.
      s.readBytes -= bytes;
      // A call that returned the full 10 MiB throttles the shard's calls for the next 5 s (§1.2.2).
      if (fullCall) s.readPenaltyUntilMs = st.nowMs + READ_PENALTY_MS;
      s.outRecords += n;
      s.outBytes += bytes;
    }
    st.metrics.read(efo, n, bytes, age);
    this.info.read += n;
    this.info.readBytes += bytes;
    if (n > 0) st.trimRead(s);
    return n;
  }

  pending(shard: number): number {
    const s = this.stream.shards[shard];
    return s.endPos - s.iter[this.consumer];
  }

  iteratorAgeMs(shard: number): number {
    const s = this.stream.shards[shard];
    const row = s.iter[this.consumer] - s.basePos;
    return row < s.log.length ? this.stream.nowMs - s.log.arrivalMs[row] : 0;
  }

  rewind(shard: number, n: number): void {
    const s = this.stream.shards[shard];
    const to = Math.max(s.startPos, s.iter[this.consumer] - n);
    this.info.read -= s.iter[this.consumer] - to;
    s.iter[this.consumer] = to;
  }

  expiredCount(): number {
    return this.info.expired;
  }
}
