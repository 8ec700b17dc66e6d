/** A problem found in SQL text, positioned for the editor's markers (1-based, end inclusive). */
export interface SqlProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A one-click fix: `text` is the whole corrected SQL. */
  fix?: { title: string; text: string };
}
