/**
 * A whole SQL application: declares the in-application streams, plans every pump and top-level
 * query against them (the validator's problems come out of this same pass), and builds the
 * running application: streams as publish/subscribe, pumps in dependency order, error_stream.
 */
import type { Ident, Program, Select, Statement } from './ast.ts';
import { type PlanContext, planSelect, type SelectPlan } from './plan/select.ts';
import type { Catalog, Wiring } from './plan/wiring.ts';
import { Problems } from './scope.ts';
import type { Column, Row, SqlValue } from './types.ts';
import { assignable, coercer, showType } from './typing.ts';

export const ERROR_STREAM = 'error_stream';
export const ERROR_COLUMNS: Column[] = [
  { name: 'ERROR_TIME', type: { base: 'TIMESTAMP' } },
  { name: 'ERROR_LEVEL', type: { base: 'VARCHAR', length: 10 } },
  { name: 'ERROR_NAME', type: { base: 'VARCHAR', length: 32 } },
  { name: 'MESSAGE', type: { base: 'VARCHAR', length: 4096 } },
  { name: 'DATA_ROWTIME', type: { base: 'TIMESTAMP' } },
  { name: 'DATA_ROW', type: { base: 'VARCHAR', length: 49152 } },
  { name: 'PUMP_NAME', type: { base: 'VARCHAR', length: 128 } },
];

export interface AppInputs {
  inputs: { name: string; columns: Column[] }[];
  reference?: { name: string; columns: Column[]; rows: Row[] }[];
}

/** A pump or a top-level query, planned: rows of `plan` go into stream `target`. */
interface Writer {
  name: string;
  target: string;
  plan: SelectPlan;
  reads: string[];
  /** Maps the query's row onto the target's columns (order, NULL for unlisted, coercion). */
  map: (values: SqlValue[]) => SqlValue[];
}

export interface Analysis {
  problems: Problems;
  streams: { name: string; columns: Column[] }[];
  writers: Writer[];
  cat: Catalog;
}

export function analyzeProgram(program: Program, app: AppInputs, fixes?: PlanContext['fixes']): Analysis {
  const problems = new Problems();
  const cat: Catalog = { streams: new Map(), tables: new Map(), inputs: app.inputs.map((i) => i.name) };
  for (const i of app.inputs) cat.streams.set(i.name, { columns: i.columns });
  for (const r of app.reference ?? []) cat.tables.set(r.name, { columns: r.columns, rows: r.rows });
  cat.streams.set(ERROR_STREAM, { columns: ERROR_COLUMNS });
  const created: { name: string; columns: Column[] }[] = [];
  for (const st of program.statements) {
    if (st.kind !== 'createStream') continue;
    const name = st.name.name;
    if (cat.inputs.includes(name) || cat.tables.has(name) || name === ERROR_STREAM) {
      problems.error(
        st.name.span,
        `${st.name.text} is already an input or reference table of the application: choose another name`,
      );
      continue;
    }
    const seen = new Set<string>();
    for (const c of st.columns) {
      if (seen.has(c.name.name)) problems.error(c.name.span, `Column ${c.name.text} is declared twice`);
      seen.add(c.name.name);
      if (c.name.name === 'ROWTIME')
        problems.error(c.name.span, 'ROWTIME is implicit on every stream: do not declare it');
    }
    const columns = st.columns.map((c) => ({ name: c.name.name, type: c.type }));
    const existing = created.findIndex((s) => s.name === name);
    if (existing >= 0) created.splice(existing, 1);
    created.push({ name, columns });
    cat.streams.set(name, { columns });
  }
  const writers: Writer[] = [];
  const cx: PlanContext = { cat, problems, fixes };
  for (const st of program.statements) {
    if (st.kind === 'query') {
      const plan = planSelect(st.query, cx);
      created.push({ name: st.queryName, columns: plan.columns });
      writers.push({
        name: st.queryName,
        target: st.queryName,
        plan,
        reads: readsOf(st.query),
        map: (v) => v,
      });
    } else if (st.kind === 'createPump') {
      const w = planPump(st, cx);
      if (w) writers.push(w);
    }
  }
  created.push({ name: ERROR_STREAM, columns: ERROR_COLUMNS });
  return { problems, streams: created, writers, cat };
}

