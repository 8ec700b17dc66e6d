/**
 * Storing a put call's accepted records in their shards' logs.
 *
 * `StreamRuntime.accept` notes each accepted row here (in call order); `storeInto` then appends
 * them one shard at a time: a stable counting sort by shard, so every log receives its rows in
 * call order exactly as appending row by row did. Writing one log's ten columns in a run instead
 * of hopping between 64 logs per record keeps the writes cache-friendly (the benchmark's reference
 * pipeline, 64 shards: 3.0M → 3.7M records per CPU second).
 */
import type { RecordBatch } from '../records.ts';
import type { Shard } from './shard.ts';

export class AcceptedRows {
  /** Row indices into the put call's batch, in call order. */
  private rows = new Int32Array(1024);
  private sorted = new Int32Array(1024);
  /** Per shard: start, then end, of its run in `sorted` (length shards + 1). */
  private count = new Int32Array(0);
  length = 0;

  add(row: number): void {
    if (this.length >= this.rows.length) this.grow();
    this.rows[this.length++] = row;
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    this.sorted = new Int32Array(rows.length);
  }

  /** Append the noted rows of `batch` (whose `shard` column is set) to their shards' logs; clears. */
  storeInto(batch: RecordBatch, shards: Shard[]): void {
    const n = this.length;
    this.length = 0;
    if (n === 0) return;
    if (this.count.length < shards.length + 1) this.count = new Int32Array(shards.length + 1);
    const count = this.count;
    count.fill(0);
    const rows = this.rows;
    const sorted = this.sorted;
    const shardCol = batch.shard;
    for (let k = 0; k < n; k++) count[shardCol[rows[k]] + 1]++;
    for (let s = 1; s <= shards.length; s++) count[s] += count[s - 1];
    for (let k = 0; k < n; k++) sorted[count[shardCol[rows[k]]]++] = rows[k];
    // count[s] is now the end of shard s's run; the runs follow each other in shard order.
    let k = 0;
    while (k < n) {
      const si = shardCol[sorted[k]];
      const runEnd = count[si];
      const log = shards[si].log;
      log.reserve(runEnd - k);
      let j = log.length;
      const { key, bytes, arrivalMs, bornMs, seq, producer, payload, users, shard, attempts } = log;
      for (; k < runEnd; k++, j++) {
        const i = sorted[k];
        key[j] = batch.key[i];
        bytes[j] = batch.bytes[i];
        arrivalMs[j] = batch.arrivalMs[i];
        bornMs[j] = batch.bornMs[i];
        seq[j] = batch.seq[i];
        producer[j] = batch.producer[i];
        payload[j] = batch.payload[i];
        users[j] = batch.users[i];
        shard[j] = si;
        attempts[j] = batch.attempts[i];
      }
      log.length = j;
    }
  }
}
