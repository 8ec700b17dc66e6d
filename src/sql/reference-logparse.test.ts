/**
 * The six log parsers in the query shape the SQL Reference's Log Parsing Functions pages use: the
 * parser returns a ROW in a derived table given a column list, and the outer query reads its
 * fields, `SELECT STREAM t.r."COLUMN1" FROM (SELECT STREAM W3C_LOG_PARSE(…) FROM s) t(r)` or
 * `… AS l(r)`. Inputs of W3C_LOG_PARSE and REGEX_LOG_PARSE are the pages' own examples (the
 * values are checked field by field in functions/logparse.test.ts); FIXED_COLUMN_LOG_PARSE and
 * SYS_LOG_PARSE follow their pages' grammar and columns (the pages give no example rows, so the
 * lines are ours).
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from './index.ts';
import { rowsOf, runSql } from './testkit.ts';

const LINES = (...lines: string[]) => ({
  name: 'S',
  schema: 'MSG VARCHAR(256)',
  rows: lines.map((MSG, i) => ({ ROWTIME: `2024-01-01 10:00:0${i}`, MSG })),
});
const values = (sql: string, input: ReturnType<typeof LINES>) =>
  rowsOf(runSql(sql, [input]), 'QUERY_1').map(({ ROWTIME: _t, ...rest }) => rest);

describe('log parsers through a derived table with a column list: t(r) and AS l(r)', () => {
  it('W3C_LOG_PARSE (COMMON), the reference’s Apache line: t.r."COLUMN1"…', () => {
    const input = LINES(
      '192.168.254.30 - John [24/May/2004:22:01:02 -0700] "GET /icons/apache_pb.gif HTTP/1.1" 304 0',
    );
    const sql = `SELECT STREAM t.r."COLUMN1" AS HOST, t.r."COLUMN3" AS USERNAME, t.r."COLUMN6" AS STATUS
      FROM (SELECT STREAM W3C_LOG_PARSE(MSG, 'COMMON') FROM S) t(r);`;
    expect(values(sql, input)).toEqual([{ HOST: '192.168.254.30', USERNAME: 'John', STATUS: '304' }]);
  });

  it('W3C_LOG_PARSE in the pump shape of the reference: INSERT … SELECT STREAM l.r.COLUMN1, … FROM (…) AS l(r)', () => {
    const input = LINES(
      '192.168.254.30 - John [24/May/2004:22:01:02 -0700] "GET /icons/apache_pb.gif HTTP/1.1" 304 0',
    );
    const sql = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (column1 VARCHAR(16), column2 VARCHAR(16),
        column3 VARCHAR(16), column4 VARCHAR(32), column5 VARCHAR(64), column6 VARCHAR(4), column7 VARCHAR(8));
      CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
        SELECT STREAM l.r.COLUMN1, l.r.COLUMN2, l.r.COLUMN3, l.r.COLUMN4, l.r.COLUMN5, l.r.COLUMN6, l.r.COLUMN7
        FROM (SELECT STREAM W3C_LOG_PARSE(MSG, 'COMMON') FROM S) AS l(r);`;
    expect(rowsOf(runSql(sql, [input]), 'DESTINATION_SQL_STREAM').map(({ ROWTIME: _t, ...r }) => r)).toEqual([
      {
        COLUMN1: '192.168.254.30',
        COLUMN2: '-',
        COLUMN3: 'John',
        COLUMN4: '[24/May/2004:22:01:02 -0700]',
        COLUMN5: 'GET /icons/apache_pb.gif HTTP/1.1',
        COLUMN6: '304',
        COLUMN7: '0',
      },
    ]);
  });

  it('REGEX_LOG_PARSE and FAST_REGEX_LOG_PARSE, the reference’s sector example, with AS l(r)', () => {
    const input = LINES('ENERGY', 'TECHNOLOGY');
    const sql = (fn: string) => `SELECT STREAM l.r.COLUMN1 AS A, l.r.COLUMN2 AS B
      FROM (SELECT STREAM ${fn}(MSG, '.*([E].).*([R].*)') FROM S) AS l(r);`;
    expect(values(sql('REGEX_LOG_PARSE'), input)).toEqual([
      { A: 'EN', B: 'RGY' },
      { A: null, B: null }, // no match: the ROW is NULL, and so are its fields
    ]);
    expect(values(sql('FAST_REGEX_LOG_PARSE'), input)[0]).toEqual({ A: 'EN', B: 'RGY' });
  });

  it('VARIABLE_COLUMN_LOG_PARSE with a typed column list', () => {
    const input = LINES('AMZN,84,buy');
    const sql = `SELECT STREAM t.r.TICKER AS TICKER, t.r.PRICE * 2 AS DOUBLED
      FROM (SELECT STREAM VARIABLE_COLUMN_LOG_PARSE(MSG, 'TICKER VARCHAR(4), PRICE INTEGER, SIDE VARCHAR(4)', ',') FROM S) t(r);`;
    expect(values(sql, input)).toEqual([{ TICKER: 'AMZN', DOUBLED: 168 }]);
  });

  it('FIXED_COLUMN_LOG_PARSE: fields at 0-based START positions, FOR a width', () => {
    const input = LINES('AMZN  00084buy ');
    const sql = `SELECT STREAM t.r.TICKER AS TICKER, t.r.PRICE AS PRICE, t.r.SIDE AS SIDE
      FROM (SELECT STREAM FIXED_COLUMN_LOG_PARSE(MSG,
        'TICKER TYPE VARCHAR(6) START 0 FOR 6, PRICE TYPE INTEGER START 6 FOR 5, SIDE TYPE VARCHAR(4) START 11')
      FROM S) t(r);`;
    expect(values(sql, input)).toEqual([{ TICKER: 'AMZN  ', PRICE: 84, SIDE: 'buy ' }]);
  });

  it('FIXED_COLUMN_LOG_PARSE: a TIMESTAMP column with the page’s format parameter, and NOT NULL', () => {
    const input = LINES('10/Oct/2000:13:55:36 GET  200');
    const sql = `SELECT STREAM t.r."name" AS WHEN_, t.r.VERB AS VERB, t.r.STATUS AS STATUS
      FROM (SELECT STREAM FIXED_COLUMN_LOG_PARSE(MSG,
        '"name" TYPE TIMESTAMP ''dd/MMM/yyyy:HH:mm:ss'' START 0 FOR 20, VERB TYPE VARCHAR(4) NOT NULL START 21 FOR 4, STATUS TYPE INTEGER START 26')
      FROM S) t(r);`;
    expect(values(sql, input)).toEqual([{ WHEN_: '2000-10-10 13:55:36.000', VERB: 'GET ', STATUS: 200 }]);
  });

  it('SYS_LOG_PARSE: the page’s two columns, COLUMN1 the time stamp (TIMESTAMP), COLUMN2 "server message"', () => {
    const input = LINES(
      'Apr 15 10:12:01 web-1 sshd[811]: Accepted publickey for ec2-user',
      'Apr  5 09:00:00 db-2 cron: done',
      'not syslog',
    );
    const sql = `SELECT STREAM t.r.COLUMN1 AS WHEN_, t.r.COLUMN2 AS TEXT_
      FROM (SELECT STREAM SYS_LOG_PARSE(MSG) FROM S) t(r);`;
    // A syslog time stamp has no year; SimpleDateFormat, which the page points to, reads 1970.
    expect(values(sql, input)).toEqual([
      { WHEN_: '1970-04-15 10:12:01.000', TEXT_: 'web-1 sshd[811]: Accepted publickey for ec2-user' },
      { WHEN_: '1970-04-05 09:00:00.000', TEXT_: 'db-2 cron: done' },
      { WHEN_: null, TEXT_: null },
    ]);
  });

  it('a field the ROW does not have, or a column list of the wrong length, is refused at its position', () => {
    const inputs = [
      { name: 'S', columns: [{ name: 'MSG', type: { base: 'VARCHAR' as const, length: 256 } }] },
    ];
    const [p] = checkSql(
      `SELECT STREAM t.r."COLUMN9" FROM (SELECT STREAM W3C_LOG_PARSE(MSG, 'COMMON') FROM S) t(r);`,
      inputs,
    );
    expect(p).toMatchObject({ line: 1, column: 19 });
    expect(p?.message).toMatch(/^ROW value has no field "COLUMN9" \(fields: COLUMN1, COLUMN2/);
    const [q] = checkSql(`SELECT STREAM t.a FROM (SELECT STREAM MSG FROM S) t(a, b);`, inputs);
    expect(q).toMatchObject({ line: 1, column: 53, message: '2 column names for a subquery of 1 column' });
  });
});
