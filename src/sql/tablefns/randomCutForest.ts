/**
 * RANDOM_CUT_FOREST(cursor, numberOfTrees, subSampleSize, timeDecay, shingleSize): passes every
 * input row through and appends ANOMALY_SCORE DOUBLE, computed from the row's numeric columns
 * (DOUBLE, REAL, INTEGER, BIGINT, SMALLINT, TINYINT; DECIMAL is rejected as in KDA).
 *
 * Each tree keeps its own time-decayed reservoir sample of at most subSampleSize points: a point
 * seen at sequence number t gets the priority log(−log u) − t / timeDecay (u uniform), and the
 * sample keeps the lowest priorities, so newer points are favoured with a memory of about
 * timeDecay points. A row is scored against the forest before it is offered to the samples. The
 * score is 0 until the forest has seen 1 + subSampleSize / 4 points (64 + 1 with the defaults), so
 * the first rows of a run do not look anomalous merely because the model is empty.
 * Defaults (used when trailing arguments are omitted): 100 trees, 256 samples, decay 100,000,
 * shingle 1. The output is deterministic for a given seed.
 */
import type { Column, SqlType, SqlValue, TableFunction, TableFunctionInstance } from '../types.ts';
import { intArg } from './common.ts';
import { type LeafRef, RandomCutTree, type Rng } from './randomCutTree.ts';

const NAME = 'RANDOM_CUT_FOREST';
const NUMERIC = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'DOUBLE']);

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ForestOptions {
  trees: number;
  sampleSize: number;
  timeDecay: number;
  shingleSize: number;
}

export function options(args: SqlValue[], fn = NAME): ForestOptions {
  return {
    trees: intArg(fn, args, 0, 'numberOfTrees', 1, 1000, 100),
    sampleSize: intArg(fn, args, 1, 'subSampleSize', 10, 1000, 256),
    timeDecay: intArg(fn, args, 2, 'timeDecay', 1, 2_147_483_647, 100_000),
    shingleSize: intArg(fn, args, 3, 'shingleSize', 1, 30, 1),
  };
}

export function numericColumns(input: Column[], fn = NAME): number[] {
  const dec = input.find((c) => c.type.base === 'DECIMAL');
  if (dec) throw new Error(`${fn}: column ${dec.name} is DECIMAL, which is not supported; CAST it to DOUBLE`);
  const idx = input.flatMap((c, i) => (NUMERIC.has(c.type.base) ? [i] : []));
  if (idx.length === 0) throw new Error(`${fn}: the cursor has no numeric column to score`);
  return idx;
}

/** Turns rows into shingled points: the numeric columns of the last `size` rows, oldest first. */
export function shingler(cols: number[], size: number): (values: SqlValue[]) => Float64Array | null {
  const recent: Float64Array[] = [];
  return (values) => {
    const p = new Float64Array(cols.length);
    cols.forEach((c, i) => {
      const v = values[c];
      p[i] = typeof v === 'number' && Number.isFinite(v) ? v : 0; // NULL counts as 0
    });
    recent.push(p);
    if (recent.length > size) recent.shift();
    if (recent.length < size) return null;
    const shingle = new Float64Array(cols.length * size);
    recent.forEach((q, i) => {
      shingle.set(q, i * cols.length);
    });
    return shingle;
  };
}

interface Sampled {
  priority: number;
  leaf: LeafRef;
}

/** A max-heap on priority: the sample's worst (oldest-weighted) point sits on top. */
class SampleHeap {
  readonly items: Sampled[] = [];
  push(s: Sampled): void {
    const a = this.items;
    a.push(s);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as Sampled).priority >= (a[i] as Sampled).priority) break;
      [a[p], a[i]] = [a[i] as Sampled, a[p] as Sampled];
      i = p;
    }
  }
  top(): Sampled | undefined {
    return this.items[0];
  }
  replaceTop(s: Sampled): void {
    const a = this.items;
    a[0] = s;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && (a[l] as Sampled).priority > (a[m] as Sampled).priority) m = l;
      if (r < a.length && (a[r] as Sampled).priority > (a[m] as Sampled).priority) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i] as Sampled, a[m] as Sampled];
      i = m;
    }
  }
}

/** The forest without the SQL wrapping: score(point) then update(point). */
export class RandomCutForest {
  private readonly trees: RandomCutTree[] = [];
  private readonly samples: SampleHeap[] = [];
  private readonly rngs: Rng[] = [];
  private seen = 0;

  constructor(
    private readonly opts: ForestOptions,
    seed: number,
  ) {
    const seeder = mulberry32(seed);
    for (let i = 0; i < opts.trees; i++) {
      const rng = mulberry32(Math.floor(seeder() * 2 ** 32));
      this.rngs.push(rng);
      this.trees.push(new RandomCutTree(rng));
      this.samples.push(new SampleHeap());
    }
  }

  /** Average tree score; 0 while the forest is still warming up. */
  score(point: Float64Array): number {
    if (this.seen < 1 + Math.floor(this.opts.sampleSize / 4)) return 0;
    let sum = 0;
    for (const t of this.trees) sum += t.score(point);
    return sum / this.trees.length;
  }

  /** Per-dimension attribution averaged over the trees (sums to score()); zeros while warming up. */
  attribution(point: Float64Array): { below: Float64Array; above: Float64Array } {
    const below = new Float64Array(point.length);
    const above = new Float64Array(point.length);
    if (this.seen < 1 + Math.floor(this.opts.sampleSize / 4)) return { below, above };
    for (const t of this.trees) {
      const a = t.attribution(point);
      for (let i = 0; i < point.length; i++) {
        below[i] = (below[i] as number) + (a.below[i] as number) / this.trees.length;
        above[i] = (above[i] as number) + (a.above[i] as number) / this.trees.length;
      }
    }
    return { below, above };
  }

  update(point: Float64Array): void {
    const t = this.seen++;
    for (let i = 0; i < this.trees.length; i++) {
      const rng = this.rngs[i] as Rng;
      const heap = this.samples[i] as SampleHeap;
      const tree = this.trees[i] as RandomCutTree;
      const u = Math.max(rng(), Number.MIN_VALUE);
      const priority = Math.log(-Math.log(u)) - t / this.opts.timeDecay;
      if (heap.items.length < this.opts.sampleSize) {
        heap.push({ priority, leaf: tree.insert(point) });
      } else if (priority < (heap.top() as Sampled).priority) {
        tree.delete((heap.top() as Sampled).leaf);
        heap.replaceTop({ priority, leaf: tree.insert(point) });
      }
    }
  }
}

export const RANDOM_CUT_FOREST: TableFunction = {
  name: NAME,
  outputColumns(input, args) {
    numericColumns(input);
    options(args);
    const score: SqlType = { base: 'DOUBLE' };
    return [...input, { name: 'ANOMALY_SCORE', type: score }];
  },
  create(input, args, seed): TableFunctionInstance {
    const cols = numericColumns(input);
    const opts = options(args);
    const forest = new RandomCutForest(opts, seed);
    const next = shingler(cols, opts.shingleSize);
    return {
      push(row) {
        const point = next(row.values);
        let score = 0;
        if (point) {
          score = forest.score(point);
          forest.update(point);
        }
        return [{ rowtime: row.rowtime, values: [...row.values, score] }];
      },
      advanceTo() {
        return [];
      },
    };
  },
};
