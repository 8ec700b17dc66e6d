/**
 * Reading a design file for the CLI commands (run, plan, export, lessons check): the file is read,
 * parsed, migrated and validated as an import is; a problem is one line `FILE: message` (with its
 * line and column, or `at path`) on stderr, and the command exits 1.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from '../export/document.ts';
import type { PipelineDoc } from '../model/types.ts';

export function readDesign(file: string): PipelineDoc | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`Cannot read ${file}: ${(e as Error).message}\n`);
    return null;
  }
  const parsed = parseDocument(text);
  if (parsed.ok) return parsed.doc;
  const { error } = parsed;
  // A JSON syntax error's message already names its line and column; a schema error names a path.
  const where = error.path && !error.message.includes(error.path) ? ` at ${error.path}` : '';
  process.stderr.write(`${file}: ${error.message}${where}\n`);
  return null;
}
