/**
 * AST → SQL text, keeping identifiers as written. Used for one-click fixes, for matching select
 * expressions against GROUP BY / PARTITION BY keys, and later by translators (Flink SQL).
 */
import type { Expr, FromItem, Ident, Select, WindowSpec } from './ast.ts';

export interface PrintOptions {
  /** Rewrite a column reference (e.g. qualify ROWTIME, rename an unknown stream). */
  ref?(parts: Ident[]): string | undefined;
  /** Rewrite a stream name in FROM. */
  stream?(name: Ident): string | undefined;
}

const quoteString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function printIdent(id: Ident): string {
  return id.text;
}

/** `"NAME"` when the name needs quotes to keep its case, else the bare name. */
export function quoteName(name: string): string {
  return /^[A-Z_][A-Z0-9_$]*$/.test(name) ? `"${name}"` : `"${name.replace(/"/g, '""')}"`;
}

type CommonForm = Extract<Expr, { kind: 'between' | 'in' | 'like' | 'is' | 'case' }>;

/**
 * The forms KDA SQL and Flink SQL spell alike (BETWEEN, IN, LIKE / SIMILAR TO, IS, CASE), with `p`
 * printing their parts: shared by this printer and the Flink SQL export (export/flink/expr.ts).
 */
export function printCommonForm(e: CommonForm, p: (x: Expr) => string): string {
  const not = 'not' in e && e.not ? 'NOT ' : '';
  switch (e.kind) {
    case 'between':
      return `${p(e.arg)} ${not}BETWEEN ${p(e.low)} AND ${p(e.high)}`;
    case 'in':
      return `${p(e.arg)} ${not}IN (${e.list.map(p).join(', ')})`;
    case 'like':
      return `${p(e.arg)} ${not}${e.similar ? 'SIMILAR TO' : 'LIKE'} ${p(e.pattern)}${e.escape ? ` ESCAPE ${p(e.escape)}` : ''}`;
    case 'is':
      return `${p(e.arg)} IS ${not}${e.test}`;
    case 'case': {
      const parts = ['CASE'];
      if (e.operand) parts.push(p(e.operand));
      for (const w of e.whens) parts.push(`WHEN ${p(w.when)} THEN ${p(w.result)}`);
      if (e.else) parts.push(`ELSE ${p(e.else)}`);
      parts.push('END');
      return parts.join(' ');
    }
  }
}

export function printExpr(e: Expr, o: PrintOptions = {}): string {
  const p = (x: Expr) => printExpr(x, o);
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      if (v === null) return e.type.base === 'BOOLEAN' ? 'UNKNOWN' : 'NULL';
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      if (typeof v === 'string') return quoteString(v);
      if (typeof v === 'number') {
        if (e.type.base === 'TIMESTAMP')
          return `TIMESTAMP '${new Date(v).toISOString().replace('T', ' ').replace('Z', '')}'`;
        if (e.type.base === 'DATE') return `DATE '${new Date(v).toISOString().slice(0, 10)}'`;
        if (e.type.base === 'TIME') return `TIME '${new Date(v).toISOString().slice(11, 23)}'`;
        if (e.type.base === 'DECIMAL' && e.type.scale) return v.toFixed(e.type.scale);
        return String(v);
      }
      return 'NULL';
    }
    case 'interval':
      return `INTERVAL ${e.value < 0 ? '-' : ''}'${e.text}' ${e.unit}${e.toUnit ? ` TO ${e.toUnit}` : ''}`;
    case 'ref':
      return o.ref?.(e.parts) ?? e.parts.map(printIdent).join('.');
    case 'star':
      return e.qualifier ? `${printIdent(e.qualifier)}.*` : '*';
    case 'unary':
      return e.op === 'NOT' ? `NOT ${p(e.arg)}` : `${e.op}${p(e.arg)}`;
    case 'binary':
      return `${p(e.left)} ${e.op} ${p(e.right)}`;
    case 'paren':
      return `(${p(e.arg)})`;
    case 'qualify':
      return `(${p(e.arg)}) ${e.unit}${e.toUnit ? ` TO ${e.toUnit}` : ''}`;
    case 'monotonic':
      return `MONOTONIC(${p(e.arg)})`;
    case 'cast':
      return `CAST(${p(e.arg)} AS ${e.typeText})`;
    case 'between':
    case 'in':
    case 'like':
    case 'is':
    case 'case':
      return printCommonForm(e, p);
    case 'call': {
      const name = printIdent(e.name);
      const a = e.args;
      const lit = (x: Expr | undefined) => (x?.kind === 'literal' ? String(x.value) : '');
      let inner: string;
      if (e.form === 'bare') return name;
      if (e.form === 'to') inner = `${p(a[0] as Expr)} TO ${lit(a[1])}`;
      else if (e.form === 'by') inner = `${p(a[0] as Expr)} BY ${p(a[1] as Expr)}`;
      else if (e.form === 'in') inner = `${p(a[0] as Expr)} IN ${p(a[1] as Expr)}`;
      else if (e.form === 'from' && e.name.name === 'EXTRACT') inner = `${lit(a[0])} FROM ${p(a[1] as Expr)}`;
      else if (e.form === 'from')
        inner = `${p(a[0] as Expr)} FROM ${p(a[1] as Expr)}${a[2] ? ` FOR ${p(a[2])}` : ''}`;
      else if (e.form === 'placing')
        inner = `${p(a[0] as Expr)} PLACING ${p(a[1] as Expr)} FROM ${p(a[2] as Expr)}${a[3] ? ` FOR ${p(a[3])}` : ''}`;
      else if (e.form === 'similar')
        inner = `${p(a[0] as Expr)} SIMILAR ${p(a[1] as Expr)} ESCAPE ${p(a[2] as Expr)}`;
      else if (e.form === 'trim') inner = `${lit(a[0])} ${p(a[1] as Expr)} FROM ${p(a[2] as Expr)}`;
      else inner = `${e.distinct ? 'DISTINCT ' : ''}${a.map(p).join(', ')}`;
      let over = '';
      if (e.over)
        over = 'name' in e.over ? ` OVER ${printIdent(e.over.name)}` : ` OVER ${printWindow(e.over.spec, o)}`;
      return `${name}(${inner})${over}`;
    }
  }
}

