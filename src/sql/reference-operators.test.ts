/**
 * Operators and functions of the SQL Reference (docs.aws.amazon.com/kinesisanalytics/latest/sqlref/):
 * logical operators (three-valued truth tables), IS [NOT] DISTINCT FROM, string functions
 * (SIMILAR TO, SUBSTRING), numeric (ABS), datetime and interval operators, and the refusals.
 *
 * The truth tables are SQL's three-valued logic, which the Logical Operators page tabulates.
 * Where a result below is our reading rather than a documented row (interval text, SUBSTRING …
 * SIMILAR, EXTRACT(SECOND) precision) the test says so.
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from './index.ts';
import { parseSchema } from './schema.ts';
import { rowsOf, runSql } from './testkit.ts';

const ONE = {
  name: 'S',
  schema: 'B VARCHAR(16), T TIMESTAMP, D DATE, N INTEGER',
  rows: [
    { ROWTIME: '2024-01-01 10:00:00', B: 'foobar', T: '2004-05-01 12:03:34.567', D: '2008-08-25', N: -3 },
  ],
};
/** The single output row of `SELECT STREAM <items> FROM S`. */
const eval1 = (items: string) => {
  const [row] = rowsOf(runSql(`SELECT STREAM ${items} FROM S;`, [ONE]), 'QUERY_1');
  const { ROWTIME: _t, ...rest } = row ?? {};
  return rest;
};
/** The first problem of `SELECT STREAM <items> FROM S` as `column: message`. */
const refuse = (items: string) => {
  const p = checkSql(`SELECT STREAM ${items} FROM S;`, [{ name: 'S', columns: parseSchema(ONE.schema) }])[0];
  return p ? `${p.line}:${p.column}: ${p.message}` : 'accepted';
};

const TRUTH = {
  name: 'S',
  schema: 'A BOOLEAN, B BOOLEAN',
  rows: [true, false, null].flatMap((a) => [true, false, null].map((b) => ({ A: a, B: b }))),
};
const truth = (expr: string) =>
  rowsOf(runSql(`SELECT STREAM ${expr} AS X FROM S;`, [TRUTH]), 'QUERY_1').map((r) => r.X);
const T = true;
const F = false;
const U = null;

describe('Logical Operators: three-valued truth tables (rows: A = T,T,T,F,F,F,U,U,U × B = T,F,U)', () => {
  it('AND, OR', () => {
    expect(truth('A AND B')).toEqual([T, F, U, F, F, F, U, F, U]);
    expect(truth('A OR B')).toEqual([T, T, T, T, F, U, T, U, U]);
  });
  it('NOT, and IS TRUE / IS FALSE / IS UNKNOWN never return UNKNOWN', () => {
    expect(truth('NOT A')).toEqual([F, F, F, T, T, T, U, U, U]);
    expect(truth('A IS TRUE')).toEqual([T, T, T, F, F, F, F, F, F]);
    expect(truth('A IS NOT FALSE')).toEqual([T, T, T, F, F, F, T, T, T]);
    expect(truth('A IS UNKNOWN')).toEqual([F, F, F, F, F, F, T, T, T]);
  });
  it('IS binds tighter than NOT: NOT A IS TRUE is NOT (A IS TRUE)', () => {
    expect(truth('NOT A IS TRUE')).toEqual([F, F, F, T, T, T, T, T, T]);
    expect(truth('(NOT A) IS TRUE')).toEqual([F, F, F, T, T, T, F, F, F]);
  });
  it('IS [NOT] DISTINCT FROM: NULL-safe comparison, never UNKNOWN', () => {
    expect(truth('A IS DISTINCT FROM B')).toEqual([F, T, T, T, F, T, T, T, F]);
    expect(truth('A IS NOT DISTINCT FROM B')).toEqual([T, F, F, F, T, F, F, F, T]);
    expect(truth('A = B')).toEqual([T, F, U, F, T, U, U, U, U]);
  });
});

