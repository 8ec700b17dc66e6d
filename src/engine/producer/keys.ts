/**
 * Partition-key strategies. Each turns into a `KeyPicker` that returns a key id of the run's
 * KeyTable per record with no allocation: key texts are interned (and MD5-hashed) once.
 * - random: KDG-style random numeric keys (0 – 10^10) that spread over the target's shards exactly
 *   like a fresh key per record (random-keys.ts: the hash position is drawn, then a key of that shard);
 * - zipf over N keys `key-0 … key-(N−1)` with exponent s (alias table, O(1) per draw);
 * - hotKey: `share` of records use one key, the rest random;
 * - explicitHashKey: every record carries the given 128-bit hash key;
 * - field: the key is a field of the rendered template (picked from the rendered samples).
 */
import type { PartitionKeyStrategy } from '../../model/types.ts';
import { type KeyTable, parseHashKey } from '../hash.ts';
import type { Rng } from '../rng.ts';
import type { RoutingTable } from '../stream/routing.ts';
import { randomKeyPicker } from './random-keys.ts';

export const MAX_ZIPF_KEYS = 1_000_000;

export interface KeyPicker {
  /** Key id for the next record; `sampleKey` is the key of the rendered sample it copies (field strategy). */
  next(sampleKey: number): number;
}

/** Walker's alias method: O(n) build, O(1) draw. */
export class AliasTable {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i];
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / sum;
      (scaled[i] < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }
  draw(rng: Rng): number {
    const i = rng.int(this.prob.length);
    return rng.next() < this.prob[i] ? i : this.alias[i];
  }
}

export function zipfWeights(n: number, exponent: number): Float64Array {
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[k] = 1 / (k + 1) ** exponent;
  return w;
}

/**
 * `routing` gives the target stream's shard map once it is known (null: no shards, e.g. a Firehose
 * Direct PUT target); random keys need it to spread like fresh keys.
 */
export function createKeyPicker(
  strategy: PartitionKeyStrategy,
  keys: KeyTable,
  rng: Rng,
  routing: () => RoutingTable | null = () => null,
): KeyPicker {
  switch (strategy.type) {
    case 'random': {
      const pick = randomKeyPicker(keys, rng, routing);
      return { next: pick };
    }
    case 'zipf': {
      const n = Math.max(1, Math.min(MAX_ZIPF_KEYS, Math.floor(strategy.keys)));
      const ids = new Int32Array(n);
      for (let k = 0; k < n; k++) ids[k] = keys.intern(`key-${k}`);
      const table = new AliasTable(zipfWeights(n, strategy.exponent));
      return { next: () => ids[table.draw(rng)] };
    }
    case 'hotKey':
      return hotKeyPicker(strategy.key, strategy.share, keys, rng, {
        next: randomKeyPicker(keys, rng, routing),
      });
    case 'explicitHashKey': {
      const h = parseHashKey(strategy.hashKey) ?? 0n;
      const id = keys.internExplicit('explicit', h);
      return { next: () => id };
    }
    case 'field':
      return { next: (sampleKey) => sampleKey };
  }
}

/** `share` of records get `key`; the others come from `rest`. */
export function hotKeyPicker(
  key: string,
  share: number,
  keys: KeyTable,
  rng: Rng,
  rest: KeyPicker,
): KeyPicker {
  const hot = keys.intern(key);
  return { next: (sampleKey) => (rng.next() < share ? hot : rest.next(sampleKey)) };
}
