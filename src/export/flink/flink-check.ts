/**
 * Test helper (Node only: dt-sql-parser is a devDependency): the problems dt-sql-parser's Flink SQL
 * grammar finds in a text, as `line:column message`, with the ANTLR console chatter silenced.
 */
import { FlinkSQL } from 'dt-sql-parser';

const parser = new FlinkSQL();

export function flinkProblems(sql: string): string[] {
  const log = console.log;
  const err = console.error;
  console.log = () => {};
  console.error = () => {};
  try {
    return parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
  } finally {
    console.log = log;
    console.error = err;
  }
}
