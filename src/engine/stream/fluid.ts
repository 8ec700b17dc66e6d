/**
 * The fluid (rate-based) model of a very large stream.
 *
 * Above FLUID_SHARDS shards or FLUID_RECORDS_PER_SEC offered records/s, simulating each record is
 * pointless (and would take hours); instead each tick every producer offers a number of records
 * that is spread over the shards by its key distribution's weights (random keys: the share of the
 * hash space each shard owns; Zipf: each key's probability routed by MD5 to its shard; a hot key:
 * its share on its one shard). Each shard then admits what its write buckets hold, the same
 * per-second buckets as the record model (shard.ts): 1,000 records and 1 MiB a second, topped up at
 * every simulated second, whole records of the mean size (⌊1 MiB / size⌋ a second), and records
 * above 1 MiB at 1 MiB/s of debt. Near the cap, random keys' per-second spread refuses a little
 * more (overflow.ts), as in the record model.
 * Throttled amounts are retried on the next tick up to the producer's maxAttempts (no backoff
 * delay), then dropped. Counts are fractional (expected values). Records shown in peeks are the
 * producer's rendered samples. Consumers of a fluid stream get rates, not records (fluid-flows.ts).
 * Limit of the model: no resharding.
 */
import { TICKS_PER_SEC } from '../clock.ts';
import { evenSplit } from '../hash.ts';
import { expectedAccepted } from './overflow.ts';
import type { RoutingTable } from './routing.ts';
import { MIB, shardIdOf, WRITE_BYTES_PER_SEC, WRITE_RECORDS_PER_SEC } from './shard.ts';

export const FLUID_SHARDS = 5000;
export const FLUID_RECORDS_PER_SEC = 200_000;

/** One pass of the per-shard admission: new records, their size, the weights and a retry pool. */
export interface FluidOffer {
  /** New user records this tick. */
  records: number;
  /** Mean record size in bytes, partition key included. */
  meanBytes: number;
  /** Shard weights (sum 1). */
  weights: Float64Array;
  /** Retry pool per attempt class (index a = records waiting for their (a+2)-th attempt). */
  retries: Float64Array[];
}

/** A producer feeding a fluid stream; told its share of each tick's outcome. */
export interface FluidMember {
  onFluidResult(res: FluidResult): void;
}

/**
 * Producers with the same key weights and retry policy are admitted together in one pass over
 * the shards (their retries pooled), and the outcome is shared pro rata to the records each
 * offered: 100 producers on 10,000 shards cost one pass, not a hundred.
 */
interface FluidGroup {
  weights: Float64Array;
  maxAttempts: number;
  retries: Float64Array[];
  members: Map<FluidMember, { records: number; bytes: number; total: number }>;
  lastMean: number;
}

export interface FluidResult {
  accepted: number;
  throttled: number;
  retried: number;
  dropped: number;
}

export class FluidStream {
  readonly count: number;
  readonly starts: bigint[];
  readonly ends: bigint[];
  /** Per shard, open second. */
  readonly inRecords: Float64Array;
  readonly inBytes: Float64Array;
  readonly throttled: Float64Array;
  /** Per shard, last closed second (live views). */
  readonly lastIn: Float64Array;
  readonly lastBytes: Float64Array;
  readonly lastThrottled: Float64Array;
  /** Per shard, whole run. */
  readonly totalIn: Float64Array;
  readonly totalThrottled: Float64Array;
  readonly maxIn: Float64Array;
  /** Write buckets per shard: records and bytes left this second (shard.ts semantics). */
  private readonly recTokens: Float64Array;
  private readonly byteTokens: Float64Array;
  private uniform: Float64Array | null = null;
  private readonly groups: FluidGroup[] = [];
  /** Records waiting in the retry pools. */
  pending(): number {
    let n = 0;
    for (const g of this.groups) for (const r of g.retries) for (let i = 0; i < r.length; i++) n += r[i];
    return n;
  }

  /** Queue a producer's tick of `records` (resolved by `resolve` in the stream's tick). */
  queue(
    member: FluidMember,
    records: number,
    meanBytes: number,
    weights: Float64Array,
    maxAttempts: number,
  ): void {
    let g = this.groups.find((x) => x.weights === weights && x.maxAttempts === maxAttempts);
    if (!g) {
      g = {
        weights,
        maxAttempts,
        retries: Array.from({ length: Math.max(0, maxAttempts - 1) }, () => new Float64Array(this.count)),
        members: new Map(),
        lastMean: meanBytes,
      };
      this.groups.push(g);
    }
    const m = g.members.get(member) ?? { records: 0, bytes: 0, total: 0 };
    m.records += records;
    m.bytes += records * meanBytes;
    m.total += records;
    g.members.set(member, m);
  }

