import { buildTemplate } from './build.ts';

const RECORD = `{
  "userId": "user-{{random.number({"min":1,"max":5000})}}",
  "page": "{{random.arrayElement(["/","/search","/products","/products/detail","/cart","/checkout"])}}",
  "action": "{{random.weightedArrayElement({"weights":[0.7,0.25,0.05],"data":["view","click","purchase"]})}}",
  "referrer": "{{random.arrayElement(["google","twitter","direct","newsletter"])}}",
  "durationMs": {{random.number({"min":50,"max":30000})}},
  "eventTime": "{{date.utc}}"
}`;

const SQL = `-- Page views per page every 10 seconds, with the average time spent on the page.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  PAGE VARCHAR(32),
  VIEWS INTEGER,
  AVG_DURATION_MS INTEGER
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM PAGE, COUNT(*) AS VIEWS, AVG(DURATION_MS) AS AVG_DURATION_MS
    FROM "SOURCE_SQL_STREAM_001"
    GROUP BY PAGE, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND);
`;

export const clickstream = buildTemplate({
  id: 'clickstream',
  title: { en: 'Web clickstream analytics', ja: 'Web クリックストリーム分析' },
  description: {
    en: 'Page views from a web site (400 records/s) go into a 2-shard data stream; an Analytics SQL application counts views per page every 10 s and sends the results through Firehose to S3 and, staged in S3, to Redshift.',
    ja: 'Web サイトのページビュー (400 件/秒) を 2 シャードのデータストリームに送り、Analytics SQL アプリケーションが 10 秒ごとにページ別ビュー数を集計して、Firehose で S3 と (S3 にステージングして) Redshift に配信します。',
  },
  nodes: [
    {
      id: 'web',
      kind: 'producer',
      name: 'web-clickstream',
      at: [0, 1],
      config: {
        rate: { type: 'constant', recordsPerSec: 400 },
        partitionKey: { type: 'field', field: 'userId' },
        template: RECORD,
      },
    },
    { id: 'clicks', kind: 'stream', name: 'clickstream', at: [1, 1], config: { shardCount: 2 } },
    {
      id: 'sql',
      kind: 'analytics',
      name: 'clickstream-analytics',
      at: [2, 1],
      config: {
        sql: SQL,
        columns: [
          { name: 'USER_ID', sqlType: 'VARCHAR(16)', mapping: '$.userId' },
          { name: 'PAGE', sqlType: 'VARCHAR(32)', mapping: '$.page' },
          { name: 'ACTION', sqlType: 'VARCHAR(16)', mapping: '$.action' },
          { name: 'REFERRER', sqlType: 'VARCHAR(16)', mapping: '$.referrer' },
          { name: 'DURATION_MS', sqlType: 'INTEGER', mapping: '$.durationMs' },
          { name: 'EVENT_TIME', sqlType: 'VARCHAR(32)', mapping: '$.eventTime' },
        ],
      },
    },
    {
      id: 'to-s3',
      kind: 'firehose',
      name: 'pageviews-to-s3',
      at: [3, 0],
      config: { bufferSizeMiB: 5, bufferIntervalSec: 60, compression: 'GZIP', prefix: 'pageviews/' },
    },
    {
      id: 'archive',
      kind: 's3',
      name: 'clickstream-archive',
      at: [4, 0],
      config: { bucket: 'clickstream-archive' },
    },
    {
      id: 'to-redshift',
      kind: 'firehose',
      name: 'pageviews-to-redshift',
      at: [3, 2],
      config: {
        bufferSizeMiB: 5,
        bufferIntervalSec: 60,
        redshift: { table: 'page_views', columns: 'page,views,avg_duration_ms', copyOptions: "JSON 'auto'" },
      },
    },
    { id: 'dw', kind: 'redshift', name: 'clickstream-dw', at: [4, 2], config: { database: 'web' } },
    {
      id: 'staging',
      kind: 's3',
      name: 'clickstream-staging',
      at: [4, 3],
      config: { bucket: 'clickstream-redshift-staging' },
    },
  ],
  edges: [
    ['web', 'clicks'],
    ['clicks', 'sql'],
    ['sql', 'to-s3'],
    ['sql', 'to-redshift'],
    ['to-s3', 'archive'],
    ['to-redshift', 'dw'],
    ['to-redshift', 'staging'],
  ],
});
