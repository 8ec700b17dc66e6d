/**
 * AWS's published Kinesis Data Analytics SQL examples, reproduced row for row.
 * Sources: the SQL Developer Guide (tumbling-window-concepts, stagger-window-concepts,
 * stream-joins-concepts) and the SQL Reference (Windowed Aggregation on Streams, STEP).
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from './index.ts';
import { rowsOf, runSql } from './testkit.ts';

const TICKS = {
  name: 'SOURCE_SQL_STREAM_001',
  schema: 'EVENT_TIME TIMESTAMP, TICKER_SYMBOL VARCHAR(4)',
  // The four AMZN trades of the Developer Guide's stagger-window page (date added: the guide
  // shows times only; every test here uses 2024-01-01).
  rows: [
    { ROWTIME: '2024-01-01 11:00:20', EVENT_TIME: '2024-01-01 11:00:10', TICKER_SYMBOL: 'AMZN' },
    { ROWTIME: '2024-01-01 11:00:30', EVENT_TIME: '2024-01-01 11:00:20', TICKER_SYMBOL: 'AMZN' },
    { ROWTIME: '2024-01-01 11:01:05', EVENT_TIME: '2024-01-01 11:00:55', TICKER_SYMBOL: 'AMZN' },
    { ROWTIME: '2024-01-01 11:01:15', EVENT_TIME: '2024-01-01 11:01:05', TICKER_SYMBOL: 'AMZN' },
  ],
};

describe('Developer Guide: tumbling vs stagger windows over the same four trades', () => {
  it('tumbling GROUP BY ticker, FLOOR(EVENT_TIME TO MINUTE), STEP(ROWTIME BY 1 minute) splits the minute in two', () => {
    // The guide's stream declares (TICKER_SYMBOL, TICKER_COUNT) while the query selects three
    // columns; we follow the query and declare EVENT_TIME too, as the guide's result table shows it.
    const sql = `
      CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER_SYMBOL VARCHAR(4), EVENT_TIME TIMESTAMP, TICKER_COUNT DOUBLE);
      CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM TICKER_SYMBOL, FLOOR(EVENT_TIME TO MINUTE), COUNT(TICKER_SYMBOL) AS TICKER_COUNT
        FROM "SOURCE_SQL_STREAM_001"
        GROUP BY ticker_symbol, FLOOR(EVENT_TIME TO MINUTE), STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' MINUTE);`;
    expect(rowsOf(runSql(sql, [TICKS]), 'DESTINATION_SQL_STREAM')).toEqual([
      {
        ROWTIME: '2024-01-01 11:01:00.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:00:00.000',
        TICKER_COUNT: 2,
      },
      {
        ROWTIME: '2024-01-01 11:02:00.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:00:00.000',
        TICKER_COUNT: 1,
      },
      {
        ROWTIME: '2024-01-01 11:02:00.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:01:00.000',
        TICKER_COUNT: 1,
      },
    ]);
  });

  it('WINDOWED BY STAGGER opens at the first row per key and closes one minute later', () => {
    const sql = `
      CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), event_time TIMESTAMP, ticker_count DOUBLE);
      CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM TICKER_SYMBOL, FLOOR(EVENT_TIME TO MINUTE), COUNT(TICKER_SYMBOL) AS ticker_count
        FROM "SOURCE_SQL_STREAM_001"
        WINDOWED BY STAGGER (PARTITION BY FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL RANGE INTERVAL '1' MINUTE);`;
    expect(rowsOf(runSql(sql, [TICKS]), 'DESTINATION_SQL_STREAM')).toEqual([
      {
        ROWTIME: '2024-01-01 11:01:20.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:00:00.000',
        TICKER_COUNT: 3,
      },
      {
        ROWTIME: '2024-01-01 11:02:15.000',
        TICKER_SYMBOL: 'AMZN',
        EVENT_TIME: '2024-01-01 11:01:00.000',
        TICKER_COUNT: 1,
      },
    ]);
  });

  it('without the end-of-input flush, windows still open stay silent', () => {
    const sql = `SELECT STREAM TICKER_SYMBOL, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001"
      GROUP BY TICKER_SYMBOL, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' MINUTE);`;
    // Only the 11:00 window closed (by the 11:01:05 row); 11:01 waits for time to pass.
    expect(rowsOf(runSql(sql, [TICKS], { flush: false }), 'QUERY_1')).toEqual([
      { ROWTIME: '2024-01-01 11:01:00.000', TICKER_SYMBOL: 'AMZN', N: 2 },
    ]);
  });
});

const WEATHER_ROWS: [string, string, number][] = [
  ['2018-11-01 01:00:00', 'Denver', 29],
  ['2018-11-01 01:00:00', 'Anchorage', 2],
  ['2018-11-01 06:00:00', 'Miami', 65],
  ['2018-11-01 07:00:00', 'Denver', 32],
  ['2018-11-01 09:00:00', 'Anchorage', 9],
  ['2018-11-01 13:00:00', 'Denver', 50],
  ['2018-11-01 17:00:00', 'Anchorage', 10],
  ['2018-11-01 18:00:00', 'Miami', 71],
  ['2018-11-01 19:00:00', 'Denver', 43],
  ['2018-11-02 01:00:00', 'Anchorage', 4],
  ['2018-11-02 01:00:00', 'Denver', 39],
  ['2018-11-02 07:00:00', 'Denver', 46],
  ['2018-11-02 09:00:00', 'Anchorage', 3],
  ['2018-11-02 13:00:00', 'Denver', 56],
  ['2018-11-02 17:00:00', 'Anchorage', 2],
  ['2018-11-02 19:00:00', 'Denver', 50],
  ['2018-11-03 01:00:00', 'Denver', 36],
  ['2018-11-03 01:00:00', 'Anchorage', 1],
];
const WEATHER = {
  name: 'WEATHERSTREAM',
  schema: 'CITY VARCHAR(20), TEMP INTEGER',
  rows: WEATHER_ROWS.map(([t, c, v]) => ({ ROWTIME: t, CITY: c, TEMP: v })),
};

describe('SQL Reference: windowed aggregation on WEATHERSTREAM', () => {
  it('MIN/MAX OVER (RANGE INTERVAL 1 DAY PRECEDING): one row per input row', () => {
    const sql = `SELECT STREAM ROWTIME, MIN(TEMP) OVER W1 AS WMIN_TEMP, MAX(TEMP) OVER W1 AS WMAX_TEMP
      FROM WEATHERSTREAM WINDOW W1 AS (RANGE INTERVAL '1' DAY PRECEDING);`;
    const out = rowsOf(runSql(sql, [WEATHER]), 'QUERY_1').map((r) => [
      String(r.ROWTIME).slice(0, 19),
      r.WMIN_TEMP,
      r.WMAX_TEMP,
    ]);
    expect(out).toHaveLength(18);
    // The first nine result rows as published.
    expect(out.slice(0, 9)).toEqual([
      ['2018-11-01 01:00:00', 29, 29],
      ['2018-11-01 01:00:00', 2, 29],
      ['2018-11-01 06:00:00', 2, 65],
      ['2018-11-01 07:00:00', 2, 65],
      ['2018-11-01 09:00:00', 2, 65],
      ['2018-11-01 13:00:00', 2, 65],
      ['2018-11-01 17:00:00', 2, 65],
      ['2018-11-01 18:00:00', 2, 71],
      ['2018-11-01 19:00:00', 2, 71],
    ]);
    // Later rows: the range is inclusive (ROWTIME ≥ now − 1 day), so at 11-02 01:00 the 11-01 01:00
    // readings (29 and 2) still count; by 11-02 07:00 they and Miami's 65 (06:00) have aged out.
    expect(out[9]).toEqual(['2018-11-02 01:00:00', 2, 71]);
    expect(out[11]).toEqual(['2018-11-02 07:00:00', 4, 71]);
    expect(out[17]).toEqual(['2018-11-03 01:00:00', 1, 56]);
  });

  it('PARTITION BY CITY keeps one window per city; ROWS 1 PRECEDING and LAG read the previous reading', () => {
    const sql = `SELECT STREAM CITY, TEMP, AVG(TEMP) OVER (PARTITION BY CITY ROWS 1 PRECEDING) AS AVG2,
        LAG(TEMP) OVER (PARTITION BY CITY ROWS 1 PRECEDING) AS PREV
      FROM WEATHERSTREAM WHERE CITY = 'Denver';`;
    const out = rowsOf(runSql(sql, [WEATHER]), 'QUERY_1').map((r) => [r.TEMP, r.AVG2, r.PREV]);
    // Denver: 29, 32, 50, 43, 39, 46, 56, 50, 36. AVG of two INTEGERs truncates (KDA keeps the type).
    expect(out).toEqual([
      [29, 29, null],
      [32, 30, 29],
      [50, 41, 32],
      [43, 46, 50],
      [39, 41, 43],
      [46, 42, 39],
      [56, 51, 46],
      [50, 53, 56],
      [36, 43, 50],
    ]);
  });

  it('FLOOR(ROWTIME TO DAY) tumbling window: daily min/max per city', () => {
    const sql = `SELECT STREAM CITY, MIN(TEMP) AS LO, MAX(TEMP) AS HI, COUNT(*) AS N FROM WEATHERSTREAM
      GROUP BY CITY, FLOOR(WEATHERSTREAM.ROWTIME TO DAY);`;
    expect(rowsOf(runSql(sql, [WEATHER]), 'QUERY_1')).toEqual([
      { ROWTIME: '2018-11-02 00:00:00.000', CITY: 'Denver', LO: 29, HI: 50, N: 4 },
      { ROWTIME: '2018-11-02 00:00:00.000', CITY: 'Anchorage', LO: 2, HI: 10, N: 3 },
      { ROWTIME: '2018-11-02 00:00:00.000', CITY: 'Miami', LO: 65, HI: 71, N: 2 },
      { ROWTIME: '2018-11-03 00:00:00.000', CITY: 'Anchorage', LO: 2, HI: 4, N: 3 },
      { ROWTIME: '2018-11-03 00:00:00.000', CITY: 'Denver', LO: 39, HI: 56, N: 4 },
      { ROWTIME: '2018-11-04 00:00:00.000', CITY: 'Denver', LO: 36, HI: 36, N: 1 },
      { ROWTIME: '2018-11-04 00:00:00.000', CITY: 'Anchorage', LO: 1, HI: 1, N: 1 },
    ]);
  });

  it('STEP by 12 hours: any interval, not just whole units', () => {
    const sql = `SELECT STREAM STEP(WEATHERSTREAM.ROWTIME BY INTERVAL '12' HOUR) AS HALF_DAY, SUM(TEMP) AS TOTAL, AVG(TEMP) AS MEAN
      FROM WEATHERSTREAM GROUP BY STEP(WEATHERSTREAM.ROWTIME BY INTERVAL '12' HOUR);`;
    const out = rowsOf(runSql(sql, [WEATHER]), 'QUERY_1').map((r) => [
      r.ROWTIME,
      r.HALF_DAY,
      r.TOTAL,
      r.MEAN,
    ]);
    expect(out).toEqual([
      // 29+2+65+32+9 = 137 over 5 readings → AVG 27 (INTEGER average truncates).
      ['2018-11-01 12:00:00.000', '2018-11-01 00:00:00.000', 137, 27],
      ['2018-11-02 00:00:00.000', '2018-11-01 12:00:00.000', 174, 43],
      ['2018-11-02 12:00:00.000', '2018-11-02 00:00:00.000', 92, 23],
      ['2018-11-03 00:00:00.000', '2018-11-02 12:00:00.000', 108, 36],
      ['2018-11-03 12:00:00.000', '2018-11-03 00:00:00.000', 37, 18],
    ]);
  });
});

describe('Developer Guide: stream joins (OrderStream and TradeStream)', () => {
  const orders = {
    name: 'ORDERSTREAM',
    schema: 'ORDERID INTEGER, TICKER VARCHAR(4), AMOUNT INTEGER',
    rows: [
      { ROWTIME: '2024-01-01 10:00:30', ORDERID: 1, TICKER: 'AMZN', AMOUNT: 100 },
      { ROWTIME: '2024-01-01 10:02:00', ORDERID: 2, TICKER: 'MSFT', AMOUNT: 50 },
      { ROWTIME: '2024-01-01 10:03:00', ORDERID: 3, TICKER: 'AAPL', AMOUNT: 70 },
    ],
  };
  const trades = {
    name: 'TRADESTREAM',
    schema: 'TRADEID INTEGER, ORDERID INTEGER, TICKER VARCHAR(4), AMOUNT INTEGER',
    rows: [
      { ROWTIME: '2024-01-01 10:00:00', TRADEID: 11, ORDERID: 1, TICKER: 'AMZN', AMOUNT: 60 },
      { ROWTIME: '2024-01-01 10:00:20', TRADEID: 12, ORDERID: 1, TICKER: 'AMZN', AMOUNT: 40 },
      // Order 2's trade is 90 s before it: outside the one-minute window.
      { ROWTIME: '2024-01-01 10:00:30', TRADEID: 21, ORDERID: 2, TICKER: 'MSFT', AMOUNT: 50 },
      { ROWTIME: '2024-01-01 10:02:30', TRADEID: 31, ORDERID: 3, TICKER: 'AAPL', AMOUNT: 70 },
    ],
  };
  const expected = [
    { ROWTIME: '2024-01-01 10:00:30.000', ORDERID: 1, TICKER: 'AMZN', ORDERAMOUNT: 100, TRADEAMOUNT: 60 },
    { ROWTIME: '2024-01-01 10:00:30.000', ORDERID: 1, TICKER: 'AMZN', ORDERAMOUNT: 100, TRADEAMOUNT: 40 },
    { ROWTIME: '2024-01-01 10:03:00.000', ORDERID: 3, TICKER: 'AAPL', ORDERAMOUNT: 70, TRADEAMOUNT: 70 },
  ];

  it('Example 1: JOIN TradeStream OVER (RANGE INTERVAL 1 MINUTE PRECEDING)', () => {
    const sql = `SELECT STREAM ROWTIME, o.orderId, o.ticker, o.amount AS orderAmount, t.amount AS tradeAmount
      FROM OrderStream AS o
      JOIN TradeStream OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS t
      ON o.orderId = t.orderId;`;
    expect(rowsOf(runSql(sql, [trades, orders]), 'QUERY_1')).toEqual(expected);
  });

  it('Example 1 with the window in a WINDOW clause gives the same rows', () => {
    // The guide then reads `t.amount` although `t` names only the window: we take the window name
    // as the stream's alias when it has none, the only reading under which the text is valid.
    const sql = `SELECT STREAM ROWTIME, o.orderId, o.ticker, o.amount AS orderAmount, t.amount AS tradeAmount
      FROM OrderStream AS o JOIN TradeStream OVER t ON o.orderId = t.orderId
      WINDOW t AS (RANGE INTERVAL '1' MINUTE PRECEDING);`;
    expect(rowsOf(runSql(sql, [trades, orders]), 'QUERY_1')).toEqual(expected);
  });

  it('the outer join: the guide writes `…tradeAmount,\\nFROM … OUTER JOIN`, which no SQL accepts', () => {
    // The published outer-join text has a comma before FROM and a bare OUTER JOIN. We read it as
    // the LEFT OUTER JOIN its prose describes ("orders for which there are no trades"): the typo'd
    // text is rejected at the comma, and the corrected query pads unmatched orders with NULLs.
    const published = `SELECT STREAM ROWTIME, o.orderId, o.ticker, o.amount AS orderAmount,
    t.ticker, t.tradeId, t.amount AS tradeAmount,
FROM OrderStream AS o
OUTER JOIN TradeStream OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS t
ON    o.orderId = t.orderId;`;
    const problems = checkSql(published, [
      { name: 'ORDERSTREAM', columns: [] },
      { name: 'TRADESTREAM', columns: [] },
    ]);
    expect(problems[0]).toMatchObject({
      line: 3,
      column: 1,
      message: 'Expected an expression, found the keyword FROM',
    });
    const sql = `SELECT STREAM ROWTIME, o.orderId, t.tradeId, t.amount AS tradeAmount
      FROM OrderStream AS o
      LEFT OUTER JOIN TradeStream OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS t
      ON o.orderId = t.orderId;`;
    expect(
      rowsOf(runSql(sql, [trades, orders]), 'QUERY_1').map((r) => [r.ORDERID, r.TRADEID, r.TRADEAMOUNT]),
    ).toEqual([
      [1, 11, 60],
      [1, 12, 40],
      [2, null, null],
      [3, 31, 70],
    ]);
  });
});