describe('String functions', () => {
  it('SIMILAR TO: SQL regular expressions with | + ( ) and ESCAPE; "." is a literal', () => {
    expect(
      eval1(
        `B SIMILAR TO '(fo|ba)+r' AS X, B SIMILAR TO 'foo.ar' AS Y, 'a%b' SIMILAR TO 'a!%b' ESCAPE '!' AS Z`,
      ),
    ).toEqual({
      X: false,
      Y: false,
      Z: true,
    });
    expect(eval1(`B SIMILAR TO 'fo+bar' AS X, B NOT SIMILAR TO '%ar' AS Y`)).toEqual({ X: true, Y: false });
  });
  it('SIMILAR TO refuses an invalid pattern where it is written', () => {
    expect(refuse(`B SIMILAR TO 'f(o' AS X`)).toBe("1:28: SIMILAR TO: unbalanced '(' in 'f(o'");
    expect(refuse(`B SIMILAR TO '[ab' AS X`)).toBe("1:28: SIMILAR TO: unterminated '[' in '[ab'");
  });
  it('SUBSTRING(s SIMILAR p ESCAPE e) returns the part between the escape-quote markers (SQL:2008)', () => {
    expect(
      eval1(
        `SUBSTRING(B SIMILAR '%#"o_b#"%' ESCAPE '#') AS X, SUBSTRING(B SIMILAR 'x#"%#"' ESCAPE '#') AS Y`,
      ),
    ).toEqual({
      X: 'oob',
      Y: null,
    });
    expect(refuse(`SUBSTRING(B SIMILAR '%o%' ESCAPE '#') AS X`)).toMatch(
      /^1:35: SUBSTRING … SIMILAR: the pattern needs exactly two #" markers/,
    );
  });
  it('SUBSTRING out of range: a start past the end is empty, a start before 1 shortens the result', () => {
    expect(
      eval1(
        `SUBSTRING(B FROM 10 FOR 2) AS X, SUBSTRING(B FROM 0 FOR 2) AS Y, SUBSTRING(B FROM -1 FOR 4) AS Z`,
      ),
    ).toEqual({
      X: '',
      Y: 'f',
      Z: 'fo',
    });
  });
  it('CHAR(n) is fixed-length: padded with spaces to n (VARCHAR(n) is only cut)', () => {
    expect(
      eval1(`CAST(B AS CHAR(10)) || '|' AS X, CAST(B AS VARCHAR(10)) || '|' AS Y, CAST(B AS CHAR(3)) AS Z`),
    ).toEqual({
      X: 'foobar    |',
      Y: 'foobar|',
      Z: 'foo',
    });
    // Blank-padded values still equal their unpadded text: 'foobar    ' = 'foobar'.
    expect(eval1(`CAST(B AS CHAR(10)) = B AS X, CAST(B AS CHAR(10)) > 'foobaq' AS Y`)).toEqual({
      X: true,
      Y: true,
    });
  });
});

