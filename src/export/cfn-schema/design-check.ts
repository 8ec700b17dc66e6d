/**
 * The design's CloudFormation export checked against the provider schemas, as Problems-tab
 * warnings on the node each resource comes from. Loaded lazily by the store (not in the first
 * load): the schema file is ~15 kB gzipped.
 */
import { makeDiagnostic } from '../../model/messages.ts';
import type { Diagnostic, PipelineDoc } from '../../model/types.ts';
import { BuildContext } from '../cloudformation/context.ts';
import { toCloudFormation } from '../cloudformation/index.ts';
import { checkTemplate, type SchemaFile } from './checker.ts';
import schema from './schema.json';

/** Logical id → node id: a node's main resource, or a resource named after it (`ClicksRole`). */
function owners(doc: PipelineDoc): (logicalId: string) => string | undefined {
  const c = new BuildContext(doc);
  const ids = doc.nodes.map((n) => [c.id(n), n.id] as const).sort((a, b) => b[0].length - a[0].length);
  return (logical) => ids.find(([id]) => logical.startsWith(id))?.[1];
}

export function schemaProblems(doc: PipelineDoc): Diagnostic[] {
  if (doc.nodes.length === 0) return [];
  const { template } = toCloudFormation(doc, { metadata: false });
  const nodeOf = owners(doc);
  return checkTemplate(template, schema as SchemaFile).map((f) => {
    const nodeId = nodeOf(f.logicalId);
    return makeDiagnostic(
      'warning',
      'export-schema',
      {
        resource: f.logicalId,
        path: f.path.replace(/^Properties\./, ''),
        rule: f.rule,
        expected: f.expected,
        value: f.value,
      },
      nodeId ? { nodeId } : {},
    );
  });
}
