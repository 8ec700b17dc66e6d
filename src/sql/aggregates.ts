/**
 * Aggregate accumulators: COUNT, SUM, AVG, MIN, MAX, VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP,
 * EXP_AVG, FIRST_VALUE, LAST_VALUE, and the SQL:2003 boolean aggregates EVERY, SOME / ANY (LAG lives in the sliding-window operator: it reads the
 * window's rows by position). NULL inputs are ignored as SQL says; an empty SUM / AVG / MIN is NULL.
 */
import type { SqlType, SqlValue } from './types.ts';
import { compareValues, isInt, isLoose, isNum, showType, valueKey } from './typing.ts';

export interface Acc {
  /** `t` is the ROWTIME of the row (ms), used by EXP_AVG. */
  add(v: SqlValue, t: number): void;
  result(): SqlValue;
}

export interface AggKind {
  name: string;
  type: SqlType;
  /** Reads the row time (EXP_AVG); others get 0 so that no time value is boxed per row. */
  timed: boolean;
  make(): Acc;
}

class CountAcc implements Acc {
  n = 0;
  add(v: SqlValue): void {
    if (v !== null) this.n++;
  }
  result(): SqlValue {
    return this.n;
  }
}

/** COUNT(*): every row counts (a class, not an object literal: no closures per group). */
class StarCountAcc implements Acc {
  n = 0;
  add(): void {
    this.n++;
  }
  result(): SqlValue {
    return this.n;
  }
}

class SumAcc implements Acc {
  s = 0;
  any = false;
  add(v: SqlValue): void {
    if (typeof v === 'number') {
      this.s += v;
      this.any = true;
    }
  }
  result(): SqlValue {
    return this.any ? this.s : null;
  }
}

class AvgAcc implements Acc {
  s = 0;
  n = 0;
  constructor(private readonly ints: boolean) {}
  add(v: SqlValue): void {
    if (typeof v === 'number') {
      this.s += v;
      this.n++;
    }
  }
  result(): SqlValue {
    if (this.n === 0) return null;
    // AVG keeps its argument's type in KDA: an INTEGER average truncates like integer division.
    return this.ints ? Math.trunc(this.s / this.n) : this.s / this.n;
  }
}

class MinMaxAcc implements Acc {
  v: SqlValue = null;
  constructor(private readonly sign: 1 | -1) {}
  add(v: SqlValue): void {
    if (v === null) return;
    if (this.v === null || compareValues(v, this.v) * this.sign < 0) this.v = v;
  }
  result(): SqlValue {
    return this.v;
  }
}

/** Welford's algorithm: numerically stable variance in one pass. */
class VarAcc implements Acc {
  n = 0;
  mean = 0;
  m2 = 0;
  constructor(
    private readonly sample: boolean,
    private readonly sqrt: boolean,
  ) {}
  add(v: SqlValue): void {
    if (typeof v !== 'number') return;
    this.n++;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (v - this.mean);
  }
  result(): SqlValue {
    const div = this.sample ? this.n - 1 : this.n;
    if (div <= 0) return null;
    const variance = this.m2 / div;
    return this.sqrt ? Math.sqrt(variance) : variance;
  }
}

class FirstLastAcc implements Acc {
  v: SqlValue = null;
  seen = false;
  constructor(private readonly last: boolean) {}
  add(v: SqlValue): void {
    if (this.last || !this.seen) this.v = v;
    this.seen = true;
  }
  result(): SqlValue {
    return this.v;
  }
}

/**
 * EXP_AVG(x, halfLife): each value weighs 2^-(age / halfLife), age measured from the newest row;
 * kept incrementally by rescaling the running sums when time moves on.
 */
class ExpAvgAcc implements Acc {
  num = 0;
  den = 0;
  t = Number.NEGATIVE_INFINITY;
  constructor(private readonly halfLifeMs: number) {}
  add(v: SqlValue, t: number): void {
    if (typeof v !== 'number') return;
    if (this.den > 0 && t > this.t) {
      const f = 2 ** (-(t - this.t) / this.halfLifeMs);
      this.num *= f;
      this.den *= f;
    }
    this.t = Math.max(this.t, t);
    this.num += v;
    this.den += 1;
  }
  result(): SqlValue {
    return this.den > 0 ? this.num / this.den : null;
  }
}

