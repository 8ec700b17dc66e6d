/**
 * Every problem of a design, as the engine's compile sees it: the model's validation plus each
 * Analytics node's SQL checked by the real SQL validator (src/sql). The studio joins the same two
 * (store/studio.ts), loading the SQL half lazily, so a design whose SQL the engine would refuse never
 * looks clean in the studio.
 */
import type { Diagnostic, PipelineDoc } from '../model/types.ts';
import { validateDocument } from '../model/validate.ts';
import { analyticsProblems } from '../sql/index.ts';

export { analyticsInputs } from '../sql/index.ts';

export function designProblems(doc: PipelineDoc): Diagnostic[] {
  return [...validateDocument(doc), ...analyticsProblems(doc)];
}
