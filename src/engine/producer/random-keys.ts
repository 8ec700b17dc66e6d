/**
 * Random partition keys that spread like a fresh key per record (issue 13).
 *
 * A Data Generator sends a new random numeric key with every record, so each record's hash key is
 * an independent uniform draw over the 128-bit space: a shard gets each record with probability
 * equal to its share of the hash space. Interning (and MD5-hashing) a new key text per record would
 * cost ~130 ns a record and grow the key table without bound, and a fixed pool of keys does not
 * spread like fresh keys (with 4,096 keys the busiest of 100 shards held 1.4× the mean and, at
 * 1,000 shards, some held none). So the picker draws the hash position directly from the seeded
 * generator (uniform in [0, 1) of the hash space), finds the shard that owns it, and labels the
 * record with a real random key whose MD5 lands in that same shard: shard loads are exactly those of
 * fresh keys, the key text still routes where the record went, and runs stay deterministic.
 *
 * Keys come from one pool per run (KeyTable), grown until every open shard owns at least one; each
 * shard map (RoutingTable version) gets an index: shard starts as fractions of the hash space, a
 * guide table for O(1) lookup, and the pool keys grouped by shard.
 */
import { type KeyTable, wordsToBig } from '../hash.ts';
import { Rng } from '../rng.ts';
import type { RoutingTable } from '../stream/routing.ts';

/** Keys interned up front: also the pool used when records have no shard map (Firehose targets). */
export const RANDOM_KEYS_MIN = 4096;
/** Pool keys per open shard aimed for (more variety in key texts; MD5 runs once per key). */
const KEYS_PER_SHARD = 4;
const TWO32 = 4294967296;

interface KeyPool {
  rng: Rng;
  ids: number[];
  /** Hash key of each pool key as a fraction of 2^128 (top 64 bits). */
  fracs: number[];
}

interface ShardIndex {
  version: number;
  /** Open shards' starting hash keys as fractions of 2^128, in hash order. */
  starts: Float64Array;
  /** guide[g] = the last shard (hash order) starting at or before g / guide.length. */
  guide: Int32Array;
  /** Pool keys of shard (hash order) i are keys[first[i] … first[i+1]). */
  first: Int32Array;
  keys: Int32Array;
  /**
   * The fast path: the hash space cut into 2^bits equal slices; a slice inside one shard holds one
   * of that shard's keys (round robin over its slices), a slice across a boundary holds -1.
   */
  slices: Int32Array;
  shift: number;
}

const pools = new WeakMap<KeyTable, KeyPool>();
const indexes = new WeakMap<RoutingTable, ShardIndex>();

function poolOf(keys: KeyTable): KeyPool {
  let p = pools.get(keys);
  if (!p) {
    p = { rng: new Rng(0x4b445347), ids: [], fracs: [] };
    pools.set(keys, p);
    grow(p, keys, RANDOM_KEYS_MIN);
  }
  return p;
}

/** Intern `n` more random keys (KDG-style decimals in 0 … 10^10). */
function grow(p: KeyPool, keys: KeyTable, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = Math.floor(p.rng.next() * 1e5) * 1e5 + Math.floor(p.rng.next() * 1e5);
    const id = keys.intern(String(v));
    p.ids.push(id);
    p.fracs.push(keys.hashes[id * 4] / TWO32 + keys.hashes[id * 4 + 1] / TWO32 / TWO32);
  }
}

/** Position (hash order) of the shard whose range holds hash fraction `u`. */
function positionOf(ix: ShardIndex, u: number): number {
  const starts = ix.starts;
  let g = ix.guide[Math.floor(u * ix.guide.length)];
  while (g + 1 < starts.length && starts[g + 1] <= u) g++;
  return g;
}

