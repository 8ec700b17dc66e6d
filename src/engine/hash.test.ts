import { describe, expect, it } from 'vitest';
import { evenSplit, HASH_MAX, hashKeyOf, KeyTable, parseHashKey } from './hash.ts';
import { RoutingTable } from './stream/routing.ts';
import { Shard } from './stream/shard.ts';

function shardsOf(n: number): Shard[] {
  return evenSplit(n).map((r, i) => new Shard(i, r.start, r.end, [], 0, 0));
}

describe('partition key hashing (MD5 as a 128-bit big-endian number)', () => {
  it('matches the well-known MD5 digests of "a" and "0"', () => {
    expect(hashKeyOf('a')).toBe(BigInt('0x0cc175b9c0f1b6a831c399e269772661').toString());
    expect(hashKeyOf('0')).toBe(BigInt('0xcfcd208495d565ef66e7dff9f98764da').toString());
    expect(hashKeyOf('a')).toBe('16955237001963240173058271559858726497');
  });

  it('splits the hash space evenly as kinesalite does: 3 shards end at ⌊2^128/3⌋−1, 2·⌊2^128/3⌋−1 and 2^128−1', () => {
    const r = evenSplit(3);
    const step = (1n << 128n) / 3n;
    expect(r.map((x) => x.start)).toEqual([0n, step, 2n * step]);
    expect(r.map((x) => x.end.toString())).toEqual([
      '113427455640312821154458202477256070484',
      '226854911280625642308916404954512140969',
      '340282366920938463463374607431768211455',
    ]);
    expect(r[2].end).toBe(HASH_MAX);
  });

  it('routes a key to the open shard whose range holds its hash: "a" → shard 0 of 4, "0" → shard 3, "user-12345" → shard 2', () => {
    const keys = new KeyTable();
    const table = new RoutingTable();
    table.rebuild(shardsOf(4));
    expect(table.route(keys, keys.intern('a'))).toBe(0);
    expect(table.route(keys, keys.intern('0'))).toBe(3);
    expect(table.route(keys, keys.intern('user-12345'))).toBe(2);
  });

  it('agrees with a BigInt range scan for 2,000 keys over 7 shards', () => {
    const keys = new KeyTable();
    const shards = shardsOf(7);
    const table = new RoutingTable();
    table.rebuild(shards);
    for (let i = 0; i < 2000; i++) {
      const id = keys.intern(`k${i}`);
      const h = keys.hashKey(id);
      const expected = shards.find((s) => s.startHash <= h && h <= s.endHash)?.index;
      expect(table.route(keys, id)).toBe(expected);
    }
  });

  it('uses an ExplicitHashKey instead of MD5, and refuses values outside 0 … 2^128−1', () => {
    const keys = new KeyTable();
    const table = new RoutingTable();
    table.rebuild(shardsOf(4));
    const top = keys.internExplicit('whatever', HASH_MAX);
    expect(table.route(keys, top)).toBe(3);
    expect(table.route(keys, keys.internExplicit('whatever', 0n))).toBe(0);
    expect(parseHashKey('340282366920938463463374607431768211456')).toBeNull();
    expect(parseHashKey('-1')).toBeNull();
  });

  it('counts partition-key bytes in UTF-8 ("シャード" is 12 bytes)', () => {
    const keys = new KeyTable();
    expect(keys.bytes(keys.intern('シャード'))).toBe(12);
    expect(keys.bytes(keys.intern('user-1'))).toBe(6);
  });
});
