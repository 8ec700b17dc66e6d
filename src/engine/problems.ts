/**
 * Every problem of a design, as the studio's Problems tab and the engine's compile both see it:
 * the model's validation plus each Analytics node's SQL checked by the real SQL validator.
 *
 * The model cannot import the SQL engine (it imports nothing internal), so the two are joined here.
 * The studio store calls `designProblems` too, so a design whose SQL the engine would refuse never
 * looks clean in the studio ("a design with errors does not start: the problems panel says why").
 */
import type { AnalyticsConfig, Diagnostic, PipelineDoc } from '../model/types.ts';
import { validateDocument } from '../model/validate.ts';
import { checkSql } from '../sql/check.ts';
import type { Column } from '../sql/types.ts';
import { toColumns } from './analytics/rows.ts';

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

export function analyticsProblems(doc: PipelineDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const n of doc.nodes) {
    if (n.kind !== 'analytics') continue;
    for (const p of sqlProblemsOf(n.config)) out.push({ ...p, nodeId: n.id });
  }
  return out;
}

export function designProblems(doc: PipelineDoc): Diagnostic[] {
  return [...validateDocument(doc), ...analyticsProblems(doc)];
}