function buildIndex(routing: RoutingTable, keys: KeyTable): ShardIndex {
  const { starts: words } = routing.sorted;
  const n = words.length / 4;
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = words[i * 4] / TWO32 + words[i * 4 + 1] / TWO32 / TWO32;
  const guide = new Int32Array(Math.max(1024, 4 * n));
  for (let g = 0, pos = 0; g < guide.length; g++) {
    const u = g / guide.length;
    while (pos + 1 < n && starts[pos + 1] <= u) pos++;
    guide[g] = pos;
  }
  const ix: ShardIndex = {
    version: routing.version,
    starts,
    guide,
    first: new Int32Array(n + 1),
    keys: new Int32Array(0),
    slices: new Int32Array(0),
    shift: 0,
  };
  const pool = poolOf(keys);
  // Key → shard by the real routing (MD5 words), so a key's text always routes where its record went.
  const count = new Int32Array(n);
  const place: number[] = [];
  const sortedPos = new Map<number, number>();
  routing.sorted.shardOf.forEach((shard, pos) => {
    sortedPos.set(shard, pos);
  });
  const add = (from: number) => {
    for (let k = from; k < pool.ids.length; k++) {
      const pos = sortedPos.get(routing.search(keys.hashes, pool.ids[k] * 4)) as number;
      place.push(pos);
      count[pos]++;
    }
  };
  add(0);
  // Grow the pool until every shard owns a key (coupon collector: ~n·ln n keys), at most 64 a shard.
  const target = Math.max(RANDOM_KEYS_MIN, KEYS_PER_SHARD * n);
  const cap = 64 * n + RANDOM_KEYS_MIN;
  while (pool.ids.length < cap && (pool.ids.length < target || count.includes(0))) {
    const from = pool.ids.length;
    grow(pool, keys, Math.max(1024, n));
    add(from);
  }
  for (let i = 0; i < n; i++) ix.first[i + 1] = ix.first[i] + Math.max(1, count[i]);
  ix.keys = new Int32Array(ix.first[n]);
  const fill = ix.first.slice(0, n);
  for (let k = 0; k < place.length; k++) ix.keys[fill[place[k]]++] = pool.ids[k];
  // A shard too narrow to be hit by any pool key gets an explicit hash key at its start.
  for (let i = 0; i < n; i++) {
    if (count[i] === 0) ix.keys[ix.first[i]] = keys.internExplicit('random', wordsToBig(words, i * 4));
  }
  fillSlices(ix);
  return ix;
}

/** At least 64 slices a shard, so under 1/64 of the draws take the slow path. */
function fillSlices(ix: ShardIndex): void {
  const n = ix.starts.length;
  const bits = Math.max(16, Math.min(24, Math.ceil(Math.log2(64 * n))));
  const count = 2 ** bits;
  ix.shift = 32 - bits;
  ix.slices = new Int32Array(count);
  const next = new Int32Array(n);
  for (let g = 0, pos = 0; g < count; g++) {
    while (pos + 1 < n && ix.starts[pos + 1] <= g / count) pos++;
    if (pos + 1 < n && ix.starts[pos + 1] < (g + 1) / count) {
      ix.slices[g] = -1;
      continue;
    }
    const lo = ix.first[pos];
    const c = ix.first[pos + 1] - lo;
    ix.slices[g] = ix.keys[lo + (next[pos]++ % c)];
  }
}

/** The slow path: the shard holding `u` and one of its keys by the draw's place in its range. */
function keyAt(ix: ShardIndex, u: number): number {
  const pos = positionOf(ix, u);
  const starts = ix.starts;
  const lo = ix.first[pos];
  const c = ix.first[pos + 1] - lo;
  const width = (pos + 1 < starts.length ? starts[pos + 1] : 1) - starts[pos];
  const k = Math.min(c - 1, Math.floor(((u - starts[pos]) / width) * c));
  return ix.keys[lo + Math.max(0, k)];
}

/**
 * A picker of fresh-like random keys. `routing()` is the target stream's shard map (null for a
 * target without shards: then any pool key will do, uniformly).
 */
export function randomKeyPicker(keys: KeyTable, rng: Rng, routing: () => RoutingTable | null): () => number {
  const pool = poolOf(keys);
  let ix: ShardIndex | null = null;
  let table: RoutingTable | null = null;
  let version = -1;
  let slices: Int32Array = new Int32Array(0);
  let shift = 0;
  return () => {
    // One 32-bit draw: the record's position in the hash space (as 32 bits of a fresh MD5 would be).
    const v = rng.nextU32();
    // The target's shard map is fixed once known (a reshard rebuilds it in place: new version).
    if (table === null) {
      table = routing();
      if (table === null) return pool.ids[v % RANDOM_KEYS_MIN];
    }
    if (table.version !== version) {
      ix = indexes.get(table) ?? null;
      if (ix === null || ix.version !== table.version) {
        ix = buildIndex(table, keys);
        indexes.set(table, ix);
      }
      version = ix.version;
      slices = ix.slices;
      shift = ix.shift;
    }
    const id = slices[v >>> shift];
    return id >= 0 ? id : keyAt(ix as ShardIndex, v / TWO32);
  };
}
