/**
 * Intervals as the SQL Reference's datetime pages use them: datetime differences with a qualifier
 * (`(t1 - t2) DAY TO SECOND`, `(d1 - d2) DAY`, `(t1 - t2) MINUTE`), the refusals that go with them
 * (DATE − DATE without a qualifier, TIME mixed with a DATE / TIMESTAMP), and interval text for
 * CAST(… AS VARCHAR).
 *
 * Text form, as the "Date, Timestamp, and Interval Operators" page prints it: a sign, then the
 * qualifier's fields (`+4 04` DAY TO HOUR, `-2 04`, `+4-04` YEAR TO MONTH, and
 * `CAST((TIME '12:03:34' - TIME '11:57:23') MINUTE TO SECOND AS VARCHAR(8))` = `+6:11`). Seconds
 * carry milliseconds only when there are some (`+2 03:04:05.678`): the page shows no fraction
 * for whole seconds, and none with one.
 */
import type { Expr, TimeUnit } from './ast.ts';
import type { SqlType } from './types.ts';
import { isDatetime, showType } from './typing.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const UNIT_MS: Partial<Record<TimeUnit, number>> = { DAY, HOUR, MINUTE, SECOND: 1000, MILLISECOND: 1 };

/** The interval type a qualifier gives: `(…) MONTH` is year-month, `(…) DAY TO SECOND` day-time. */
export function qualifiedType(unit: TimeUnit, toUnit?: TimeUnit): SqlType {
  const ym = unit === 'YEAR' || unit === 'MONTH';
  return {
    base: ym ? 'INTERVAL_YEAR_MONTH' : 'INTERVAL_DAY_TIME',
    qualifier: toUnit ? { unit, toUnit } : { unit },
  };
}

const ORDER = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

/** The type of interval ± interval: from the larger leading field to the smaller trailing one. */
export function mergeQualifiers(a: SqlType, b: SqlType): SqlType {
  const qa = a.qualifier;
  const qb = b.qualifier;
  if (!qa || !qb) return { base: a.base };
  const lead = [qa.unit, qb.unit].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y))[0] as string;
  const trail = [qa.toUnit ?? qa.unit, qb.toUnit ?? qb.unit].sort(
    (x, y) => ORDER.indexOf(y) - ORDER.indexOf(x),
  )[0] as string;
  return { base: a.base, qualifier: trail === lead ? { unit: lead } : { unit: lead, toUnit: trail } };
}

/** Whole months from b to a, truncated toward zero (a later day-of-month / time counts a month). */
export function monthsBetween(a: number, b: number): number {
  const da = new Date(a);
  const db = new Date(b);
  let m = (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + (da.getUTCMonth() - db.getUTCMonth());
  const restA = a - Date.UTC(da.getUTCFullYear(), da.getUTCMonth(), 1);
  const restB = b - Date.UTC(db.getUTCFullYear(), db.getUTCMonth(), 1);
  if (m > 0 && restA < restB) m--;
  else if (m < 0 && restA > restB) m++;
  return m;
}

/**
 * How a datetime difference is measured in the qualifier's last field: a function of (a, b) in ms
 * returning ms (day-time, truncated toward zero to the last field) or months (year-month).
 */
export function differenceIn(unit: TimeUnit, toUnit?: TimeUnit): (a: number, b: number) => number {
  const last = toUnit ?? unit;
  if (unit === 'YEAR' || unit === 'MONTH') {
    if (last === 'YEAR') return (a, b) => Math.trunc(monthsBetween(a, b) / 12) * 12;
    return monthsBetween;
  }
  const step = UNIT_MS[last] ?? 1;
  if (last === 'SECOND' || step === 1) return (a, b) => a - b;
  return (a, b) => Math.trunc((a - b) / step) * step;
}

/** Why `left - right` of these datetime types is refused without / with a qualifier, or undefined. */
export function differenceProblem(lt: SqlType, rt: SqlType, qualified: boolean): string | undefined {
  if (!isDatetime(lt) || !isDatetime(rt)) return undefined;
  if ((lt.base === 'TIME') !== (rt.base === 'TIME'))
    return `Cannot subtract ${showType(rt)} from ${showType(lt)}: both sides must be TIME, or both DATE / TIMESTAMP`;
  if (!qualified && lt.base === 'DATE' && rt.base === 'DATE')
    return 'DATE - DATE needs an interval qualifier: write (d1 - d2) DAY';
  return undefined;
}

/** Peels parentheses: `((a - b))` → `a - b`. */
export function unparen(e: Expr): Expr {
  let x = e;
  while (x.kind === 'paren') x = x.arg;
  return x;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An interval value as text, by its qualifier (default DAY TO SECOND / YEAR TO MONTH). */
export function intervalText(v: number, t: SqlType): string {
  const sign = v < 0 ? '-' : '+';
  const a = Math.abs(v);
  if (t.base === 'INTERVAL_YEAR_MONTH') {
    const unit = t.qualifier?.unit ?? 'YEAR';
    const to = t.qualifier?.toUnit ?? (t.qualifier ? unit : 'MONTH');
    if (unit === 'MONTH') return `${sign}${a}`;
    if (to === 'YEAR') return `${sign}${Math.trunc(a / 12)}`;
    return `${sign}${Math.trunc(a / 12)}-${pad(a % 12)}`;
  }
  const unit = (t.qualifier?.unit ?? 'DAY') as TimeUnit;
  const to = (t.qualifier?.toUnit ?? (t.qualifier ? unit : 'SECOND')) as TimeUnit;
  const order: TimeUnit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  const from = Math.max(0, order.indexOf(unit));
  const end = Math.max(from, order.indexOf(to));
  let rest = a;
  const parts: string[] = [];
  for (let i = from; i <= end; i++) {
    const u = order[i] as TimeUnit;
    const size = UNIT_MS[u] as number;
    if (u === 'SECOND') {
      const s = rest / 1000;
      const whole = Math.trunc(s);
      const ms = Math.round(rest % 1000);
      const text = `${i === from ? whole : pad(whole)}${ms > 0 ? `.${pad(ms, 3)}` : ''}`;
      parts.push(text);
    } else {
      const n = Math.trunc(rest / size);
      rest -= n * size;
      parts.push(i === from ? String(n) : pad(n));
    }
  }
  // DAY 03:04:05 uses a space after the day, colons between the time fields.
  const first =
    order[from] === 'DAY' && parts.length > 1 ? `${parts[0]} ${parts.slice(1).join(':')}` : parts.join(':');
  return `${sign}${first}`;
}
