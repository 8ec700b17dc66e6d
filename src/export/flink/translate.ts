/**
 * One Analytics node's KDA SQL application as a Flink SQL script for Managed Service for Apache Flink:
 * source table, reference table, a sink table per output, in-application streams read again (or
 * sent to several outputs) as TEMPORARY VIEWs, pumps as INSERT INTO (several: one STATEMENT SET).
 * A statement using a construct Flink has no equivalent for is kept, commented out, under a note
 * naming the construct and the nearest Flink route.
 */
import type { AnalyticsConfig, PipelineDoc, PipelineNode, PipelineNodeOf } from '../../model/types.ts';
import type { FromItem, Program, Select, Statement } from '../../sql/ast.ts';
import { parseSql } from '../../sql/index.ts';
import { Untranslatable } from './expr.ts';
import { flinkName, flinkTypeText, tableName } from './names.ts';
import { QueryTranslator } from './query.ts';
import type { Catalog, FlinkColumn } from './scope.ts';
import { type Deploy, referenceTable, sinkTable, sourceTable } from './tables.ts';

export interface FlinkScript {
  node: string;
  /** `<node name>.sql`, the name main.py and the CloudFormation export's `sql.file` property use. */
  fileName: string;
  sql: string;
  /** Constructs written in an approximate form. */
  approximate: string[];
  /** Constructs with no Flink equivalent (their statements are commented out). */
  notExported: string[];
}

const comment = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `-- ${l}`)
    .join('\n');

function streamsRead(f: FromItem, out: Set<string>): void {
  if (f.kind === 'stream') out.add(f.name.name);
  else if (f.kind === 'subquery') selectReads(f.query, out);
  else if (f.kind === 'tableFn') selectReads(f.cursor, out);
  else {
    streamsRead(f.left, out);
    streamsRead(f.right, out);
  }
}

function selectReads(s: Select, out: Set<string>): void {
  streamsRead(s.from, out);
  for (const u of s.unionAll ?? []) selectReads(u, out);
}

export interface AppInput {
  /** In-application name (`SOURCE_SQL_STREAM_001`). */
  kda: string;
  /** The data stream it reads. */
  stream: string;
  config: Pick<AnalyticsConfig, 'columns' | 'inputFormat' | 'recordRowPath' | 'csvColumnDelimiter'>;
}

export interface AppOutput {
  inAppStream: string;
  target: PipelineNode;
  format: 'JSON' | 'CSV';
}

export function translateNode(doc: PipelineDoc, node: PipelineNodeOf<'analytics'>, d: Deploy): FlinkScript {
  const config = node.config;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const from = doc.edges.filter((e) => e.target === node.id).map((e) => byId.get(e.source))[0];
  const wired = new Set(doc.edges.filter((e) => e.source === node.id).map((e) => e.target));
  const outputs: AppOutput[] = [];
  for (const o of config.outputs) {
    const target = byId.get(o.edgeTarget);
    if (target && wired.has(o.edgeTarget))
      outputs.push({ inAppStream: o.inAppStream, target, format: o.format });
  }
  const input: AppInput = {
    kda: `${config.inputNamePrefix || 'SOURCE_SQL_STREAM'}_001`,
    stream: from?.name ?? 'SOURCE-STREAM',
    config,
  };
  return translateApp(node.name, config.sql, [input], outputs, config, d);
}

