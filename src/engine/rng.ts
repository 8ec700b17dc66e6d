/**
 * Seeded pseudo-random numbers for the engine (never Math.random).
 *
 * sfc32 (Small Fast Counting, 128-bit state) seeded through splitmix32. Each node gets its own
 * stream via `forkRng(seed, nodeId)`: the node's generator depends only on the run seed and the
 * node's id, so adding or removing a node never shifts another node's random sequence.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a label (node id, purpose). */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box–Muller keeps its second value for the next call. */
  private spare = Number.NaN;

  constructor(seed: number) {
    const sm = splitmix32(seed);
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Standard normal (mean 0, sd 1). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Round a non-negative real count to an integer, keeping the expectation (3.3 → 3 or 4). */
  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return this.next() < x - f ? f + 1 : f;
  }

  /** A child generator for a sub-purpose (e.g. 'keys', 'sizes'), stable per label. */
  fork(label: string): Rng {
    return new Rng((this.nextU32() ^ hashLabel(label)) >>> 0);
  }
}

/** The generator of one node: depends only on the run seed and the node id. */
export function forkRng(seed: number, nodeId: string, purpose = ''): Rng {
  return new Rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ hashLabel(`${nodeId}/${purpose}`)) >>> 0);
}
