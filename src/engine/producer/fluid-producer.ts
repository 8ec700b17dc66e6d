/**
 * A producer's side of the fluid model (stream/fluid.ts): how its partition keys spread over the
 * shards (weights summing to 1) and the mean record size it offers.
 */
import type { PartitionKeyStrategy } from '../../model/types.ts';
import type { KeyTable } from '../hash.ts';
import { parseHashKey } from '../hash.ts';
import type { FluidStream } from '../stream/fluid.ts';
import type { RoutingTable } from '../stream/routing.ts';
import { MAX_ZIPF_KEYS, zipfWeights } from './keys.ts';

function oneHot(fluid: FluidStream, routing: RoutingTable, keys: KeyTable, id: number): Float64Array {
  const w = new Float64Array(fluid.count);
  w[routing.search(keys.hashes, id * 4)] = 1;
  return w;
}

/** Shard weights of a key strategy, with an optional timeline hot key (`hot`, share 0–1) on top. */
export function fluidWeights(
  strategy: PartitionKeyStrategy,
  hot: { key: string; share: number } | null,
  fluid: FluidStream,
  routing: RoutingTable,
  keys: KeyTable,
): Float64Array {
  let w: Float64Array;
  switch (strategy.type) {
    case 'zipf': {
      const n = Math.max(1, Math.min(MAX_ZIPF_KEYS, Math.floor(strategy.keys)));
      const p = zipfWeights(n, strategy.exponent);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += p[i];
      const ids = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        ids[k] = keys.intern(`key-${k}`);
        p[k] /= sum;
      }
      w = fluid.keyWeights(routing, keys.hashes, ids, p);
      break;
    }
    case 'hotKey':
      w = mix(
        oneHot(fluid, routing, keys, keys.intern(strategy.key)),
        fluid.uniformWeights(),
        strategy.share,
      );
      break;
    case 'explicitHashKey':
      w = oneHot(fluid, routing, keys, keys.internExplicit('explicit', parseHashKey(strategy.hashKey) ?? 0n));
      break;
    default:
      w = fluid.uniformWeights();
  }
  return hot ? mix(oneHot(fluid, routing, keys, keys.intern(hot.key)), w, hot.share) : w;
}

function mix(a: Float64Array, b: Float64Array, share: number): Float64Array {
  const w = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) w[i] = share * a[i] + (1 - share) * b[i];
  return w;
}
