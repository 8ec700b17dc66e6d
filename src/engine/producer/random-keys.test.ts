import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenSplit, KeyTable } from '../hash.ts';
import { Rng } from '../rng.ts';
import { RoutingTable } from '../stream/routing.ts';
import { randomKeyPicker } from './random-keys.ts';

function table(shards: number): RoutingTable {
  const r = new RoutingTable();
  r.rebuild(evenSplit(shards).map((x, index) => ({ startHash: x.start, index })));
  return r;
}

describe('random partition keys', () => {
  it('routed by their MD5, the keys spread records over every shard as fresh keys would (1–3,000 shards)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 }), (shards, seed) => {
        const keys = new KeyTable();
        const routing = table(shards);
        const pick = randomKeyPicker(keys, new Rng(seed), () => routing);
        const counts = new Int32Array(shards);
        const draws = 40 * shards;
        for (let i = 0; i < draws; i++) counts[routing.route(keys, pick())]++;
        // 40 a shard on average (Poisson sd 6.3): none empty, none beyond 8 sd.
        expect(Math.min(...counts)).toBeGreaterThan(0);
        expect(Math.max(...counts)).toBeLessThan(40 + 8 * Math.sqrt(40));
      }),
      { numRuns: 12 },
    );
  });

  it('the same seed gives the same keys; a reshard (new shard map) is followed', () => {
    const keys = new KeyTable();
    const routing = table(4);
    const a = randomKeyPicker(keys, new Rng(9), () => routing);
    const b = randomKeyPicker(keys, new Rng(9), () => routing);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    routing.rebuild(evenSplit(8).map((x, index) => ({ startHash: x.start, index })));
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(routing.route(keys, a()));
    expect(seen.size).toBe(8);
  });
});
