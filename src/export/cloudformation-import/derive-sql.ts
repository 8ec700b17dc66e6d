/**
 * Kinesis Data Analytics for SQL applications, read back: `AWS::KinesisAnalytics::Application` (v1)
 * and `AWS::KinesisAnalyticsV2::Application` on the `SQL-1_0` runtime. AWS no longer creates them,
 * but their templates hold everything the studio's Analytics node runs: the SQL, the input schema
 * (columns, JSON row path or CSV delimiters), the in-application stream prefix, the outputs (which
 * in-application stream goes to which stream, Firehose or function) and the reference table's schema.
 */
import type { AnalyticsConfig } from '../../model/types.ts';
import type { DeriveContext, Draft } from './derive.ts';
import type { Json } from './parse.ts';

type Props = { [key: string]: Json };

const OUTPUT_TYPES = [
  'AWS::KinesisAnalytics::ApplicationOutput',
  'AWS::KinesisAnalyticsV2::ApplicationOutput',
];
const REFERENCE_TYPES = [
  'AWS::KinesisAnalytics::ApplicationReferenceDataSource',
  'AWS::KinesisAnalyticsV2::ApplicationReferenceDataSource',
];

/** Is this Analytics resource a SQL application (rather than Flink)? */
export function isSqlApp(c: DeriveContext, id: string): boolean {
  if (c.type(id) === 'AWS::KinesisAnalytics::Application') return true;
  return /^SQL/.test(c.refs.str(c.props(id).RuntimeEnvironment) ?? '');
}

function columns(c: DeriveContext, schema: Props | undefined): AnalyticsConfig['columns'] {
  const cols = Array.isArray(schema?.RecordColumns) ? (schema.RecordColumns as Props[]) : [];
  return cols.map((x) => ({
    name: c.refs.str(x.Name) ?? '',
    sqlType: c.refs.str(x.SqlType) ?? 'VARCHAR(64)',
    mapping: c.refs.str(x.Mapping) ?? '',
  }));
}

/** The application's SQL, input schema and KPUs (v1: top level; v2: under ApplicationConfiguration). */
export function sqlConfig(c: DeriveContext, id: string): Partial<AnalyticsConfig> {
  const p = c.props(id);
  const v2 = (p.ApplicationConfiguration ?? {}) as Props;
  const code = (((v2.ApplicationCodeConfiguration as Props | undefined)?.CodeContent ?? {}) as Props)
    .TextContent;
  const inputs = (p.Inputs ?? (v2.SqlApplicationConfiguration as Props | undefined)?.Inputs ?? []) as Props[];
  const input = (Array.isArray(inputs) ? inputs[0] : undefined) ?? {};
  const schema = input.InputSchema as Props | undefined;
  const format = (schema?.RecordFormat ?? {}) as Props;
  const mapping = (format.MappingParameters ?? {}) as Props;
  const json = (mapping.JSONMappingParameters ?? {}) as Props;
  const csv = (mapping.CSVMappingParameters ?? {}) as Props;
  const sql = c.refs.str(p.ApplicationCode ?? code);
  const parallelism = c.refs.num((input.InputParallelism as Props | undefined)?.Count);
  const cols = columns(c, schema);
  return {
    ...(sql ? { sql } : {}),
    ...(c.refs.str(input.NamePrefix) ? { inputNamePrefix: c.refs.str(input.NamePrefix) } : {}),
    ...(cols.length > 0 ? { columns: cols } : {}),
    ...(c.refs.str(format.RecordFormatType) === 'CSV'
      ? {
          inputFormat: 'CSV' as const,
          csvColumnDelimiter: c.refs.str(csv.RecordColumnDelimiter) ?? ',',
          csvRowDelimiter: c.refs.str(csv.RecordRowDelimiter) ?? '\n',
        }
      : { inputFormat: 'JSON' as const, recordRowPath: c.refs.str(json.RecordRowPath) ?? '$' }),
    ...(parallelism !== undefined ? { kpus: Math.max(1, parallelism) } : {}),
  };
}

/** The input stream, the outputs (resolved to node ids once ids are final) and the reference table. */
export function linkSqlApp(c: DeriveContext, d: Draft<'analytics'>): void {
  const p = c.props(d.key);
  const v2 = (p.ApplicationConfiguration ?? {}) as Props;
  const inputs = (p.Inputs ?? (v2.SqlApplicationConfiguration as Props | undefined)?.Inputs ?? []) as Props[];
  for (const input of Array.isArray(inputs) ? inputs : []) {
    const arn = (input.KinesisStreamsInput as Props | undefined)?.ResourceARN;
    const stream = c.draft(c.refs.target(arn ?? null), 'stream');
    if (stream) c.edge(stream.key, d.key, { readMode: 'polling' });
    for (const x of [input.KinesisStreamsInput, input.KinesisFirehoseInput] as (Props | undefined)[]) {
      const role = c.refs.target(x?.RoleARN);
      if (role) c.used.add(role);
    }
  }
  d.outputs = [];
  for (const [id, r] of Object.entries(c.t.Resources)) {
    const props = (r.Properties ?? {}) as Props;
    if (c.refs.target(props.ApplicationName) !== d.key) continue;
    if (OUTPUT_TYPES.includes(r.Type)) {
      const out = (props.Output ?? {}) as Props;
      const dest = (out.KinesisStreamsOutput ?? out.KinesisFirehoseOutput ?? out.LambdaOutput) as
        | Props
        | undefined;
      const target = c.refs.target(dest?.ResourceARN);
      const role = c.refs.target(dest?.RoleARN);
      if (role) c.used.add(role);
      if (!target || !c.drafts.has(target)) continue;
      c.used.add(id);
      c.edge(d.key, target);
      const format = c.refs.str((out.DestinationSchema as Props | undefined)?.RecordFormatType);
      d.outputs.push({
        inAppStream: c.refs.str(out.Name) ?? 'DESTINATION_SQL_STREAM',
        key: target,
        format: format === 'CSV' ? 'CSV' : 'JSON',
      });
    } else if (REFERENCE_TYPES.includes(r.Type)) {
      const ref = (props.ReferenceDataSource ?? {}) as Props;
      const schema = ref.ReferenceSchema as Props | undefined;
      d.config.reference = {
        tableName: c.refs.str(ref.TableName) ?? 'REFERENCE',
        columns: columns(c, schema),
        rowsJsonl: '',
      };
      c.used.add(id);
      c.note(
        id,
        'the reference table’s rows are in S3: the design has its schema, add the rows in the studio',
        '参照テーブルの行は S3 にあるため、デザインにはスキーマだけを入れました。行はスタジオで追加してください',
      );
    }
  }
}
