/**
 * A faker `Randomizer` that draws exactly the numbers faker's own default (MT19937, 53-bit
 * doubles) draws for the same numeric seed, with a cheaper `seed()`.
 *
 * Why: every producer reseeds the shared faker once per tick (template.ts), and faker 10 builds the
 * 624-word state with `Array.from({ length: 624 })` and then twists it, about 50–200 µs a seed; the
 * metering workload (100 producers × 10 ticks a second) spent most of its time there. Here the
 * state lives in one Int32Array that is reused. The words are stored modulo 2^32 (faker keeps
 * unwrapped JS numbers such as `imul(…) + i`), which is the same for every later step because each
 * use goes through a bitwise operator (ToInt32 / ToUint32).
 *
 * Array seeds (not used by the engine) fall back to faker's own implementation.
 */
import { generateMersenne53Randomizer, type Randomizer } from '@faker-js/faker';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class Mersenne53 implements Randomizer {
  private readonly mt = new Int32Array(N);
  private index = N;
  private fallback: Randomizer | null = null;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  seed(seed: number | number[]): void {
    if (typeof seed !== 'number') {
      this.fallback ??= generateMersenne53Randomizer();
      this.fallback.seed(seed);
      return;
    }
    this.fallback = null;
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      mt[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    // faker twists right after seeding; so do we (same state, same draws).
    this.twist();
    this.index = 0;
  }

  /**
   * Uniform in [0, 1) with 53 random bits, as faker's `nextF53`. A bound arrow: faker calls it
   * detached (`const { next } = randomizer; next()`).
   */
  readonly next = (): number => {
    if (this.fallback) return this.fallback.next();
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  };

  private nextU32(): number {
    let y = this.mt[this.index];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    if (++this.index >= N) {
      this.twist();
      this.index = 0;
    }
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let t = 0; t < N - M; t++) {
      const y = (mt[t] & UPPER) + (mt[t + 1] & LOWER);
      mt[t] = mt[t + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (let t = N - M; t < N - 1; t++) {
      const y = (mt[t] & UPPER) + (mt[t + 1] & LOWER);
      mt[t] = mt[t + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (mt[N - 1] & UPPER) + (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
}
