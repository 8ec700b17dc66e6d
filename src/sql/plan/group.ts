/**
 * Streaming aggregation: tumbling windows (GROUP BY with a ROWTIME-monotonic key such as
 * STEP(ROWTIME BY INTERVAL '1' MINUTE), FLOOR(ROWTIME TO MINUTE) or arithmetic on ROWTIME) and
 * stagger windows (WINDOWED BY STAGGER: one window per partition key, opened by its first row and
 * closed one interval later). Each group emits once, when ROWTIME passes its window's end, with
 * ROWTIME = the window's end (KDA's documented output rows show exactly that).
 */
import type { Acc } from '../aggregates.ts';
import type { Compiled, Fn } from '../compileExpr.ts';
import { type Env, newEnv } from '../scope.ts';
import type { SqlValue } from '../types.ts';
import { valueKey } from '../typing.ts';
import type { AggSlot } from './items.ts';
import { FLUSH } from './wiring.ts';

interface Group {
  keys: SqlValue[];
  accs: Acc[];
}

interface Window {
  k: SqlValue;
  /** `k` when it is a number (STEP / FLOOR windows), else NaN: compared unboxed on the hot path. */
  kn: number;
  end: number;
  groups: Map<unknown, Group>;
}

/** Emits one group: env.keys / env.aggs / env.t are set. */
export type GroupOutput = (env: Env) => void;

/**
 * The first ms after t0 at which a ROWTIME-only key changes value: the window's end. Found by
 * doubling then bisection (≈ 2·log2(window ms) evaluations, once per window, not per row).
 */
export function windowEnd(f: Fn, t0: number, k: SqlValue, sources: number): number {
  const env = newEnv();
  env.ts = new Array(sources).fill(t0);
  const at = (t: number) => {
    env.t = t;
    env.ts.fill(t);
    try {
      return f(env);
    } catch {
      return k;
    }
  };
  const same = (v: SqlValue) => v === k || (v !== null && k !== null && valueKey(v) === valueKey(k));
  let lo = t0;
  let hi = -1;
  for (let step = 1; step <= 2 ** 45; step *= 2) {
    if (!same(at(t0 + step))) {
      hi = t0 + step;
      break;
    }
    lo = t0 + step;
  }
  if (hi < 0) return FLUSH;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (same(at(mid))) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The group key inside a window; `skip` is the window's own key (already in `out`). */
function keyOf(fns: Fn[], env: Env, out: SqlValue[], skip = -1): unknown {
  const n = fns.length;
  if (n === 1 && skip === 0) return '';
  // One key besides the window (the usual `GROUP BY ticker, STEP(ROWTIME …)`): the raw value is
  // the Map key, no string building per row.
  if (n === 1 || (n === 2 && skip >= 0)) {
    const i = skip === 0 ? 1 : 0;
    const v = (fns[i] as Fn)(env);
    out[i] = v;
    return v;
  }
  let s = '';
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    const v = (fns[i] as Fn)(env);
    out[i] = v;
    s += `${valueKey(v)}\u0001`;
  }
  return s;
}

/**
 * Tumbling GROUP BY. `driver` is the index of the monotonic key; when it depends on ROWTIME only
 * the window's end is exact, otherwise (MONOTONIC(col)) a window closes when the key moves on.
 */
export class TumblingGroups {
  private readonly windows: Window[] = [];
  private lastT = Number.NEGATIVE_INFINITY;
  private readonly scratch: SqlValue[];
  private readonly out = newEnv();
  private readonly keyFns: Fn[];
  private readonly driverFn: Fn;
  private readonly step: { source: number; ms: number } | undefined;
  /** With exactly one key besides the window and that key a plain column: its position and index. */
  private readonly otherKey: number;
  private readonly otherCol: number;
  private readonly argCols: number[];
  private readonly argFns: (Fn | undefined)[];
  private readonly timed: boolean[];
  private readonly plainArgs: boolean;
  /** Told the end of every window opened (so the app knows when to advance this operator). */
  onWindow: (end: number) => void = () => {};

  constructor(
    private readonly keys: Compiled[],
    private readonly driver: number,
    private readonly slots: AggSlot[],
    private readonly sources: number,
    private readonly emit: GroupOutput,
  ) {
    this.scratch = new Array(keys.length);
    this.keyFns = keys.map((c) => c.fn);
    this.driverFn = (keys[driver] as Compiled).fn;
    this.step = (keys[driver] as Compiled).stepOf;
    const other = keys.length === 2 ? 1 - driver : -1;
    this.otherKey = other >= 0 && keys[other]?.column !== undefined ? other : -1;
    this.otherCol = this.otherKey >= 0 ? ((keys[other] as Compiled).column as number) : -1;
    this.argCols = slots.map((s) => s.col ?? -1);
    this.argFns = slots.map((s) => s.arg);
    this.timed = slots.map((s) => s.kind.timed);
    this.plainArgs = slots.every((s) => !s.kind.timed && (s.col !== undefined || !s.arg));
  }

