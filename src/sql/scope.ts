/**
 * Name resolution for one query: the sources in FROM (streams, reference tables, subqueries) laid
 * side by side in one value array, plus the problem list the validator fills.
 */
import type { Ident, Span } from './ast.ts';
import type { SqlProblem } from './problems.ts';
import type { Column, SqlType, SqlValue } from './types.ts';

/**
 * What a compiled expression reads: `v` the row values (all sources side by side), `t` the ROWTIME
 * of the row being evaluated (or of the emitted row after aggregation), `ts` the ROWTIME of each
 * source in a join, `keys` / `aggs` the group keys and aggregate results after aggregation.
 */
export interface Env {
  v: SqlValue[];
  t: number;
  ts: number[];
  keys: SqlValue[];
  aggs: SqlValue[];
}

export const newEnv = (): Env => ({ v: [], t: 0, ts: [0], keys: [], aggs: [] });

export interface Source {
  /** The stream / table name (normalised), or the subquery alias. */
  name: string;
  alias?: string;
  columns: Column[];
  offset: number;
  index: number;
  /** Columns known to rise with ROWTIME (a subquery's ROWTIME or STEP of it), by position. */
  mono?: boolean[];
  /** An application input: also exposes APPROXIMATE_ARRIVAL_TIME (the row's arrival, here its ROWTIME). */
  isInput?: boolean;
}

export type Resolved =
  | { kind: 'column'; index: number; type: SqlType; name: string; mono: boolean }
  /** source -1: the row's own ROWTIME (env.t), e.g. a bare ROWTIME over a join. */
  | { kind: 'rowtime'; source: number }
  | { kind: 'error'; message: string };

export class Scope {
  readonly width: number;
  constructor(readonly sources: Source[]) {
    this.width = sources.reduce((n, s) => n + s.columns.length, 0);
  }

  private source(q: Ident): Source | undefined {
    return (
      this.sources.find((s) => s.alias === q.name) ??
      this.sources.find((s) => s.alias === undefined && s.name === q.name) ??
      this.sources.find((s) => s.name === q.name)
    );
  }

  resolve(parts: Ident[]): Resolved {
    const name = parts[parts.length - 1] as Ident;
    let candidates = this.sources;
    if (parts.length >= 2) {
      const q = parts[parts.length - 2] as Ident;
      const s = this.source(q);
      if (!s) {
        const known = this.sources.map((x) => x.alias ?? x.name).join(', ');
        return { kind: 'error', message: `Unknown stream or alias ${q.text} (the query reads ${known})` };
      }
      candidates = [s];
    }
    const hits: { s: Source; i: number }[] = [];
    for (const s of candidates) {
      const i = s.columns.findIndex((c) => c.name === name.name);
      if (i >= 0) hits.push({ s, i });
    }
    if (hits.length === 1) {
      const h = hits[0] as { s: Source; i: number };
      return {
        kind: 'column',
        index: h.s.offset + h.i,
        type: (h.s.columns[h.i] as Column).type,
        name: name.name,
        mono: h.s.mono?.[h.i] === true,
      };
    }
    if (hits.length > 1) {
      return {
        kind: 'error',
        message: `Column ${name.text} is ambiguous: qualify it with ${hits.map((h) => h.s.alias ?? h.s.name).join(' or ')}`,
      };
    }
    // A bare ROWTIME over a join is the output row's: the later arrival's (JOIN clause page).
    if (name.name.toUpperCase() === 'ROWTIME' && parts.length === 1 && this.sources.length > 1)
      return { kind: 'rowtime', source: -1 };
    if (name.name.toUpperCase() === 'ROWTIME' && candidates[0])
      return { kind: 'rowtime', source: candidates[0].index };
    const input = candidates.find((s) => s.isInput);
    if (name.name.toUpperCase() === 'APPROXIMATE_ARRIVAL_TIME' && input)
      return { kind: 'rowtime', source: input.index };
    const lower = name.name.toLowerCase();
    const near = candidates.flatMap((s) => s.columns).find((c) => c.name.toLowerCase() === lower);
    if (near) {
      const how = name.quoted
        ? `quoted names are case-sensitive: write ${/^[A-Z_][A-Z0-9_]*$/.test(near.name) ? near.name : `"${near.name}"`}`
        : `unquoted names are upper-cased; the column is "${near.name}", so quote it`;
      return { kind: 'error', message: `Column ${name.text} not found: ${how}` };
    }
    const cols = candidates
      .flatMap((s) => s.columns.map((c) => c.name))
      .slice(0, 12)
      .join(', ');
    return { kind: 'error', message: `Unknown column ${name.text}${cols ? ` (available: ${cols})` : ''}` };
  }
}

export class Problems {
  readonly list: SqlProblem[] = [];
  add(severity: 'error' | 'warning', span: Span, message: string, fix?: SqlProblem['fix']): void {
    // One message per position is enough: cascades from the same cause only add noise.
    if (this.list.some((p) => p.line === span.line && p.column === span.column && p.message === message))
      return;
    this.list.push({
      severity,
      message,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      ...(fix ? { fix } : {}),
    });
  }
  error(span: Span, message: string, fix?: SqlProblem['fix']): void {
    this.add('error', span, message, fix);
  }
  warn(span: Span, message: string): void {
    this.add('warning', span, message);
  }
  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}
