/** Data-blob sizes in bytes (partition key not included), clamped to 1 … 10 MiB. */
import type { SizeDistribution } from '../../model/types.ts';
import type { Rng } from '../rng.ts';

const MAX = 10 * 1024 * 1024;

/** A size drawer; `templateBytes` is the size of the rendered sample the record copies. */
export function createSizer(dist: SizeDistribution, rng: Rng): (templateBytes: number) => number {
  const clamp = (v: number) => Math.max(1, Math.min(MAX, Math.round(v)));
  switch (dist.type) {
    case 'template':
      return (t) => t;
    case 'fixed':
      return () => clamp(dist.bytes);
    case 'uniform':
      return () => clamp(rng.range(dist.minBytes, dist.maxBytes + 1) - 0.5);
    case 'normal':
      return () => clamp(dist.meanBytes + dist.stdDevBytes * rng.normal());
  }
}
