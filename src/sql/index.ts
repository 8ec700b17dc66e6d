/**
 * The Kinesis Data Analytics SQL engine: parse, check (with fixes) and run SQL applications.
 *
 *   parseSql(text)            → { ok: true, program } | { ok: false, errors }
 *   checkSql(text, inputs)    → SqlProblem[] (parse + validate; may carry a one-click fix)
 *   createSqlApp(text, opts)  → SqlApp: push(input, row), advanceTo(ms), drain()
 */
import { buildApp, type SqlApp } from './app.ts';
import { parseSql } from './parser.ts';
import type { SqlProblem } from './problems.ts';
import { analyzeProgram } from './program.ts';
import type { Column, Row } from './types.ts';

export type { SqlApp } from './app.ts';
export type { Program, Select, Statement } from './ast.ts';
export { checkSql } from './check.ts';
// Everything else the engine, the studio and the CLI use: this file is the module's only entrance.
export { analyticsInputs, analyticsProblems, toColumns } from './design.ts';
export { discoverSchema } from './discover.ts';
export { parseTypeName, SCALAR_FUNCTIONS, splitTopLevel } from './functions/index.ts';
export { formatTimestamp, parseTimestamp } from './literals.ts';
export { parseSql } from './parser.ts';
export { printCommonForm, printExpr, printSelect } from './printer.ts';
export type { SqlProblem } from './problems.ts';
export { ERROR_COLUMNS, ERROR_STREAM } from './program.ts';
export { displayRow, formatValue, parseSchema } from './schema.ts';
export { TABLE_FUNCTIONS } from './tablefns/index.ts';
export type { Column, Row, SqlType, SqlValue } from './types.ts';

export interface SqlAppOptions {
  inputs: { name: string; columns: Column[] }[];
  reference?: { name: string; columns: Column[]; rows: Row[] }[];
  seed: number;
}

/** Thrown by createSqlApp for SQL with errors; `problems` are what checkSql reports. */
export class SqlCompileError extends Error {
  override name = 'SqlCompileError';
  constructor(readonly problems: SqlProblem[]) {
    const first = problems[0];
    super(first ? `${first.line}:${first.column}: ${first.message}` : 'Invalid SQL');
  }
}

export function createSqlApp(text: string, opts: SqlAppOptions): SqlApp {
  const parsed = parseSql(text);
  if (!parsed.ok) throw new SqlCompileError(parsed.errors);
  let a: ReturnType<typeof analyzeProgram>;
  try {
    a = analyzeProgram(parsed.program, { inputs: opts.inputs, reference: opts.reference });
  } catch (err) {
    // Never a stack for the user: whatever slipped past the checks is reported at its statement.
    const first = parsed.program.statements[0]?.span;
    throw new SqlCompileError([
      {
        severity: 'error',
        message: `This SQL could not be compiled: ${err instanceof Error ? err.message : String(err)}`,
        line: first?.line ?? 1,
        column: first?.column ?? 1,
        endLine: first?.endLine ?? 1,
        endColumn: first?.endColumn ?? 1,
      },
    ]);
  }
  const errors = a.problems.list.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new SqlCompileError(errors.sort((x, y) => x.line - y.line || x.column - y.column));
  return buildApp(
    a,
    opts.inputs.map((i) => i.name),
    opts.seed,
  );
}
