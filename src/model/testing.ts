/** Helpers for the model's tests (and for other layers' tests that need small designs). */
import { applyChanges } from './changes.ts';
import { canConnect } from './connections.ts';
import { createNode, emptyDocument } from './factory.ts';
import type { ConfigByKind, EdgeConfig, NodeKind, PipelineDoc, PipelineNode } from './types.ts';

/** Freeze a value and everything reachable from it, so any mutation throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export type NodeSketch = {
  [K in NodeKind]: { id: string; kind: K; config?: Partial<ConfigByKind[K]> };
}[NodeKind];

/**
 * A design from nodes and [source, target] pairs. Edges are added as-is (not through canConnect),
 * so tests can build designs the studio would refuse; `checked: true` uses canConnect's edge config.
 */
export function sketch(
  nodes: NodeSketch[],
  edges: [string, string, EdgeConfig?][] = [],
  opts: { checked?: boolean } = {},
): PipelineDoc {
  let doc = emptyDocument('test');
  const made = nodes.map((n, i) => {
    const node = createNode(n.kind, { id: n.id, position: { x: i * 260, y: 0 }, existingNames: [] });
    return { ...node, name: n.id, config: { ...node.config, ...n.config } } as PipelineNode;
  });
  doc = applyChanges(
    doc,
    made.map((node) => ({ type: 'node/add' as const, node })),
  );
  for (const [source, target, config] of edges) {
    let cfg = config ?? {};
    if (opts.checked) {
      const c = canConnect(doc, source, target);
      if (!c.ok) throw new Error(`${source} → ${target}: ${c.reason.en}`);
      cfg = { ...c.config, ...config };
    }
    doc = applyChanges(doc, [
      { type: 'edge/add', edge: { id: `${source}->${target}`, source, target, config: cfg } },
    ]);
  }
  return doc;
}