/** EVERY (all TRUE) / SOME = ANY (one TRUE); NULLs are ignored, no non-NULL input gives NULL. */
class BoolAcc implements Acc {
  v: boolean | null = null;
  constructor(private readonly every: boolean) {}
  add(v: SqlValue): void {
    if (typeof v !== 'boolean') return;
    this.v = this.v === null ? v : this.every ? this.v && v : this.v || v;
  }
  result(): SqlValue {
    return this.v;
  }
}

class DistinctAcc implements Acc {
  private readonly seen = new Set<string>();
  constructor(private readonly inner: Acc) {}
  add(v: SqlValue, t: number): void {
    if (v === null) return;
    const k = valueKey(v);
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.inner.add(v, t);
  }
  result(): SqlValue {
    return this.inner.result();
  }
}

/**
 * The accumulator factory for an aggregate call, or a user-facing error message.
 * `argType` is the type of the (first) argument; `star` for COUNT(*); `param` a constant second
 * argument (EXP_AVG's half-life in ms).
 */
export function aggregateKind(
  name: string,
  argType: SqlType | undefined,
  opts: { star: boolean; distinct: boolean; param?: SqlValue },
): AggKind | string {
  const t = argType ?? { base: 'ANY' };
  const numeric = isNum(t) || isLoose(t);
  const ints = isInt(t);
  const needNum = () => `${name} needs a numeric argument, not ${showType(t)}`;
  let type: SqlType;
  let make: () => Acc;
  switch (name) {
    case 'COUNT':
      type = { base: 'BIGINT' };
      make = opts.star ? () => new StarCountAcc() : () => new CountAcc();
      break;
    case 'SUM':
      if (!numeric) return needNum();
      type = ints ? { base: 'BIGINT' } : isLoose(t) ? { base: 'DOUBLE' } : t;
      make = () => new SumAcc();
      break;
    case 'AVG':
      if (!numeric) return needNum();
      type = isLoose(t) ? { base: 'DOUBLE' } : t;
      make = () => new AvgAcc(ints);
      break;
    case 'MIN':
    case 'MAX':
      type = t;
      make = () => new MinMaxAcc(name === 'MIN' ? 1 : -1);
      break;
    case 'VAR_POP':
    case 'VAR_SAMP':
    case 'VARIANCE':
    case 'STDDEV_POP':
    case 'STDDEV_SAMP':
    case 'STDDEV': {
      if (!numeric) return needNum();
      type = { base: 'DOUBLE' };
      const sample = !name.endsWith('_POP');
      const sqrt = name.startsWith('STDDEV');
      make = () => new VarAcc(sample, sqrt);
      break;
    }
    case 'EXP_AVG': {
      if (!numeric) return needNum();
      const h = opts.param;
      if (typeof h !== 'number' || h <= 0)
        return "EXP_AVG(x, INTERVAL '…' …) needs a positive half-life interval";
      type = { base: 'DOUBLE' };
      make = () => new ExpAvgAcc(h);
      break;
    }
    case 'FIRST_VALUE':
    case 'LAST_VALUE':
      type = t;
      make = () => new FirstLastAcc(name === 'LAST_VALUE');
      break;
    case 'EVERY':
    case 'SOME':
    case 'ANY':
      if (!isLoose(t) && t.base !== 'BOOLEAN') return `${name} needs a BOOLEAN argument, not ${showType(t)}`;
      type = { base: 'BOOLEAN' };
      make = () => new BoolAcc(name === 'EVERY');
      break;
    default:
      return `${name} is not an aggregate`;
  }
  if (opts.distinct) {
    const inner = make;
    make = () => new DistinctAcc(inner());
  }
  return { name, type, make, timed: name === 'EXP_AVG' };
}
