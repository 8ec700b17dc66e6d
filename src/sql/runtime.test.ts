/**
 * Runtime semantics: pumps and chained streams, error_stream, three-valued logic, integer
 * arithmetic, functions from the library, reference tables, table functions, subqueries.
 */
import { describe, expect, it } from 'vitest';
import { createSqlApp } from './index.ts';
import { parseSchema } from './schema.ts';
import { rowsOf, runSql } from './testkit.ts';

const T0 = Date.UTC(2024, 0, 1);
const at = (s: number) => T0 + s * 1000;

const TICKER = {
  name: 'SOURCE_SQL_STREAM_001',
  schema: 'TICKER_SYMBOL VARCHAR(4), SECTOR VARCHAR(16), CHANGE REAL, PRICE REAL',
  rows: [
    { ROWTIME: at(1), TICKER_SYMBOL: 'AMZN', SECTOR: 'TECHNOLOGY', CHANGE: 1.5, PRICE: 100 },
    { ROWTIME: at(2), TICKER_SYMBOL: 'MSFT', SECTOR: 'TECHNOLOGY', CHANGE: -0.5, PRICE: 50 },
    { ROWTIME: at(3), TICKER_SYMBOL: 'AMZN', SECTOR: 'TECHNOLOGY', CHANGE: 2, PRICE: 102 },
    { ROWTIME: at(31), TICKER_SYMBOL: 'JPM', SECTOR: 'FINANCIAL', CHANGE: 0.25, PRICE: 80 },
    { ROWTIME: at(62), TICKER_SYMBOL: 'AMZN', SECTOR: 'TECHNOLOGY', CHANGE: -1, PRICE: 101 },
  ],
};

