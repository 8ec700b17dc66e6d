/**
 * Flink tables for an Analytics node's wiring, with the Kinesis connector 5.x option names
 * (`stream.arn`, `aws.region`, `source.init.position`) and the Firehose sink connector:
 * - the source: the upstream data stream (an Analytics node reads only a data stream in the design,
 *   so there is no Firehose source: Flink's Firehose connector is sink-only anyway);
 * - one sink per output edge: a data stream (kinesis), a delivery stream (firehose), or for a Lambda
 *   a Kinesis stream the Lambda reads through an event source mapping (Flink has no Lambda sink).
 */
import type { AnalyticsConfig, NodeKind, PipelineNode } from '../../model/types.ts';
import { flinkName, flinkTypeText, quoteString, tableName } from './names.ts';
import type { FlinkColumn, FlinkRelation } from './scope.ts';

export interface Deploy {
  /** Environment prefix of every deployed name (`dev` → stream `dev-clicks`), as the CloudFormation export. */
  prefix: string;
  region: string;
  account: string;
}

/** Placeholders main.py fills from the application's properties (CloudFormation sets them). */
export const REGION_PLACEHOLDER = `$${'{aws.region}'}`;
export const ACCOUNT_PLACEHOLDER = `$${'{aws.account}'}`;

const deployed = (d: Deploy, name: string) => (d.prefix ? `${d.prefix}-${name}` : name);
const streamArn = (d: Deploy, name: string) =>
  `arn:aws:kinesis:${d.region}:${d.account}:stream/${deployed(d, name)}`;

function withClause(opts: [string, string][]): string {
  return `WITH (\n${opts.map(([k, v]) => `  ${quoteString(k)} = ${quoteString(v)}`).join(',\n')}\n)`;
}

const formatOpts = (format: 'JSON' | 'CSV', delimiter = ','): [string, string][] =>
  format === 'CSV'
    ? [
        ['format', 'csv'],
        ['csv.field-delimiter', delimiter],
      ]
    : [['format', 'json']];

/** A JSON mapping `$.a.b` / `$['a b']` as its path segments; undefined when it is not a plain path. */
function mappingPath(m: string): string[] | undefined {
  if (!m.startsWith('$')) return undefined;
  const out: string[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\['((?:[^']|'')*)'\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < m.length) {
    const x = re.exec(m);
    if (!x) return undefined;
    out.push(x[1] ?? (x[2] as string).replace(/''/g, "'"));
  }
  return out.length > 0 ? out : undefined;
}

interface Field {
  name: string;
  type?: string;
  children: Field[];
}

const fieldType = (f: Field): string =>
  f.type ?? `ROW<${f.children.map((c) => `${flinkName(c.name)} ${fieldType(c)}`).join(', ')}>`;

export interface SourceDdl {
  statements: string[];
  relation: FlinkRelation;
  notes: string[];
}

/**
 * The source table. JSON keys rarely equal the SQL column names (`$.ticker` → TICKER), and Flink's
 * json format matches keys exactly, so the table keeps the record's own field names (nested ones as
 * ROW columns) and a view gives them the SQL names; ROWTIME becomes `proc AS PROCTIME()`.
 */
