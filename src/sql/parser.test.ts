/**
 * Parser: the dialect's forms, exact error positions, and fuzzing (any text parses or is rejected
 * at a position inside the text; the checker never throws).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, Select } from './ast.ts';
import { checkSql, parseSql, printExpr } from './index.ts';
import { parseSchema } from './schema.ts';

function firstQuery(sql: string): Select {
  const r = parseSql(sql);
  if (!r.ok) throw new Error(r.errors[0]?.message);
  const st = r.program.statements[0];
  if (!st || (st.kind !== 'query' && st.kind !== 'createPump')) throw new Error('no query');
  return st.query;
}
const firstExpr = (sql: string): Expr =>
  (firstQuery(`SELECT STREAM ${sql} FROM s;`).items[0] as { expr: Expr }).expr;

describe('parsing the KDA dialect', () => {
  it('streams, pumps with column lists, top-level queries named QUERY_1, QUERY_2 in order', () => {
    const r = parseSql(`-- a comment
      CREATE OR REPLACE STREAM "Out" (id INTEGER, "Name" VARCHAR(8), amount DECIMAL(10,2), t TIMESTAMP);
      /* block
         comment */
      CREATE OR REPLACE PUMP "P" AS INSERT INTO "Out" (id, "Name") SELECT STREAM a, b FROM "In";
      SELECT STREAM * FROM "In";
      SELECT STREAM x FROM "Out"`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s, p, q1, q2] = r.program.statements;
    expect(s).toMatchObject({ kind: 'createStream', name: { name: 'Out', quoted: true } });
    expect(s?.kind === 'createStream' && s.columns.map((c) => [c.name.name, c.typeText])).toEqual([
      ['ID', 'INTEGER'],
      ['Name', 'VARCHAR(8)'],
      ['AMOUNT', 'DECIMAL(10,2)'],
      ['T', 'TIMESTAMP'],
    ]);
    expect(p?.kind === 'createPump' && p.columns?.map((c) => c.name)).toEqual(['ID', 'Name']);
    expect([q1, q2].map((q) => q?.kind === 'query' && q.queryName)).toEqual(['QUERY_1', 'QUERY_2']);
  });

  it('precedence: AND binds tighter than OR, * tighter than +, || below +', () => {
    const or = firstExpr('a OR b AND c');
    expect(or.kind === 'binary' && [or.op, or.right.kind === 'binary' && or.right.op]).toEqual(['OR', 'AND']);
    expect(printExpr(or)).toBe('a OR b AND c');
    const e = firstExpr('1 + 2 * 3 - -x');
    expect(e.kind === 'binary' && e.op).toBe('-');
    const c = firstExpr("'a' || 1 + 2");
    expect(c.kind === 'binary' && c.op).toBe('||');
  });

  it('literals: strings with quotes, intervals in ms, timestamps in UTC ms, signed numbers', () => {
    expect(firstExpr("'it''s'")).toMatchObject({ kind: 'literal', value: "it's" });
    expect(firstExpr("INTERVAL '1:30' MINUTE TO SECOND")).toMatchObject({ kind: 'interval', value: 90_000 });
    expect(firstExpr("INTERVAL '2 03:00:00' DAY TO SECOND")).toMatchObject({
      value: 2 * 86_400_000 + 3 * 3_600_000,
    });
    expect(firstExpr("INTERVAL '1-6' YEAR TO MONTH")).toMatchObject({ value: 18, yearMonth: true });
    expect(firstExpr("TIMESTAMP '2024-01-01 00:00:01.5'")).toMatchObject({
      value: Date.UTC(2024, 0, 1, 0, 0, 1, 500),
    });
    expect(firstExpr('-2147483648')).toMatchObject({ kind: 'literal', value: -2147483648 });
  });

  it('window clauses, stagger, joins with windows, table functions', () => {
    const q = firstQuery(`SELECT STREAM SUM(x) OVER w AS s, LAG(x, 2) OVER (PARTITION BY k ROWS 5 PRECEDING)
      FROM a AS l JOIN b OVER (RANGE INTERVAL '10' SECOND PRECEDING) AS r ON l.id = r.id
      WINDOW w AS (PARTITION BY k RANGE INTERVAL '1' HOUR PRECEDING);`);
    expect(q.windows[0]?.spec.frame).toMatchObject({ type: 'RANGE', ms: 3_600_000 });
    expect(
      q.from.kind === 'join' && q.from.right.kind === 'stream' && q.from.right.window?.frame,
    ).toMatchObject({ ms: 10_000 });
    const st = firstQuery(
      `SELECT STREAM k, COUNT(*) FROM a WINDOWED BY STAGGER (PARTITION BY k RANGE INTERVAL '30' SECOND);`,
    );
    expect(st.stagger?.ms).toBe(30_000);
    const tf = firstQuery(
      `SELECT STREAM * FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM * FROM "S"), 100, 256, 100000, 1));`,
    );
    expect(tf.from.kind === 'tableFn' && tf.from.args.length).toBe(4);
  });

  it('errors point at the offending token, 1-based', () => {
    const cases: [string, number, number, string][] = [
      // At the end of the text the error sits on the last token (the text has no column 29).
      ['SELECT STREAM a FROM s WHERE', 1, 28, 'Expected an expression, found the end of the text'],
      ['SELECT STREAM a\nFROM s\nGROUP a', 3, 7, "Expected BY after GROUP, found 'a'"],
      ["SELECT STREAM 'abc FROM s", 1, 15, "Unterminated string literal: close it with '"],
      [
        'SELECT STREAM a FROM s;;\n  garbage',
        2,
        3,
        "Expected CREATE OR REPLACE STREAM, CREATE OR REPLACE PUMP or SELECT STREAM, found 'garbage'",
      ],
      [
        "SELECT STREAM INTERVAL '1:xx' MINUTE TO SECOND FROM s",
        1,
        24,
        "'1:xx' is not a valid interval: 'xx' is not a number of seconds",
      ],
      [
        'CREATE OR REPLACE STREAM "X" (a FOO)',
        1,
        33,
        'Unknown type FOO: use e.g. VARCHAR(n), INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), BOOLEAN, TIMESTAMP',
      ],
      ['SELECT STREAM a FROM s LIMIT 10', 1, 24, 'LIMIT is not supported on a stream: a stream never ends'],
    ];
    for (const [sql, line, column, message] of cases) {
      const r = parseSql(sql);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0], sql).toMatchObject({ line, column, message });
    }
  });
});

/** Where a problem may point: a real line, and a column within it (or just past its end). */
function inside(text: string, p: { line: number; column: number }): boolean {
  const lines = text.split('\n');
  if (text.length === 0) return p.line === 1 && p.column === 1;
  const l = lines[p.line - 1];
  return l !== undefined && p.column >= 1 && p.column <= Math.max(1, l.length + 1);
}

const VOCAB = [
  'SELECT',
  'STREAM',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'HAVING',
  'WINDOW',
  'AS',
  'OVER',
  'PARTITION',
  'RANGE',
  'ROWS',
  'INTERVAL',
  "'1'",
  'MINUTE',
  'SECOND',
  'TO',
  'PRECEDING',
  'CREATE',
  'OR',
  'REPLACE',
  'PUMP',
  'INSERT',
  'INTO',
  'JOIN',
  'LEFT',
  'OUTER',
  'ON',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'INTEGER',
  'VARCHAR(4)',
  'AND',
  'NOT',
  'NULL',
  'IS',
  'TRUE',
  'IN',
  'LIKE',
  'BETWEEN',
  'STEP',
  'FLOOR',
  'COUNT',
  'SUM',
  '(',
  ')',
  ',',
  ';',
  '*',
  '+',
  '-',
  '/',
  '=',
  '<>',
  '||',
  '.',
  'a',
  'b',
  '"S"',
  'ROWTIME',
  '1',
  '2.5',
  "'x'",
  'TABLE',
  'CURSOR',
  '\n',
  '-- c\n',
];

describe('fuzzing', () => {
  const inputs = [{ name: 'S', columns: parseSchema('A INTEGER, B VARCHAR(8)') }];
  it('arbitrary text: parses, or is rejected at a line:column inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseSql(text);
        if (!r.ok) for (const e of r.errors) expect(inside(text, e), JSON.stringify({ text, e })).toBe(true);
        for (const p of checkSql(text, inputs)) expect(inside(text, p)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('SQL-shaped token soup: the same, and checkSql never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCAB), { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const r = parseSql(text);
        if (!r.ok) for (const e of r.errors) expect(inside(text, e)).toBe(true);
        for (const p of checkSql(text, inputs)) expect(inside(text, p)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