describe('pumps and in-application streams', () => {
  it('chained pumps: filter into one stream, aggregate it into another, in ROWTIME order', () => {
    const sql = `
      CREATE OR REPLACE STREAM "TECH" (TICKER VARCHAR(4), PRICE DOUBLE);
      CREATE OR REPLACE STREAM "PER_MINUTE" (TICKER VARCHAR(4), N INTEGER, AVG_PRICE DOUBLE);
      CREATE OR REPLACE PUMP "P2" AS INSERT INTO "PER_MINUTE"
        SELECT STREAM TICKER, COUNT(*), AVG(PRICE) FROM "TECH" GROUP BY TICKER, STEP("TECH".ROWTIME BY INTERVAL '1' MINUTE);
      CREATE OR REPLACE PUMP "P1" AS INSERT INTO "TECH"
        SELECT STREAM TICKER_SYMBOL, PRICE FROM "SOURCE_SQL_STREAM_001" WHERE SECTOR = 'TECHNOLOGY';`;
    const out = runSql(sql, [TICKER]);
    expect(out.map((r) => [r.stream, r.ROWTIME, r.TICKER, r.N ?? r.PRICE])).toEqual([
      ['TECH', '2024-01-01 00:00:01.000', 'AMZN', 100],
      ['TECH', '2024-01-01 00:00:02.000', 'MSFT', 50],
      ['TECH', '2024-01-01 00:00:03.000', 'AMZN', 102],
      ['PER_MINUTE', '2024-01-01 00:01:00.000', 'AMZN', 2],
      ['PER_MINUTE', '2024-01-01 00:01:00.000', 'MSFT', 1],
      ['TECH', '2024-01-01 00:01:02.000', 'AMZN', 101],
      ['PER_MINUTE', '2024-01-01 00:02:00.000', 'AMZN', 1],
    ]);
    expect(out.find((r) => r.stream === 'PER_MINUTE')?.AVG_PRICE).toBe(101);
  });

  it('INSERT with a column list fills the other columns with NULL; VARCHAR(n) cuts', () => {
    const sql = `CREATE OR REPLACE STREAM "OUT" (A VARCHAR(2), B INTEGER, C DOUBLE);
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" (C, A) SELECT STREAM PRICE, TICKER_SYMBOL FROM "SOURCE_SQL_STREAM_001";`;
    expect(rowsOf(runSql(sql, [TICKER]), 'OUT')[0]).toEqual({
      ROWTIME: '2024-01-01 00:00:01.000',
      A: 'AM',
      B: null,
      C: 100,
    });
  });

  it('a 30-second window by arithmetic on ROWTIME: FLOOR((ROWTIME - epoch) SECOND / 30 TO SECOND)', () => {
    const sql = `SELECT STREAM COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001"
      GROUP BY FLOOR(("SOURCE_SQL_STREAM_001".ROWTIME - TIMESTAMP '1970-01-01 00:00:00') SECOND / 30 TO SECOND);`;
    expect(rowsOf(runSql(sql, [TICKER]), 'QUERY_1')).toEqual([
      { ROWTIME: '2024-01-01 00:00:30.000', N: 3 },
      { ROWTIME: '2024-01-01 00:01:00.000', N: 1 },
      { ROWTIME: '2024-01-01 00:01:30.000', N: 1 },
    ]);
  });

  it('HAVING filters groups; SELECT DISTINCT with a ROWTIME key; UNION ALL merges streams', () => {
    const having = `SELECT STREAM TICKER_SYMBOL, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001"
      GROUP BY TICKER_SYMBOL, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' MINUTE) HAVING COUNT(*) > 1;`;
    expect(rowsOf(runSql(having, [TICKER]), 'QUERY_1')).toEqual([
      { ROWTIME: '2024-01-01 00:01:00.000', TICKER_SYMBOL: 'AMZN', N: 2 },
    ]);
    const distinct = `SELECT STREAM DISTINCT SECTOR, FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO MINUTE) AS M FROM "SOURCE_SQL_STREAM_001";`;
    expect(rowsOf(runSql(distinct, [TICKER]), 'QUERY_1').map((r) => [r.SECTOR, r.M])).toEqual([
      ['TECHNOLOGY', '2024-01-01 00:00:00.000'],
      ['FINANCIAL', '2024-01-01 00:00:00.000'],
      ['TECHNOLOGY', '2024-01-01 00:01:00.000'],
    ]);
    const union = `SELECT STREAM TICKER_SYMBOL FROM "SOURCE_SQL_STREAM_001" WHERE PRICE > 100
      UNION ALL SELECT STREAM SECTOR FROM "SOURCE_SQL_STREAM_001" WHERE PRICE < 60;`;
    expect(rowsOf(runSql(union, [TICKER]), 'QUERY_1').map((r) => r.TICKER_SYMBOL)).toEqual([
      'TECHNOLOGY',
      'AMZN',
      'AMZN',
    ]);
  });

  it("COUNT_DISTINCT's exact-count recipe from the SQL Reference: DISTINCT subquery, then GROUP BY STEP of its window_time", () => {
    const sql = `CREATE OR REPLACE STREAM output_stream (ticker_symbol VARCHAR(4), unique_count BIGINT);
      CREATE OR REPLACE PUMP stream_pump AS INSERT INTO output_stream
      SELECT STREAM TICKER_SYMBOL, COUNT(distinct_stream.price) AS unique_count
        FROM (
          SELECT STREAM DISTINCT rowtime as window_time, TICKER_SYMBOL, CHANGE, PRICE,
            STEP((SOURCE_SQL_STREAM_001.rowtime) BY INTERVAL '5' SECOND)
          FROM SOURCE_SQL_STREAM_001) as distinct_stream
        GROUP BY TICKER_SYMBOL, STEP((distinct_stream.window_time) BY INTERVAL '5' SECOND);`;
    const rows = [0, 1, 1, 2, 6].map((s, i) => ({
      ROWTIME: at(s),
      TICKER_SYMBOL: 'AMZN',
      SECTOR: 'T',
      CHANGE: 0,
      PRICE: [10, 11, 11, 12, 13][i],
    }));
    // Rows 2 and 3 are identical (same ROWTIME, same values): DISTINCT keeps one. Window [0 s, 5 s)
    // holds prices 10, 11, 12 → 3; the 6 s row opens the next window.
    expect(
      rowsOf(runSql(sql, [{ ...TICKER, rows }]), 'OUTPUT_STREAM').map((r) => [
        r.TICKER_SYMBOL,
        r.UNIQUE_COUNT,
      ]),
    ).toEqual([
      ['AMZN', 3],
      ['AMZN', 1],
    ]);
  });
});

