/**
 * Loads SQL-CORE's `checkSql` lazily (it pulls in the parser). The glob keeps this module building
 * even in a tree where `src/sql/index.ts` is absent: the editor then shows no markers.
 */
import type { SqlProblem } from '../../sql/problems.ts';
import type { Column } from '../../sql/types.ts';

export type CheckSql = (text: string, inputs: { name: string; columns: Column[] }[]) => SqlProblem[];

const modules = import.meta.glob<{ checkSql?: CheckSql }>('../../sql/index.ts');
const loader = Object.values(modules)[0];

let pending: Promise<CheckSql | null> | null = null;

export function loadCheckSql(): Promise<CheckSql | null> {
  pending ??= loader ? loader().then((m) => m.checkSql ?? null) : Promise.resolve(null);
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
