/**
 * Sliding windows: `agg(x) OVER w` with `WINDOW w AS (PARTITION BY … RANGE INTERVAL … PRECEDING)`
 * or `ROWS n PRECEDING`, or an inline `OVER (…)`. One output row per input row (nothing when rows
 * merely age out), the window being the current row and the partition's rows within the range
 * (ROWTIME ≥ now − interval) or the n preceding rows. LAG(x [, n [, default]]) reads the row n
 * places before the current one in the partition.
 */

import { type AggKind, aggregateKind } from '../aggregates.ts';
import type { Expr, Select, WindowSpec } from '../ast.ts';
import { AGGREGATES, type Compiled, compileExpr, type ExprContext, type Fn } from '../compileExpr.ts';
import type { Env, Problems, Scope } from '../scope.ts';
import type { SqlValue } from '../types.ts';
import { valueKey } from '../typing.ts';

interface Entry {
  t: number;
  vals: SqlValue[];
}

interface SpecState {
  spec: WindowSpec;
  part: Fn[];
  /** Positions in `calls` of the calls over this window. */
  calls: number[];
  bufs: Map<unknown, Entry[]>;
}

interface OverCall {
  spec: number;
  /** Index of this call's argument inside an Entry's vals. */
  slot: number;
  arg: Fn | undefined;
  kind?: AggKind;
  lag?: { offset: number; fallback: Fn | undefined };
}

export class SlidingWindows {
  readonly specs: SpecState[] = [];
  readonly calls: OverCall[] = [];
  private readonly results: SqlValue[] = [];

  /** The row-scope context whose hook turns `f(x) OVER w` into a read of this call's result. */
  context(sel: Select, scope: Scope, problems: Problems): ExprContext {
    const rowCtx: ExprContext = { scope, problems, where: 'inside a windowed aggregate' };
    const ctx: ExprContext = {
      scope,
      problems,
      where:
        'without OVER in a sliding-window query: use agg(x) OVER w, or a GROUP BY STEP(ROWTIME BY …) for a tumbling window',
      hook: (e) => (e.kind === 'call' && e.over ? this.addCall(e, sel, rowCtx) : undefined),
    };
    return ctx;
  }

  private specIndex(spec: WindowSpec, rowCtx: ExprContext): number {
    const found = this.specs.findIndex((s) => s.spec === spec);
    if (found >= 0) return found;
    const part = spec.partitionBy.map((p) => compileExpr(p, rowCtx).fn);
    this.specs.push({ spec, part, calls: [], bufs: new Map() });
    return this.specs.length - 1;
  }

  private addCall(e: Expr & { kind: 'call' }, sel: Select, rowCtx: ExprContext): Compiled {
    const bad = (msg: string): Compiled => {
      rowCtx.problems.error(e.span, msg);
      return { type: { base: 'ANY' }, fn: () => null, mono: false, timeOnly: false, constant: false };
    };
    const over = e.over as NonNullable<typeof e.over>;
    let spec: WindowSpec | undefined;
    if ('name' in over) {
      spec = sel.windows.find((w) => w.name.name === over.name.name)?.spec;
      if (!spec)
        return bad(
          `Unknown window ${over.name.text}: declare it with WINDOW ${over.name.text} AS (PARTITION BY … RANGE INTERVAL '1' MINUTE PRECEDING)`,
        );
    } else spec = over.spec;
    const name = e.name.name;
    if (e.name.quoted || !AGGREGATES.has(name))
      return bad(`${e.name.text} cannot be used with OVER: only aggregates and LAG`);
    const s = this.specIndex(spec, rowCtx);
    const state = this.specs[s] as SpecState;
    const star = e.args[0]?.kind === 'star';
    const arg = star || !e.args[0] ? undefined : compileExpr(e.args[0], rowCtx);
    const call: OverCall = { spec: s, slot: state.calls.length, arg: arg?.fn };
    if (name === 'LAG') {
      if (!arg) return bad('LAG needs an argument: LAG(x) or LAG(x, n)');
      const off = e.args[1] ? compileExpr(e.args[1], rowCtx) : undefined;
      const offset = off === undefined ? 1 : off.literal;
      if (typeof offset !== 'number' || offset < 0) return bad('LAG(x, n): n must be a constant ≥ 0');
      const fb = e.args[2] ? compileExpr(e.args[2], rowCtx).fn : undefined;
      call.lag = { offset, fallback: fb };
      this.register(call, state);
      const j = this.calls.length - 1;
      return {
        type: arg.type,
        fn: (env) => env.aggs[j] ?? null,
        mono: false,
        timeOnly: false,
        constant: false,
      };
    }
    let param: unknown;
    if (name === 'EXP_AVG' && e.args[1]) param = compileExpr(e.args[1], rowCtx).literal;
    const kind = aggregateKind(name, arg?.type, { star, distinct: e.distinct, param: param as number });
    if (typeof kind === 'string') return bad(kind);
    call.kind = kind;
    this.register(call, state);
    const j = this.calls.length - 1;
    return {
      type: kind.type,
      fn: (env) => env.aggs[j] ?? null,
      mono: false,
      timeOnly: false,
      constant: false,
    };
  }

  private register(call: OverCall, state: SpecState): void {
    this.calls.push(call);
    state.calls.push(this.calls.length - 1);
  }

  /** The current row enters every window; env.aggs receives each call's result. */
  add(env: Env): void {
    const t = env.t;
    const results = this.results;
    for (const s of this.specs) {
      let key: unknown = '';
      if (s.part.length === 1) key = (s.part[0] as Fn)(env);
      else if (s.part.length > 1) key = s.part.map((p) => valueKey(p(env))).join('\u0001');
      let buf = s.bufs.get(key);
      if (!buf) {
        buf = [];
        s.bufs.set(key, buf);
      }
      const vals = s.calls.map((ci) => {
        const a = (this.calls[ci] as OverCall).arg;
        return a ? a(env) : true;
      });
      buf.push({ t, vals });
      const frame = s.spec.frame;
      let drop = 0;
      if (frame?.type === 'RANGE') {
        while (drop < buf.length && (buf[drop] as Entry).t < t - frame.ms) drop++;
      } else if (frame?.type === 'ROWS') {
        drop = Math.max(0, buf.length - (frame.rows + 1));
      }
      // No frame: the SQL default, RANGE UNBOUNDED PRECEDING (the partition's whole history).
      if (drop > 0) buf.splice(0, drop);
      for (const ci of s.calls) {
        const c = this.calls[ci] as OverCall;
        if (c.lag) {
          const at = buf.length - 1 - c.lag.offset;
          results[ci] =
            at >= 0 ? ((buf[at] as Entry).vals[c.slot] ?? null) : c.lag.fallback ? c.lag.fallback(env) : null;
          continue;
        }
        const acc = (c.kind as AggKind).make();
        for (const en of buf) acc.add(en.vals[c.slot] ?? null, en.t);
        results[ci] = acc.result();
      }
    }
    env.aggs = results;
  }
}
