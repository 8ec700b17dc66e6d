/**
 * One SELECT → a running operator: FROM (streams, joins, table functions) → WHERE → one of
 * projection, sliding windows (OVER), tumbling GROUP BY or stagger windows → rows out.
 * Also where KDA's streaming rules are enforced: STREAM on stream queries, a ROWTIME-monotonic
 * GROUP BY key for aggregates.
 */
import type { Expr, Select, Span } from '../ast.ts';
import { type Compiled, compileExpr, type ExprContext, type Fn } from '../compileExpr.ts';
import type { SqlProblem } from '../problems.ts';
import { newEnv, Problems, Scope } from '../scope.ts';
import type { Column, Row, SqlValue } from '../types.ts';
import { showType } from '../typing.ts';
import { planFrom } from './from.ts';
import { StaggerGroups, TumblingGroups } from './group.ts';
import {
  type AggSlot,
  aggregatedContext,
  expandItems,
  hasAggregate,
  hasOver,
  type OutItem,
  outColumns,
} from './items.ts';
import { SlidingWindows } from './sliding.ts';
import type { Catalog, RowSink, Wiring } from './wiring.ts';

export interface SelectPlan {
  columns: Column[];
  /** Which output columns rise with ROWTIME (so an outer query may GROUP BY them). */
  mono?: boolean[];
  connect(w: Wiring, emit: (row: Row) => void): void;
}

/** Builds the one-click fixes for the streaming GROUP BY rules (set by the checker). */
export interface FixHooks {
  missingGroupBy?(sel: Select): SqlProblem['fix'] | undefined;
  noMonotonicKey?(sel: Select): SqlProblem['fix'] | undefined;
}

export interface PlanContext {
  cat: Catalog;
  problems: Problems;
  fixes?: FixHooks;
}

const BOOLEAN_OK = new Set(['BOOLEAN', 'NULL', 'ANY']);

