/**
 * Designs the Flink SQL export's tests share: the worked example of export-targets.md §2.3, a
 * sliding window plus a stream-to-stream join, and anomaly detection (RANDOM_CUT_FOREST).
 */
import { design, node } from '../../engine/testing.ts';
import type { AnalyticsConfig, PipelineDoc } from '../../model/types.ts';

const col = (name: string, sqlType: string, key = name.toLowerCase()) => ({
  name,
  sqlType,
  mapping: `$.${key}`,
});

function pipeline(
  config: Partial<AnalyticsConfig>,
  sinks: ['stream' | 'firehose' | 'lambda', string, string][],
): PipelineDoc {
  const app = node('app', 'analytics', {
    ...config,
    outputs: sinks.map(([, id, inAppStream]) => ({ inAppStream, edgeTarget: id, format: 'JSON' as const })),
  });
  return design(
    [
      node('feed', 'producer'),
      node('clicks', 'stream'),
      app,
      ...sinks.map(([kind, id]) => node(id, kind)),
      node('bucket', 's3'),
    ],
    [
      ['feed', 'clicks'],
      ['clicks', 'app'],
      ...sinks.map(([, id]): [string, string] => ['app', id]),
      // Every delivery stream delivers to the bucket, so the design is valid.
      ...sinks.filter(([kind]) => kind === 'firehose').map(([, id]): [string, string] => [id, 'bucket']),
    ],
  );
}

/** §2.3: a count per ticker every 60 s, into a Firehose delivery stream. */
export const WORKED_EXAMPLE = pipeline(
  {
    columns: [col('TICKER', 'VARCHAR(4)'), col('PRICE', 'DOUBLE')],
    sql: `CREATE OR REPLACE STREAM "DEST" (ticker VARCHAR(4), cnt INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DEST"
  SELECT STREAM ticker, COUNT(*) FROM "SOURCE_SQL_STREAM_001"
  GROUP BY ticker, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);
`,
  },
  [['firehose', 'to-s3', 'DEST']],
);

/** A one-minute sliding average per ticker, and trades joined to the orders of the last minute. */
export const WINDOW_JOIN = pipeline(
  {
    columns: [
      col('KIND', 'VARCHAR(8)'),
      col('ORDER_ID', 'VARCHAR(16)', 'orderId'),
      col('TICKER', 'VARCHAR(4)'),
      col('AMOUNT', 'DOUBLE'),
      col('PRICE', 'DOUBLE'),
      col('TRADED_AT', 'TIMESTAMP', 'tradedAt'),
    ],
    sql: `CREATE OR REPLACE STREAM "PRICE_AVG" (TICKER VARCHAR(4), AVG_PRICE DOUBLE);
CREATE OR REPLACE PUMP "AVG_PUMP" AS INSERT INTO "PRICE_AVG"
  SELECT STREAM TICKER, AVG(PRICE) OVER W1 AS AVG_PRICE
  FROM "SOURCE_SQL_STREAM_001"
  WINDOW W1 AS (PARTITION BY TICKER RANGE INTERVAL '1' MINUTE PRECEDING);

CREATE OR REPLACE STREAM "ORDERS" (ORDER_ID VARCHAR(16), TICKER VARCHAR(4), AMOUNT DOUBLE);
CREATE OR REPLACE PUMP "ORDERS_PUMP" AS INSERT INTO "ORDERS"
  SELECT STREAM ORDER_ID, TICKER, AMOUNT FROM "SOURCE_SQL_STREAM_001" WHERE KIND = 'order';

CREATE OR REPLACE STREAM "TRADES" (ORDER_ID VARCHAR(16), PRICE DOUBLE);
CREATE OR REPLACE PUMP "TRADES_PUMP" AS INSERT INTO "TRADES"
  SELECT STREAM ORDER_ID, PRICE FROM "SOURCE_SQL_STREAM_001" WHERE KIND = 'trade';

CREATE OR REPLACE STREAM "FILLS" (TICKER VARCHAR(4), AMOUNT DOUBLE, PRICE DOUBLE);
CREATE OR REPLACE PUMP "FILLS_PUMP" AS INSERT INTO "FILLS"
  SELECT STREAM o.TICKER, o.AMOUNT, t.PRICE
  FROM "ORDERS" OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS o
  JOIN "TRADES" AS t ON o.ORDER_ID = t.ORDER_ID;
`,
  },
  [
    ['stream', 'averages', 'PRICE_AVG'],
    ['firehose', 'fills', 'FILLS'],
  ],
);

/** RANDOM_CUT_FOREST scores each row: no Flink SQL equivalent. */
export const ANOMALY = pipeline(
  {
    columns: [col('PRICE', 'DOUBLE')],
    sql: `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (PRICE DOUBLE, ANOMALY_SCORE DOUBLE);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
  SELECT STREAM PRICE, ANOMALY_SCORE
  FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM PRICE FROM "SOURCE_SQL_STREAM_001")));
`,
  },
  [['lambda', 'alert', 'DESTINATION_SQL_STREAM']],
);
