/**
 * Import a CloudFormation template (JSON or YAML) as a new design: the resources Shardscape's
 * exporter writes become nodes, edges and configs again; what has no node is listed with why.
 * A template the exporter wrote carries `Metadata.Shardscape` too, which makes the round trip exact.
 * Pure: no DOM, no Node APIs (the studio and `shardscape import` share it).
 */
import type { Diagnostic, PipelineDoc } from '../../model/types.ts';
import { parseDocument } from '../document.ts';
import { assemble, type ShardscapeMetadata } from './assemble.ts';
import { derive, type Unmapped } from './derive.ts';
import { type CfnTemplate, parseTemplate } from './parse.ts';

export type { ShardscapeMetadata } from './assemble.ts';
export type { Unmapped } from './derive.ts';
export { designMetadata } from './metadata.ts';
export { looksLikeCloudFormation, mightBeCloudFormation, parseTemplate } from './parse.ts';

export type CfnImport =
  | { ok: true; doc: PipelineDoc; unmapped: Unmapped[]; diagnostics: Diagnostic[]; exact: boolean }
  | { ok: false; message: string };

function metadataOf(t: CfnTemplate): ShardscapeMetadata | null {
  const m = t.Metadata?.Shardscape as unknown as ShardscapeMetadata | undefined;
  return m && typeof m === 'object' && m.Version === 1 ? m : null;
}

/** `clickstream.template.yaml` → `clickstream`. */
const baseName = (file: string) =>
  file.replace(/^.*[\\/]/, '').replace(/(\.template)?\.(ya?ml|json|txt)$/i, '');

export function importTemplate(template: CfnTemplate, fileName = 'template'): CfnImport {
  const derived = derive(template);
  const meta = metadataOf(template);
  const tries: (ShardscapeMetadata | null)[] = meta ? [meta, null] : [null];
  let last = '';
  for (const m of tries) {
    let assembled: ReturnType<typeof assemble>;
    try {
      assembled = assemble(derived, m, { fallbackName: baseName(fileName) || 'Imported template' });
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
      continue;
    }
    const parsed = parseDocument(JSON.stringify(assembled.doc));
    if (!parsed.ok) {
      last = parsed.error.message;
      continue;
    }
    const unmapped =
      meta && !m
        ? [
            ...assembled.unmapped,
            {
              logicalId: 'Metadata',
              type: 'Shardscape',
              reason: `not readable (${last}): the design comes from the resources alone`,
              reasonJa: `読み取れません (${last})。デザインはリソースだけから作りました`,
            },
          ]
        : assembled.unmapped;
    return { ok: true, doc: parsed.doc, unmapped, diagnostics: parsed.diagnostics, exact: m !== null };
  }
  return { ok: false, message: `The template could not be turned into a design: ${last}` };
}

export function importCloudFormation(text: string, fileName = 'template'): CfnImport {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return parsed;
  if (Object.keys(parsed.template.Resources).length === 0)
    return { ok: false, message: 'The template has no resources.' };
  return importTemplate(parsed.template, fileName);
}
