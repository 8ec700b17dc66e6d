/**
 * Generated SQL for the "no input crashes the engine" property (src/sql/parse-fuzz.test.ts at a
 * small count, fuzz/sql.fuzz.ts at 10^5): valid queries of the reference's shapes, mutated token
 * by token, and free token soup. Whatever the text, parseSql / checkSql / createSqlApp must answer
 * with problems that carry a line:column, and an app that compiles must run rows without throwing.
 */
import fc from 'fast-check';
import { checkSql, createSqlApp, SqlCompileError } from './index.ts';
import { parseSchema } from './schema.ts';
import type { SqlValue } from './types.ts';

const COLUMNS = parseSchema(
  'K VARCHAR(8), N INTEGER, X DOUBLE, F BOOLEAN, T TIMESTAMP, M VARCHAR(64), "constructor" VARCHAR(4), "__proto__" INTEGER',
);

const SEEDS = [
  `SELECT STREAM K, N + 1 AS P FROM "IN" WHERE F IS NOT DISTINCT FROM TRUE;`,
  `SELECT STREAM K, COUNT(*) AS C FROM "IN" GROUP BY K, STEP("IN".ROWTIME BY INTERVAL '10' SECOND);`,
  `SELECT STREAM SUM(N) OVER (PARTITION BY K ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS S FROM "IN";`,
  `SELECT STREAM ROWTIME, a.K, b.N FROM "IN" OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS a RIGHT JOIN "IN" AS b ON a.K = b.K;`,
  `SELECT STREAM t.r."COLUMN1" FROM (SELECT STREAM FAST_REGEX_LOG_PARSE(M, '(\\w+) (\\d+)') FROM "IN") t(r);`,
  `SELECT STREAM CAST((T - TIMESTAMP '2024-01-01 00:00:00') DAY TO SECOND AS VARCHAR(30)) AS D, EXTRACT(SECOND FROM T) AS S FROM "IN";`,
  `SELECT STREAM SUBSTRING(M SIMILAR '%#"a_c#"%' ESCAPE '#') AS X, M SIMILAR TO '(a|b)+' AS Y, CAST(K AS CHAR(4)) AS Z FROM "IN";`,
  `CREATE OR REPLACE STREAM "OUT" (K VARCHAR(8), C INTEGER); CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT" SELECT STREAM K, COUNT(*) FROM "IN" WINDOWED BY STAGGER (PARTITION BY K RANGE INTERVAL '1' MINUTE);`,
  `SELECT STREAM l.r.A FROM (SELECT STREAM VARIABLE_COLUMN_LOG_PARSE(M, 'A VARCHAR(4), B INTEGER', ',') AS r FROM "IN") AS l;`,
  `SELECT STREAM STEP(T BY INTERVAL '1' MONTH) AS MO, ABS(INTERVAL '-1' DAY) AS A, NOT F IS TRUE AS B FROM "IN";`,
  `SELECT STREAM "constructor", "__proto__" + 1 AS P, EVERY(F) AS E FROM "IN" GROUP BY "constructor", "__proto__", STEP("IN".ROWTIME BY INTERVAL '1' SECOND);`,
];

const TOKENS = (
  'SELECT STREAM FROM WHERE GROUP BY ORDER OVER WINDOW AS ON JOIN LEFT RIGHT OUTER ROWS RANGE BETWEEN AND OR NOT IS ' +
  'NULL TRUE DISTINCT INTERVAL DAY SECOND MINUTE MONTH TO PRECEDING FOLLOWING CURRENT ROW CAST CASE WHEN THEN ELSE END ' +
  'SIMILAR ESCAPE SUBSTRING STEP EXTRACT ABS COUNT SUM ROWTIME K N X F T M "IN" t r ( ) , ; . * + - / = < > || ' +
  '\'1\' \'2024-02-30\' \'%#"x#"%\' \'(\' 1 0 -1 99999999999 1.5 1e308 "COLUMN1" constructor __proto__ "constructor" "__proto__" "toString"'
).split(' ');

const tokenize = (s: string) => s.split(/(\s+|[(),;])/).filter((x) => x.trim() !== '');

/** A seed query with a few tokens replaced, deleted, duplicated or inserted. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('replace', 'delete', 'insert', 'dup'), fc.constantFrom(...TOKENS)),
      { maxLength: 4 },
    ),
  )
  .map(([seed, edits]) => {
    const toks = tokenize(seed);
    for (const [at, op, tok] of edits) {
      const i = at % Math.max(1, toks.length);
      if (op === 'replace') toks[i] = tok;
      else if (op === 'delete') toks.splice(i, 1);
      else if (op === 'insert') toks.splice(i, 0, tok);
      else toks.splice(i, 0, toks[i] ?? tok);
    }
    return toks.join(' ');
  });

const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(' '));
const nested = fc
  .tuple(fc.integer({ min: 150, max: 3000 }), fc.constantFrom('(', 'NOT ', '- ', 'ABS('))
  .map(
    ([n, open]) => `SELECT STREAM ${open.repeat(n)}1${open.endsWith('(') ? ')'.repeat(n) : ''} FROM "IN";`,
  );

export const generatedSql: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mutated },
  { weight: 2, arbitrary: soup },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: nested },
);

const ROWS: SqlValue[][] = [
  ['a', 1, 1.5, true, Date.UTC(2024, 0, 1), 'abc 12', 'c', 1],
  [null, null, null, null, null, null, null, null],
  ['b', 0, Number.NaN, false, Date.UTC(2024, 1, 29), 'x,7', 'd', -1],
];

/** Throws (so fast-check reports the text) when the engine crashes instead of answering. */
export function engineAnswers(sql: string): void {
  const inputs = [{ name: 'IN', columns: COLUMNS }];
  for (const p of checkSql(sql, inputs)) {
    if (!(p.line >= 1 && p.column >= 1)) throw new Error(`problem without a position: ${p.message}`);
  }
  let app: ReturnType<typeof createSqlApp>;
  try {
    app = createSqlApp(sql, { inputs, seed: 3 });
  } catch (err) {
    if (err instanceof SqlCompileError && err.problems.every((p) => p.line >= 1 && p.column >= 1)) return;
    throw err;
  }
  let t = Date.UTC(2024, 0, 1);
  for (const values of ROWS) {
    t += 1500;
    app.push('IN', { rowtime: t, values });
  }
  app.advanceTo(Number.POSITIVE_INFINITY);
  app.drain();
}
