import type { z } from 'zod/mini';
import { makeDiagnostic } from '../messages.ts';
import type { Diagnostic } from '../types.ts';
import type { analyticsConfig } from './analytics-config.ts';
import { fmt, type KindDef, t } from './types.ts';

type AnalyticsConfig = z.infer<typeof analyticsConfig>;

/** Page views per page every 10 s over the default producer's clickstream records. */
export const DEFAULT_ANALYTICS_SQL = `-- Page views per page, every 10 seconds (tumbling window on ROWTIME).
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (PAGE VARCHAR(64), VIEWS INTEGER);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM PAGE, COUNT(*) AS VIEWS
    FROM "SOURCE_SQL_STREAM_001"
    GROUP BY PAGE, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);
`;

const INPUT = t('Input schema', '入力スキーマ');

export const analyticsKind: KindDef<'analytics', typeof analyticsConfig> = {
  kind: 'analytics',
  role: 'analytics',
  group: 'analytics',
  label: t('Analytics SQL application', 'Analytics SQL アプリケーション'),
  description: t(
    'Kinesis Data Analytics for SQL: continuous queries over in-application streams with ROWTIME windows; up to three outputs.',
    'SQL 版 Kinesis Data Analytics: アプリケーション内ストリームに対する継続的なクエリ (ROWTIME ウィンドウ)。出力は最大 3 つ。',
  ),
  icon: 'SQL',
  namePrefix: 'analytics',
  noun: t('an Analytics SQL application', 'Analytics SQL アプリケーション'),
  sends: {
    to: ['stream', 'firehose', 'lambda'],
    rule: t(
      'An Analytics SQL application sends its output to a data stream, a Firehose delivery stream or a Lambda function',
      'Analytics SQL アプリケーションの出力先はデータストリーム、Firehose 配信ストリーム、Lambda 関数です',
    ),
  },
  faults: [],
  defaults: (): AnalyticsConfig => ({
    sql: DEFAULT_ANALYTICS_SQL,
    inputNamePrefix: 'SOURCE_SQL_STREAM',
    inputFormat: 'JSON',
    recordRowPath: '$',
    csvColumnDelimiter: ',',
    csvRowDelimiter: '\n',
    columns: [
      { name: 'EVENT_ID', sqlType: 'VARCHAR(64)', mapping: '$.eventId' },
      { name: 'USER_ID', sqlType: 'VARCHAR(32)', mapping: '$.userId' },
      { name: 'PAGE', sqlType: 'VARCHAR(64)', mapping: '$.page' },
      { name: 'BROWSER', sqlType: 'VARCHAR(16)', mapping: '$.browser' },
      { name: 'EVENT_TIME', sqlType: 'VARCHAR(32)', mapping: '$.eventTime' },
    ],
    reference: null,
    kpus: 1,
    outputs: [],
  }),
  fields: [
    { path: 'sql', label: t('SQL', 'SQL'), type: 'code', language: 'sql' },
    {
      path: 'inputNamePrefix',
      label: t('In-application stream prefix', 'アプリケーション内ストリームのプレフィックス'),
      help: t('The source appears as <prefix>_001.', 'ソースは <prefix>_001 になります。'),
      section: INPUT,
      type: 'text',
      required: true,
    },
    {
      path: 'inputFormat',
      label: t('Record format', 'レコード形式'),
      section: INPUT,
      type: 'select',
      options: [
        { value: 'JSON', label: t('JSON', 'JSON') },
        { value: 'CSV', label: t('CSV', 'CSV') },
      ],
    },
    {
      path: 'recordRowPath',
      label: t('Record row path', 'レコード行パス'),
      section: INPUT,
      type: 'text',
      visible: (c) => c.inputFormat === 'JSON',
    },
    {
      path: 'csvColumnDelimiter',
      label: t('Column delimiter', '列区切り文字'),
      section: INPUT,
      type: 'text',
      visible: (c) => c.inputFormat === 'CSV',
    },
    {
      path: 'csvRowDelimiter',
      label: t('Row delimiter', '行区切り文字'),
      section: INPUT,
      type: 'text',
      visible: (c) => c.inputFormat === 'CSV',
    },
    {
      path: 'kpus',
      label: t('KPUs', 'KPU'),
      help: t(
        'Kinesis Processing Units billed per hour (1 vCPU + 4 GB each; 8 by default limit).',
        '1 時間ごとに課金される KPU (1 vCPU + 4 GB、デフォルト上限 8)。',
      ),
      type: 'integer',
      min: 1,
      max: 8,
    },
  ],
  summary(c, locale) {
    const ja = locale === 'ja';
    const cols = ja ? `${c.columns.length} 列` : `${c.columns.length} columns`;
    const lines = [`${cols} · ${fmt(c.kpus)} KPU`];
    if (c.outputs.length > 0) lines.push(ja ? `出力 ${c.outputs.length}` : `${c.outputs.length} output(s)`);
    return lines;
  },
  refuseIn: (n, _from, incoming) =>
    incoming.length > 0
      ? {
          code: 'analytics-one-source',
          reason: t(
            `Analytics application "${n.name}" already has its streaming source; an application reads one source stream.`,
            `Analytics アプリケーション「${n.name}」にはすでにストリーミングソースがあります。アプリケーションが読み取るソースストリームは 1 つです。`,
          ),
        }
      : null,
  refuseOut: (n, _to, outgoing) =>
    outgoing.length >= 3
      ? {
          code: 'analytics-max-outputs',
          reason: t(
            `Analytics application "${n.name}" already has 3 outputs, the maximum.`,
            `Analytics アプリケーション「${n.name}」の出力はすでに上限の 3 つです。`,
          ),
        }
      : null,
  wiring(n, w) {
    const out: Diagnostic[] = [];
    const p = { name: n.name };
    const at = { nodeId: n.id };
    const { ins, outs } = w;
    if (ins.length === 0) out.push(makeDiagnostic('error', 'analytics-no-input', p, at));
    if (ins.length > 1)
      out.push(makeDiagnostic('error', 'analytics-many-inputs', { ...p, value: ins.length }, at));
    if (outs.length === 0) out.push(makeDiagnostic('warning', 'analytics-no-output', p, at));
    const outputs = Math.max(outs.length, n.config.outputs.length);
    if (outputs > 3) out.push(makeDiagnostic('error', 'analytics-max-outputs', { ...p, value: outputs }, at));
    if (n.config.outputs.some((o) => o.inAppStream.trim() === ''))
      out.push(makeDiagnostic('error', 'analytics-output-stream', p, at));
    if (n.config.columns.length === 0) out.push(makeDiagnostic('error', 'analytics-no-columns', p, at));
    // KPL-aggregated records reach SQL still aggregated (Analytics does not de-aggregate).
    const kplFed = ins.some(
      (s) =>
        s.kind === 'stream' &&
        w
          .insOf(s.id)
          .some((x) => x.kind === 'producer' && x.config.source === 'kpl' && x.config.kpl.aggregation),
    );
    if (kplFed) out.push(makeDiagnostic('warning', 'kpl-into-analytics', p, at));
    return out;
  },
};