/** A KDA SQL application with its inputs and outputs as one Flink SQL script. */
export function translateApp(
  name: string,
  sqlText: string,
  inputs: AppInput[],
  outputs: AppOutput[],
  config: Pick<AnalyticsConfig, 'reference'>,
  d: Deploy,
): FlinkScript {
  const approximate: string[] = [];
  const notExported: string[] = [];
  const header = [
    `-- Analytics application "${name}" as Flink SQL for Amazon Managed Service for Apache Flink.`,
    '-- KDA for SQL was retired on 27 Jan 2026: exported as Managed Service for Apache Flink (Kinesis connector 5.x).',
  ];
  const done = (body: string[]): FlinkScript => {
    const notes = [
      ...approximate.map((a) => `-- approximate: ${a}`),
      ...notExported.map((n) => `-- not exported: ${n}`),
    ];
    return {
      node: name,
      fileName: `${name}.sql`,
      sql: `${[...header, ...[...new Set(notes)]].join('\n')}\n\n${body.join('\n\n')}\n`,
      approximate: [...new Set(approximate)],
      notExported: [...new Set(notExported)],
    };
  };
  const parsed = parseSql(sqlText);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    notExported.push(`the SQL does not parse (${e?.line}:${e?.column}: ${e?.message})`);
    return done([comment(sqlText)]);
  }
  const program: Program = parsed.program;
  const catalog: Catalog = new Map();
  const body: string[] = [];
  for (const i of inputs) {
    const src = sourceTable(i.kda, i.config, i.stream, d);
    for (const n of src.notes) approximate.push(n);
    catalog.set(i.kda, src.relation);
    body.push(...src.statements);
  }
  const ref = referenceTable(config, name);
  if (ref && config.reference) {
    body.push(ref.ddl);
    catalog.set(config.reference.tableName, ref.rel);
  }

  // The program's in-application streams, their pumps, the streams read again, and the outputs.
  const declared = new Map<string, FlinkColumn[]>();
  const pumps = new Map<string, (Statement & { kind: 'createPump' })[]>();
  const reads = new Set<string>();
  for (const st of program.statements) {
    if (st.kind === 'createStream')
      declared.set(
        st.name.name,
        st.columns.map((c) => ({ name: c.name.name, type: flinkTypeText(c.typeText) })),
      );
    else if (st.kind === 'createPump') {
      pumps.set(st.target.name, [...(pumps.get(st.target.name) ?? []), st]);
      selectReads(st.query, reads);
    } else selectReads(st.query, reads);
  }
  const outsOf = (stream: string) =>
    outputs.filter((o) => o.inAppStream === stream || o.inAppStream.toUpperCase() === stream);
  const direct = (stream: string) =>
    (pumps.get(stream)?.length ?? 0) === 1 && outsOf(stream).length === 1 && !reads.has(stream);

  const inserts: string[] = [];
  const q = new QueryTranslator(catalog, { approx: approximate });
  const original = (st: Statement) => sqlText.slice(st.span.offset, st.span.endOffset);
  const failed = (st: Statement, err: unknown) => {
    if (!(err instanceof Untranslatable)) throw err;
    notExported.push(`${err.construct}`);
    body.push(
      `-- NOT EXPORTED: ${err.construct} has no Flink SQL equivalent here.\n-- Nearest Flink route: ${err.route}.\n-- The KDA statement, kept for reference:\n${comment(original(st))}`,
    );
  };
  const pumpSelect = (st: Statement & { kind: 'createPump' }, cols: FlinkColumn[]) => {
    if (!st.columns) return q.translate(st.query, cols).sql;
    const named = st.columns.map(
      (c) => cols.find((x) => x.name === c.name) ?? { name: c.name, type: 'STRING' },
    );
    const inner = q.translate(st.query, named).sql;
    const list = cols.map((c) =>
      named.some((n) => n.name === c.name)
        ? flinkName(c.name)
        : `CAST(NULL AS ${c.type}) AS ${flinkName(c.name)}`,
    );
    return `SELECT ${list.join(', ')}\nFROM (\n${inner}\n)`;
  };

  // Sink tables first (DDL), then views and inserts in the program's order.
  for (const [stream, cols] of declared) {
    for (const o of outsOf(stream)) {
      const table = direct(stream) ? tableName(stream) : tableName(`${stream}_to_${o.target.name}`);
      body.push(sinkTable(table, cols, o.target, o.format, d, name));
    }
  }
  const lastPump = new Map<string, Statement>();
  for (const st of program.statements) if (st.kind === 'createPump') lastPump.set(st.target.name, st);
  for (const st of program.statements) {
    if (st.kind === 'createStream') continue;
    if (st.kind === 'query') {
      try {
        const view = tableName(st.queryName);
        const r = q.translate(st.query);
        body.push(
          `-- ${st.queryName}: a top-level SELECT (the KDA console's live view): here a view to query from a Studio notebook.\nCREATE TEMPORARY VIEW ${view} AS\n${r.sql};`,
        );
      } catch (err) {
        failed(st, err);
      }
      continue;
    }
    const stream = st.target.name;
    const cols = declared.get(stream);
    if (!cols) continue;
    if (direct(stream)) {
      try {
        const sql = pumpSelect(st, cols);
        inserts.push(`INSERT INTO ${tableName(stream)}\n${sql};`);
        catalog.set(stream, { table: tableName(stream), columns: cols, time: 'proc' });
      } catch (err) {
        failed(st, err);
      }
      continue;
    }
    if (lastPump.get(stream) !== st) continue;
    // A view: the union of every pump into the stream, with a processing-time attribute for readers.
    const all = pumps.get(stream) ?? [];
    try {
      const time = cols.some((c) => c.name === 'proc') ? 'proc_time' : 'proc';
      const parts = all.map((p) => `SELECT *, PROCTIME() AS ${time} FROM (\n${pumpSelect(p, cols)}\n)`);
      const table = tableName(stream);
      const why =
        outsOf(stream).length > 1
          ? 'it feeds several outputs'
          : reads.has(stream)
            ? 'other queries read it'
            : 'it is not wired to an output';
      body.push(
        `-- In-application stream ${stream} as a view (${why}).\nCREATE TEMPORARY VIEW ${table} AS\n${parts.join('\nUNION ALL\n')};`,
      );
      catalog.set(stream, { table, columns: cols, time });
      for (const o of outsOf(stream)) {
        const sink = tableName(`${stream}_to_${o.target.name}`);
        inserts.push(
          `INSERT INTO ${sink}\nSELECT ${cols.map((c) => flinkName(c.name)).join(', ')}\nFROM ${table};`,
        );
      }
    } catch (err) {
      for (const p of all) failed(p, err);
    }
  }
  if (inserts.length > 1) body.push(`EXECUTE STATEMENT SET\nBEGIN\n${inserts.join('\n')}\nEND;`);
  else if (inserts.length === 1) body.push(inserts[0] as string);
  else body.push('-- No INSERT: nothing of this application reaches an output in Flink SQL.');
  return done(body);
}
