/**
 * FROM clauses: a stream, a reference table, a subquery, a table function over a CURSOR, and
 * joins of those. Stream-to-stream joins keep each side's rows for its window (`OVER (RANGE
 * INTERVAL … PRECEDING)`, `ROWS n PRECEDING`; no window = rows of the same instant): when a row
 * arrives on one side it joins with the other side's window, as KDA does (streamJoin.ts has the
 * operator and the outer joins' rules). Reference tables are looked up through
 * a hash index when ON has an equality between the stream side and the table side.
 */
import type { Expr, FromItem, WindowSpec } from '../ast.ts';
import { compileExpr, type Fn } from '../compileExpr.ts';
import { newEnv, type Problems, Scope, type Source } from '../scope.ts';
import { TABLE_FUNCTIONS } from '../tablefns/index.ts';
import type { Column, Row, SqlValue } from '../types.ts';
import { showType, valueKey } from '../typing.ts';
import { connectStreamJoin, type Held } from './streamJoin.ts';
import type { Catalog, RowSink, Wiring } from './wiring.ts';

export interface FromPlan {
  sources: Source[];
  width: number;
  /** True when every source is a reference table (then SELECT needs no STREAM). */
  tableOnly: boolean;
  connect(w: Wiring, sink: RowSink): void;
}

/** Plans a nested SELECT (subqueries, cursors); injected to avoid an import cycle. */
export type PlanSubquery = (
  q: import('../ast.ts').Select,
  cat: Catalog,
  problems: Problems,
) => { columns: Column[]; mono?: boolean[]; connect(w: Wiring, emit: (row: Row) => void): void };

export function planFrom(
  f: FromItem,
  cat: Catalog,
  problems: Problems,
  planSub: PlanSubquery,
  offset = 0,
  index = 0,
): FromPlan {
  switch (f.kind) {
    case 'stream': {
      const name = f.name.name;
      const alias = f.alias?.name;
      const table = cat.tables.get(name);
      if (table) {
        const source: Source = { name, alias, columns: table.columns, offset, index };
        return { sources: [source], width: table.columns.length, tableOnly: true, connect() {} };
      }
      let stream = cat.streams.get(name);
      if (!stream) {
        stream = unknownStream(f.name, cat, problems);
      }
      const columns = stream.columns;
      const source: Source = { name, alias, columns, offset, index, isInput: cat.inputs.includes(name) };
      return {
        sources: [source],
        width: columns.length,
        tableOnly: false,
        connect(w, sink) {
          w.subscribe(name, (row) => sink(row.values, row.rowtime, undefined));
        },
      };
    }
    case 'subquery': {
      const sub = planSub(f.query, cat, problems);
      let columns = sub.columns;
      if (f.columnAliases) {
        const names = f.columnAliases;
        if (names.length !== columns.length)
          problems.error(
            (names[0] as import('../ast.ts').Ident).span,
            `${names.length} column name${names.length === 1 ? '' : 's'} for a subquery of ${columns.length} column${columns.length === 1 ? '' : 's'}`,
          );
        columns = columns.map((c, i) => ({ ...c, name: names[i]?.name ?? c.name }));
      }
      const source: Source = {
        name: f.alias?.name ?? 'SUBQUERY',
        alias: f.alias?.name,
        columns,
        offset,
        index,
        mono: sub.mono,
      };
      return {
        sources: [source],
        width: columns.length,
        tableOnly: false,
        connect(w, sink) {
          sub.connect(w, (row) => sink(row.values, row.rowtime, undefined));
        },
      };
    }
    case 'tableFn':
      return planTableFn(f, cat, problems, planSub, offset, index);
    case 'join':
      return planJoin(f, cat, problems, planSub, offset, index);
  }
}

function unknownStream(
  name: import('../ast.ts').Ident,
  cat: Catalog,
  problems: Problems,
): { columns: Column[] } {
  const known = [...cat.streams.keys()];
  const near = known.find((k) => k.toUpperCase() === name.name.toUpperCase());
  let hint: string;
  if (near) hint = `: quoted names are case-sensitive, write "${near}"`;
  else if (cat.inputs.length === 1) hint = `: the application's input stream is "${cat.inputs[0]}"`;
  else hint = known.length ? ` (streams: ${known.map((k) => `"${k}"`).join(', ')})` : '';
  problems.error(name.span, `Unknown stream ${name.text}${hint}`);
  // Keep checking the rest of the query against the likely intended stream.
  const guess = near ?? (cat.inputs.length === 1 ? cat.inputs[0] : undefined);
  return (guess && cat.streams.get(guess)) || { columns: [] };
}

