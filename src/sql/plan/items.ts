/**
 * Select lists: `*` expansion, output column names (alias, else the column's own name, else
 * EXPR$n as KDA/Calcite names them), and the post-aggregation view of expressions, where group
 * keys and aggregate results replace row values.
 */

import { type AggKind, aggregateKind } from '../aggregates.ts';
import type { Expr, Select } from '../ast.ts';
import { AGGREGATES, type Compiled, compileExpr, type ExprContext, type Fn } from '../compileExpr.ts';
import { printExpr } from '../printer.ts';
import type { Problems, Scope } from '../scope.ts';
import type { Column, SqlType } from '../types.ts';

export interface OutItem {
  name: string;
  expr?: Expr;
  /** Set for `*` expansions: read column `index` of the row directly. */
  index?: number;
  type?: SqlType;
}

export function expandItems(sel: Select, scope: Scope, problems: Problems): OutItem[] {
  const out: OutItem[] = [];
  sel.items.forEach((it, i) => {
    const e = it.expr;
    if (e.kind === 'star') {
      const sources = e.qualifier
        ? scope.sources.filter(
            (s) => s.alias === e.qualifier?.name || (!s.alias && s.name === e.qualifier?.name),
          )
        : scope.sources;
      if (e.qualifier && sources.length === 0)
        problems.error(e.span, `Unknown stream or alias ${e.qualifier.text} in ${e.qualifier.text}.*`);
      for (const s of sources) {
        s.columns.forEach((c, j) => {
          out.push({ name: c.name, index: s.offset + j, type: c.type });
        });
      }
      return;
    }
    let name = it.alias?.name;
    if (!name && e.kind === 'ref') name = (e.parts[e.parts.length - 1] as { name: string }).name;
    out.push({ name: name ?? `EXPR$${i}`, expr: e });
  });
  return out;
}

/** A canonical text for an expression with columns resolved, to match select items to group keys. */
export function canonical(e: Expr, scope: Scope): string {
  // GROUP BY MONOTONIC(x) groups by x: the select list may name x plainly.
  if (e.kind === 'monotonic' || e.kind === 'paren') return canonical(e.arg, scope);
  return printExpr(e, {
    ref(parts) {
      const r = scope.resolve(parts);
      if (r.kind === 'column') return `#${r.index}`;
      if (r.kind === 'rowtime') return `#ROWTIME${r.source}`;
      return undefined;
    },
  }).toUpperCase();
}

export interface AggSlot {
  kind: AggKind;
  arg: Fn | undefined;
  /** The argument is a plain column: read env.v[col] directly (hot path). */
  col?: number;
}

/**
 * Compiles expressions evaluated once per group when a window closes: group keys come from
 * `env.keys`, aggregates from `env.aggs` (their arguments are compiled against the input row and
 * collected in `slots`), ROWTIME is the window's end (`env.t`).
 */
export function aggregatedContext(
  scope: Scope,
  problems: Problems,
  keys: Expr[],
  keyInfo: { type: SqlType; mono: boolean }[],
  slots: AggSlot[],
  what: string,
): ExprContext {
  const keyCanon = keys.map((k) => canonical(k, scope));
  const rowCtx: ExprContext = { scope, problems, where: 'inside another aggregate' };
  const ctx: ExprContext = {
    scope,
    problems,
    where: '',
    hook(e) {
      if (e.kind === 'literal' || e.kind === 'interval') return undefined;
      const k = keyCanon.indexOf(canonical(e, scope));
      if (k >= 0) {
        const { type, mono } = keyInfo[k] as { type: SqlType; mono: boolean };
        return { type, fn: (env) => env.keys[k] ?? null, mono, timeOnly: false, constant: false };
      }
      if (e.kind === 'call' && !e.name.quoted && AGGREGATES.has(e.name.name) && !e.over) {
        return aggregateSlot(e, rowCtx, slots);
      }
      if (e.kind === 'ref') {
        const r = scope.resolve(e.parts);
        if (r.kind === 'rowtime') {
          return {
            type: { base: 'TIMESTAMP' },
            fn: (env) => env.t,
            mono: true,
            timeOnly: true,
            constant: false,
          };
        }
        if (r.kind === 'column') {
          problems.error(
            e.span,
            `${printExpr(e)} must be in ${what} or inside an aggregate such as MAX(${printExpr(e)})`,
          );
          return { type: r.type, fn: () => null, mono: false, timeOnly: false, constant: false };
        }
      }
      return undefined;
    },
  };
  return ctx;
}

function aggregateSlot(e: Expr & { kind: 'call' }, rowCtx: ExprContext, slots: AggSlot[]): Compiled {
  const name = e.name.name;
  const star = e.args[0]?.kind === 'star';
  if (name === 'LAG') {
    rowCtx.problems.error(
      e.span,
      'LAG needs a sliding window: LAG(x) OVER (PARTITION BY … ROWS 1 PRECEDING)',
    );
    return { type: { base: 'ANY' }, fn: () => null, mono: false, timeOnly: false, constant: false };
  }
  if (star && name !== 'COUNT') rowCtx.problems.error(e.span, `${name}(*) is not valid: only COUNT(*)`);
  const want = name === 'EXP_AVG' ? 2 : 1;
  if (!star && e.args.length !== want) {
    rowCtx.problems.error(
      e.span,
      `${name} takes ${want} argument${want > 1 ? 's' : ''}, not ${e.args.length}`,
    );
  }
  const arg = star || !e.args[0] ? undefined : compileExpr(e.args[0], rowCtx);
  let param: unknown;
  if (name === 'EXP_AVG' && e.args[1]) {
    const p = compileExpr(e.args[1], rowCtx);
    param = p.constant ? p.literal : undefined;
  }
  const kind = aggregateKind(name, arg?.type, { star, distinct: e.distinct, param: param as number });
  if (typeof kind === 'string') {
    rowCtx.problems.error(e.span, kind);
    return { type: { base: 'ANY' }, fn: () => null, mono: false, timeOnly: false, constant: false };
  }
  const j = slots.length;
  slots.push({ kind, arg: arg?.fn, col: arg?.column });
  return { type: kind.type, fn: (env) => env.aggs[j] ?? null, mono: false, timeOnly: false, constant: false };
}

/** Does the expression contain an aggregate call (outside OVER)? */
export function hasAggregate(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(hasAggregate);
  const n = e as {
    kind?: string;
    name?: { name: string; quoted: boolean };
    over?: unknown;
    args?: unknown[];
  };
  if (n.kind === 'call' && n.name && !n.name.quoted && AGGREGATES.has(n.name.name) && !n.over) return true;
  for (const [k, v] of Object.entries(e)) {
    if (k !== 'span' && k !== 'over' && hasAggregate(v)) return true;
  }
  return false;
}

export function hasOver(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(hasOver);
  const n = e as { kind?: string; over?: unknown };
  if (n.kind === 'call' && n.over) return true;
  for (const [k, v] of Object.entries(e)) if (k !== 'span' && hasOver(v)) return true;
  return false;
}

export function outColumns(items: OutItem[], compiled: Compiled[]): Column[] {
  return items.map((it, i) => ({ name: it.name, type: it.type ?? (compiled[i] as Compiled).type }));
}