function planPump(st: Statement & { kind: 'createPump' }, cx: PlanContext): Writer | undefined {
  const { cat, problems } = cx;
  const plan = planSelect(st.query, cx);
  const target = st.target.name;
  const stream = cat.streams.get(target);
  if (!stream || cat.inputs.includes(target) || target === ERROR_STREAM) {
    const why = !stream
      ? `Unknown stream ${st.target.text}: declare it first with CREATE OR REPLACE STREAM ${st.target.text} (…)`
      : `${st.target.text} cannot be written by a pump (it is ${target === ERROR_STREAM ? 'the error stream' : 'an input stream'})`;
    problems.error(st.target.span, why);
    return undefined;
  }
  const cols = stream.columns;
  let targets: number[];
  if (st.columns) {
    targets = st.columns.map((c: Ident) => {
      const i = cols.findIndex((x) => x.name === c.name);
      if (i < 0) problems.error(c.span, `Stream ${st.target.text} has no column ${c.text}`);
      return i;
    });
  } else targets = cols.map((_, i) => i);
  const out = plan.columns;
  if (out.length !== targets.length) {
    problems.error(
      st.query.span.line === st.span.line
        ? st.target.span
        : {
            ...st.query.span,
            endLine: st.query.span.line,
            endColumn: st.query.span.column + 5,
            endOffset: st.query.span.offset + 6,
          },
      `The query gives ${out.length} column${out.length === 1 ? '' : 's'} but ${st.target.text}${st.columns ? ' (as listed)' : ''} takes ${targets.length}: make the select list match the stream's columns`,
    );
    return undefined;
  }
  const coercers: (((v: SqlValue) => SqlValue) | undefined)[] = [];
  out.forEach((c, i) => {
    const ti = targets[i] as number;
    const col = cols[ti];
    if (!col) return;
    if (!assignable(c.type, col.type)) {
      const item = st.query.items[i] ?? st.query.items[0];
      problems.error(
        item?.span ?? st.query.span,
        `Column ${col.name} of ${st.target.text} is ${showType(col.type)} but the query gives ${showType(c.type)} (${c.name}): use CAST(… AS ${showType(col.type)})`,
      );
    }
    coercers[i] = coercer(c.type, col.type);
  });
  const width = cols.length;
  const identity = !st.columns && coercers.every((c) => !c);
  const map = identity
    ? (v: SqlValue[]) => v
    : (v: SqlValue[]) => {
        const row: SqlValue[] = new Array(width).fill(null);
        for (let i = 0; i < v.length; i++) {
          const c = coercers[i];
          const x = v[i] ?? null;
          row[targets[i] as number] = c ? c(x) : x;
        }
        return row;
      };
  return { name: st.name.name, target, plan, reads: readsOf(st.query), map };
}

/** Every stream name a query reads (FROM, joins, subqueries, cursors). */
function readsOf(q: Select): string[] {
  const names: string[] = [];
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    const n = x as { kind?: string; name?: Ident };
    if (n.kind === 'stream' && n.name) names.push(n.name.name);
    for (const [k, v] of Object.entries(x)) if (k !== 'span') visit(v);
  };
  visit(q.from);
  for (const u of q.unionAll ?? []) visit(u.from);
  return names;
}

/** Pumps ordered so that a pump runs after the pumps feeding the streams it reads. */
export function dependencyOrder(writers: Writer[]): Writer[] {
  const done: Writer[] = [];
  const left = [...writers];
  while (left.length > 0) {
    const i = left.findIndex((w) => !w.reads.some((r) => left.some((o) => o !== w && o.target === r)));
    done.push(...left.splice(Math.max(i, 0), 1));
  }
  return done;
}

export type { Wiring };