function planTableFn(
  f: FromItem & { kind: 'tableFn' },
  cat: Catalog,
  problems: Problems,
  planSub: PlanSubquery,
  offset: number,
  index: number,
): FromPlan {
  const fn = TABLE_FUNCTIONS[f.name.name.toUpperCase()];
  const sub = planSub(f.cursor, cat, problems);
  const argScope = new Scope([]);
  const args: SqlValue[] = f.args.map((a) => {
    const c = compileExpr(a, { scope: argScope, problems, where: 'in a table function argument' });
    if (!c.constant) problems.error(a.span, 'Table function arguments after the CURSOR must be constants');
    return c.constant ? c.fn(newEnv()) : null;
  });
  let columns: Column[] = [];
  if (!fn) {
    problems.error(
      f.name.span,
      `Unknown table function ${f.name.text} (known: ${Object.keys(TABLE_FUNCTIONS).join(', ')})`,
    );
  } else {
    try {
      columns = fn.outputColumns(sub.columns, args);
    } catch (err) {
      problems.error(f.span, (err as Error).message);
    }
  }
  const name = f.alias?.name ?? f.name.name;
  const source: Source = { name, alias: f.alias?.name, columns, offset, index };
  return {
    sources: [source],
    width: columns.length,
    tableOnly: false,
    connect(w, sink) {
      if (!fn) return;
      const inst = fn.create(sub.columns, args, w.seed);
      const out = (rows: Row[]) => {
        for (const r of rows) sink(r.values, r.rowtime, undefined);
      };
      sub.connect(w, (row) => out(inst.push(row)));
      w.onAdvance((t) => out(inst.advanceTo(t)));
    },
  };
}

/** How long a join side keeps its rows: ms for RANGE, a count for ROWS. */
function retention(w: WindowSpec | undefined): { ms: number; rows: number } {
  if (!w?.frame) return { ms: 0, rows: Number.POSITIVE_INFINITY };
  if (w.frame.type === 'RANGE') return { ms: w.frame.ms, rows: Number.POSITIVE_INFINITY };
  if (w.frame.type === 'ROWS') return { ms: Number.POSITIVE_INFINITY, rows: w.frame.rows + 1 };
  return { ms: Number.POSITIVE_INFINITY, rows: Number.POSITIVE_INFINITY };
}

function windowOf(f: FromItem): WindowSpec | undefined {
  return f.kind === 'stream' || f.kind === 'subquery' ? f.window : undefined;
}

function planJoin(
  f: FromItem & { kind: 'join' },
  cat: Catalog,
  problems: Problems,
  planSub: PlanSubquery,
  offset: number,
  index: number,
): FromPlan {
  const left = planFrom(f.left, cat, problems, planSub, offset, index);
  const right = planFrom(f.right, cat, problems, planSub, offset + left.width, index + left.sources.length);
  const sources = [...left.sources, ...right.sources];
  const scope = new Scope(sources);
  const lw = left.width;
  const rw = right.width;
  let on: Fn = () => true;
  if (f.on) {
    const c = compileExpr(f.on, { scope, problems, where: 'in a join condition' });
    if (c.type.base !== 'BOOLEAN' && c.type.base !== 'ANY' && c.type.base !== 'NULL') {
      problems.error(f.on.span, `ON needs a condition (BOOLEAN), not ${showType(c.type)}`);
    }
    on = c.fn;
  }
  const type = f.type;
  const plan: FromPlan = {
    sources,
    width: lw + rw,
    tableOnly: left.tableOnly && right.tableOnly,
    connect() {},
  };
  const rightTable =
    right.tableOnly && f.right.kind === 'stream' ? cat.tables.get(f.right.name.name) : undefined;
  // Shift the sources' offsets: the combined row is [left values…, right values…] from offset 0.
  const base = offset;
  const env = newEnv();
  const combine = (lv: SqlValue[], rv: SqlValue[]): SqlValue[] => {
    const out: SqlValue[] = new Array(lw + rw);
    for (let i = 0; i < lw; i++) out[i] = lv[i] ?? null;
    for (let i = 0; i < rw; i++) out[lw + i] = rv[i] ?? null;
    return out;
  };
  const nulls = (n: number) => new Array<SqlValue>(n).fill(null);
  const tsOf = (l: Held, r: Held): number[] => {
    const out: number[] = [];
    for (let i = 0; i < left.sources.length; i++) out.push(l.ts?.[i] ?? l.t);
    for (let i = 0; i < right.sources.length; i++) out.push(r.ts?.[i] ?? r.t);
    return out;
  };
  const test = (v: SqlValue[], t: number, ts: number[]): boolean => {
    env.v = base === 0 ? v : [...nulls(base), ...v];
    env.t = t;
    env.ts = ts;
    return on(env) === true;
  };
  if (rightTable) {
    if (type === 'RIGHT' || type === 'FULL')
      problems.error(f.span, `${type} OUTER JOIN to a reference table is not supported: use LEFT OUTER JOIN`);
    const index = equalityIndex(f.on, scope, base, lw, rightTable.rows);
    plan.connect = (w, sink) => {
      left.connect(w, (v, t, ts) => {
        const l: Held = { v, t, ts };
        const candidates = index ? (index.lookup(v, t, ts) ?? []) : rightTable.rows;
        let matched = false;
        for (const r of candidates) {
          const row = combine(v, r.values);
          const rts = tsOf(l, { v: r.values, t, ts: undefined });
          if (test(row, t, rts)) {
            matched = true;
            sink(row, t, rts);
          }
        }
        if (!matched && type === 'LEFT')
          sink(combine(v, nulls(rw)), t, tsOf(l, { v: [], t: Number.NaN, ts: undefined }));
      });
    };
    return plan;
  }
  const lr = retention(windowOf(f.left));
  const rr = retention(windowOf(f.right));
  if (!windowOf(f.left) && !windowOf(f.right) && !left.tableOnly && !right.tableOnly) {
    // The reference: a stream-to-stream join needs a window on at least one of the streams.
    problems.error(
      f.span,
      "A join of two streams needs a window on at least one side: add OVER (RANGE INTERVAL '1' MINUTE PRECEDING) to one of them",
    );
  }
  plan.connect = (w, sink) =>
    connectStreamJoin(w, sink, {
      left,
      right,
      lr,
      rr,
      // A preserved side with a window waits: a later arrival on the other side may still match it.
      keepLeft: type === 'LEFT' || type === 'FULL',
      keepRight: type === 'RIGHT' || type === 'FULL',
      lWindowed: windowOf(f.left) !== undefined,
      rWindowed: windowOf(f.right) !== undefined,
      combine,
      test,
      tsOf,
      lw,
      rw,
    });
  return plan;
}