  /** Admit every group's queued records and retries; returns the totals for the stream's counters. */
  resolve(): { offered: number; acceptedBytes: number; result: FluidResult } {
    let acceptedBytes = 0;
    const sum: FluidResult = { accepted: 0, throttled: 0, retried: 0, dropped: 0 };
    let offeredTotal = 0;
    for (const g of this.groups) {
      let records = 0;
      let bytes = 0;
      let total = 0;
      for (const m of g.members.values()) {
        records += m.records;
        bytes += m.bytes;
        total += m.total;
      }
      if (records > 0) g.lastMean = bytes / records;
      const res = this.offer(
        { records, meanBytes: g.lastMean, weights: g.weights, retries: g.retries },
        g.maxAttempts,
      );
      if (records === 0 && res.retried === 0) continue;
      offeredTotal += records + res.retried;
      sum.accepted += res.accepted;
      acceptedBytes += res.accepted * g.lastMean;
      sum.throttled += res.throttled;
      sum.retried += res.retried;
      sum.dropped += res.dropped;
      for (const [member, m] of g.members) {
        const share = records > 0 ? m.records / records : total > 0 ? m.total / total : 0;
        member.onFluidResult({
          accepted: res.accepted * share,
          throttled: res.throttled * share,
          retried: res.retried * share,
          dropped: res.dropped * share,
        });
        m.records = 0;
        m.bytes = 0;
      }
    }
    return { offered: offeredTotal, acceptedBytes, result: sum };
  }

  constructor(shards: number) {
    this.count = shards;
    const ranges = evenSplit(shards);
    this.starts = ranges.map((r) => r.start);
    this.ends = ranges.map((r) => r.end);
    const f = () => new Float64Array(shards);
    this.inRecords = f();
    this.inBytes = f();
    this.throttled = f();
    this.lastIn = f();
    this.lastBytes = f();
    this.lastThrottled = f();
    this.totalIn = f();
    this.totalThrottled = f();
    this.maxIn = f();
    this.recTokens = f().fill(WRITE_RECORDS_PER_SEC);
    this.byteTokens = f().fill(WRITE_BYTES_PER_SEC);
  }

  shardId(i: number): string {
    return shardIdOf(i);
  }

  /** Uniform hash keys: each shard's weight is its share of the hash space. */
  uniformWeights(): Float64Array {
    if (this.uniform) return this.uniform;
    const w = new Float64Array(this.count);
    this.uniform = w;
    const total = Number(this.ends[this.count - 1] + 1n);
    for (let i = 0; i < this.count; i++) w[i] = Number(this.ends[i] - this.starts[i] + 1n) / total;
    return w;
  }

  /** Discrete keys with probabilities, routed by their hash words (MD5 computed once per key). */
  keyWeights(
    routing: RoutingTable,
    hashes: Uint32Array,
    keyIds: Int32Array,
    probs: Float64Array,
  ): Float64Array {
    const w = new Float64Array(this.count);
    for (let k = 0; k < keyIds.length; k++) w[routing.search(hashes, keyIds[k] * 4)] += probs[k];
    return w;
  }

