/**
 * Shared pieces of the stream table functions: argument checks, column lookup, and the tumbling
 * window clock (windows of `windowMs` aligned to the epoch; a window [start, end) emits once, when
 * ROWTIME reaches `end`, and its rows carry ROWTIME = end, as KDA's tumbling GROUP BY does).
 */
import type { Column, Row, SqlValue } from '../types.ts';

export function intArg(
  fn: string,
  args: SqlValue[],
  i: number,
  what: string,
  min: number,
  max: number,
  dflt?: number,
): number {
  const v = args[i];
  if (v === undefined || v === null) {
    if (dflt !== undefined) return dflt;
    throw new Error(`${fn}: missing ${what}`);
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${fn}: ${what} must be a number`);
  const n = Math.trunc(v);
  if (n < min || n > max) {
    throw new Error(
      `${fn}: ${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}, got ${n}`,
    );
  }
  return n;
}

/** Finds the column named by a string argument ('TICKER_SYMBOL'): exact match first, then any case. */
export function columnArg(fn: string, input: Column[], args: SqlValue[], i: number): number {
  const name = args[i];
  if (typeof name !== 'string')
    throw new Error(`${fn}: the column name must be a string in single quotes, e.g. 'column1'`);
  let idx = input.findIndex((c) => c.name === name);
  if (idx < 0) idx = input.findIndex((c) => c.name.toUpperCase() === name.toUpperCase());
  if (idx < 0) {
    throw new Error(
      `${fn}: the cursor has no column '${name}' (columns: ${input.map((c) => c.name).join(', ')})`,
    );
  }
  return idx;
}

/** Tracks the current tumbling window; `roll` reports the end of the window that just closed. */
export class TumblingClock {
  private end = Number.NEGATIVE_INFINITY;
  constructor(private readonly windowMs: number) {}

  /** The end of the window that contains `rowtime`. */
  windowEnd(rowtime: number): number {
    return Math.floor(rowtime / this.windowMs) * this.windowMs + this.windowMs;
  }

  /** When time reaches the current window's end, returns that end (the window closes) and forgets it. */
  closeIfDue(rowtime: number): number | null {
    if (this.end !== Number.NEGATIVE_INFINITY && rowtime >= this.end) {
      const closed = this.end;
      this.end = Number.NEGATIVE_INFINITY;
      return closed;
    }
    return null;
  }

  open(rowtime: number): void {
    if (this.end === Number.NEGATIVE_INFINITY) this.end = this.windowEnd(rowtime);
  }
}

/** A value as a Map key: strings and numbers stay distinct ('1' vs 1), bytes become hex. */
export function itemKey(v: SqlValue): string {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v instanceof Uint8Array) return `x${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  return `o${JSON.stringify(v)}`;
}

export type Emit = Row[];
