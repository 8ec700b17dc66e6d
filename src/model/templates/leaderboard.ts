import { buildTemplate } from './build.ts';

/** The game sends one record per point scored. */
const RECORD = `{
  "playerId": "player-{{random.number({"min":1,"max":300})}}",
  "matchId": "match-{{random.number({"min":1,"max":50})}}",
  "region": "{{random.arrayElement(["ap-northeast","us-east","eu-west"])}}",
  "weapon": "{{random.arrayElement(["sword","bow","staff","axe"])}}",
  "eventTime": "{{date.utc}}"
}`;

const SQL = `-- Top 10 players by points scored (one record per point) in each 60-second window.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
  PLAYER_ID VARCHAR(16),
  MOST_FREQUENT_VALUES BIGINT
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM *
    FROM TABLE(TOP_K_ITEMS_TUMBLING(
      CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),
      'PLAYER_ID',
      10,
      60
    ));
`;

const HANDLER = `// Publishes the latest top-10 list: one item per player with their points in the last window.
export const handler = async (event) => {
  const items = event.Records.map((record) => {
    const row = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    return { playerId: row.PLAYER_ID, points: row.MOST_FREQUENT_VALUES, updatedAt: new Date().toISOString() };
  });
  return { items };
};
`;

export const leaderboard = buildTemplate({
  id: 'leaderboard',
  title: { en: 'Game leaderboard (top 10)', ja: 'ゲームのリーダーボード (トップ 10)' },
  description: {
    en: 'Game servers send one record per point scored (500 records/s). An Analytics SQL application finds the top 10 players of each minute with TOP_K_ITEMS_TUMBLING, writes them to a stream, and a Lambda function publishes the board to DynamoDB.',
    ja: 'ゲームサーバーが得点ごとに 1 レコード (500 件/秒) を送ります。Analytics SQL アプリケーションが TOP_K_ITEMS_TUMBLING で 1 分ごとの上位 10 プレイヤーを求めてストリームに書き込み、Lambda 関数がリーダーボードを DynamoDB に反映します。',
  },
  nodes: [
    {
      id: 'game',
      kind: 'producer',
      name: 'game-servers',
      at: [0, 0],
      config: {
        source: 'putRecords',
        batchSize: 100,
        rate: { type: 'constant', recordsPerSec: 500 },
        partitionKey: { type: 'field', field: 'matchId' },
        template: RECORD,
      },
    },
    { id: 'points', kind: 'stream', name: 'points-scored', at: [1, 0] },
    {
      id: 'top10',
      kind: 'analytics',
      name: 'top10-players',
      at: [2, 0],
      config: {
        sql: SQL,
        columns: [
          { name: 'PLAYER_ID', sqlType: 'VARCHAR(16)', mapping: '$.playerId' },
          { name: 'MATCH_ID', sqlType: 'VARCHAR(16)', mapping: '$.matchId' },
          { name: 'REGION', sqlType: 'VARCHAR(16)', mapping: '$.region' },
          { name: 'WEAPON', sqlType: 'VARCHAR(8)', mapping: '$.weapon' },
          { name: 'EVENT_TIME', sqlType: 'VARCHAR(32)', mapping: '$.eventTime' },
        ],
      },
    },
    { id: 'board', kind: 'stream', name: 'leaderboard-updates', at: [3, 0] },
    {
      id: 'publish',
      kind: 'lambda',
      name: 'publish-leaderboard',
      at: [4, 0],
      config: { code: HANDLER, esm: { batchSize: 10, startingPosition: 'LATEST' } },
    },
    {
      id: 'table',
      kind: 'dynamodb',
      name: 'leaderboard',
      at: [5, 0],
      config: { table: 'Leaderboard', partitionKey: 'playerId' },
    },
  ],
  edges: [
    ['game', 'points'],
    ['points', 'top10'],
    ['top10', 'board'],
    ['board', 'publish'],
    ['publish', 'table'],
  ],
});