describe('values and errors', () => {
  const NUMS = {
    name: 'S',
    schema: 'A INTEGER, B INTEGER, X DOUBLE, S VARCHAR(20), F BOOLEAN',
    rows: [
      { A: 7, B: 2, X: 7, S: 'Hello World', F: true },
      { A: 1, B: 0, X: 1, S: 'kinesis', F: null },
      { A: null, B: 3, X: -2.5, S: null, F: false },
    ],
  };

  it('integer division truncates, DOUBLE does not; division by zero goes to error_stream and the query goes on', () => {
    const out = runSql('SELECT STREAM A / B AS Q, X / 2 AS H, -A / 2 AS NEG FROM "S";', [NUMS]);
    expect(rowsOf(out, 'QUERY_1').map((r) => [r.Q, r.H, r.NEG])).toEqual([
      [3, 3.5, -3],
      [null, -1.25, null],
    ]);
    const [err] = rowsOf(out, 'error_stream');
    expect(err).toMatchObject({
      ERROR_LEVEL: 'ERROR',
      ERROR_NAME: 'SqlRuntimeError',
      MESSAGE: 'Division by zero',
      PUMP_NAME: 'QUERY_1',
    });
    expect(err?.DATA_ROW).toBe('[1,0,1,"kinesis",null]');
  });

  it('three-valued logic: NULL AND FALSE is FALSE, NULL OR TRUE is TRUE, WHERE keeps only TRUE', () => {
    const sql = `SELECT STREAM F AND FALSE AS AF, F OR TRUE AS OT, F IS UNKNOWN AS U, NOT F AS N, A IN (7, NULL) AS I
      FROM "S" WHERE F IS NOT TRUE OR A > 5;`;
    expect(rowsOf(runSql(sql, [NUMS]), 'QUERY_1').map((r) => [r.AF, r.OT, r.U, r.N, r.I])).toEqual([
      [false, true, false, false, true],
      [false, true, true, null, null],
      [false, true, false, true, null],
    ]);
  });

  it('CASE, CAST, BETWEEN, LIKE, SIMILAR TO, ||, and the string functions of the library', () => {
    const sql = `SELECT STREAM
        CASE WHEN A BETWEEN 5 AND 10 THEN 'big' WHEN A IS NULL THEN 'none' ELSE 'small' END AS SIZE,
        CAST(X AS INTEGER) AS XI, CAST(A AS VARCHAR(4)) || '!' AS BANG,
        S LIKE 'Hello%' AS L, S SIMILAR TO '(kin|fire)%' AS SIM,
        UPPER(SUBSTRING(S FROM 1 FOR 5)) AS HEAD, POSITION('o' IN S) AS POS, CHAR_LENGTH(TRIM(BOTH ' ' FROM S)) AS LEN
      FROM "S";`;
    expect(rowsOf(runSql(sql, [NUMS]), 'QUERY_1').map(({ ROWTIME: _t, ...r }) => r)).toEqual([
      { SIZE: 'big', XI: 7, BANG: '7!', L: true, SIM: false, HEAD: 'HELLO', POS: 5, LEN: 11 },
      { SIZE: 'small', XI: 1, BANG: '1!', L: false, SIM: true, HEAD: 'KINES', POS: 0, LEN: 7 },
      { SIZE: 'none', XI: -2, BANG: null, L: null, SIM: null, HEAD: null, POS: null, LEN: null },
    ]);
  });

  it('the special call syntaxes reach the function library: OVERLAY … PLACING, SUBSTRING … FROM … FOR, TRIM, POSITION … IN, EXTRACT, CEIL … TO', () => {
    const sql = `SELECT STREAM OVERLAY('abcdef' PLACING 'xyz' FROM 2 FOR 3) AS O, SUBSTRING('123456789' FROM 3 FOR 4) AS S,
        TRIM(LEADING 'x' FROM 'xxabcxx') AS TL, TRIM(TRAILING FROM '  ab  ') AS TT, POSITION('cd' IN 'abcdef') AS P,
        EXTRACT(HOUR FROM TIMESTAMP '2024-03-04 05:06:07') AS H, CEIL(TIMESTAMP '2024-03-04 05:06:07' TO HOUR) AS CE,
        REGEX_REPLACE('aaa', 'a', 'b', 1, 0) AS RR, COALESCE(NULL, 'x') AS C, NULLIF(1, 1) AS NI
      FROM "S";`;
    expect(rowsOf(runSql(sql, [NUMS]), 'QUERY_1')[0]).toMatchObject({
      O: 'axyzef',
      S: '3456',
      TL: 'abcxx',
      TT: '  ab',
      P: 3,
      H: 5,
      CE: '2024-03-04 06:00:00.000',
      RR: 'bbb',
      C: 'x',
      NI: null,
    });
  });

  it('a bad CAST is a runtime error row, not a crash', () => {
    const out = runSql(`SELECT STREAM CAST(S AS INTEGER) AS N FROM "S";`, [NUMS]);
    expect(rowsOf(out, 'QUERY_1').map((r) => r.N)).toEqual([null]);
    expect(rowsOf(out, 'error_stream').map((r) => r.MESSAGE)).toEqual([
      "Cannot cast 'Hello World' to INTEGER",
      "Cannot cast 'kinesis' to INTEGER",
    ]);
  });

  it('dates: EXTRACT, interval arithmetic, CURRENT_ROW_TIMESTAMP, STEP(23 BY 5)', () => {
    const sql = `SELECT STREAM EXTRACT(MINUTE FROM ROWTIME) AS MI, ROWTIME + INTERVAL '1:30' MINUTE TO SECOND AS LATER,
        CURRENT_ROW_TIMESTAMP AS NOW_TS, STEP(23 BY 5) AS ST, APPROXIMATE_ARRIVAL_TIME AS ARRIVED
      FROM "SOURCE_SQL_STREAM_001" WHERE TICKER_SYMBOL = 'JPM';`;
    expect(rowsOf(runSql(sql, [TICKER]), 'QUERY_1')).toEqual([
      {
        ROWTIME: '2024-01-01 00:00:31.000',
        MI: 0,
        LATER: '2024-01-01 00:02:01.000',
        NOW_TS: '2024-01-01 00:00:31.000',
        ST: 20,
        ARRIVED: '2024-01-01 00:00:31.000',
      },
    ]);
  });
});