  add(env: Env): void {
    const t = env.t;
    this.lastT = t;
    const st = this.step;
    // STEP / FLOOR of ROWTIME (nearly every tumbling window): the window id inline, no closures.
    let win: Window | undefined = this.windows[this.windows.length - 1];
    let k: SqlValue;
    if (st) {
      // Compared as a plain number with the window's numeric id (comparing it with the tagged
      // `win.k` would box it: one heap number per row).
      const kn = Math.floor((env.ts[st.source] ?? t) / st.ms) * st.ms;
      if (win && win.kn === kn) k = win.k;
      else {
        k = kn;
        if (!win || !(win.k === k || valueKey(win.k) === valueKey(k))) win = this.windowOf(k, t);
      }
    } else {
      k = this.driverFn(env);
      if (!win || !(win.k === k || valueKey(win.k) === valueKey(k))) win = this.windowOf(k, t);
    }
    // Groups live inside their window, so the window key itself need not be part of the group key.
    const key =
      this.otherKey >= 0
        ? (env.v[this.otherCol] ?? null)
        : keyOf(this.keyFns, env, this.scratch, this.driver);
    const g = win.groups.get(key) ?? this.newGroup(win, k, key);
    const cols = this.argCols;
    const accs = g.accs;
    if (this.plainArgs) {
      // Every argument a column or `*`, none timed: no function calls besides the adds.
      const v = env.v;
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i] as number;
        (accs[i] as Acc).add(c >= 0 ? (v[c] ?? null) : true, 0);
      }
      return;
    }
    const fns = this.argFns;
    const timed = this.timed;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as number;
      const f = fns[i];
      (accs[i] as Acc).add(c >= 0 ? (env.v[c] ?? null) : f ? f(env) : true, timed[i] ? t : 0);
    }
  }

  /** The open window with key k, or a new one (off the per-row path: only when the window changes). */
  private windowOf(k: SqlValue, t: number): Window {
    let win = this.windows.find((w) => w.k === k || valueKey(w.k) === valueKey(k));
    if (!win) {
      const st = this.step;
      const kf = this.driverFn;
      const timeOnly = (this.keys[this.driver] as Compiled).timeOnly;
      if (!timeOnly) this.closeBefore(k, t);
      const end = st ? (k as number) + st.ms : timeOnly ? windowEnd(kf, t, k, this.sources) : FLUSH;
      win = { k, kn: typeof k === 'number' ? k : Number.NaN, end, groups: new Map() };
      this.windows.push(win);
      this.onWindow(end);
    }
    return win;
  }

  /**
   * A new group in `win` (group keys are stored only when a group is created: writing a number
   * into a plain array per row would allocate a heap number per row). `scratch` holds the keys
   * keyOf just computed.
   */
  private newGroup(win: Window, k: SqlValue, key: unknown): Group {
    const scratch = this.scratch;
    scratch[this.driver] = k;
    if (this.otherKey >= 0) scratch[this.otherKey] = key as SqlValue;
    const g = { keys: scratch.slice(), accs: this.slots.map((s) => s.kind.make()) };
    win.groups.set(key, g);
    return g;
  }

  /** MONOTONIC(non-time) windows: a new key value closes every earlier window, stamped now. */
  private closeBefore(k: SqlValue, t: number): void {
    while (this.windows.length > 0) {
      const w = this.windows[0] as Window;
      if (w.k === k) return;
      this.windows.shift();
      this.flushWindow(w, t);
    }
  }

  nextDue(): number {
    return this.windows[0]?.end ?? FLUSH;
  }

  advance(t: number): void {
    while (this.windows.length > 0) {
      const w = this.windows[0] as Window;
      if (w.end > t) return;
      this.windows.shift();
      this.flushWindow(w, w.end === FLUSH ? this.lastT : w.end);
    }
  }

  private flushWindow(w: Window, at: number): void {
    const out = this.out;
    for (const g of w.groups.values()) {
      out.keys = g.keys;
      out.aggs = g.accs.map((a) => a.result());
      out.t = at;
      out.ts = new Array(this.sources).fill(at);
      this.emit(out);
    }
  }
}

/** WINDOWED BY STAGGER (PARTITION BY keys RANGE INTERVAL ms). */
export class StaggerGroups {
  private readonly open = new Map<unknown, Group & { end: number }>();
  onWindow: (end: number) => void = () => {};
  private readonly queue: (Group & { end: number; key: unknown })[] = [];
  private readonly scratch: SqlValue[];
  private readonly out = newEnv();

  constructor(
    private readonly keys: Compiled[],
    private readonly ms: number,
    private readonly slots: AggSlot[],
    private readonly sources: number,
    private readonly emit: GroupOutput,
  ) {
    this.scratch = new Array(keys.length);
  }

  add(env: Env): void {
    const t = env.t;
    const key = keyOf(
      this.keys.map((c) => c.fn),
      env,
      this.scratch,
    );
    let g = this.open.get(key);
    if (!g) {
      const w = {
        keys: this.scratch.slice(),
        accs: this.slots.map((s) => s.kind.make()),
        end: t + this.ms,
        key,
      };
      this.open.set(key, w);
      this.queue.push(w);
      this.onWindow(w.end);
      g = w;
    }
    for (let i = 0; i < this.slots.length; i++) {
      const a = (this.slots[i] as AggSlot).arg;
      (g.accs[i] as Acc).add(a ? a(env) : true, t);
    }
  }

  nextDue(): number {
    return this.queue[0]?.end ?? FLUSH;
  }

  advance(t: number): void {
    while (this.queue.length > 0 && (this.queue[0] as { end: number }).end <= t) {
      const w = this.queue.shift() as Group & { end: number; key: unknown };
      this.open.delete(w.key);
      const out = this.out;
      out.keys = w.keys;
      out.aggs = w.accs.map((a) => a.result());
      out.t = w.end;
      out.ts = new Array(this.sources).fill(w.end);
      this.emit(out);
    }
  }
}
