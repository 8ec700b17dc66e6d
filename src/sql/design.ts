/**
 * The SQL side of a design: which in-application streams an Analytics node's SQL can read, and each
 * node's SQL errors as design diagnostics. Shared by the engine's compile (engine/problems.ts) and the
 * studio, which loads this module lazily so the parser is not in the first load.
 */
import type { AnalyticsConfig, Diagnostic, InputColumn, PipelineDoc } from '../model/types.ts';
import { checkSql } from './check.ts';
import { parseTypeName } from './functions/index.ts';
import type { Column, SqlType } from './types.ts';

/** The design's declared columns as SQL columns; an unreadable type reads as text rather than failing. */
export function toColumns(cols: InputColumn[]): Column[] {
  return cols.map((c) => ({ name: c.name, type: safeType(c.sqlType) }));
}

function safeType(text: string): SqlType {
  try {
    return parseTypeName(text);
  } catch {
    return { base: 'VARCHAR', length: 1024 };
  }
}

/** The in-application input streams an Analytics node's SQL can read: `<prefix>_001` and the reference table. */
export function analyticsInputs(config: AnalyticsConfig): { name: string; columns: Column[] }[] {
  const inputs = [
    { name: `${config.inputNamePrefix || 'SOURCE_SQL_STREAM'}_001`, columns: toColumns(config.columns) },
  ];
  if (config.reference?.tableName) {
    inputs.push({ name: config.reference.tableName, columns: toColumns(config.reference.columns) });
  }
  return inputs;
}

// Configs are immutable values shared structurally between document versions, so a node whose
// config did not change keeps its cached SQL problems (a drag or an edit elsewhere re-checks nothing).
const sqlCache = new WeakMap<AnalyticsConfig, Omit<Diagnostic, 'nodeId'>[]>();

function sqlProblemsOf(config: AnalyticsConfig): Omit<Diagnostic, 'nodeId'>[] {
  const hit = sqlCache.get(config);
  if (hit) return hit;
  let out: Omit<Diagnostic, 'nodeId'>[];
  if (!config.sql.trim()) {
    out = []; // empty SQL is the model's own error (`required`)
  } else {
    try {
      out = checkSql(config.sql, analyticsInputs(config))
        .filter((p) => p.severity === 'error')
        .map((p) => ({
          severity: 'error' as const,
          code: 'sql',
          message: `SQL ${p.line}:${p.column}: ${p.message}`,
          field: 'sql',
          params: { line: p.line, column: p.column, detail: p.message },
        }));
    } catch (err) {
      out = [
        { severity: 'error', code: 'sql', message: `SQL could not be checked: ${String(err)}`, field: 'sql' },
      ];
    }
  }
  sqlCache.set(config, out);
  return out;
}

/** Every Analytics node's SQL errors, as diagnostics on that node's `sql` field. */
export function analyticsProblems(doc: PipelineDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'analytics') continue;
    for (const p of sqlProblemsOf(n.config)) out.push({ ...p, nodeId: n.id });
  }
  return out;
}
