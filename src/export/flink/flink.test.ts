/**
 * The Flink SQL export, golden: the worked example of export-targets.md §2.3 (a count per ticker
 * every 60 s into Firehose), a sliding window plus an interval join, and RANDOM_CUT_FOREST kept as a
 * commented-out statement naming the nearest Flink route. Each parses with dt-sql-parser's FlinkSQL.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../model/validate.ts';
import { ANOMALY, WINDOW_JOIN, WORKED_EXAMPLE } from './fixtures.ts';
import { flinkProblems } from './flink-check.ts';
import { FLINK_MAIN_PY, flinkSqlText, toFlinkSql } from './index.ts';
import { ACCOUNT_PLACEHOLDER, REGION_PLACEHOLDER } from './tables.ts';

const AWS = { prefix: '', region: 'eu-west-1', account: '111122223333' };

describe('Flink SQL export (golden)', () => {
  it('fixtures are valid designs', () => {
    for (const doc of [WORKED_EXAMPLE, WINDOW_JOIN, ANOMALY])
      expect(validateDocument(doc).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('§2.3 worked example: Kinesis source with PROCTIME, Firehose sink, STEP 60 s → TUMBLE', () => {
    const [s] = toFlinkSql(WORKED_EXAMPLE, AWS);
    expect(s?.fileName).toBe('app.sql');
    expect(
      s?.sql,
    ).toBe(`-- Analytics application "app" as Flink SQL for Amazon Managed Service for Apache Flink.
-- KDA for SQL was retired on 27 Jan 2026: exported as Managed Service for Apache Flink (Kinesis connector 5.x).

-- Source: the data stream clicks (in KDA, SOURCE_SQL_STREAM_001).
-- ROWTIME is the time a row reached the application, so it is translated as processing time: proc AS PROCTIME().
-- The design declares no TIMESTAMP column, so there is no event-time attribute (no WATERMARK).
CREATE TABLE source_sql_stream_001_raw (
  ticker STRING,
  price DOUBLE,
  proc AS PROCTIME()
) WITH (
  'connector' = 'kinesis',
  'stream.arn' = 'arn:aws:kinesis:eu-west-1:111122223333:stream/clicks',
  'aws.region' = 'eu-west-1',
  'source.init.position' = 'LATEST',
  'format' = 'json'
);

-- The record's fields under their SQL names.
CREATE TEMPORARY VIEW source_sql_stream_001 AS
SELECT ticker AS TICKER, price AS PRICE, proc
FROM source_sql_stream_001_raw;

-- Output to the delivery stream to-s3.
CREATE TABLE dest (
  TICKER STRING,
  CNT INT
) WITH (
  'connector' = 'firehose',
  'delivery-stream' = 'to-s3',
  'aws.region' = 'eu-west-1',
  'format' = 'json'
);

INSERT INTO dest
SELECT TICKER, CAST(COUNT(*) AS INT) AS CNT
FROM TABLE(TUMBLE(TABLE source_sql_stream_001, DESCRIPTOR(proc), INTERVAL '60' SECOND))
GROUP BY window_start, window_end, TICKER;
`);
    expect(flinkProblems(s?.sql ?? '')).toEqual([]);
  });

  it('sliding window → OVER … RANGE, windowed join → interval join, two pumps → one STATEMENT SET', () => {
    const [s] = toFlinkSql(WINDOW_JOIN, AWS);
    const sql = s?.sql ?? '';
    expect(sql).toContain(
      "AVG(PRICE) OVER (PARTITION BY TICKER ORDER BY proc RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) AS AVG_PRICE",
    );
    // A trade meets the orders of the minute before it, as in KDA.
    expect(sql).toContain(
      "FROM orders AS O\nJOIN trades AS T ON O.ORDER_ID = T.ORDER_ID AND O.proc BETWEEN T.proc - INTERVAL '1' MINUTE AND T.proc;",
    );
    expect(sql).toContain('CREATE TEMPORARY VIEW orders AS');
    expect(sql).toContain(
      "'connector' = 'kinesis',\n  'stream.arn' = 'arn:aws:kinesis:eu-west-1:111122223333:stream/averages'",
    );
    expect(sql).toMatch(
      /EXECUTE STATEMENT SET\nBEGIN\nINSERT INTO price_avg[\s\S]*INSERT INTO fills[\s\S]*\nEND;\n$/,
    );
    // The design's TIMESTAMP column is an event-time attribute; ROWTIME stays processing time.
    expect(sql).toContain("WATERMARK FOR tradedAt AS tradedAt - INTERVAL '5' SECOND");
    expect(s?.notExported).toEqual([]);
    expect(flinkProblems(sql)).toEqual([]);
  });

  it('RANDOM_CUT_FOREST: the statement is kept commented out, naming the construct and the route', () => {
    const [s] = toFlinkSql(ANOMALY, AWS);
    const sql = s?.sql ?? '';
    expect(s?.notExported).toEqual(['RANDOM_CUT_FOREST']);
    expect(sql).toContain('-- not exported: RANDOM_CUT_FOREST\n');
    expect(sql).toContain('-- NOT EXPORTED: RANDOM_CUT_FOREST has no Flink SQL equivalent here.');
    expect(sql).toContain('-- Nearest Flink route: run a Random Cut Forest operator in a DataStream job');
    expect(sql).toContain(
      '--   FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM PRICE FROM "SOURCE_SQL_STREAM_001")))',
    );
    expect(sql).not.toMatch(/^INSERT/m);
    // Output to a Lambda: a Kinesis stream the Lambda reads through an event source mapping.
    expect(sql).toContain('Flink has no Lambda sink');
    expect(flinkProblems(sql)).toEqual([]);
  });

  it('names carry the environment prefix of the CloudFormation export; region and account are main.py placeholders', () => {
    const text = flinkSqlText(toFlinkSql(WORKED_EXAMPLE));
    expect(text).toContain('-- ===== app.sql (Analytics node "app") =====');
    expect(text).toContain(
      `'stream.arn' = 'arn:aws:kinesis:${REGION_PLACEHOLDER}:${ACCOUNT_PLACEHOLDER}:stream/dev-clicks'`,
    );
    expect(text).toContain("'delivery-stream' = 'dev-to-s3'");
    expect(FLINK_MAIN_PY).toContain(`"${REGION_PLACEHOLDER}"`);
    expect(FLINK_MAIN_PY).toContain('p.get("sql.file")');
    expect(FLINK_MAIN_PY.split('\n').length).toBeLessThan(45);
  });
});
