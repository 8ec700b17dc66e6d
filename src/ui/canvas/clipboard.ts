/**
 * Copy / paste / duplicate as pure functions: a copied fragment is the selected nodes plus the edges
 * between them; pasting gives every node a new id and a unique name and shifts it so the copy does
 * not hide the original.
 */
import type { Change } from '../../model/changes.ts';
import type { PipelineDoc, PipelineEdge, PipelineNode } from '../../model/types.ts';

export interface Fragment {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}

export function copyFragment(doc: PipelineDoc, nodeIds: string[]): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  // Deep copy: later edits of the originals must not leak into the clipboard.
  return structuredClone({ nodes, edges });
}

/** `orders` → `orders-copy`, then `orders-copy-2`, `orders-copy-3`, … until unused. */
export function uniqueName(base: string, taken: Set<string>): string {
  const stem = base.replace(/-copy(-\d+)?$/, '');
  let name = `${stem}-copy`;
  for (let i = 2; taken.has(name); i += 1) name = `${stem}-copy-${i}`;
  taken.add(name);
  return name;
}

/** Changes that add the fragment to `doc`, offset by `offset` px; returns the new node ids too. */
export function pasteFragment(
  doc: PipelineDoc,
  fragment: Fragment,
  offset: { x: number; y: number },
  newId: (prefix: string) => string,
): { changes: Change[]; nodeIds: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.name));
  const idMap = new Map<string, string>();
  const changes: Change[] = [];
  for (const node of fragment.nodes) {
    const id = newId(node.kind);
    idMap.set(node.id, id);
    const copy = {
      ...structuredClone(node),
      id,
      name: uniqueName(node.name, taken),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    } as PipelineNode;
    changes.push({ type: 'node/add', node: copy });
  }
  for (const edge of fragment.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    changes.push({
      type: 'edge/add',
      edge: { id: newId('edge'), source, target, config: structuredClone(edge.config) },
    });
  }
  return { changes, nodeIds: [...idMap.values()] };
}