export function sourceTable(
  kda: string,
  config: Pick<AnalyticsConfig, 'columns' | 'inputFormat' | 'recordRowPath' | 'csvColumnDelimiter'>,
  stream: string,
  d: Deploy,
): SourceDdl {
  const table = tableName(kda);
  const notes: string[] = [];
  const columns: FlinkColumn[] = config.columns.map((c) => ({
    name: c.name,
    type: flinkTypeText(c.sqlType),
  }));
  const time = columns.some((c) => c.name === 'proc') ? 'proc_time' : 'proc';
  const roots: Field[] = [];
  const select: string[] = [];
  let renamed = false;
  for (const [i, c] of config.columns.entries()) {
    const type = columns[i]?.type as string;
    const path = config.inputFormat === 'JSON' ? mappingPath(c.mapping) : undefined;
    if (config.inputFormat === 'JSON' && !path)
      notes.push(
        `column ${c.name}: mapping ${c.mapping || '(none)'} is not a plain JSON path; read as the key "${c.name}"`,
      );
    const segs = path ?? [c.name];
    let level = roots;
    for (const [k, seg] of segs.entries()) {
      let f = level.find((x) => x.name === seg);
      if (!f) {
        f = { name: seg, children: [] };
        level.push(f);
      }
      if (k === segs.length - 1) f.type = type;
      level = f.children;
    }
    const expr = segs.map(flinkName).join('.');
    if (segs.length !== 1 || segs[0] !== c.name) renamed = true;
    select.push(`${expr} AS ${flinkName(c.name)}`);
  }
  if (config.inputFormat === 'JSON' && config.recordRowPath && config.recordRowPath !== '$')
    notes.push(
      `record row path ${config.recordRowPath} is not carried: Flink's json format reads each record's top level`,
    );
  const ts = config.columns.find((c) => /^TIMESTAMP/i.test(c.sqlType.trim()));
  const tsField = ts && config.inputFormat === 'JSON' ? mappingPath(ts.mapping) : ts ? [ts.name] : undefined;
  const lines = roots.map((f) => `  ${flinkName(f.name)} ${fieldType(f)}`);
  lines.push(`  ${time} AS PROCTIME()`);
  if (tsField?.length === 1 && ts) {
    const w = flinkName(tsField[0] as string);
    lines.push(`  WATERMARK FOR ${w} AS ${w} - INTERVAL '5' SECOND`);
  }
  const raw = renamed ? tableName(`${kda}_raw`) : table;
  const comment = [
    `-- Source: the data stream ${stream} (in KDA, ${kda}).`,
    `-- ROWTIME is the time a row reached the application, so it is translated as processing time: ${time} AS PROCTIME().`,
    ts && tsField?.length === 1
      ? `-- Event time: ${ts.name} carries a watermark (5 s of lateness): use DESCRIPTOR(${flinkName(ts.name)}) instead of ${time} for event-time windows.`
      : '-- The design declares no TIMESTAMP column, so there is no event-time attribute (no WATERMARK).',
  ];
  const statements = [
    `${comment.join('\n')}\nCREATE TABLE ${raw} (\n${lines.join(',\n')}\n) ${withClause([
      ['connector', 'kinesis'],
      ['stream.arn', streamArn(d, stream)],
      ['aws.region', d.region],
      ['source.init.position', 'LATEST'],
      ...formatOpts(config.inputFormat, config.csvColumnDelimiter),
    ])};`,
  ];
  if (renamed)
    statements.push(
      `-- The record's fields under their SQL names.\nCREATE TEMPORARY VIEW ${table} AS\nSELECT ${[...select, time].join(', ')}\nFROM ${raw};`,
    );
  return { statements, relation: { table, columns, time }, notes };
}

/** The reference table (loaded from S3 in KDA) as a filesystem table, joined as a regular join. */
export function referenceTable(
  config: Pick<AnalyticsConfig, 'reference'>,
  nodeName: string,
): { ddl: string; rel: FlinkRelation } | null {
  const ref = config.reference;
  if (!ref?.tableName) return null;
  const table = tableName(ref.tableName);
  const columns = ref.columns.map((c) => ({ name: c.name, type: flinkTypeText(c.sqlType) }));
  const ddl = `-- Reference data: upload the design's rows (the --out folder's reference/${nodeName}-${ref.tableName}.jsonl) and set the path.\nCREATE TABLE ${table} (\n${columns.map((c) => `  ${flinkName(c.name)} ${c.type}`).join(',\n')}\n) ${withClause(
    [
      ['connector', 'filesystem'],
      ['path', `s3://CHANGE-ME/reference/${nodeName}-${ref.tableName}.jsonl`],
      ['format', 'json'],
    ],
  )};`;
  return { ddl, rel: { table, columns, time: '' } };
}

type SinkOptions = (
  target: PipelineNode,
  d: Deploy,
  analytics: string,
) => { opts: [string, string][]; note?: string };

const kinesisSink: SinkOptions = (t, d) => ({
  opts: [
    ['connector', 'kinesis'],
    ['stream.arn', streamArn(d, t.name)],
    ['aws.region', d.region],
  ],
});

/** How an output edge to each kind is written; null for kinds an Analytics node cannot send to. */
export const SINKS: { [K in NodeKind]: SinkOptions | null } = {
  stream: kinesisSink,
  firehose: (t, d) => ({
    opts: [
      ['connector', 'firehose'],
      ['delivery-stream', deployed(d, t.name)],
      ['aws.region', d.region],
    ],
  }),
  lambda: (t, d, analytics) => {
    const name = `${analytics}-to-${t.name}`;
    return {
      opts: kinesisSink({ ...t, name } as PipelineNode, d, analytics).opts,
      note: `-- Flink has no Lambda sink: this writes to a Kinesis stream ${deployed(d, name)} (create it), and the Lambda ${t.name} reads it through an event source mapping.`,
    };
  },
  producer: null,
  analytics: null,
  s3: null,
  redshift: null,
  opensearch: null,
  dynamodb: null,
  consumerApp: null,
};

export function sinkTable(
  table: string,
  columns: FlinkColumn[],
  target: PipelineNode,
  format: 'JSON' | 'CSV',
  d: Deploy,
  analytics: string,
): string {
  const sink = SINKS[target.kind]?.(target, d, analytics);
  const opts = sink?.opts ?? [['connector', 'blackhole']];
  const head =
    sink?.note ??
    `-- Output to the ${target.kind === 'stream' ? 'data stream' : 'delivery stream'} ${target.name}.`;
  return `${head}\nCREATE TABLE ${table} (\n${columns.map((c) => `  ${flinkName(c.name)} ${c.type}`).join(',\n')}\n) ${withClause([...opts, ...formatOpts(format)])};`;
}
