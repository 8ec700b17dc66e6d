/**
 * Test helper (Node only: dt-sql-parser is a devDependency): the problems dt-sql-parser's Flink SQL
 * grammar finds in a text, as `line:column message`, with the ANTLR console chatter silenced.
 */
import { FlinkSQL } from 'dt-sql-parser';

const parser = new FlinkSQL();
// This layer compiles without DOM or Node types (tsconfig.core.json): reach the console untyped.
type Log = (...args: unknown[]) => void;
const con = (globalThis as unknown as { console: { log: Log; error: Log } }).console;

export function flinkProblems(sql: string): string[] {
  const { log, error } = con;
  con.log = () => {};
  con.error = () => {};
  try {
    return parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
  } finally {
    con.log = log;
    con.error = error;
  }
}
