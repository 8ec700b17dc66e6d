/**
 * Hash-key → shard routing for one stream. The open shards, sorted by starting hash key, are kept
 * as 4 uint32 words each; a key's shard is found by binary search on those words. The result is
 * cached per key id (Int32Array) and the cache is invalidated by bumping `epoch` on every reshard,
 * so MD5 and the search run once per distinct key per shard map.
 */
import { bigToWords, compareWords, type KeyTable } from '../hash.ts';

export class RoutingTable {
  private starts = new Uint32Array(0);
  private shardOf = new Int32Array(0);
  private cache = new Int32Array(1024);
  private cacheEpoch = new Int32Array(1024);
  private epoch = 1;

  /** Changes on every rebuild (reshard): caches keyed on the shard map compare it. */
  get version(): number {
    return this.epoch;
  }

  /** Open shards in hash order: their starting hash keys (4 words each) and shard indexes. */
  get sorted(): { starts: Uint32Array; shardOf: Int32Array } {
    return { starts: this.starts, shardOf: this.shardOf };
  }

  /** Rebuild from the open shards (call after every reshard). */
  rebuild(open: readonly { startHash: bigint; index: number }[]): void {
    const sorted = [...open].sort((a, b) =>
      a.startHash < b.startHash ? -1 : a.startHash > b.startHash ? 1 : 0,
    );
    this.starts = new Uint32Array(sorted.length * 4);
    this.shardOf = new Int32Array(sorted.length);
    sorted.forEach((s, i) => {
      bigToWords(s.startHash, this.starts, i * 4);
      this.shardOf[i] = s.index;
    });
    this.epoch++;
  }

  /** Shard index for a key id (cached). */
  route(keys: KeyTable, key: number): number {
    if (key < this.cache.length && this.cacheEpoch[key] === this.epoch) return this.cache[key];
    const shard = this.search(keys.hashes, key * 4);
    if (key >= this.cache.length) this.growCache(key);
    this.cache[key] = shard;
    this.cacheEpoch[key] = this.epoch;
    return shard;
  }

  /** Shard index for 128-bit words at hashes[off…]: the last open shard whose start ≤ hash. */
  search(hashes: Uint32Array, off: number): number {
    let lo = 0;
    let hi = this.shardOf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (compareWords(this.starts, mid * 4, hashes, off) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return this.shardOf[lo];
  }

  private growCache(key: number): void {
    let n = this.cache.length * 2;
    while (n <= key) n *= 2;
    const c = new Int32Array(n);
    c.set(this.cache);
    const e = new Int32Array(n);
    e.set(this.cacheEpoch);
    this.cache = c;
    this.cacheEpoch = e;
  }
}