  /**
   * Offer one producer's tick. Retries first share the capacity with new records pro rata (each
   * class of attempt gets the same acceptance ratio on a shard).
   */
  offer(o: FluidOffer, maxAttempts: number): FluidResult {
    const n = this.count;
    const w = o.weights;
    const size = Math.max(1, o.meanBytes);
    // Whole records of the mean size fit in the byte bucket (the record model's packing); above
    // 1 MiB records are admitted at the bucket's rate into debt (their long-run 1 MiB/s).
    const whole = size <= WRITE_BYTES_PER_SEC;
    const inv = 1 / size;
    // Random-key fluctuation (overflow.ts): the fresh records a second, spread independently.
    const spread = o.records * TICKS_PER_SEC;
    const capSec = Math.min(WRITE_RECORDS_PER_SEC, Math.floor(WRITE_BYTES_PER_SEC * inv + 1e-9));
    let memoLambda = -1;
    let memoVar = -1;
    // For the last (λ, variance): the share of each tick kept (-1: no correction), and the records
    // reserved from the buckets (cap − E[min(X, cap)]).
    let keep = -1;
    let reserve = 0;
    const correct = (lambda: number, v: number) => {
      memoLambda = lambda;
      memoVar = v;
      const a = v > 0 ? expectedAccepted(lambda, v, capSec) : -1;
      keep = a < 0 ? -1 : 1 - (Math.min(lambda, capSec) - a) / lambda;
      reserve = capSec - a;
    };
    const recTokens = this.recTokens;
    const byteTokens = this.byteTokens;
    let accepted = 0;
    let throttledTotal = 0;
    let retried = 0;
    let dropped = 0;
    const classes = o.retries.length;
    // Even weights and no retries: every shard has the same λ and variance (computed once).
    const same = whole && w === this.uniform && classes === 0;
    if (same) correct(o.records * w[0] * TICKS_PER_SEC, spread * w[0] * (1 - w[0]));
    for (let s = 0; s < n; s++) {
      const fresh = o.records * w[s];
      let offered = fresh;
      for (let a = 0; a < classes; a++) offered += o.retries[a][s];
      if (offered === 0) continue;
      // What the shard's buckets still hold this second (other producers may have used some).
      // Fast path: room for all of it with a whole record to spare (no division).
      const b = byteTokens[s];
      const r = recTokens[s];
      let ok = offered;
      // Near the cap, a second's random spread refuses what min(λ, cap) would not: accept
      // E[min(X, cap)] a second (the shortfall taken pro rata and reserved from the buckets).
      if (!same && whole) {
        const v = spread * w[s] * (1 - w[s]);
        const lambda = offered * TICKS_PER_SEC;
        if (lambda !== memoLambda || v !== memoVar) correct(lambda, v);
      }
      if (keep >= 0) {
        const x = offered * keep;
        if (x > r - reserve || (x + reserve + 1) * size > b) {
          const room = Math.min(r, b <= 0 ? 0 : Math.floor(b * inv + 1e-9));
          ok = Math.max(0, Math.min(x, room - reserve));
        } else ok = x;
      } else if (offered > r || (offered + 1) * size > b) {
        const byBytes = b <= 0 ? 0 : whole ? Math.floor(b * inv + 1e-9) : b * inv;
        ok = Math.min(offered, r, byBytes);
      }
      const ratio = ok / offered;
      recTokens[s] -= ok;
      byteTokens[s] -= ok * size;
      this.inRecords[s] += ok;
      this.inBytes[s] += ok * size;
      const refused = offered - ok;
      this.throttled[s] += refused;
      accepted += ok;
      throttledTotal += refused;
      // Move refused amounts one attempt class up; the last class is dropped.
      let carry = fresh * (1 - ratio);
      for (let a = 0; a < classes; a++) {
        const cur = o.retries[a][s];
        retried += cur;
        o.retries[a][s] = carry;
        carry = cur * (1 - ratio);
      }
      if (maxAttempts <= 1) dropped += fresh * (1 - ratio);
      else dropped += carry;
    }
    return { accepted, throttled: throttledTotal, retried, dropped };
  }

  /** At each simulated second the buckets get one second's worth, holding one second. */
  beginTick(newSecond: boolean): void {
    if (!newSecond) return;
    const r = this.recTokens;
    const b = this.byteTokens;
    for (let s = 0; s < this.count; s++) {
      r[s] = Math.min(WRITE_RECORDS_PER_SEC, r[s] + WRITE_RECORDS_PER_SEC);
      b[s] = Math.min(WRITE_BYTES_PER_SEC, b[s] + WRITE_BYTES_PER_SEC);
    }
  }

  /** Close the second: per-shard figures to last/total/max; returns the stream-level sums. */
  closeSecond(): { records: number; bytes: number; throttled: number; maxWriteUtil: number } {
    let records = 0;
    let bytes = 0;
    let throttled = 0;
    let util = 0;
    for (let s = 0; s < this.count; s++) {
      const r = this.inRecords[s];
      const b = this.inBytes[s];
      records += r;
      bytes += b;
      throttled += this.throttled[s];
      const u = Math.max(r / WRITE_RECORDS_PER_SEC, b / MIB);
      if (u > util) util = u;
      this.lastIn[s] = r;
      this.lastBytes[s] = b;
      this.lastThrottled[s] = this.throttled[s];
      this.totalIn[s] += r;
      this.totalThrottled[s] += this.throttled[s];
      if (r > this.maxIn[s]) this.maxIn[s] = r;
    }
    this.inRecords.fill(0);
    this.inBytes.fill(0);
    this.throttled.fill(0);
    return { records, bytes, throttled, maxWriteUtil: util };
  }
}