export function printWindow(w: WindowSpec, o: PrintOptions = {}): string {
  const parts: string[] = [];
  if (w.base) parts.push(printIdent(w.base));
  if (w.partitionBy.length)
    parts.push(`PARTITION BY ${w.partitionBy.map((x) => printExpr(x, o)).join(', ')}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${w.orderBy.map((x) => printExpr(x, o)).join(', ')}`);
  const frame =
    w.frame?.type === 'RANGE'
      ? `RANGE ${w.between ? 'BETWEEN ' : ''}${printExpr(w.frame.interval)} PRECEDING`
      : w.frame?.type === 'ROWS'
        ? `ROWS ${w.between ? 'BETWEEN ' : ''}${w.frame.rows} PRECEDING`
        : w.frame?.type === 'UNBOUNDED'
          ? `RANGE ${w.between ? 'BETWEEN ' : ''}UNBOUNDED PRECEDING`
          : undefined;
  if (frame) parts.push(w.between ? `${frame} AND CURRENT ROW` : frame);
  return `(${parts.join(' ')})`;
}

export function printFrom(f: FromItem, o: PrintOptions = {}): string {
  const alias = (a?: Ident) => (a ? ` AS ${printIdent(a)}` : '');
  switch (f.kind) {
    case 'stream':
      return `${o.stream?.(f.name) ?? printIdent(f.name)}${f.window ? ` OVER ${printWindow(f.window, o)}` : ''}${alias(f.alias)}`;
    case 'subquery':
      return `(${printSelect(f.query, o)})${f.window ? ` OVER ${printWindow(f.window, o)}` : ''}${alias(f.alias)}${f.columnAliases ? `(${f.columnAliases.map(printIdent).join(', ')})` : ''}`;
    case 'tableFn':
      return `TABLE(${printIdent(f.name)}(CURSOR(${printSelect(f.cursor, o)})${f.args.map((a) => `, ${printExpr(a, o)}`).join('')}))${alias(f.alias)}`;
    case 'join': {
      const kw = f.type === 'INNER' ? 'JOIN' : f.type === 'CROSS' ? 'CROSS JOIN' : `${f.type} OUTER JOIN`;
      return `${printFrom(f.left, o)} ${kw} ${printFrom(f.right, o)}${f.on ? ` ON ${printExpr(f.on, o)}` : ''}`;
    }
  }
}

/** One clause per line: SELECT …, FROM …, WHERE …, GROUP BY … */
export function printSelect(s: Select, o: PrintOptions = {}, aliases?: (string | undefined)[]): string {
  const items = s.items.map((it, i) => {
    const a = it.alias ? printIdent(it.alias) : aliases?.[i];
    return `${printExpr(it.expr, o)}${a ? ` AS ${a}` : ''}`;
  });
  const lines = [`SELECT ${s.stream ? 'STREAM ' : ''}${s.distinct ? 'DISTINCT ' : ''}${items.join(', ')}`];
  lines.push(`FROM ${printFrom(s.from, o)}`);
  if (s.where) lines.push(`WHERE ${printExpr(s.where, o)}`);
  if (s.groupBy) lines.push(`GROUP BY ${s.groupBy.map((x) => printExpr(x, o)).join(', ')}`);
  if (s.stagger) {
    lines.push(
      `WINDOWED BY STAGGER (PARTITION BY ${s.stagger.partitionBy.map((x) => printExpr(x, o)).join(', ')} RANGE ${printExpr(s.stagger.interval)})`,
    );
  }
  if (s.having) lines.push(`HAVING ${printExpr(s.having, o)}`);
  if (s.windows.length) {
    lines.push(
      `WINDOW ${s.windows.map((w) => `${printIdent(w.name)} AS ${printWindow(w.spec, o)}`).join(', ')}`,
    );
  }
  if (s.orderBy?.length) {
    lines.push(
      `ORDER BY ${s.orderBy.map((x, i) => `${printExpr(x, o)}${s.orderDesc?.[i] ? ' DESC' : ''}`).join(', ')}`,
    );
  }
  for (const u of s.unionAll ?? []) lines.push(`UNION ALL ${printSelect({ ...u, unionAll: undefined }, o)}`);
  return lines.join('\n');
}
