/**
 * What the SQL of one Analytics node can see: the source stream (`<prefix>_001`) with the input
 * columns, the reference table, and the streams its own SQL creates. Used for completion, for the
 * templates and for the output list; the validator (SQL-CORE's checkSql) gets `inputsOf(config)`.
 */

import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';
import { splitTopLevel } from '../../sql/index.ts';

export interface SchemaStream {
  name: string;
  columns: string[];
  origin: 'input' | 'reference' | 'sql';
}

export const sourceStreamName = (config: AnalyticsConfig): string =>
  `${config.inputNamePrefix || 'SOURCE_SQL_STREAM'}_001`;

/** The `inputs` argument of checkSql / createSqlApp: one definition shared with the engine and the Problems tab. */
export { analyticsInputs as inputsOf } from '../../sql/index.ts';

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

const unquote = (s: string): string =>
  s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toUpperCase();

/**
 * Streams declared by `CREATE [OR REPLACE] STREAM name (col TYPE, …)`, with their column names. A
 * light scan (not the parser), so it also works on half-typed SQL while the user is editing.
 */
export function streamsCreatedBy(sql: string): SchemaStream[] {
  const text = stripComments(sql);
  const out: SchemaStream[] = [];
  const re = /CREATE\s+(?:OR\s+REPLACE\s+)?STREAM\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*\(/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let i = re.lastIndex;
    while (i < text.length && depth > 0) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      i++;
    }
    const body = text.slice(re.lastIndex, depth === 0 ? i - 1 : i);
    const columns = splitTopLevel(body)
      .map((part) => /^\s*("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/.exec(part)?.[1])
      .filter((c): c is string => !!c)
      .map(unquote);
    out.push({ name: unquote(m[1] as string), columns, origin: 'sql' });
  }
  return out;
}

export function schemaOf(config: AnalyticsConfig): SchemaStream[] {
  const streams: SchemaStream[] = [
    {
      name: sourceStreamName(config),
      columns: ['ROWTIME', 'APPROXIMATE_ARRIVAL_TIME', ...config.columns.map((c) => c.name)],
      origin: 'input',
    },
  ];
  if (config.reference?.tableName) {
    streams.push({
      name: config.reference.tableName,
      columns: config.reference.columns.map((c) => c.name),
      origin: 'reference',
    });
  }
  for (const s of streamsCreatedBy(config.sql)) if (!streams.some((x) => x.name === s.name)) streams.push(s);
  return streams;
}

/** `NAME` when KDA reads it unquoted as itself, else `"Name"`. */
export function sqlIdent(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) && !RESERVED_IDENTS.has(name)
    ? name
    : `"${name.replace(/"/g, '""')}"`;
}
const RESERVED_IDENTS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'TIMESTAMP',
  'DATE',
  'TIME',
  'ROWTIME',
  'VALUE',
  'USER',
  'COUNT',
  'TABLE',
  'STREAM',
  'WINDOW',
  'ROW',
  'ROWS',
  'RANGE',
]);

/** Nodes upstream of an Analytics node, nearest first (a stream's producers, or a producer itself). */
export function upstreamProducers(
  doc: PipelineDoc,
  nodeId: string,
): { id: string; name: string; template: string }[] {
  const out: { id: string; name: string; template: string }[] = [];
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  for (let hop = 0; hop < 4 && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of doc.edges) {
        if (e.target !== id || seen.has(e.source)) continue;
        seen.add(e.source);
        const n = doc.nodes.find((x) => x.id === e.source);
        if (!n) continue;
        if (n.kind === 'producer') out.push({ id: n.id, name: n.name, template: n.config.template });
        else next.push(n.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** Downstream nodes an output can target (the Analytics node's outgoing edges). */
export function downstreamTargets(doc: PipelineDoc, nodeId: string): { id: string; name: string }[] {
  return doc.edges
    .filter((e) => e.source === nodeId)
    .map((e) => doc.nodes.find((n) => n.id === e.target))
    .filter((n): n is NonNullable<typeof n> => !!n)
    .map((n) => ({ id: n.id, name: n.name }));
}
