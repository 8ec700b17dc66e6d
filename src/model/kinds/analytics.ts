import type { AnalyticsConfig } from '../types.ts';
import { fmt, type KindDef, t } from './types.ts';

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

export const analyticsKind: KindDef<'analytics'> = {
  kind: 'analytics',
  group: 'analytics',
  label: t('Analytics SQL application', 'Analytics SQL アプリケーション'),
  description: t(
    'Kinesis Data Analytics for SQL: continuous queries over in-application streams with ROWTIME windows; up to three outputs.',
    'Kinesis Data Analytics for SQL: アプリケーション内ストリームに対する継続的なクエリ (ROWTIME ウィンドウ)。出力は最大 3 つ。',
  ),
  icon: 'SQL',
  namePrefix: 'analytics',
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
};
