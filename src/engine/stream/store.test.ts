import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../records.ts';
import { Shard } from './shard.ts';
import { AcceptedRows } from './store.ts';

describe('AcceptedRows (a put call’s accepted records into the shard logs)', () => {
  it('appends each shard’s rows in call order, skipping rows that were not accepted', () => {
    const shards = [0, 1, 2].map((i) => new Shard(i, 0n, 0n, [], 1, 0));
    // Seven records of one call routed to shards 2, 0, 2, 1, 0, 2, 1; row 3 was throttled.
    const route = [2, 0, 2, 1, 0, 2, 1];
    const batch = new RecordBatch(8);
    route.forEach((shard, row) => {
      batch.push(100 + row, 10 * (row + 1), 5, 4, 0, row);
      batch.shard[row] = shard;
      batch.seq[row] = row + 1;
    });
    const rows = new AcceptedRows();
    for (const row of [0, 1, 2, 4, 5, 6]) rows.add(row);
    rows.storeInto(batch, shards);
    const keysOf = (s: Shard) => Array.from(s.log.key.subarray(0, s.log.length));
    expect(keysOf(shards[0])).toEqual([101, 104]);
    expect(keysOf(shards[1])).toEqual([106]);
    expect(keysOf(shards[2])).toEqual([100, 102, 105]);
    expect(Array.from(shards[2].log.bytes.subarray(0, 3))).toEqual([10, 30, 60]);
    expect(Array.from(shards[2].log.seq.subarray(0, 3))).toEqual([1, 3, 6]);
    expect(Array.from(shards[2].log.shard.subarray(0, 3))).toEqual([2, 2, 2]);
    // A second call appends after the first and the noted rows were cleared.
    rows.add(3);
    rows.storeInto(batch, shards);
    expect(keysOf(shards[1])).toEqual([106, 103]);
    expect(shards[0].log.length + shards[2].log.length).toBe(5);
  });

  it('grows past its initial 1,024 rows and keeps 3,000 rows of one shard in order', () => {
    const shards = [new Shard(0, 0n, 0n, [], 1, 0)];
    const batch = new RecordBatch(16);
    const rows = new AcceptedRows();
    for (let r = 0; r < 3000; r++) {
      batch.push(r, 1, 0, 0, 0, -1);
      batch.shard[r] = 0;
      rows.add(r);
    }
    rows.storeInto(batch, shards);
    expect(shards[0].log.length).toBe(3000);
    expect(shards[0].log.key[2999]).toBe(2999);
    expect(shards[0].log.key[1024]).toBe(1024);
  });
});