/** A hash index of the table rows on the right-hand side of `stream_expr = table_expr` in ON. */
function equalityIndex(
  on: Expr | undefined,
  scope: Scope,
  base: number,
  lw: number,
  rows: Row[],
): { lookup(v: SqlValue[], t: number, ts: number[] | undefined): Row[] | undefined } | undefined {
  if (!on) return undefined;
  const conj: Expr[] = [];
  const walk = (e: Expr) => {
    if (e.kind === 'binary' && e.op === 'AND') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'paren') walk(e.arg);
    else conj.push(e);
  };
  walk(on);
  const side = (e: Expr): 'L' | 'R' | 'none' | 'mixed' => {
    let s: 'L' | 'R' | 'none' | 'mixed' = 'none';
    const visit = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      if (Array.isArray(x)) {
        for (const y of x) visit(y);
        return;
      }
      const node = x as { kind?: string; parts?: import('../ast.ts').Ident[] };
      if (node.kind === 'ref' && node.parts) {
        const r = scope.resolve(node.parts);
        const here = r.kind === 'column' ? (r.index - base < lw ? 'L' : 'R') : 'L';
        s = s === 'none' ? here : s === here ? s : 'mixed';
        return;
      }
      for (const [k, v] of Object.entries(x)) if (k !== 'span') visit(v);
    };
    visit(e);
    return s;
  };
  for (const c of conj) {
    if (c.kind !== 'binary' || c.op !== '=') continue;
    const [a, b] = [side(c.left), side(c.right)];
    let lx: Expr | undefined;
    let rx: Expr | undefined;
    if (a === 'L' && b === 'R') [lx, rx] = [c.left, c.right];
    else if (a === 'R' && b === 'L') [lx, rx] = [c.right, c.left];
    if (!lx || !rx) continue;
    const quiet = { list: [], add() {}, error() {}, warn() {}, hasErrors: false } as unknown as Problems;
    const lf = compileExpr(lx, { scope, problems: quiet, where: '' }).fn;
    const rf = compileExpr(rx, { scope, problems: quiet, where: '' }).fn;
    const env = newEnv();
    const map = new Map<string, Row[]>();
    for (const r of rows) {
      env.v = [...new Array<SqlValue>(base + lw).fill(null), ...r.values];
      const k = rf(env);
      if (k === null) continue;
      const key = valueKey(k);
      const list = map.get(key);
      if (list) list.push(r);
      else map.set(key, [r]);
    }
    return {
      lookup(v, t, ts) {
        env.v = base === 0 ? v : [...new Array<SqlValue>(base).fill(null), ...v];
        env.t = t;
        env.ts = ts ?? [t];
        const k = lf(env);
        return k === null ? [] : (map.get(valueKey(k)) ?? []);
      },
    };
  }
  return undefined;
}
