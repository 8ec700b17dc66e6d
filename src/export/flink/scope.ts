/**
 * What a translated query can read: every in-application stream as a Flink table or view with its
 * columns (Flink types) and its processing-time attribute, plus the sources of one FROM clause.
 */
import type { Ident } from '../../sql/ast.ts';
import { flinkName } from './names.ts';

export interface FlinkColumn {
  /** The KDA column name (exact, as KDA resolved it) = the Flink column name. */
  name: string;
  /** Flink type text: STRING, INT, TIMESTAMP(3)… */
  type: string;
}

export interface FlinkRelation {
  /** The Flink table or view name, already quoted where needed. */
  table: string;
  columns: FlinkColumn[];
  /** The processing-time attribute standing in for ROWTIME (`proc`). */
  time: string;
}

/** Every in-application stream (and the reference table) by its KDA name. */
export type Catalog = Map<string, FlinkRelation>;

export interface FromSource {
  /** The KDA stream name, or undefined for a subquery. */
  stream?: string;
  /** The alias as KDA resolved it (upper-cased when bare). */
  alias?: string;
  /** How Flink refers to it: the alias or the table name. */
  ref: string;
  rel: FlinkRelation;
}

/** The source a qualifier (`s` in `s.col`) names, by alias first, then by stream name. */
export function findSource(sources: FromSource[], q: Ident): FromSource | undefined {
  return (
    sources.find((s) => s.alias === q.name) ??
    sources.find((s) => s.alias === undefined && s.stream === q.name)
  );
}

export function columnType(sources: FromSource[], parts: Ident[]): string | undefined {
  const last = parts[parts.length - 1]?.name;
  if (parts.length === 2) {
    const src = findSource(sources, parts[0] as Ident);
    return src?.rel.columns.find((c) => c.name === last)?.type;
  }
  if (parts.length === 1) {
    for (const s of sources) {
      const c = s.rel.columns.find((x) => x.name === last);
      if (c) return c.type;
    }
  }
  return undefined;
}

export const aliasRef = (alias: string): string => flinkName(alias);
