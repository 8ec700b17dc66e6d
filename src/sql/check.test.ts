/**
 * The validator: what KDA rejects, where, and the one-click fixes (the source talk's query first).
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from './index.ts';
import { parseSchema } from './schema.ts';
import { rowsOf, runSql } from './testkit.ts';

const SOURCE = [
  {
    name: 'SOURCE_SQL_STREAM_001',
    columns: parseSchema('HAS_MUSTACH BOOLEAN, AGE INTEGER, NAME VARCHAR(16)'),
  },
];
const errors = (sql: string) => checkSql(sql, SOURCE).filter((p) => p.severity === 'error');

describe("the source talk's moustache query", () => {
  const TALK = `SELECT STREAM COUNT(*) AS MUSTACH_COUNT, STEP(ROWTIME BY INTERVAL '1' SECOND) FROM SOURCE_STREAM WHERE HAS_MUSTACH = TRUE;`;

  it('is rejected for aggregating a stream without a ROWTIME GROUP BY, at COUNT(*)', () => {
    const p = errors(TALK).find((x) => x.message.startsWith('An aggregate over a stream needs a GROUP BY'));
    expect(p).toMatchObject({ line: 1, column: 15, endLine: 1, endColumn: 22 });
    expect(p?.message).toContain("GROUP BY STEP(ROWTIME BY INTERVAL '1' SECOND)");
  });

  it('names the unknown stream and the one input it probably meant', () => {
    const p = errors(TALK).find((x) => x.message.startsWith('Unknown stream'));
    expect(p).toMatchObject({ line: 1, column: 84, endColumn: 96 });
    expect(p?.message).toBe(
      'Unknown stream SOURCE_STREAM: the application\'s input stream is "SOURCE_SQL_STREAM_001"',
    );
    expect(p?.fix?.text).toContain('FROM "SOURCE_SQL_STREAM_001" WHERE');
  });

  it('is fixed into a stream and a pump grouped by the STEP expression, which then counts per second', () => {
    const fix = errors(TALK).find((x) => x.message.startsWith('An aggregate'))?.fix;
    expect(fix?.text).toBe(
      [
        'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (MUSTACH_COUNT INTEGER, WINDOW_TIME TIMESTAMP);',
        'CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"',
        'SELECT STREAM COUNT(*) AS MUSTACH_COUNT, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'1\' SECOND) AS WINDOW_TIME',
        'FROM "SOURCE_SQL_STREAM_001"',
        'WHERE HAS_MUSTACH = TRUE',
        'GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'1\' SECOND);',
      ].join('\n'),
    );
    expect(checkSql(fix?.text ?? '', SOURCE)).toEqual([]);
    // 2.5 s of faces, one every 100 ms, every other one with a moustache.
    const rows = Array.from({ length: 25 }, (_, i) => ({
      ROWTIME: Date.UTC(2024, 0, 1) + i * 100,
      HAS_MUSTACH: i % 2 === 0,
      AGE: 30,
      NAME: 'x',
    }));
    const out = rowsOf(
      runSql(fix?.text ?? '', [
        { name: 'SOURCE_SQL_STREAM_001', schema: 'HAS_MUSTACH BOOLEAN, AGE INTEGER, NAME VARCHAR(16)', rows },
      ]),
      'DESTINATION_SQL_STREAM',
    );
    expect(out).toEqual([
      { ROWTIME: '2024-01-01 00:00:01.000', MUSTACH_COUNT: 5, WINDOW_TIME: '2024-01-01 00:00:00.000' },
      { ROWTIME: '2024-01-01 00:00:02.000', MUSTACH_COUNT: 5, WINDOW_TIME: '2024-01-01 00:00:01.000' },
      { ROWTIME: '2024-01-01 00:00:03.000', MUSTACH_COUNT: 3, WINDOW_TIME: '2024-01-01 00:00:02.000' },
    ]);
  });
});

describe('streaming rules', () => {
  it('GROUP BY without a ROWTIME-based key never closes: rejected, with a fix that adds STEP', () => {
    const sql = 'SELECT STREAM NAME, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001" GROUP BY NAME;';
    const [p] = errors(sql);
    expect(p?.message).toMatch(/^GROUP BY on a stream needs a ROWTIME-based \(monotonic\) expression/);
    expect(p).toMatchObject({ line: 1, column: 73 });
    expect(p?.fix?.text).toBe(
      'SELECT STREAM NAME, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001" GROUP BY NAME, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL \'1\' MINUTE);',
    );
    expect(errors(p?.fix?.text ?? '')).toEqual([]);
  });

  it('MONOTONIC(expr) satisfies the rule', () => {
    expect(
      errors('SELECT STREAM AGE, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001" GROUP BY MONOTONIC(AGE);'),
    ).toEqual([]);
  });

  it('SELECT without STREAM on a stream, fixed by adding STREAM', () => {
    const [p] = errors('SELECT NAME FROM "SOURCE_SQL_STREAM_001";');
    expect(p).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('needs SELECT STREAM') });
    expect(p?.fix?.text).toBe('SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001";');
  });

  it('a pump into an undeclared stream', () => {
    const sql =
      'CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001";';
    expect(errors(sql)[0]).toMatchObject({
      line: 1,
      column: 43,
      message: expect.stringContaining('Unknown stream "OUT": declare it first'),
    });
  });

  it('a pump whose select list does not fit the stream, by count and by type', () => {
    const head = 'CREATE OR REPLACE STREAM "OUT" (A INTEGER, B VARCHAR(8));\n';
    const count = `${head}CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM AGE FROM "SOURCE_SQL_STREAM_001";`;
    expect(errors(count)[0]?.message).toContain('The query gives 1 column but "OUT" takes 2');
    const type = `${head}CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM NAME, AGE FROM "SOURCE_SQL_STREAM_001";`;
    expect(errors(type).map((p) => p.message)).toEqual([
      'Column A of "OUT" is INTEGER but the query gives VARCHAR(16) (NAME): use CAST(… AS INTEGER)',
      'Column B of "OUT" is VARCHAR(8) but the query gives INTEGER (AGE): use CAST(… AS VARCHAR(8))',
    ]);
  });

  it('quoted names are case-sensitive, bare ones are upper-cased', () => {
    expect(errors('SELECT STREAM "age" FROM "SOURCE_SQL_STREAM_001";')[0]?.message).toBe(
      'Column "age" not found: quoted names are case-sensitive: write AGE',
    );
    expect(errors('SELECT STREAM age, Age, "AGE" FROM "SOURCE_SQL_STREAM_001";')).toEqual([]);
    expect(errors('SELECT STREAM AGE FROM source_sql_stream_001;')).toEqual([]);
    expect(errors('SELECT STREAM AGE FROM "source_sql_stream_001";')[0]?.message).toBe(
      'Unknown stream "source_sql_stream_001": quoted names are case-sensitive, write "SOURCE_SQL_STREAM_001"',
    );
  });

  it('unknown functions at their position, with a suggestion; bad argument types from the library', () => {
    const [p] = errors('SELECT STREAM UPPR(NAME) FROM "SOURCE_SQL_STREAM_001";');
    expect(p).toMatchObject({
      line: 1,
      column: 15,
      endColumn: 18,
      message: 'Unknown function UPPR: did you mean UPPER?',
    });
    expect(errors('SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001" WHERE AGE + NAME > 1;')[0]?.message).toBe(
      '+ needs numbers (or a datetime and an INTERVAL): got INTEGER + VARCHAR(16)',
    );
  });

  it('non-grouped columns in an aggregate query', () => {
    const sql = `SELECT STREAM NAME, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001"
      GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' MINUTE);`;
    expect(errors(sql)[0]).toMatchObject({
      line: 1,
      column: 15,
      message: 'NAME must be in GROUP BY or inside an aggregate such as MAX(NAME)',
    });
  });

  it('a streaming ORDER BY must lead with a ROWTIME key (the anomaly template passes, with a note)', () => {
    expect(errors('SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001" ORDER BY AGE DESC;')[0]?.message).toBe(
      'A streaming ORDER BY must start with a ROWTIME-based key, e.g. ORDER BY FLOOR(ROWTIME TO SECOND), …',
    );
    const sql = `SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001" ORDER BY FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO SECOND), AGE DESC;`;
    expect(checkSql(sql, SOURCE).map((p) => [p.severity, p.column])).toEqual([['warning', 108]]);
  });

  it('WHERE must be a condition; aggregates are not allowed there', () => {
    expect(errors('SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001" WHERE AGE;')[0]?.message).toBe(
      'WHERE needs a condition (BOOLEAN), not INTEGER',
    );
    expect(
      errors('SELECT STREAM NAME FROM "SOURCE_SQL_STREAM_001" WHERE COUNT(*) > 1;')[0]?.message,
    ).toContain('Aggregate COUNT is not allowed in WHERE');
  });
});