describe('Numeric, datetime and interval operators', () => {
  it('ABS of a number and of an interval; intervals multiply, divide and negate', () => {
    expect(eval1(`ABS(N) AS A, CAST(ABS(INTERVAL '-2' DAY) AS VARCHAR(8)) AS I`)).toEqual({ A: 3, I: '+2' });
    expect(
      eval1(`CAST(INTERVAL '1' DAY * 2 AS VARCHAR(20)) AS X, CAST(-INTERVAL '3' HOUR / 2 AS VARCHAR(20)) AS Y,
        EXTRACT(MINUTE FROM -INTERVAL '3' HOUR / 2) AS Z`),
    ).toEqual({ X: '+2', Y: '-1', Z: -30 }); // an HOUR interval prints whole hours; the 30 minutes are kept
  });
  it('interval ± interval spans both qualifiers: DAY + HOUR is DAY TO HOUR', () => {
    expect(
      eval1(`CAST(INTERVAL '2' DAY + INTERVAL '3' HOUR AS VARCHAR(20)) AS X,
        CAST(INTERVAL '1:30' HOUR TO MINUTE - INTERVAL '45' SECOND AS VARCHAR(20)) AS Y`),
    ).toEqual({ X: '+2 03', Y: '+1:29:15' });
  });
  it('the operators page’s interval examples print as the page prints them (+4 04, -2 04, +4-04, +6:11)', () => {
    // "Date, Timestamp, and Interval Operators": examples 1–6 and the first of "more examples".
    expect(
      eval1(`CAST(INTERVAL '1' DAY + INTERVAL '3' DAY AS VARCHAR(20)) AS E1,
        CAST(INTERVAL '1' DAY + INTERVAL '3 4' DAY TO HOUR AS VARCHAR(20)) AS E2,
        CAST(INTERVAL '1' DAY - INTERVAL '3 4' DAY TO HOUR AS VARCHAR(20)) AS E3,
        CAST(INTERVAL '1' YEAR + INTERVAL '3-4' YEAR TO MONTH AS VARCHAR(20)) AS E4,
        CAST(2 * INTERVAL '3 4' DAY TO HOUR AS VARCHAR(20)) AS E5,
        CAST(INTERVAL '3 4' DAY TO HOUR / 2 AS VARCHAR(20)) AS E6,
        CAST((TIME '12:03:34' - TIME '11:57:23') MINUTE TO SECOND AS VARCHAR(8)) AS M1,
        CAST(INTERVAL '2 3:4:5.678' DAY TO SECOND AS VARCHAR(20)) AS MS`),
    ).toEqual({
      E1: '+4',
      E2: '+4 04',
      E3: '-2 04',
      E4: '+4-04',
      // The page prints examples 5 and 6 as literals without sign or padding ('6 8', ' 1 14'),
      // unlike 2–4; the value is the same: 6 days 8 hours, 1 day 14 hours.
      E5: '+6 08',
      E6: '+1 14',
      M1: '+6:11',
      MS: '+2 03:04:05.678', // milliseconds print when there are some
    });
  });
  it('EXTRACT(SECOND …) keeps the fraction (34.567); the other fields are whole', () => {
    expect(
      eval1(`EXTRACT(SECOND FROM T) AS S, EXTRACT(MINUTE FROM T) AS M, EXTRACT(YEAR FROM D) AS Y`),
    ).toEqual({
      S: 34.567,
      M: 3,
      Y: 2008,
    });
  });
  it('datetime differences with a qualifier: DAY TO SECOND, MINUTE (truncated), DAY for dates', () => {
    expect(
      eval1(`CAST((T - TIMESTAMP '2004-04-01 11:44:12') DAY TO SECOND AS VARCHAR(30)) AS A,
        CAST((T - TIMESTAMP '2004-04-01 11:44:12') MINUTE AS VARCHAR(30)) AS B,
        CAST((D - DATE '2008-08-23') DAY AS VARCHAR(10)) AS C,
        CAST((D - DATE '2007-06-30') YEAR TO MONTH AS VARCHAR(10)) AS E`),
    ).toEqual({ A: '+30 00:19:22.567', B: '+43219', C: '+2', E: '+1-01' });
  });
  it('STEP by a year-month interval rounds down to whole months / years', () => {
    expect(
      eval1(
        `STEP(T BY INTERVAL '1' MONTH) AS A, STEP(T BY INTERVAL '3' MONTH) AS B, STEP(T BY INTERVAL '2' YEAR) AS C`,
      ),
    ).toEqual({ A: '2004-05-01 00:00:00.000', B: '2004-04-01 00:00:00.000', C: '2004-01-01 00:00:00.000' });
  });
  it('a tumbling window by STEP(ROWTIME BY INTERVAL 1 MONTH) closes at each month’s end (31, 29, 31 days)', () => {
    const rows = ['2024-01-05', '2024-01-31 23:59:59', '2024-02-01', '2024-03-15'].map((t, i) => ({
      ROWTIME: t.length === 10 ? `${t} 00:00:00` : t,
      N: 2 ** i,
    }));
    const out = rowsOf(
      runSql(`SELECT STREAM SUM(N) AS T FROM S GROUP BY STEP(S.ROWTIME BY INTERVAL '1' MONTH);`, [
        { name: 'S', schema: 'N INTEGER', rows },
      ]),
      'QUERY_1',
    );
    expect(out).toEqual([
      { ROWTIME: '2024-02-01 00:00:00.000', T: 3 },
      { ROWTIME: '2024-03-01 00:00:00.000', T: 4 },
      { ROWTIME: '2024-04-01 00:00:00.000', T: 8 },
    ]);
  });
  it('refuses what the reference refuses, with a position', () => {
    expect(refuse(`D - DATE '2008-08-23' AS X`)).toBe(
      '1:15: DATE - DATE needs an interval qualifier: write (d1 - d2) DAY',
    );
    expect(refuse(`TIME '10:00:00' - T AS X`)).toMatch(/^1:15: Cannot subtract TIMESTAMP from TIME/);
    expect(refuse(`(TIME '10:00:00' - T) HOUR AS X`)).toMatch(/^1:16: Cannot subtract TIMESTAMP from TIME/);
    expect(refuse(`DATE '2001-02-29' AS X`)).toBe(
      "1:20: '2001-02-29' is not a valid DATE literal (expected like '2024-01-01')",
    );
    expect(refuse(`DATE '2024-13-01' AS X`)).toMatch(/^1:20: '2024-13-01' is not a valid DATE literal/);
    expect(refuse(`INTERVAL '100' DAY AS X`)).toBe(
      '1:24: Interval field value 100 exceeds the precision of DAY(2): write DAY(3)',
    );
    expect(refuse(`INTERVAL '100' DAY(3) AS X`)).toBe('accepted');
    expect(refuse(`INTERVAL '1' DAY(11) AS X`)).toBe(
      '1:32: Interval precision of DAY must be between 1 and 10',
    );
  });
});