export function planSelect(sel: Select, cx: PlanContext): SelectPlan {
  if (sel.unionAll?.length) return planUnion(sel, cx);
  const { cat, problems } = cx;
  const from = planFrom(sel.from, cat, problems, (q, c, p) => planSelect(q, { ...cx, cat: c, problems: p }));
  const scope = new Scope(from.sources);
  const nSources = from.sources.length;
  if (!sel.stream && !from.tableOnly) {
    problems.error(
      firstToken(sel.span, 6),
      'A query on a stream needs SELECT STREAM: a stream never ends, so KDA only runs continuous queries',
    );
  }
  const where = sel.where
    ? checkBoolean(
        sel.where,
        { scope, problems, where: 'in WHERE (filter rows first, aggregate in the select list)' },
        'WHERE',
      )
    : undefined;
  const items = expandItems(sel, scope, problems);
  const aggregated =
    !!sel.groupBy ||
    !!sel.stagger ||
    sel.distinct ||
    items.some((it) => hasAggregate(it.expr)) ||
    hasAggregate(sel.having);
  const sliding = items.some((it) => hasOver(it.expr));
  if (sel.orderBy?.length) checkOrderBy(sel, scope, problems);
  const env = newEnv();
  const single = [0];
  const setRow = (v: SqlValue[], t: number, ts: number[] | undefined) => {
    env.v = v;
    env.t = t;
    if (ts) env.ts = ts;
    else {
      single[0] = t;
      env.ts = single;
    }
  };
  const project = (compiled: Compiled[]): ((e: typeof env) => SqlValue[]) => {
    const fns: Fn[] = items.map((it, i) =>
      it.index !== undefined
        ? (
            (ix: number) => (e: typeof env) =>
              e.v[ix] ?? null
          )(it.index)
        : (compiled[i] as Compiled).fn,
    );
    const n = fns.length;
    return (e) => {
      const out: SqlValue[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = (fns[i] as Fn)(e);
      return out;
    };
  };
  const compileItems = (ctx: ExprContext): Compiled[] =>
    items.map((it) =>
      it.expr
        ? compileExpr(it.expr, ctx)
        : { type: it.type ?? { base: 'ANY' }, fn: () => null, mono: false, timeOnly: false, constant: false },
    );

  if (sliding && !aggregated) {
    const sw = new SlidingWindows();
    const compiled = compileItems(sw.context(sel, scope, problems));
    if (sel.having)
      problems.error(
        sel.having.span,
        'HAVING needs GROUP BY; in a sliding-window query filter with WHERE in an outer query',
      );
    const values = project(compiled);
    return {
      columns: outColumns(items, compiled),
      mono: compiled.map((c) => c.mono),
      connect(w, emit) {
        from.connect(w, (v, t, ts) => {
          setRow(v, t, ts);
          if (where && where(env) !== true) return;
          sw.add(env);
          emit({ rowtime: t, values: values(env) });
        });
      },
    };
  }

  if (!aggregated) {
    const compiled = compileItems({ scope, problems, where: 'here' });
    const values = project(compiled);
    return {
      columns: outColumns(items, compiled),
      mono: compiled.map((c) => c.mono),
      connect(w, emit) {
        from.connect(w, (v, t, ts) => {
          setRow(v, t, ts);
          if (where && where(env) !== true) return;
          emit({ rowtime: t, values: values(env) });
        });
      },
    };
  }
  return planAggregated(sel, cx, {
    scope,
    nSources,
    items,
    where,
    from,
    setRow,
    env,
    project,
    tableOnly: from.tableOnly,
  });
}

interface AggInput {
  scope: Scope;
  nSources: number;
  items: OutItem[];
  where: Fn | undefined;
  from: { connect(w: Wiring, sink: RowSink): void };
  setRow: RowSink;
  env: ReturnType<typeof newEnv>;
  project: (compiled: Compiled[]) => (e: ReturnType<typeof newEnv>) => SqlValue[];
  tableOnly: boolean;
}

function planAggregated(sel: Select, cx: PlanContext, a: AggInput): SelectPlan {
  const { problems } = cx;
  const { scope, items } = a;
  let keyExprs: Expr[] = sel.stagger?.partitionBy ?? sel.groupBy ?? [];
  if (sel.distinct && !sel.groupBy && !sel.stagger)
    keyExprs = items.flatMap((it) => (it.expr ? [it.expr] : []));
  const keyCtx: ExprContext = { scope, problems, where: 'in GROUP BY' };
  const keys = keyExprs.map((k) => compileExpr(k, keyCtx));
  const slots: AggSlot[] = [];
  const what = sel.stagger ? 'PARTITION BY of the stagger window' : 'GROUP BY';
  const ctx = aggregatedContext(
    scope,
    problems,
    keyExprs,
    keys.map((k) => ({ type: k.type, mono: k.mono })),
    slots,
    what,
  );
  if (items.some((it) => !it.expr))
    problems.error(sel.span, `* cannot be used with ${what}: list the columns`);
  const compiled = items.map((it) =>
    it.expr
      ? compileExpr(it.expr, ctx)
      : {
          type: it.type ?? { base: 'ANY' as const },
          fn: () => null,
          mono: false,
          timeOnly: false,
          constant: false,
        },
  );
  const having = sel.having ? checkBoolean(sel.having, ctx, 'HAVING') : undefined;
  let driver = -1;
  if (!sel.stagger) {
    driver = keys.findIndex((k) => k.mono && k.timeOnly);
    if (driver < 0) driver = keys.findIndex((k) => k.mono);
    if (driver < 0 && !a.tableOnly) {
      if (!sel.groupBy || sel.groupBy.length === 0) {
        const agg = findAggregate(items.map((it) => it.expr)) ?? sel.span;
        problems.error(
          agg,
          'An aggregate over a stream needs a GROUP BY on a ROWTIME window, or it would never emit: ' +
            "add GROUP BY STEP(ROWTIME BY INTERVAL '1' SECOND) (a tumbling window) and insert the result into a stream with a pump",
          cx.fixes?.missingGroupBy?.(sel),
        );
      } else {
        problems.error(
          (sel.groupBy[0] as Expr).span,
          'GROUP BY on a stream needs a ROWTIME-based (monotonic) expression, or the groups would never close: ' +
            "add STEP(ROWTIME BY INTERVAL '1' MINUTE) or FLOOR(ROWTIME TO MINUTE) to the GROUP BY (or wrap a rising column in MONOTONIC(…))",
          cx.fixes?.noMonotonicKey?.(sel),
        );
      }
    }
  }
  const values = a.project(compiled);
  return {
    columns: outColumns(items, compiled),
    mono: compiled.map((c) => c.mono),
    connect(w, emit) {
      const out = (env: ReturnType<typeof newEnv>) => {
        try {
          if (having && having(env) !== true) return;
          emit({ rowtime: env.t, values: values(env) });
        } catch (err) {
          w.fail(err, env.t, env.keys);
        }
      };
      const groups = sel.stagger
        ? new StaggerGroups(keys, sel.stagger.ms, slots, a.nSources, out)
        : new TumblingGroups(keys.length ? keys : [constKey()], Math.max(0, driver), slots, a.nSources, out);
      const env = a.env;
      const where = a.where;
      const single = [0];
      a.from.connect(w, (v, t, ts) => {
        env.v = v;
        env.t = t;
        if (ts) env.ts = ts;
        else {
          single[0] = t;
          env.ts = single;
        }
        if (where && where(env) !== true) return;
        groups.add(env);
      });
      w.onAdvance(
        (t) => groups.advance(t),
        () => groups.nextDue(),
      );
      groups.onWindow = (end) => w.wake(end);
    },
  };
}

const constKey = (): Compiled => ({
  type: { base: 'BOOLEAN' },
  fn: () => true,
  mono: false,
  timeOnly: false,
  constant: true,
});

function planUnion(sel: Select, cx: PlanContext): SelectPlan {
  const branches = [{ ...sel, unionAll: undefined }, ...(sel.unionAll ?? [])].map((s) => ({
    s,
    plan: planSelect(s, cx),
  }));
  const first = branches[0]?.plan as SelectPlan;
  for (const b of branches.slice(1)) {
    if (b.plan.columns.length !== first.columns.length) {
      cx.problems.error(
        b.s.span,
        `UNION ALL branches need the same number of columns: ${first.columns.length} and ${b.plan.columns.length}`,
      );
    }
  }
  return {
    columns: first.columns,
    connect(w, emit) {
      for (const b of branches) b.plan.connect(w, emit);
    },
  };
}

function checkBoolean(e: Expr, ctx: ExprContext, clause: string): Fn {
  const c = compileExpr(e, ctx);
  if (!BOOLEAN_OK.has(c.type.base))
    ctx.problems.error(e.span, `${clause} needs a condition (BOOLEAN), not ${showType(c.type)}`);
  return c.fn;
}

function findAggregate(exprs: (Expr | undefined)[]): Span | undefined {
  let found: Span | undefined;
  const visit = (x: unknown): void => {
    if (found || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    const n = x as Expr;
    if (n.kind === 'call' && hasAggregate(n) && !n.args.some(hasAggregate) && !n.over) {
      found = n.span;
      return;
    }
    for (const [k, v] of Object.entries(x)) if (k !== 'span') visit(v);
  };
  visit(exprs);
  return found;
}

/**
 * A streaming ORDER BY must lead with a ROWTIME-based (monotonic) expression, as KDA requires.
 * Sorting inside each value of that key is not applied here: rows keep their arrival order.
 */
function checkOrderBy(sel: Select, scope: Scope, problems: Problems): void {
  const lead = sel.orderBy?.[0];
  if (!lead) return;
  const quiet = new Problems();
  const c = compileExpr(lead, { scope, problems: quiet, where: 'in ORDER BY' });
  if (c.mono || quiet.list.length > 0) {
    const second = sel.orderBy?.[1];
    if (second) {
      problems.warn(
        second.span,
        'Sorting within each window by the keys after the first is not applied: rows keep their arrival order',
      );
    }
    return;
  }
  problems.error(
    lead.span,
    'A streaming ORDER BY must start with a ROWTIME-based key, e.g. ORDER BY FLOOR(ROWTIME TO SECOND), …',
  );
}

function firstToken(s: Span, len: number): Span {
  return { ...s, endLine: s.line, endColumn: s.column + len - 1, endOffset: s.offset + len };
}
