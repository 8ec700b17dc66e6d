import { buildTemplate } from './build.ts';

/** Face attributes of each selfie taken at the booth, as an image-analysis service reports them. */
const RECORD = `{
  "faceId": "{{random.uuid}}",
  "hasMustache": {{random.weightedArrayElement({"weights":[0.25,0.75],"data":[true,false]})}},
  "hasBeard": {{random.weightedArrayElement({"weights":[0.2,0.8],"data":[true,false]})}},
  "smiling": {{random.weightedArrayElement({"weights":[0.6,0.4],"data":[true,false]})}},
  "eyeglasses": {{random.weightedArrayElement({"weights":[0.3,0.7],"data":[true,false]})}},
  "ageLow": {{random.number({"min":18,"max":60})}},
  "emotion": "{{random.arrayElement(["HAPPY","CALM","SURPRISED","CONFUSED"])}}",
  "takenAt": "{{date.utc}}"
}`;

/** The demo query from the 2017 talk, in its valid form. */
const SQL = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (MUSTACH_COUNT INTEGER, WINDOW_TIME TIMESTAMP);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM COUNT(*), STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' SECOND) FROM "SOURCE_SQL_STREAM_001" WHERE HAS_MUSTACH = TRUE GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' SECOND);
`;

const HANDLER = `// Writes each one-second moustache count to the dashboard table.
export const handler = async (event) => {
  const items = event.Records.map((record) => {
    const row = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    return { windowTime: String(row.WINDOW_TIME), mustacheCount: Number(row.MUSTACH_COUNT) };
  });
  return { items };
};
`;

export const selfieDashboard = buildTemplate({
  id: 'selfie-dashboard',
  title: { en: 'Live selfie dashboard (the 2017 demo)', ja: 'ライブ自撮りダッシュボード (2017 年のデモ)' },
  description: {
    en: 'The talk’s live demo: the audience takes selfies, face attributes stream in (20 per second), and an Analytics SQL application counts faces with a moustache every second. The counts go through a stream and a Lambda function into DynamoDB for the dashboard; Firehose keeps every face record in S3.',
    ja: '講演のライブデモ: 来場者が自撮りし、顔の属性がストリームに流れ (毎秒 20 件)、Analytics SQL アプリケーションが口ひげのある顔を 1 秒ごとに数えます。集計はストリームと Lambda 関数を通じてダッシュボード用の DynamoDB に入り、Firehose がすべての顔データを S3 に保存します。',
  },
  nodes: [
    {
      id: 'booth',
      kind: 'producer',
      name: 'selfie-booth',
      at: [0, 1],
      config: { rate: { type: 'constant', recordsPerSec: 20 }, template: RECORD },
    },
    { id: 'faces', kind: 'stream', name: 'face-attributes', at: [1, 1] },
    {
      id: 'mustache',
      kind: 'analytics',
      name: 'mustache-counter',
      at: [2, 0],
      config: {
        sql: SQL,
        columns: [
          { name: 'FACE_ID', sqlType: 'VARCHAR(64)', mapping: '$.faceId' },
          { name: 'HAS_MUSTACH', sqlType: 'BOOLEAN', mapping: '$.hasMustache' },
          { name: 'HAS_BEARD', sqlType: 'BOOLEAN', mapping: '$.hasBeard' },
          { name: 'SMILING', sqlType: 'BOOLEAN', mapping: '$.smiling' },
          { name: 'EYEGLASSES', sqlType: 'BOOLEAN', mapping: '$.eyeglasses' },
          { name: 'AGE_LOW', sqlType: 'INTEGER', mapping: '$.ageLow' },
          { name: 'EMOTION', sqlType: 'VARCHAR(16)', mapping: '$.emotion' },
          { name: 'TAKEN_AT', sqlType: 'VARCHAR(32)', mapping: '$.takenAt' },
        ],
      },
    },
    { id: 'counts', kind: 'stream', name: 'mustache-counts', at: [3, 0] },
    {
      id: 'writer',
      kind: 'lambda',
      name: 'dashboard-writer',
      at: [4, 0],
      config: { code: HANDLER, esm: { batchSize: 10 } },
    },
    {
      id: 'dashboard',
      kind: 'dynamodb',
      name: 'mustache-dashboard',
      at: [5, 0],
      config: { table: 'MustacheDashboard', partitionKey: 'windowTime' },
    },
    {
      id: 'archive',
      kind: 'firehose',
      name: 'selfie-archive',
      at: [2, 2],
      config: { bufferSizeMiB: 5, bufferIntervalSec: 60, compression: 'GZIP', prefix: 'selfies/' },
    },
    {
      id: 'photos',
      kind: 's3',
      name: 'selfie-face-data',
      at: [3, 2],
      config: { bucket: 'selfie-face-data' },
    },
  ],
  edges: [
    ['booth', 'faces'],
    ['faces', 'mustache'],
    ['mustache', 'counts'],
    ['counts', 'writer'],
    ['writer', 'dashboard'],
    ['faces', 'archive'],
    ['archive', 'photos'],
  ],
});