describe('Boolean aggregates (SQL:2003; not among the KDA reference’s aggregate pages we could check)', () => {
  const FLAGS = {
    name: 'S',
    schema: 'K VARCHAR(1), OK BOOLEAN',
    rows: [
      { ROWTIME: '2024-01-01 10:00:01', K: 'a', OK: true },
      { ROWTIME: '2024-01-01 10:00:02', K: 'a', OK: null },
      { ROWTIME: '2024-01-01 10:00:03', K: 'b', OK: false },
      { ROWTIME: '2024-01-01 10:00:04', K: 'b', OK: true },
      { ROWTIME: '2024-01-01 10:00:05', K: 'c', OK: null },
    ],
  };
  it('EVERY, SOME and ANY per tumbling group; NULLs ignored, an all-NULL group gives NULL', () => {
    const out = rowsOf(
      runSql(
        `SELECT STREAM K, EVERY(OK) AS E, SOME(OK) AS S, ANY(OK) AS A FROM S
         GROUP BY K, STEP(S.ROWTIME BY INTERVAL '1' MINUTE);`,
        [FLAGS],
      ),
      'QUERY_1',
    ).map((r) => [r.K, r.E, r.S, r.A]);
    expect(out).toEqual([
      ['a', true, true, true],
      ['b', false, true, true],
      ['c', null, null, null],
    ]);
  });
  it('over a sliding window, and refused on a non-BOOLEAN argument', () => {
    const out = rowsOf(
      runSql(`SELECT STREAM EVERY(OK) OVER (ROWS 1 PRECEDING) AS E FROM S;`, [FLAGS]),
      'QUERY_1',
    ).map((r) => r.E);
    expect(out).toEqual([true, true, false, false, true]);
    expect(refuse(`EVERY(N) OVER (ROWS 1 PRECEDING) AS X`)).toMatch(
      /EVERY needs a BOOLEAN argument, not INTEGER/,
    );
  });
});