describe('reference tables and table functions', () => {
  it('joins each row to the reference table (hash lookup on the equality), LEFT OUTER keeps misses', () => {
    const companies = {
      name: 'CompanyName',
      schema: '"Ticker" VARCHAR(4), "Company" VARCHAR(32)',
      rows: [
        { Ticker: 'AMZN', Company: 'Amazon' },
        { Ticker: 'MSFT', Company: 'Microsoft' },
      ],
    };
    const sql = `SELECT STREAM s.TICKER_SYMBOL, c."Company" FROM "SOURCE_SQL_STREAM_001" AS s
      LEFT OUTER JOIN "CompanyName" AS c ON s.TICKER_SYMBOL = c."Ticker";`;
    expect(
      rowsOf(runSql(sql, [TICKER], { reference: [companies] }), 'QUERY_1').map((r) => [
        r.TICKER_SYMBOL,
        r.Company,
      ]),
    ).toEqual([
      ['AMZN', 'Amazon'],
      ['MSFT', 'Microsoft'],
      ['AMZN', 'Amazon'],
      ['JPM', null],
      ['AMZN', 'Amazon'],
    ]);
  });

  it('TOP_K_ITEMS_TUMBLING over a CURSOR, and COUNT_DISTINCT_ITEMS_TUMBLING', () => {
    const topk = `SELECT STREAM * FROM TABLE(TOP_K_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"), 'TICKER_SYMBOL', 2, 60));`;
    const first = rowsOf(runSql(topk, [TICKER]), 'QUERY_1')
      .filter((r) => String(r.ROWTIME) <= '2024-01-01 00:01:00.000')
      .map((r) => [r.ITEM, r.ITEM_COUNT]);
    expect(first).toEqual([
      ['AMZN', 2],
      ['MSFT', 1],
    ]);
    const cd = `SELECT STREAM * FROM TABLE(COUNT_DISTINCT_ITEMS_TUMBLING(CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"), 'SECTOR', 60));`;
    const counts = rowsOf(runSql(cd, [TICKER]), 'QUERY_1');
    expect(Object.values(counts[0] ?? {})).toContain(2);
  });
});

describe('the app API', () => {
  it('advanceTo closes windows without new rows; late rows are stamped with the latest ROWTIME', () => {
    const app = createSqlApp(
      `SELECT STREAM COUNT(*) AS N FROM "IN" GROUP BY STEP("IN".ROWTIME BY INTERVAL '10' SECOND);
       SELECT STREAM V FROM "IN";`,
      { inputs: [{ name: 'IN', columns: parseSchema('V INTEGER') }], seed: 1 },
    );
    app.push('IN', { rowtime: at(1), values: [1] });
    app.push('IN', { rowtime: at(5), values: [2] });
    expect(app.drain().map((r) => r.stream)).toEqual(['QUERY_2', 'QUERY_2']);
    app.advanceTo(at(9.999));
    expect(app.drain()).toEqual([]);
    app.advanceTo(at(10));
    expect(app.drain()).toEqual([{ stream: 'QUERY_1', row: { rowtime: at(10), values: [2] } }]);
    app.push('IN', { rowtime: at(3), values: [3] });
    expect(app.drain()).toEqual([{ stream: 'QUERY_2', row: { rowtime: at(10), values: [3] } }]);
    expect(app.streams.map((s) => s.name)).toEqual(['QUERY_1', 'QUERY_2', 'error_stream']);
  });
});
