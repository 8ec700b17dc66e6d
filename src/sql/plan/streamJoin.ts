/**
 * The stream-to-stream join operator (the JOIN clause page's semantics; see connectStreamJoin).
 * Planned by from.ts, which compiles ON and lays the two sides' values side by side.
 */
import type { SqlValue } from '../types.ts';
import type { FromPlan } from './from.ts';
import { FLUSH, type RowSink, type Wiring } from './wiring.ts';

export interface Held {
  v: SqlValue[];
  t: number;
  ts: number[] | undefined;
  /** Met a row of the other side (an outer join's preserved row is then not NULL-extended). */
  matched?: boolean;
}

export interface JoinParts {
  left: FromPlan;
  right: FromPlan;
  lr: { ms: number; rows: number };
  rr: { ms: number; rows: number };
  keepLeft: boolean;
  keepRight: boolean;
  lWindowed: boolean;
  rWindowed: boolean;
  combine: (lv: SqlValue[], rv: SqlValue[]) => SqlValue[];
  test: (v: SqlValue[], t: number, ts: number[]) => boolean;
  tsOf: (l: Held, r: Held) => number[];
  lw: number;
  rw: number;
}

/**
 * Stream-to-stream join as the JOIN clause page describes it: a row arriving on one side meets
 * the other side's rows that are inside that side's window at that moment; a result takes the
 * arriving (later) row's ROWTIME. An outer join's unmatched row from a side without a window is
 * emitted at once, NULL-extended, at its own ROWTIME (the NULL side's ROWTIME reads NULL). A
 * preserved row of a side with a window is emitted NULL-extended when it leaves its window
 * without having matched, at the window's end (our reading: the page shows no such row).
 */
export function connectStreamJoin(w: Wiring, sink: RowSink, j: JoinParts): void {
  const lbuf: Held[] = [];
  const rbuf: Held[] = [];
  const nullHeld: Held = { v: [], t: Number.NaN, ts: undefined };
  const nulls = (n: number) => new Array<SqlValue>(n).fill(null);
  let lastOut = Number.NEGATIVE_INFINITY; // output ROWTIMEs never go back
  const unmatched = (h: Held, isLeft: boolean, when: number) => {
    const at = Math.max(when, lastOut);
    lastOut = at;
    if (isLeft) sink(j.combine(h.v, nulls(j.rw)), at, j.tsOf(h, nullHeld));
    else sink(j.combine(nulls(j.lw), h.v), at, j.tsOf(nullHeld, h));
  };
  /** Drops rows that left the window at time t; preserved unmatched ones are emitted first. */
  const evict = (
    buf: Held[],
    keep: { ms: number; rows: number },
    t: number,
    emit: boolean,
    isLeft: boolean,
  ) => {
    let n = 0;
    while (n < buf.length && (buf[n] as Held).t < t - keep.ms) {
      const h = buf[n] as Held;
      if (emit && !h.matched) unmatched(h, isLeft, h.t + keep.ms);
      n++;
    }
    if (buf.length - n > keep.rows) {
      const stop = buf.length - keep.rows;
      for (let i = n; i < stop; i++) {
        const h = buf[i] as Held;
        if (emit && !h.matched) unmatched(h, isLeft, t);
      }
      n = stop;
    }
    if (n > 0) buf.splice(0, n);
  };
  const waitL = j.keepLeft && j.lWindowed;
  const waitR = j.keepRight && j.rWindowed;
  const arrive = (isLeft: boolean) => (v: SqlValue[], t: number, ts: number[] | undefined) => {
    const h: Held = { v, t, ts };
    if (t > lastOut) lastOut = t;
    const [mine, other] = isLeft ? [lbuf, rbuf] : [rbuf, lbuf];
    const [myKeep, otherKeep] = isLeft ? [j.lr, j.rr] : [j.rr, j.lr];
    const [wait, otherWait] = isLeft ? [waitL, waitR] : [waitR, waitL];
    const keepMine = isLeft ? j.keepLeft : j.keepRight;
    evict(other, otherKeep, t, otherWait, !isLeft);
    let matched = false;
    for (const o of other) {
      const row = isLeft ? j.combine(v, o.v) : j.combine(o.v, v);
      const rts = isLeft ? j.tsOf(h, o) : j.tsOf(o, h);
      if (j.test(row, t, rts)) {
        matched = true;
        o.matched = true;
        sink(row, t, rts);
      }
    }
    h.matched = matched;
    if (!matched && keepMine && !wait) unmatched(h, isLeft, t);
    mine.push(h);
    evict(mine, myKeep, t, wait, isLeft);
    if (wait) w.wake(t + myKeep.ms + 1);
  };
  j.left.connect(w, arrive(true));
  j.right.connect(w, arrive(false));
  if (waitL || waitR) {
    w.onAdvance(
      (t) => {
        if (waitL) evict(lbuf, j.lr, t, true, true);
        if (waitR) evict(rbuf, j.rr, t, true, false);
        if (t !== FLUSH) return;
        // End of input: rows still waiting in a ROWS window will never match; out they come.
        for (const [buf, isLeft, wait] of [
          [lbuf, true, waitL],
          [rbuf, false, waitR],
        ] as const) {
          if (wait) for (const h of buf.splice(0)) if (!h.matched) unmatched(h, isLeft, lastOut);
        }
      },
      () => {
        let due = Number.POSITIVE_INFINITY;
        if (waitL && lbuf[0]) due = Math.min(due, (lbuf[0] as Held).t + j.lr.ms + 1);
        if (waitR && rbuf[0]) due = Math.min(due, (rbuf[0] as Held).t + j.rr.ms + 1);
        return due;
      },
    );
  }
}
