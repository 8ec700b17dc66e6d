/** Loads the SQL engine's `checkSql` lazily (it pulls in the parser and the function library). */
import type { Column, SqlProblem } from '../../sql/index.ts';

export type CheckSql = (text: string, inputs: { name: string; columns: Column[] }[]) => SqlProblem[];

let pending: Promise<CheckSql | null> | null = null;

export function loadCheckSql(): Promise<CheckSql | null> {
  pending ??= import('../../sql/index.ts').then((m) => m.checkSql);
  return pending;
}

/** Runs the check, turning an unexpected exception into a problem at 1:1 rather than a crash. */
export function safeCheck(
  check: CheckSql,
  text: string,
  inputs: { name: string; columns: Column[] }[],
): SqlProblem[] {
  try {
    return check(text, inputs);
  } catch (e) {
    return [
      {
        severity: 'error',
        message: `SQL check failed: ${(e as Error).message}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    ];
  }
}
